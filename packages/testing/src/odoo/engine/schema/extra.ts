import type { CompactSchema } from './compact.js';

/**
 * Models the engine needs that the recordings' `fields_get` does not cover (users, companies,
 * wizards…). Where a model is also recorded, the recorded definitions win.
 */
export const EXTRA_MODELS: CompactSchema = {
  'res.users': {
    name: ['char', 'Name', 5],
    login: ['char', 'Login', 5],
    active: ['boolean', 'Active', 4],
    partner_id: ['many2one', 'Related Partner', 5, 'res.partner'],
    company_id: ['many2one', 'Company', 5, 'res.company'],
    share: ['boolean', 'Share User', 6],
  },
  'res.company': {
    name: ['char', 'Company Name', 5],
    partner_id: ['many2one', 'Partner', 5, 'res.partner'],
    currency_id: ['many2one', 'Currency', 5, 'res.currency'],
  },
  'res.country': { name: ['char', 'Country Name', 5], code: ['char', 'Country Code', 4] },
  'res.currency': { name: ['char', 'Currency', 5], symbol: ['char', 'Symbol', 5] },
  'ir.config_parameter': { key: ['char', 'Key', 5], value: ['text', 'Value', 5] },
  'ir.model.data': {
    name: ['char', 'External Identifier', 5],
    module: ['char', 'Module', 5],
    model: ['char', 'Model Name', 5],
    res_id: ['many2one_reference', 'Record ID', 4],
    noupdate: ['boolean', 'Non Updatable', 4],
  },
  'uom.category': { name: ['char', 'Unit of Measure Category', 5] },
  'stock.picking.type': {
    name: ['char', 'Operation Type', 5],
    code: [
      'selection',
      'Type of Operation',
      5,
      [
        ['incoming', 'Receipt'],
        ['outgoing', 'Delivery'],
        ['internal', 'Internal Transfer'],
      ],
    ],
    sequence_code: ['char', 'Sequence Prefix', 5],
    warehouse_id: ['many2one', 'Warehouse', 4, 'stock.warehouse'],
    default_location_src_id: ['many2one', 'Default Source Location', 4, 'stock.location'],
    default_location_dest_id: ['many2one', 'Default Destination Location', 4, 'stock.location'],
    return_picking_type_id: ['many2one', 'Operation Type for Returns', 4, 'stock.picking.type'],
    active: ['boolean', 'Active', 4],
  },
  'stock.backorder.confirmation': {
    pick_ids: ['many2many', 'Pick', 4, 'stock.picking'],
    show_transfers: ['boolean', 'Show Transfers', 4],
  },
  'stock.return.picking': {
    picking_id: ['many2one', 'Picking', 4, 'stock.picking'],
    product_return_moves: ['one2many', 'Moves', 4, 'stock.return.picking.line'],
    location_id: ['many2one', 'Return Location', 4, 'stock.location'],
  },
  'mail.message.subtype': {
    name: ['char', 'Message Type', 5],
    description: ['text', 'Description', 4],
    internal: ['boolean', 'Internal Only', 4],
    default: ['boolean', 'Default', 4],
  },
  'mail.message': {
    subject: ['char', 'Subject', 4],
    date: ['datetime', 'Date', 4],
    body: ['html', 'Contents', 4],
    model: ['char', 'Related Document Model', 4],
    res_id: ['many2one_reference', 'Related Document ID', 4],
    record_name: ['char', 'Message Record Name', 4],
    message_type: [
      'selection',
      'Type',
      5,
      [
        ['email', 'Incoming Email'],
        ['comment', 'Comment'],
        ['email_outgoing', 'Outgoing Email'],
        ['notification', 'System notification'],
        ['auto_comment', 'Automated Targeted Notification'],
        ['user_notification', 'User Specific Notification'],
      ],
    ],
    subtype_id: ['many2one', 'Subtype', 4, 'mail.message.subtype'],
    author_id: ['many2one', 'Author', 4, 'res.partner'],
    email_from: ['char', 'From', 4],
    parent_id: ['many2one', 'Parent Message', 4, 'mail.message'],
    is_internal: ['boolean', 'Employee Only', 4],
    partner_ids: ['many2many', 'Recipients', 4, 'res.partner'],
  },
  // Packages: `stock.quant.package` up to 18, renamed `stock.package` in 19 (`schemaFor` keeps the version's one).
  'stock.quant.package': {
    name: ['char', 'Package Reference', 5],
    location_id: ['many2one', 'Location', 4, 'stock.location'],
  },
  'stock.package': {
    name: ['char', 'Package Reference', 5],
    location_id: ['many2one', 'Location', 4, 'stock.location'],
  },
  'stock.return.picking.line': {
    wizard_id: ['many2one', 'Wizard', 4, 'stock.return.picking'],
    product_id: ['many2one', 'Product', 5, 'product.product'],
    quantity: ['float', 'Quantity', 5],
    move_id: ['many2one', 'Move', 4, 'stock.move'],
    uom_id: ['many2one', 'Unit of Measure', 2, 'uom.uom'],
  },
};

/** `model.field` of a one2many → the many2one on the comodel that points back. */
export const ONE2MANY_INVERSES: Readonly<Record<string, string>> = {
  'sale.order.order_line': 'order_id',
  'sale.order.picking_ids': 'sale_id',
  'sale.order.line.move_ids': 'sale_line_id',
  'stock.picking.move_ids': 'picking_id',
  'stock.picking.move_ids_without_package': 'picking_id',
  'stock.picking.move_line_ids': 'picking_id',
  'stock.picking.backorder_ids': 'backorder_id',
  'stock.move.move_line_ids': 'move_id',
  'stock.location.child_ids': 'location_id',
  'stock.location.quant_ids': 'location_id',
  'stock.lot.quant_ids': 'lot_id',
  'res.partner.child_ids': 'parent_id',
  'res.partner.user_ids': 'partner_id',
  'product.product.stock_quant_ids': 'product_id',
  'product.product.stock_move_ids': 'product_id',
  'stock.return.picking.product_return_moves': 'wizard_id',
  'stock.picking.return_ids': 'return_id',
  'stock.move.returned_move_ids': 'origin_returned_move_id',
};
