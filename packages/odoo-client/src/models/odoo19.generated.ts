// This file is generated: do not edit it by hand.
// Source: `fields_get` of 13 models on Odoo 19.0.
// Command: crossdock-odoo codegen --from-file recordings/odoo/19.0/fields_get.json --out packages/odoo-client/src/models --file-name odoo19.generated.ts

import { z } from 'zod';

/**
 * One x2many write command: `[0, 0, values]` create, `[1, id, values]` update, `[2, id]` delete,
 * `[3, id]` unlink, `[4, id]` link, `[5]` unlink all, `[6, 0, ids]` replace with `ids`.
 */
export type X2ManyCommand<V = Record<string, unknown>> =
  | readonly [0, 0, V]
  | readonly [1, number, V]
  | readonly [2, number]
  | readonly [3, number]
  | readonly [4, number]
  | readonly [5]
  | readonly [6, 0, readonly number[]];

/** Odoo's empty value: `false` as sent, or `null` once normalised; parsed to `null`. */
const empty = z.union([z.null(), z.literal(false).transform(() => null)]);

/** `schema`, or Odoo's empty value parsed to `null`. */
function orNull<T extends z.ZodType>(schema: T) {
  return z.union([schema, empty]);
}

/** A many2one as sent (`[id, name]`) or normalised (`{ id, name }`), parsed to `{ id, name } | null`. */
const many2one = orNull(
  z.union([
    z.tuple([z.number(), z.string()]).transform(([id, name]) => ({ id, name })),
    z.object({ id: z.number(), name: z.string() }),
  ]),
);

/** A one2many or many2many: the related ids. */
const x2many = z.array(z.number());

// delivery.carrier

/** A `delivery.carrier` record as read through the client (normalised). */
export interface DeliveryCarrier {
  /** Active (`boolean`) */
  active: boolean;
  /** Cash on Delivery (`boolean`) */
  allow_cash_on_delivery: boolean;
  /** Amount (`float`) */
  amount: number;
  /** Can Generate Return (`boolean`, readonly) */
  can_generate_return: boolean;
  /** Carrier Description (`text`) */
  carrier_description: string | null;
  /** Company (`many2one` → `res.company`) */
  company_id: { id: number; name: string } | null;
  /** Countries (`many2many` → `res.country`) */
  country_ids: number[];
  /** Created on (`datetime`, readonly) */
  create_date: string | null;
  /** Created by (`many2one` → `res.users`, readonly) */
  create_uid: { id: number; name: string } | null;
  /** Currency (`many2one` → `res.currency`, readonly) */
  currency_id: { id: number; name: string } | null;
  /** Debug logging (`boolean`) */
  debug_logging: boolean;
  /**
   * Provider (`selection`, required)
   * Values: `base_on_rule` Based on Rules, `fixed` Fixed Price.
   */
  delivery_type: 'base_on_rule' | 'fixed';
  /** Display Name (`char`, readonly) */
  display_name: string | null;
  /** Excluded Tags (`many2many` → `product.tag`) */
  excluded_tag_ids: number[];
  /** Fixed Margin (`float`) */
  fixed_margin: number;
  /** Fixed Price (`float`) */
  fixed_price: number;
  /** Free if order amount is above (`boolean`) */
  free_over: boolean;
  /** Return Label Accessible from Customer Portal (`boolean`) */
  get_return_label_from_portal: boolean;
  /** ID (`integer`, readonly) */
  id: number;
  /**
   * Integration Level (`selection`)
   * Values: `rate` Get Rate, `rate_and_ship` Get Rate and Create Shipment.
   */
  integration_level: 'rate' | 'rate_and_ship' | null;
  /**
   * Invoicing Policy (`selection`, required)
   * Values: `estimated` Estimated cost, `real` Real cost.
   */
  invoice_policy: 'estimated' | 'real';
  /** Margin (`float`) */
  margin: number;
  /** Max Volume (`float`) */
  max_volume: number;
  /** Max Weight (`float`) */
  max_weight: number;
  /** Must Have Tags (`many2many` → `product.tag`) */
  must_have_tag_ids: number[];
  /** Delivery Method (`char`, required) */
  name: string;
  /** Pricing Rules (`one2many` → `delivery.price.rule`) */
  price_rule_ids: number[];
  /** Environment (`boolean`) */
  prod_environment: boolean;
  /** Delivery Product (`many2one` → `product.product`, required) */
  product_id: { id: number; name: string } | null;
  /** Generate Return Label (`boolean`) */
  return_label_on_delivery: boolean;
  /** Routes (`many2many` → `stock.route`) */
  route_ids: number[];
  /** Sequence (`integer`) */
  sequence: number;
  /** Insurance Percentage (`integer`) */
  shipping_insurance: number;
  /** States (`many2many` → `res.country.state`) */
  state_ids: number[];
  /** Supports Shipping Insurance (`boolean`, readonly) */
  supports_shipping_insurance: boolean;
  /** Tracking Link (`char`) */
  tracking_url: string | null;
  /** Volume unit of measure label (`char`, readonly) */
  volume_uom_name: string | null;
  /** Weight unit of measure label (`char`, readonly) */
  weight_uom_name: string | null;
  /** Last Updated on (`datetime`, readonly) */
  write_date: string | null;
  /** Last Updated by (`many2one` → `res.users`, readonly) */
  write_uid: { id: number; name: string } | null;
  /** Zip Prefixes (`many2many` → `delivery.zip.prefix`) */
  zip_prefix_ids: number[];
}

/** Values to `write` on `delivery.carrier`: every writable field, optional; `false` clears a value. */
export interface DeliveryCarrierValues {
  /** Active (`boolean`) */
  active?: boolean;
  /** Cash on Delivery (`boolean`) */
  allow_cash_on_delivery?: boolean;
  /** Amount (`float`) */
  amount?: number;
  /** Carrier Description (`text`) */
  carrier_description?: string | false;
  /** Company (`many2one` → `res.company`) */
  company_id?: number | false;
  /** Countries (`many2many` → `res.country`) */
  country_ids?: X2ManyCommand[];
  /** Debug logging (`boolean`) */
  debug_logging?: boolean;
  /** Provider (`selection`, required) */
  delivery_type?: 'base_on_rule' | 'fixed' | false;
  /** Excluded Tags (`many2many` → `product.tag`) */
  excluded_tag_ids?: X2ManyCommand[];
  /** Fixed Margin (`float`) */
  fixed_margin?: number;
  /** Fixed Price (`float`) */
  fixed_price?: number;
  /** Free if order amount is above (`boolean`) */
  free_over?: boolean;
  /** Return Label Accessible from Customer Portal (`boolean`) */
  get_return_label_from_portal?: boolean;
  /** Integration Level (`selection`) */
  integration_level?: 'rate' | 'rate_and_ship' | false;
  /** Invoicing Policy (`selection`, required) */
  invoice_policy?: 'estimated' | 'real' | false;
  /** Margin (`float`) */
  margin?: number;
  /** Max Volume (`float`) */
  max_volume?: number;
  /** Max Weight (`float`) */
  max_weight?: number;
  /** Must Have Tags (`many2many` → `product.tag`) */
  must_have_tag_ids?: X2ManyCommand[];
  /** Delivery Method (`char`, required) */
  name?: string | false;
  /** Pricing Rules (`one2many` → `delivery.price.rule`) */
  price_rule_ids?: X2ManyCommand[];
  /** Environment (`boolean`) */
  prod_environment?: boolean;
  /** Delivery Product (`many2one` → `product.product`, required) */
  product_id?: number | false;
  /** Generate Return Label (`boolean`) */
  return_label_on_delivery?: boolean;
  /** Routes (`many2many` → `stock.route`) */
  route_ids?: X2ManyCommand[];
  /** Sequence (`integer`) */
  sequence?: number;
  /** Insurance Percentage (`integer`) */
  shipping_insurance?: number;
  /** States (`many2many` → `res.country.state`) */
  state_ids?: X2ManyCommand[];
  /** Tracking Link (`char`) */
  tracking_url?: string | false;
  /** Zip Prefixes (`many2many` → `delivery.zip.prefix`) */
  zip_prefix_ids?: X2ManyCommand[];
}

/** Values to `create` a `delivery.carrier`: the fields the server requires are required. */
export interface DeliveryCarrierCreateValues extends DeliveryCarrierValues {
  /** Provider (`selection`, required) */
  delivery_type: 'base_on_rule' | 'fixed';
  /** Invoicing Policy (`selection`, required) */
  invoice_policy: 'estimated' | 'real';
  /** Delivery Method (`char`, required) */
  name: string;
  /** Delivery Product (`many2one` → `product.product`, required) */
  product_id: number;
}

/** Parses a `delivery.carrier` record as sent by Odoo or normalised into {@link DeliveryCarrier}. */
export const DeliveryCarrierSchema = z.object({
  active: z.boolean(),
  allow_cash_on_delivery: z.boolean(),
  amount: z.number(),
  can_generate_return: z.boolean(),
  carrier_description: orNull(z.string()),
  company_id: many2one,
  country_ids: x2many,
  create_date: orNull(z.string()),
  create_uid: many2one,
  currency_id: many2one,
  debug_logging: z.boolean(),
  delivery_type: z.literal(['base_on_rule', 'fixed']),
  display_name: orNull(z.string()),
  excluded_tag_ids: x2many,
  fixed_margin: z.number(),
  fixed_price: z.number(),
  free_over: z.boolean(),
  get_return_label_from_portal: z.boolean(),
  id: z.number(),
  integration_level: orNull(z.literal(['rate', 'rate_and_ship'])),
  invoice_policy: z.literal(['estimated', 'real']),
  margin: z.number(),
  max_volume: z.number(),
  max_weight: z.number(),
  must_have_tag_ids: x2many,
  name: z.string(),
  price_rule_ids: x2many,
  prod_environment: z.boolean(),
  product_id: many2one,
  return_label_on_delivery: z.boolean(),
  route_ids: x2many,
  sequence: z.number(),
  shipping_insurance: z.number(),
  state_ids: x2many,
  supports_shipping_insurance: z.boolean(),
  tracking_url: orNull(z.string()),
  volume_uom_name: orNull(z.string()),
  weight_uom_name: orNull(z.string()),
  write_date: orNull(z.string()),
  write_uid: many2one,
  zip_prefix_ids: x2many,
}) satisfies z.ZodType<DeliveryCarrier>;

// product.product

/** A `product.product` record as read through the client (normalised). */
export interface ProductProduct {
  /** Account Tags (`many2many` → `account.account.tag`) */
  account_tag_ids: number[];
  /** Active (`boolean`) */
  active: boolean;
  /** Next Activity Deadline (`date`, readonly) */
  activity_date_deadline: string | null;
  /**
   * Activity Exception Decoration (`selection`, readonly)
   * Values: `warning` Alert, `danger` Error.
   */
  activity_exception_decoration: 'warning' | 'danger' | null;
  /** Icon (`char`, readonly) */
  activity_exception_icon: string | null;
  /** Activities (`one2many` → `mail.activity`) */
  activity_ids: number[];
  /**
   * Activity State (`selection`, readonly)
   * Values: `overdue` Overdue, `today` Today, `planned` Planned.
   */
  activity_state: 'overdue' | 'today' | 'planned' | null;
  /** Next Activity Summary (`char`) */
  activity_summary: string | null;
  /** Activity Type Icon (`char`, readonly) */
  activity_type_icon: string | null;
  /** Next Activity Type (`many2one` → `mail.activity.type`) */
  activity_type_id: { id: number; name: string } | null;
  /** Responsible User (`many2one` → `res.users`, readonly) */
  activity_user_id: { id: number; name: string } | null;
  /** Variant Tags (`many2many` → `product.tag`) */
  additional_product_tag_ids: number[];
  /** All Product Tag (`many2many` → `product.tag`, readonly) */
  all_product_tag_ids: number[];
  /** Product Attributes (`one2many` → `product.template.attribute.line`) */
  attribute_line_ids: number[];
  /** Average Cost (`monetary`, readonly) */
  avg_cost: number;
  /** Barcode (`char`) */
  barcode: string | null;
  /** Can Image 1024 be zoomed (`boolean`, readonly) */
  can_image_1024_be_zoomed: boolean;
  /** Can Variant Image 1024 be zoomed (`boolean`, readonly) */
  can_image_variant_1024_be_zoomed: boolean;
  /** Product Category (`many2one` → `product.category`) */
  categ_id: { id: number; name: string } | null;
  /** Reference (`char`, readonly) */
  code: string | null;
  /** Color Index (`integer`) */
  color: number;
  /** Combination Indices (`char`, readonly) */
  combination_indices: string | null;
  /** Combo Choices (`many2many` → `product.combo`) */
  combo_ids: number[];
  /** Valuation Currency (`many2one` → `res.currency`, readonly) */
  company_currency_id: { id: number; name: string } | null;
  /** Company (`many2one` → `res.company`) */
  company_id: { id: number; name: string } | null;
  /** Cost Currency (`many2one` → `res.currency`, readonly) */
  cost_currency_id: { id: number; name: string } | null;
  /**
   * Cost Method (`selection`, readonly)
   * Values: `standard` Standard Price, `fifo` First In First Out (FIFO), `average` Average Cost (AVCO).
   */
  cost_method: 'standard' | 'fifo' | 'average' | null;
  /** Origin of Goods (`many2one` → `res.country`) */
  country_of_origin: { id: number; name: string } | null;
  /** Created on (`datetime`, readonly) */
  create_date: string | null;
  /** Created by (`many2one` → `res.users`, readonly) */
  create_uid: { id: number; name: string } | null;
  /** Currency (`many2one` → `res.currency`, readonly) */
  currency_id: { id: number; name: string } | null;
  /** Internal Reference (`char`) */
  default_code: string | null;
  /** Description (`html`) */
  description: string | null;
  /** Description on Picking (`text`) */
  description_picking: string | null;
  /** Description on Receptions (`text`) */
  description_pickingin: string | null;
  /** Description on Delivery Orders (`text`) */
  description_pickingout: string | null;
  /** Purchase Description (`text`) */
  description_purchase: string | null;
  /** Sales Description (`text`) */
  description_sale: string | null;
  /** Display Name (`char`, readonly) */
  display_name: string | null;
  /**
   * Re-Invoice Costs (`selection`)
   * Values: `no` No, `cost` At cost, `sales_price` Sales price.
   */
  expense_policy: 'no' | 'cost' | 'sales_price' | null;
  /** Fiscal Country Codes (`char`, readonly) */
  fiscal_country_codes: string | null;
  /** Free To Use Quantity (`float`, readonly) */
  free_qty: number;
  /** Routes can be selected on this product (`boolean`, readonly) */
  has_available_route_ids: boolean;
  /** Is a configurable product (`boolean`, readonly) */
  has_configurable_attributes: boolean;
  /** Has Message (`boolean`, readonly) */
  has_message: boolean;
  /** HS Code (`char`) */
  hs_code: string | null;
  /** ID (`integer`, readonly) */
  id: number;
  /** Image 1024 (`binary`, readonly) */
  image_1024: string | null;
  /** Image 128 (`binary`, readonly) */
  image_128: string | null;
  /** Image (`binary`) */
  image_1920: string | null;
  /** Image 256 (`binary`, readonly) */
  image_256: string | null;
  /** Image 512 (`binary`, readonly) */
  image_512: string | null;
  /** Variant Image 1024 (`binary`, readonly) */
  image_variant_1024: string | null;
  /** Variant Image 128 (`binary`, readonly) */
  image_variant_128: string | null;
  /** Variant Image (`binary`) */
  image_variant_1920: string | null;
  /** Variant Image 256 (`binary`, readonly) */
  image_variant_256: string | null;
  /** Variant Image 512 (`binary`, readonly) */
  image_variant_512: string | null;
  /** Incoming (`float`, readonly) */
  incoming_qty: number;
  /**
   * Invoicing Policy (`selection`)
   * Values: `order` Ordered quantities, `delivery` Delivered quantities.
   */
  invoice_policy: 'order' | 'delivery' | null;
  /** Is Dynamically Created (`boolean`, readonly) */
  is_dynamically_created: boolean;
  /** Favorite (`boolean`) */
  is_favorite: boolean;
  /** Is In Purchase Order (`boolean`, readonly) */
  is_in_purchase_order: boolean;
  /** Is In Selected Section Of Order (`boolean`) */
  is_in_selected_section_of_order: boolean;
  /** Is Product Variant (`boolean`, readonly) */
  is_product_variant: boolean;
  /** Track Inventory (`boolean`) */
  is_storable: boolean;
  /** Sales Price (`float`) */
  list_price: number;
  /** Location (`many2one` → `stock.location`) */
  location_id: { id: number; name: string } | null;
  /** Lot Properties (`properties_definition`) */
  lot_properties_definition: unknown;
  /** Serial/Lot Numbers Sequence (`many2one` → `ir.sequence`) */
  lot_sequence_id: { id: number; name: string } | null;
  /** Valuation by Lot/Serial (`boolean`) */
  lot_valuated: boolean;
  /** Sales Price (`float`) */
  lst_price: number;
  /** Attachment Count (`integer`, readonly) */
  message_attachment_count: number;
  /** Followers (`one2many` → `mail.followers`) */
  message_follower_ids: number[];
  /** Message Delivery error (`boolean`, readonly) */
  message_has_error: boolean;
  /** Number of errors (`integer`, readonly) */
  message_has_error_counter: number;
  /** SMS Delivery error (`boolean`, readonly) */
  message_has_sms_error: boolean;
  /** Messages (`one2many` → `mail.message`) */
  message_ids: number[];
  /** Is Follower (`boolean`, readonly) */
  message_is_follower: boolean;
  /** Action Needed (`boolean`, readonly) */
  message_needaction: boolean;
  /** Number of Actions (`integer`, readonly) */
  message_needaction_counter: number;
  /** Followers (Partners) (`many2many` → `res.partner`) */
  message_partner_ids: number[];
  /** Monthly Demand (`float`, readonly) */
  monthly_demand: number;
  /** My Activity Deadline (`date`, readonly) */
  my_activity_date_deadline: string | null;
  /** Name (`char`, required) */
  name: string;
  /** Nbr Moves In (`integer`, readonly) */
  nbr_moves_in: number;
  /** Nbr Moves Out (`integer`, readonly) */
  nbr_moves_out: number;
  /** Reordering Rules (`integer`, readonly) */
  nbr_reordering_rules: number;
  /** Next Serial (`char`, readonly) */
  next_serial: string | null;
  /** Optional Products (`many2many` → `product.template`) */
  optional_product_ids: number[];
  /** Minimum Stock Rules (`one2many` → `stock.warehouse.orderpoint`) */
  orderpoint_ids: number[];
  /** Outgoing (`float`, readonly) */
  outgoing_qty: number;
  /** Customer Ref (`char`, readonly) */
  partner_ref: string | null;
  /** Variant Price Extra (`float`, readonly) */
  price_extra: number;
  /** Pricelist Rules (`one2many` → `product.pricelist.item`) */
  pricelist_rule_ids: number[];
  /** Product Catalog Product Is In Sale Order (`boolean`, readonly) */
  product_catalog_product_is_in_sale_order: boolean;
  /** Documents Count (`integer`, readonly) */
  product_document_count: number;
  /** Documents (`one2many` → `product.document`) */
  product_document_ids: number[];
  /** Properties (`properties`) */
  product_properties: unknown;
  /** Tags (`many2many` → `product.tag`) */
  product_tag_ids: number[];
  /** Attribute Values (`many2many` → `product.template.attribute.value`) */
  product_template_attribute_value_ids: number[];
  /** Variant Values (`many2many` → `product.template.attribute.value`) */
  product_template_variant_value_ids: number[];
  /** Product Template (`many2one` → `product.template`, required) */
  product_tmpl_id: { id: number; name: string } | null;
  /** Product Tooltip (`char`, readonly) */
  product_tooltip: string | null;
  /** Unit Barcode (`one2many` → `product.uom`) */
  product_uom_ids: number[];
  /** # Product Variants (`integer`, readonly) */
  product_variant_count: number;
  /** Product (`many2one` → `product.product`, readonly) */
  product_variant_id: { id: number; name: string } | null;
  /** Products (`one2many` → `product.product`, required) */
  product_variant_ids: number[];
  /** Expense Account (`many2one` → `account.account`) */
  property_account_expense_id: { id: number; name: string } | null;
  /** Income Account (`many2one` → `account.account`) */
  property_account_income_id: { id: number; name: string } | null;
  /** Price Difference Account (`many2one` → `account.account`) */
  property_price_difference_account_id: { id: number; name: string } | null;
  /** Inventory Location (`many2one` → `stock.location`) */
  property_stock_inventory: { id: number; name: string } | null;
  /** Production Location (`many2one` → `stock.location`) */
  property_stock_production: { id: number; name: string } | null;
  /** Message for Purchase Order Line (`text`) */
  purchase_line_warn_msg: string | null;
  /**
   * Control Policy (`selection`)
   * Values: `purchase` On ordered quantities, `receive` On received quantities.
   */
  purchase_method: 'purchase' | 'receive' | null;
  /** Purchase (`boolean`) */
  purchase_ok: boolean;
  /** PO Lines (`one2many` → `purchase.order.line`) */
  purchase_order_line_ids: number[];
  /** Purchased (`float`, readonly) */
  purchased_product_qty: number;
  /** Putaway Rules (`one2many` → `stock.putaway.rule`) */
  putaway_rule_ids: number[];
  /** Quantity On Hand (`float`) */
  qty_available: number;
  /** Reordering Max Qty (`float`, readonly) */
  reordering_max_qty: number;
  /** Reordering Min Qty (`float`, readonly) */
  reordering_min_qty: number;
  /** Responsible (`many2one` → `res.users`) */
  responsible_id: { id: number; name: string } | null;
  /** Category Routes (`many2many` → `stock.route`, readonly) */
  route_from_categ_ids: number[];
  /** Routes (`many2many` → `stock.route`) */
  route_ids: number[];
  /** Customer Lead Time (`integer`) */
  sale_delay: number;
  /** Sales Order Line Warning (`text`) */
  sale_line_warn_msg: string | null;
  /** Sales (`boolean`) */
  sale_ok: boolean;
  /** Sold (`float`, readonly) */
  sales_count: number;
  /** Vendors (`one2many` → `product.supplierinfo`) */
  seller_ids: number[];
  /** Sequence (`integer`) */
  sequence: number;
  /** Custom Lot/Serial (`char`) */
  serial_prefix_format: string | null;
  /** Subcontract Service (`boolean`) */
  service_to_purchase: boolean;
  /**
   * Create on Order (`selection`, required)
   * Values: `no` Nothing.
   */
  service_tracking: 'no';
  /**
   * Track Service (`selection`)
   * Values: `manual` Manually set quantities on order.
   */
  service_type: 'manual' | null;
  /** Show Forecasted Qty Status Button (`boolean`, readonly) */
  show_forecasted_qty_status_button: boolean;
  /** Show On Hand Qty Status Button (`boolean`, readonly) */
  show_on_hand_qty_status_button: boolean;
  /** Show Qty Update Button (`boolean`, readonly) */
  show_qty_update_button: boolean;
  /** Cost (`float`) */
  standard_price: number;
  /** Stock Move (`one2many` → `stock.move`) */
  stock_move_ids: number[];
  /** Stock Quant (`one2many` → `stock.quant`) */
  stock_quant_ids: number[];
  /** Storage Category Capacity (`one2many` → `stock.storage.category.capacity`) */
  storage_category_capacity_ids: number[];
  /** Suggest Estimated Price (`float`, readonly) */
  suggest_estimated_price: number;
  /** Suggested Qty (`integer`, readonly) */
  suggested_qty: number;
  /** Purchase Taxes (`many2many` → `account.tax`) */
  supplier_taxes_id: number[];
  /** Tax String (`char`, readonly) */
  tax_string: string | null;
  /** Sales Taxes (`many2many` → `account.tax`) */
  taxes_id: number[];
  /** Total Value (`monetary`, readonly) */
  total_value: number;
  /**
   * Tracking (`selection`, required)
   * Values: `serial` By Unique Serial Number, `lot` By Lots, `none` By Quantity.
   */
  tracking: 'serial' | 'lot' | 'none';
  /**
   * Product Type (`selection`, required)
   * Values: `consu` Goods, `service` Service, `combo` Combo.
   */
  type: 'consu' | 'service' | 'combo';
  /** Unit (`many2one` → `uom.uom`, required) */
  uom_id: { id: number; name: string } | null;
  /** Packagings (`many2many` → `uom.uom`) */
  uom_ids: number[];
  /** Unit Name (`char`, readonly) */
  uom_name: string | null;
  /** Barcode is valid EAN (`boolean`, readonly) */
  valid_ean: boolean;
  /** Valid Product Attribute Lines (`many2many` → `product.template.attribute.line`, readonly) */
  valid_product_template_attribute_line_ids: number[];
  /**
   * Valuation (`selection`, readonly)
   * Values: `periodic` Periodic (at closing), `real_time` Perpetual (at invoicing).
   */
  valuation: 'periodic' | 'real_time' | null;
  /** Variant Seller (`one2many` → `product.supplierinfo`) */
  variant_seller_ids: number[];
  /** Forecasted Quantity (`float`, readonly) */
  virtual_available: number;
  /** Re-Invoice Policy visible (`boolean`, readonly) */
  visible_expense_policy: boolean;
  /** Volume (`float`) */
  volume: number;
  /** Volume unit of measure label (`char`, readonly) */
  volume_uom_name: string | null;
  /** Warehouse (`many2one` → `stock.warehouse`) */
  warehouse_id: { id: number; name: string } | null;
  /** Website Messages (`one2many` → `mail.message`) */
  website_message_ids: number[];
  /** Weight (`float`) */
  weight: number;
  /** Weight unit of measure label (`char`, readonly) */
  weight_uom_name: string | null;
  /** Write Date (`datetime`, readonly) */
  write_date: string | null;
  /** Last Updated by (`many2one` → `res.users`, readonly) */
  write_uid: { id: number; name: string } | null;
}

/** Values to `write` on `product.product`: every writable field, optional; `false` clears a value. */
export interface ProductProductValues {
  /** Account Tags (`many2many` → `account.account.tag`) */
  account_tag_ids?: X2ManyCommand[];
  /** Active (`boolean`) */
  active?: boolean;
  /** Activities (`one2many` → `mail.activity`) */
  activity_ids?: X2ManyCommand[];
  /** Next Activity Summary (`char`) */
  activity_summary?: string | false;
  /** Next Activity Type (`many2one` → `mail.activity.type`) */
  activity_type_id?: number | false;
  /** Variant Tags (`many2many` → `product.tag`) */
  additional_product_tag_ids?: X2ManyCommand[];
  /** Product Attributes (`one2many` → `product.template.attribute.line`) */
  attribute_line_ids?: X2ManyCommand[];
  /** Barcode (`char`) */
  barcode?: string | false;
  /** Product Category (`many2one` → `product.category`) */
  categ_id?: number | false;
  /** Color Index (`integer`) */
  color?: number;
  /** Combo Choices (`many2many` → `product.combo`) */
  combo_ids?: X2ManyCommand[];
  /** Company (`many2one` → `res.company`) */
  company_id?: number | false;
  /** Origin of Goods (`many2one` → `res.country`) */
  country_of_origin?: number | false;
  /** Internal Reference (`char`) */
  default_code?: string | false;
  /** Description (`html`) */
  description?: string | false;
  /** Description on Picking (`text`) */
  description_picking?: string | false;
  /** Description on Receptions (`text`) */
  description_pickingin?: string | false;
  /** Description on Delivery Orders (`text`) */
  description_pickingout?: string | false;
  /** Purchase Description (`text`) */
  description_purchase?: string | false;
  /** Sales Description (`text`) */
  description_sale?: string | false;
  /** Re-Invoice Costs (`selection`) */
  expense_policy?: 'no' | 'cost' | 'sales_price' | false;
  /** HS Code (`char`) */
  hs_code?: string | false;
  /** Image (`binary`) */
  image_1920?: string | false;
  /** Variant Image (`binary`) */
  image_variant_1920?: string | false;
  /** Invoicing Policy (`selection`) */
  invoice_policy?: 'order' | 'delivery' | false;
  /** Favorite (`boolean`) */
  is_favorite?: boolean;
  /** Is In Selected Section Of Order (`boolean`) */
  is_in_selected_section_of_order?: boolean;
  /** Track Inventory (`boolean`) */
  is_storable?: boolean;
  /** Sales Price (`float`) */
  list_price?: number;
  /** Location (`many2one` → `stock.location`) */
  location_id?: number | false;
  /** Lot Properties (`properties_definition`) */
  lot_properties_definition?: unknown;
  /** Serial/Lot Numbers Sequence (`many2one` → `ir.sequence`) */
  lot_sequence_id?: number | false;
  /** Valuation by Lot/Serial (`boolean`) */
  lot_valuated?: boolean;
  /** Sales Price (`float`) */
  lst_price?: number;
  /** Followers (`one2many` → `mail.followers`) */
  message_follower_ids?: X2ManyCommand[];
  /** Messages (`one2many` → `mail.message`) */
  message_ids?: X2ManyCommand[];
  /** Followers (Partners) (`many2many` → `res.partner`) */
  message_partner_ids?: X2ManyCommand<ResPartnerValues>[];
  /** Name (`char`, required) */
  name?: string | false;
  /** Optional Products (`many2many` → `product.template`) */
  optional_product_ids?: X2ManyCommand[];
  /** Minimum Stock Rules (`one2many` → `stock.warehouse.orderpoint`) */
  orderpoint_ids?: X2ManyCommand[];
  /** Pricelist Rules (`one2many` → `product.pricelist.item`) */
  pricelist_rule_ids?: X2ManyCommand[];
  /** Documents (`one2many` → `product.document`) */
  product_document_ids?: X2ManyCommand[];
  /** Properties (`properties`) */
  product_properties?: unknown;
  /** Tags (`many2many` → `product.tag`) */
  product_tag_ids?: X2ManyCommand[];
  /** Attribute Values (`many2many` → `product.template.attribute.value`) */
  product_template_attribute_value_ids?: X2ManyCommand[];
  /** Variant Values (`many2many` → `product.template.attribute.value`) */
  product_template_variant_value_ids?: X2ManyCommand[];
  /** Product Template (`many2one` → `product.template`, required) */
  product_tmpl_id?: number | false;
  /** Unit Barcode (`one2many` → `product.uom`) */
  product_uom_ids?: X2ManyCommand[];
  /** Products (`one2many` → `product.product`, required) */
  product_variant_ids?: X2ManyCommand<ProductProductValues>[];
  /** Expense Account (`many2one` → `account.account`) */
  property_account_expense_id?: number | false;
  /** Income Account (`many2one` → `account.account`) */
  property_account_income_id?: number | false;
  /** Price Difference Account (`many2one` → `account.account`) */
  property_price_difference_account_id?: number | false;
  /** Inventory Location (`many2one` → `stock.location`) */
  property_stock_inventory?: number | false;
  /** Production Location (`many2one` → `stock.location`) */
  property_stock_production?: number | false;
  /** Message for Purchase Order Line (`text`) */
  purchase_line_warn_msg?: string | false;
  /** Control Policy (`selection`) */
  purchase_method?: 'purchase' | 'receive' | false;
  /** Purchase (`boolean`) */
  purchase_ok?: boolean;
  /** PO Lines (`one2many` → `purchase.order.line`) */
  purchase_order_line_ids?: X2ManyCommand[];
  /** Putaway Rules (`one2many` → `stock.putaway.rule`) */
  putaway_rule_ids?: X2ManyCommand[];
  /** Quantity On Hand (`float`) */
  qty_available?: number;
  /** Responsible (`many2one` → `res.users`) */
  responsible_id?: number | false;
  /** Routes (`many2many` → `stock.route`) */
  route_ids?: X2ManyCommand[];
  /** Customer Lead Time (`integer`) */
  sale_delay?: number;
  /** Sales Order Line Warning (`text`) */
  sale_line_warn_msg?: string | false;
  /** Sales (`boolean`) */
  sale_ok?: boolean;
  /** Vendors (`one2many` → `product.supplierinfo`) */
  seller_ids?: X2ManyCommand[];
  /** Sequence (`integer`) */
  sequence?: number;
  /** Custom Lot/Serial (`char`) */
  serial_prefix_format?: string | false;
  /** Subcontract Service (`boolean`) */
  service_to_purchase?: boolean;
  /** Create on Order (`selection`, required) */
  service_tracking?: 'no' | false;
  /** Track Service (`selection`) */
  service_type?: 'manual' | false;
  /** Cost (`float`) */
  standard_price?: number;
  /** Stock Move (`one2many` → `stock.move`) */
  stock_move_ids?: X2ManyCommand<StockMoveValues>[];
  /** Stock Quant (`one2many` → `stock.quant`) */
  stock_quant_ids?: X2ManyCommand<StockQuantValues>[];
  /** Storage Category Capacity (`one2many` → `stock.storage.category.capacity`) */
  storage_category_capacity_ids?: X2ManyCommand[];
  /** Purchase Taxes (`many2many` → `account.tax`) */
  supplier_taxes_id?: X2ManyCommand[];
  /** Sales Taxes (`many2many` → `account.tax`) */
  taxes_id?: X2ManyCommand[];
  /** Tracking (`selection`, required) */
  tracking?: 'serial' | 'lot' | 'none' | false;
  /** Product Type (`selection`, required) */
  type?: 'consu' | 'service' | 'combo' | false;
  /** Unit (`many2one` → `uom.uom`, required) */
  uom_id?: number | false;
  /** Packagings (`many2many` → `uom.uom`) */
  uom_ids?: X2ManyCommand<UomUomValues>[];
  /** Variant Seller (`one2many` → `product.supplierinfo`) */
  variant_seller_ids?: X2ManyCommand[];
  /** Volume (`float`) */
  volume?: number;
  /** Warehouse (`many2one` → `stock.warehouse`) */
  warehouse_id?: number | false;
  /** Website Messages (`one2many` → `mail.message`) */
  website_message_ids?: X2ManyCommand[];
  /** Weight (`float`) */
  weight?: number;
}

/** Values to `create` a `product.product`: the fields the server requires are required. */
export interface ProductProductCreateValues extends ProductProductValues {
  /** Name (`char`, required) */
  name: string;
  /** Product Template (`many2one` → `product.template`, required) */
  product_tmpl_id: number;
  /** Products (`one2many` → `product.product`, required) */
  product_variant_ids: X2ManyCommand<ProductProductValues>[];
  /** Create on Order (`selection`, required) */
  service_tracking: 'no';
  /** Tracking (`selection`, required) */
  tracking: 'serial' | 'lot' | 'none';
  /** Product Type (`selection`, required) */
  type: 'consu' | 'service' | 'combo';
  /** Unit (`many2one` → `uom.uom`, required) */
  uom_id: number;
}

/** Parses a `product.product` record as sent by Odoo or normalised into {@link ProductProduct}. */
export const ProductProductSchema = z.object({
  account_tag_ids: x2many,
  active: z.boolean(),
  activity_date_deadline: orNull(z.string()),
  activity_exception_decoration: orNull(z.literal(['warning', 'danger'])),
  activity_exception_icon: orNull(z.string()),
  activity_ids: x2many,
  activity_state: orNull(z.literal(['overdue', 'today', 'planned'])),
  activity_summary: orNull(z.string()),
  activity_type_icon: orNull(z.string()),
  activity_type_id: many2one,
  activity_user_id: many2one,
  additional_product_tag_ids: x2many,
  all_product_tag_ids: x2many,
  attribute_line_ids: x2many,
  avg_cost: z.number(),
  barcode: orNull(z.string()),
  can_image_1024_be_zoomed: z.boolean(),
  can_image_variant_1024_be_zoomed: z.boolean(),
  categ_id: many2one,
  code: orNull(z.string()),
  color: z.number(),
  combination_indices: orNull(z.string()),
  combo_ids: x2many,
  company_currency_id: many2one,
  company_id: many2one,
  cost_currency_id: many2one,
  cost_method: orNull(z.literal(['standard', 'fifo', 'average'])),
  country_of_origin: many2one,
  create_date: orNull(z.string()),
  create_uid: many2one,
  currency_id: many2one,
  default_code: orNull(z.string()),
  description: orNull(z.string()),
  description_picking: orNull(z.string()),
  description_pickingin: orNull(z.string()),
  description_pickingout: orNull(z.string()),
  description_purchase: orNull(z.string()),
  description_sale: orNull(z.string()),
  display_name: orNull(z.string()),
  expense_policy: orNull(z.literal(['no', 'cost', 'sales_price'])),
  fiscal_country_codes: orNull(z.string()),
  free_qty: z.number(),
  has_available_route_ids: z.boolean(),
  has_configurable_attributes: z.boolean(),
  has_message: z.boolean(),
  hs_code: orNull(z.string()),
  id: z.number(),
  image_1024: orNull(z.string()),
  image_128: orNull(z.string()),
  image_1920: orNull(z.string()),
  image_256: orNull(z.string()),
  image_512: orNull(z.string()),
  image_variant_1024: orNull(z.string()),
  image_variant_128: orNull(z.string()),
  image_variant_1920: orNull(z.string()),
  image_variant_256: orNull(z.string()),
  image_variant_512: orNull(z.string()),
  incoming_qty: z.number(),
  invoice_policy: orNull(z.literal(['order', 'delivery'])),
  is_dynamically_created: z.boolean(),
  is_favorite: z.boolean(),
  is_in_purchase_order: z.boolean(),
  is_in_selected_section_of_order: z.boolean(),
  is_product_variant: z.boolean(),
  is_storable: z.boolean(),
  list_price: z.number(),
  location_id: many2one,
  lot_properties_definition: z.unknown(),
  lot_sequence_id: many2one,
  lot_valuated: z.boolean(),
  lst_price: z.number(),
  message_attachment_count: z.number(),
  message_follower_ids: x2many,
  message_has_error: z.boolean(),
  message_has_error_counter: z.number(),
  message_has_sms_error: z.boolean(),
  message_ids: x2many,
  message_is_follower: z.boolean(),
  message_needaction: z.boolean(),
  message_needaction_counter: z.number(),
  message_partner_ids: x2many,
  monthly_demand: z.number(),
  my_activity_date_deadline: orNull(z.string()),
  name: z.string(),
  nbr_moves_in: z.number(),
  nbr_moves_out: z.number(),
  nbr_reordering_rules: z.number(),
  next_serial: orNull(z.string()),
  optional_product_ids: x2many,
  orderpoint_ids: x2many,
  outgoing_qty: z.number(),
  partner_ref: orNull(z.string()),
  price_extra: z.number(),
  pricelist_rule_ids: x2many,
  product_catalog_product_is_in_sale_order: z.boolean(),
  product_document_count: z.number(),
  product_document_ids: x2many,
  product_properties: z.unknown(),
  product_tag_ids: x2many,
  product_template_attribute_value_ids: x2many,
  product_template_variant_value_ids: x2many,
  product_tmpl_id: many2one,
  product_tooltip: orNull(z.string()),
  product_uom_ids: x2many,
  product_variant_count: z.number(),
  product_variant_id: many2one,
  product_variant_ids: x2many,
  property_account_expense_id: many2one,
  property_account_income_id: many2one,
  property_price_difference_account_id: many2one,
  property_stock_inventory: many2one,
  property_stock_production: many2one,
  purchase_line_warn_msg: orNull(z.string()),
  purchase_method: orNull(z.literal(['purchase', 'receive'])),
  purchase_ok: z.boolean(),
  purchase_order_line_ids: x2many,
  purchased_product_qty: z.number(),
  putaway_rule_ids: x2many,
  qty_available: z.number(),
  reordering_max_qty: z.number(),
  reordering_min_qty: z.number(),
  responsible_id: many2one,
  route_from_categ_ids: x2many,
  route_ids: x2many,
  sale_delay: z.number(),
  sale_line_warn_msg: orNull(z.string()),
  sale_ok: z.boolean(),
  sales_count: z.number(),
  seller_ids: x2many,
  sequence: z.number(),
  serial_prefix_format: orNull(z.string()),
  service_to_purchase: z.boolean(),
  service_tracking: z.literal(['no']),
  service_type: orNull(z.literal(['manual'])),
  show_forecasted_qty_status_button: z.boolean(),
  show_on_hand_qty_status_button: z.boolean(),
  show_qty_update_button: z.boolean(),
  standard_price: z.number(),
  stock_move_ids: x2many,
  stock_quant_ids: x2many,
  storage_category_capacity_ids: x2many,
  suggest_estimated_price: z.number(),
  suggested_qty: z.number(),
  supplier_taxes_id: x2many,
  tax_string: orNull(z.string()),
  taxes_id: x2many,
  total_value: z.number(),
  tracking: z.literal(['serial', 'lot', 'none']),
  type: z.literal(['consu', 'service', 'combo']),
  uom_id: many2one,
  uom_ids: x2many,
  uom_name: orNull(z.string()),
  valid_ean: z.boolean(),
  valid_product_template_attribute_line_ids: x2many,
  valuation: orNull(z.literal(['periodic', 'real_time'])),
  variant_seller_ids: x2many,
  virtual_available: z.number(),
  visible_expense_policy: z.boolean(),
  volume: z.number(),
  volume_uom_name: orNull(z.string()),
  warehouse_id: many2one,
  website_message_ids: x2many,
  weight: z.number(),
  weight_uom_name: orNull(z.string()),
  write_date: orNull(z.string()),
  write_uid: many2one,
}) satisfies z.ZodType<ProductProduct>;

// res.partner

/** A `res.partner` record as read through the client (normalised). */
export interface ResPartner {
  /** Account Move Count (`integer`, readonly) */
  account_move_count: number;
  /** Active (`boolean`) */
  active: boolean;
  /** Active Lang Count (`integer`, readonly) */
  active_lang_count: number;
  /** Next Activity Deadline (`date`, readonly) */
  activity_date_deadline: string | null;
  /**
   * Activity Exception Decoration (`selection`, readonly)
   * Values: `warning` Alert, `danger` Error.
   */
  activity_exception_decoration: 'warning' | 'danger' | null;
  /** Icon (`char`, readonly) */
  activity_exception_icon: string | null;
  /** Activities (`one2many` → `mail.activity`) */
  activity_ids: number[];
  /**
   * Activity State (`selection`, readonly)
   * Values: `overdue` Overdue, `today` Today, `planned` Planned.
   */
  activity_state: 'overdue' | 'today' | 'planned' | null;
  /** Next Activity Summary (`char`) */
  activity_summary: string | null;
  /** Activity Type Icon (`char`, readonly) */
  activity_type_icon: string | null;
  /** Next Activity Type (`many2one` → `mail.activity.type`) */
  activity_type_id: { id: number; name: string } | null;
  /** Responsible User (`many2one` → `res.users`, readonly) */
  activity_user_id: { id: number; name: string } | null;
  /** Stats (`json`, readonly) */
  application_statistics: unknown;
  /**
   * Auto-post bills (`selection`, required)
   * Values: `always` Always, `ask` Ask after 3 validations without edits, `never` Never.
   */
  autopost_bills: 'always' | 'ask' | 'never';
  /** Available Invoice Template Pdf Report (`one2many` → `ir.actions.report`, readonly) */
  available_invoice_template_pdf_report_ids: number[];
  /** Available Peppol Eas (`json`, readonly) */
  available_peppol_eas: unknown;
  /** Avatar 1024 (`binary`, readonly) */
  avatar_1024: string | null;
  /** Avatar 128 (`binary`, readonly) */
  avatar_128: string | null;
  /** Avatar (`binary`, readonly) */
  avatar_1920: string | null;
  /** Avatar 256 (`binary`, readonly) */
  avatar_256: string | null;
  /** Avatar 512 (`binary`, readonly) */
  avatar_512: string | null;
  /** Bank (`integer`, readonly) */
  bank_account_count: number;
  /** Banks (`one2many` → `res.partner.bank`) */
  bank_ids: number[];
  /** Barcode (`char`) */
  barcode: string | null;
  /** Buyer (`many2one` → `res.users`) */
  buyer_id: { id: number; name: string } | null;
  /** Tags (`many2many` → `res.partner.category`) */
  category_id: number[];
  /** Channels (`many2many` → `discuss.channel`) */
  channel_ids: number[];
  /** Channel Member (`one2many` → `discuss.channel.member`) */
  channel_member_ids: number[];
  /** Contact (`one2many` → `res.partner`) */
  child_ids: number[];
  /** City (`char`) */
  city: string | null;
  /** Color Index (`integer`) */
  color: number;
  /** Notes (`html`) */
  comment: string | null;
  /** Company Name Entity (`char`, readonly) */
  commercial_company_name: string | null;
  /** Commercial Entity (`many2one` → `res.partner`, readonly) */
  commercial_partner_id: { id: number; name: string } | null;
  /** Company (`many2one` → `res.company`) */
  company_id: { id: number; name: string } | null;
  /** Company Name (`char`) */
  company_name: string | null;
  /** Company ID (`char`) */
  company_registry: string | null;
  /** Company ID Label (`char`, readonly) */
  company_registry_label: string | null;
  /** Company Registry Placeholder (`char`, readonly) */
  company_registry_placeholder: string | null;
  /**
   * Company Type (`selection`)
   * Values: `person` Person, `company` Company.
   */
  company_type: 'person' | 'company' | null;
  /** Complete Name (`char`, readonly) */
  complete_name: string | null;
  /** Complete Address (`char`, readonly) */
  contact_address: string | null;
  /** Inlined Complete Address (`char`, readonly) */
  contact_address_inline: string | null;
  /** Partner Contracts (`one2many` → `account.analytic.account`, readonly) */
  contract_ids: number[];
  /** Country Code (`char`, readonly) */
  country_code: string | null;
  /** Country (`many2one` → `res.country`) */
  country_id: { id: number; name: string } | null;
  /** Created on (`datetime`, readonly) */
  create_date: string | null;
  /** Created by (`many2one` → `res.users`, readonly) */
  create_uid: { id: number; name: string } | null;
  /** Total Receivable (`monetary`, readonly) */
  credit: number;
  /** Credit Limit (`float`) */
  credit_limit: number;
  /** Credit To Invoice (`monetary`, readonly) */
  credit_to_invoice: number;
  /** Currency (`many2one` → `res.currency`, readonly) */
  currency_id: { id: number; name: string } | null;
  /** Customer Rank (`integer`) */
  customer_rank: number;
  /** Days Sales Outstanding (DSO) (`float`, readonly) */
  days_sales_outstanding: number;
  /** Total Payable (`monetary`, readonly) */
  debit: number;
  /** Display Invoice Edi Format (`boolean`) */
  display_invoice_edi_format: boolean;
  /** Display Invoice Template Pdf Report (`boolean`) */
  display_invoice_template_pdf_report_id: boolean;
  /** Display Name (`char`, readonly) */
  display_name: string | null;
  /** Duplicate Bank Partner (`many2many` → `res.partner`, readonly) */
  duplicate_bank_partner_ids: number[];
  /** Email (`char`) */
  email: string | null;
  /** Formatted Email (`char`, readonly) */
  email_formatted: string | null;
  /** Normalized Email (`char`, readonly) */
  email_normalized: string | null;
  /** Employee (`boolean`) */
  employee: boolean;
  /** Fiscal Country Codes (`char`, readonly) */
  fiscal_country_codes: string | null;
  /** Fiscal Country Group Codes (`json`, readonly) */
  fiscal_country_group_codes: unknown;
  /** Job Position (`char`) */
  function: string | null;
  /** GLN (`char`) */
  global_location_number: string | null;
  /**
   * Week Day (`selection`, required)
   * Values: `default` Expected Date, `1` Monday, `2` Tuesday, `3` Wednesday, `4` Thursday, `5` Friday, `6` Saturday, `7` Sunday.
   */
  group_on: 'default' | '1' | '2' | '3' | '4' | '5' | '6' | '7';
  /**
   * Group RFQ (`selection`, required)
   * Values: `default` On Order, `day` Daily, `week` Weekly, `all` Always.
   */
  group_rfq: 'default' | 'day' | 'week' | 'all';
  /** Has Message (`boolean`, readonly) */
  has_message: boolean;
  /** ID (`integer`, readonly) */
  id: number;
  /** Ignore Abnormal Invoice Amount (`boolean`) */
  ignore_abnormal_invoice_amount: boolean;
  /** Ignore Abnormal Invoice Date (`boolean`) */
  ignore_abnormal_invoice_date: boolean;
  /** IM Status (`char`, readonly) */
  im_status: string | null;
  /** Image 1024 (`binary`, readonly) */
  image_1024: string | null;
  /** Image 128 (`binary`, readonly) */
  image_128: string | null;
  /** Image (`binary`) */
  image_1920: string | null;
  /** Image 256 (`binary`, readonly) */
  image_256: string | null;
  /** Image 512 (`binary`, readonly) */
  image_512: string | null;
  /** Industry (`many2one` → `res.partner.industry`) */
  industry_id: { id: number; name: string } | null;
  /**
   * eInvoice format (`selection`)
   * Values: `facturx` France (FacturX), `ubl_bis3` EU Standard (Peppol Bis 3.0), `xrechnung` Germany (XRechnung), `nlcius` Netherlands (NLCIUS), `ubl_a_nz` Australia (BIS Billing 3.0 A-NZ), `ubl_sg` Singapore (BIS Billing 3.0 SG).
   */
  invoice_edi_format: 'facturx' | 'ubl_bis3' | 'xrechnung' | 'nlcius' | 'ubl_a_nz' | 'ubl_sg' | null;
  /** Invoice Edi Format Store (`char`) */
  invoice_edi_format_store: string | null;
  /** Invoices (`one2many` → `account.move`, readonly) */
  invoice_ids: number[];
  /**
   * Invoice sending (`selection`)
   * Values: `manual` Manual, `email` by Email, `snailmail` by Post.
   */
  invoice_sending_method: 'manual' | 'email' | 'snailmail' | null;
  /** Invoice report (`many2one` → `ir.actions.report`) */
  invoice_template_pdf_report_id: { id: number; name: string } | null;
  /** Blacklist (`boolean`, readonly) */
  is_blacklisted: boolean;
  /** Is a Company (`boolean`) */
  is_company: boolean;
  /** Is In Call (`boolean`, readonly) */
  is_in_call: boolean;
  /** Is Peppol Edi Format (`boolean`, readonly) */
  is_peppol_edi_format: boolean;
  /** Is Pickup Location (`boolean`) */
  is_pickup_location: boolean;
  /** Is Public (`boolean`, readonly) */
  is_public: boolean;
  /** Is Ubl Format (`boolean`, readonly) */
  is_ubl_format: boolean;
  /**
   * Language (`selection`)
   * Values: `en_US` English (US).
   */
  lang: 'en_US' | null;
  /** Main User (`many2one` → `res.users`, readonly) */
  main_user_id: { id: number; name: string } | null;
  /** Attachment Count (`integer`, readonly) */
  message_attachment_count: number;
  /** Bounce (`integer`) */
  message_bounce: number;
  /** Followers (`one2many` → `mail.followers`) */
  message_follower_ids: number[];
  /** Message Delivery error (`boolean`, readonly) */
  message_has_error: boolean;
  /** Number of errors (`integer`, readonly) */
  message_has_error_counter: number;
  /** SMS Delivery error (`boolean`, readonly) */
  message_has_sms_error: boolean;
  /** Messages (`one2many` → `mail.message`) */
  message_ids: number[];
  /** Is Follower (`boolean`, readonly) */
  message_is_follower: boolean;
  /** Action Needed (`boolean`, readonly) */
  message_needaction: boolean;
  /** Number of Actions (`integer`, readonly) */
  message_needaction_counter: number;
  /** Followers (Partners) (`many2many` → `res.partner`) */
  message_partner_ids: number[];
  /** My Activity Deadline (`date`, readonly) */
  my_activity_date_deadline: string | null;
  /** Name (`char`) */
  name: string | null;
  /** Offline since (`datetime`, readonly) */
  offline_since: string | null;
  /** On-Time Delivery Rate (`float`, readonly) */
  on_time_rate: number;
  /** Related Company (`many2one` → `res.partner`) */
  parent_id: { id: number; name: string } | null;
  /** Parent name (`char`, readonly) */
  parent_name: string | null;
  /** Partner Company Registry Placeholder (`char`, readonly) */
  partner_company_registry_placeholder: string | null;
  /** Geo Latitude (`float`) */
  partner_latitude: number;
  /** Geo Longitude (`float`) */
  partner_longitude: number;
  /** Share Partner (`boolean`, readonly) */
  partner_share: boolean;
  /** Partner Vat Placeholder (`char`, readonly) */
  partner_vat_placeholder: string | null;
  /** Payment Token Count (`integer`, readonly) */
  payment_token_count: number;
  /** Payment Tokens (`one2many` → `payment.token`) */
  payment_token_ids: number[];
  /**
   * Peppol e-address (EAS) (`selection`)
   * One of 87 values.
   */
  peppol_eas: string | null;
  /** Peppol Endpoint (`char`) */
  peppol_endpoint: string | null;
  /** Phone (`char`) */
  phone: string | null;
  /** Blacklisted Phone is Phone (`boolean`, readonly) */
  phone_blacklisted: boolean;
  /** Phone Number (`char`) */
  phone_mobile_search: string | null;
  /** Sanitized Number (`char`, readonly) */
  phone_sanitized: string | null;
  /** Phone Blacklisted (`boolean`, readonly) */
  phone_sanitized_blacklisted: boolean;
  /** Message for Stock Picking (`text`) */
  picking_warn_msg: string | null;
  /** Properties (`properties`) */
  properties: unknown;
  /** Properties Base Definition (`many2one` → `properties.base.definition`, readonly) */
  properties_base_definition_id: { id: number; name: string } | null;
  /** Account Payable (`many2one` → `account.account`) */
  property_account_payable_id: { id: number; name: string } | null;
  /** Fiscal Position (`many2one` → `account.fiscal.position`) */
  property_account_position_id: { id: number; name: string } | null;
  /** Account Receivable (`many2one` → `account.account`) */
  property_account_receivable_id: { id: number; name: string } | null;
  /** Delivery Method (`many2one` → `delivery.carrier`) */
  property_delivery_carrier_id: { id: number; name: string } | null;
  /** Property Inbound Payment Method Line (`many2one` → `account.payment.method.line`) */
  property_inbound_payment_method_line_id: { id: number; name: string } | null;
  /** Property Outbound Payment Method Line (`many2one` → `account.payment.method.line`) */
  property_outbound_payment_method_line_id: { id: number; name: string } | null;
  /** Customer Payment Terms (`many2one` → `account.payment.term`) */
  property_payment_term_id: { id: number; name: string } | null;
  /** Pricelist (`many2one` → `product.pricelist`) */
  property_product_pricelist: { id: number; name: string } | null;
  /** Supplier Currency (`many2one` → `res.currency`) */
  property_purchase_currency_id: { id: number; name: string } | null;
  /** Customer Location (`many2one` → `stock.location`) */
  property_stock_customer: { id: number; name: string } | null;
  /** Vendor Location (`many2one` → `stock.location`) */
  property_stock_supplier: { id: number; name: string } | null;
  /** Vendor Payment Terms (`many2one` → `account.payment.term`) */
  property_supplier_payment_term_id: { id: number; name: string } | null;
  /** Purchase Lines (`one2many` → `purchase.order.line`) */
  purchase_line_ids: number[];
  /** Purchase Order Count (`integer`, readonly) */
  purchase_order_count: number;
  /** Message for Purchase Order (`text`) */
  purchase_warn_msg: string | null;
  /** Receipt Reminder (`boolean`) */
  receipt_reminder_email: boolean;
  /** Reference (`char`) */
  ref: string | null;
  /** Companies that refers to partner (`one2many` → `res.company`) */
  ref_company_ids: number[];
  /** Days Before Receipt (`integer`) */
  reminder_date_before_receipt: number;
  /** Rtc Session (`one2many` → `discuss.channel.rtc.session`) */
  rtc_session_ids: number[];
  /** Sale Order Count (`integer`, readonly) */
  sale_order_count: number;
  /** Sales Order (`one2many` → `sale.order`) */
  sale_order_ids: number[];
  /** Message for Sales Order (`text`) */
  sale_warn_msg: string | null;
  /** Partner with same Company Registry (`many2one` → `res.partner`, readonly) */
  same_company_registry_partner_id: { id: number; name: string } | null;
  /** Partner with same Tax ID (`many2one` → `res.partner`, readonly) */
  same_vat_partner_id: { id: number; name: string } | null;
  /** Self (`many2one` → `res.partner`, readonly) */
  self: { id: number; name: string } | null;
  /** Show Credit Limit (`boolean`, readonly) */
  show_credit_limit: boolean;
  /** Signup Token Type (`char`) */
  signup_type: string | null;
  /** Specific Property Product Pricelist (`many2one` → `product.pricelist`) */
  specific_property_product_pricelist: { id: number; name: string } | null;
  /** State (`many2one` → `res.country.state`) */
  state_id: { id: number; name: string } | null;
  /** Street (`char`) */
  street: string | null;
  /** Street2 (`char`) */
  street2: string | null;
  /** Suggest Based On (`char`) */
  suggest_based_on: string | null;
  /** Suggest Days (`integer`) */
  suggest_days: number;
  /** Suggest Percent (`integer`) */
  suggest_percent: number;
  /** # Vendor Bills (`integer`, readonly) */
  supplier_invoice_count: number;
  /** Supplier Rank (`integer`) */
  supplier_rank: number;
  /** Total Invoiced (`monetary`, readonly) */
  total_invoiced: number;
  /**
   * Degree of trust you have in this debtor (`selection`)
   * Values: `good` Good Debtor, `normal` Normal Debtor, `bad` Bad Debtor.
   */
  trust: 'good' | 'normal' | 'bad' | null;
  /**
   * Address Type (`selection`)
   * Values: `contact` Contact, `invoice` Invoice, `delivery` Delivery, `other` Other.
   */
  type: 'contact' | 'invoice' | 'delivery' | 'other' | null;
  /** Address Type Description (`char`, readonly) */
  type_address_label: string | null;
  /**
   * Timezone (`selection`)
   * One of 597 values.
   */
  tz: string | null;
  /** Timezone offset (`char`, readonly) */
  tz_offset: string | null;
  /** Partner Limit (`boolean`) */
  use_partner_credit_limit: boolean;
  /** Salesperson (`many2one` → `res.users`) */
  user_id: { id: number; name: string } | null;
  /** Users (`one2many` → `res.users`) */
  user_ids: number[];
  /** Tax ID (`char`) */
  vat: string | null;
  /** Tax ID Label (`char`, readonly) */
  vat_label: string | null;
  /** Website Link (`char`) */
  website: string | null;
  /** Website Messages (`one2many` → `mail.message`) */
  website_message_ids: number[];
  /** Last Updated on (`datetime`, readonly) */
  write_date: string | null;
  /** Last Updated by (`many2one` → `res.users`, readonly) */
  write_uid: { id: number; name: string } | null;
  /** Zip (`char`) */
  zip: string | null;
}

/** Values to `write` on `res.partner`: every writable field, optional; `false` clears a value. */
export interface ResPartnerValues {
  /** Active (`boolean`) */
  active?: boolean;
  /** Activities (`one2many` → `mail.activity`) */
  activity_ids?: X2ManyCommand[];
  /** Next Activity Summary (`char`) */
  activity_summary?: string | false;
  /** Next Activity Type (`many2one` → `mail.activity.type`) */
  activity_type_id?: number | false;
  /** Auto-post bills (`selection`, required) */
  autopost_bills?: 'always' | 'ask' | 'never' | false;
  /** Banks (`one2many` → `res.partner.bank`) */
  bank_ids?: X2ManyCommand[];
  /** Barcode (`char`) */
  barcode?: string | false;
  /** Buyer (`many2one` → `res.users`) */
  buyer_id?: number | false;
  /** Tags (`many2many` → `res.partner.category`) */
  category_id?: X2ManyCommand[];
  /** Channels (`many2many` → `discuss.channel`) */
  channel_ids?: X2ManyCommand[];
  /** Channel Member (`one2many` → `discuss.channel.member`) */
  channel_member_ids?: X2ManyCommand[];
  /** Contact (`one2many` → `res.partner`) */
  child_ids?: X2ManyCommand<ResPartnerValues>[];
  /** City (`char`) */
  city?: string | false;
  /** Color Index (`integer`) */
  color?: number;
  /** Notes (`html`) */
  comment?: string | false;
  /** Company (`many2one` → `res.company`) */
  company_id?: number | false;
  /** Company Name (`char`) */
  company_name?: string | false;
  /** Company ID (`char`) */
  company_registry?: string | false;
  /** Company Type (`selection`) */
  company_type?: 'person' | 'company' | false;
  /** Country (`many2one` → `res.country`) */
  country_id?: number | false;
  /** Credit Limit (`float`) */
  credit_limit?: number;
  /** Customer Rank (`integer`) */
  customer_rank?: number;
  /** Display Invoice Edi Format (`boolean`) */
  display_invoice_edi_format?: boolean;
  /** Display Invoice Template Pdf Report (`boolean`) */
  display_invoice_template_pdf_report_id?: boolean;
  /** Email (`char`) */
  email?: string | false;
  /** Employee (`boolean`) */
  employee?: boolean;
  /** Job Position (`char`) */
  function?: string | false;
  /** GLN (`char`) */
  global_location_number?: string | false;
  /** Week Day (`selection`, required) */
  group_on?: 'default' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | false;
  /** Group RFQ (`selection`, required) */
  group_rfq?: 'default' | 'day' | 'week' | 'all' | false;
  /** Ignore Abnormal Invoice Amount (`boolean`) */
  ignore_abnormal_invoice_amount?: boolean;
  /** Ignore Abnormal Invoice Date (`boolean`) */
  ignore_abnormal_invoice_date?: boolean;
  /** Image (`binary`) */
  image_1920?: string | false;
  /** Industry (`many2one` → `res.partner.industry`) */
  industry_id?: number | false;
  /** eInvoice format (`selection`) */
  invoice_edi_format?: 'facturx' | 'ubl_bis3' | 'xrechnung' | 'nlcius' | 'ubl_a_nz' | 'ubl_sg' | false;
  /** Invoice Edi Format Store (`char`) */
  invoice_edi_format_store?: string | false;
  /** Invoice sending (`selection`) */
  invoice_sending_method?: 'manual' | 'email' | 'snailmail' | false;
  /** Invoice report (`many2one` → `ir.actions.report`) */
  invoice_template_pdf_report_id?: number | false;
  /** Is a Company (`boolean`) */
  is_company?: boolean;
  /** Is Pickup Location (`boolean`) */
  is_pickup_location?: boolean;
  /** Language (`selection`) */
  lang?: 'en_US' | false;
  /** Bounce (`integer`) */
  message_bounce?: number;
  /** Followers (`one2many` → `mail.followers`) */
  message_follower_ids?: X2ManyCommand[];
  /** Messages (`one2many` → `mail.message`) */
  message_ids?: X2ManyCommand[];
  /** Followers (Partners) (`many2many` → `res.partner`) */
  message_partner_ids?: X2ManyCommand<ResPartnerValues>[];
  /** Name (`char`) */
  name?: string | false;
  /** Related Company (`many2one` → `res.partner`) */
  parent_id?: number | false;
  /** Geo Latitude (`float`) */
  partner_latitude?: number;
  /** Geo Longitude (`float`) */
  partner_longitude?: number;
  /** Payment Tokens (`one2many` → `payment.token`) */
  payment_token_ids?: X2ManyCommand[];
  /** Peppol e-address (EAS) (`selection`) */
  peppol_eas?: string | false;
  /** Peppol Endpoint (`char`) */
  peppol_endpoint?: string | false;
  /** Phone (`char`) */
  phone?: string | false;
  /** Phone Number (`char`) */
  phone_mobile_search?: string | false;
  /** Message for Stock Picking (`text`) */
  picking_warn_msg?: string | false;
  /** Properties (`properties`) */
  properties?: unknown;
  /** Account Payable (`many2one` → `account.account`) */
  property_account_payable_id?: number | false;
  /** Fiscal Position (`many2one` → `account.fiscal.position`) */
  property_account_position_id?: number | false;
  /** Account Receivable (`many2one` → `account.account`) */
  property_account_receivable_id?: number | false;
  /** Delivery Method (`many2one` → `delivery.carrier`) */
  property_delivery_carrier_id?: number | false;
  /** Property Inbound Payment Method Line (`many2one` → `account.payment.method.line`) */
  property_inbound_payment_method_line_id?: number | false;
  /** Property Outbound Payment Method Line (`many2one` → `account.payment.method.line`) */
  property_outbound_payment_method_line_id?: number | false;
  /** Customer Payment Terms (`many2one` → `account.payment.term`) */
  property_payment_term_id?: number | false;
  /** Pricelist (`many2one` → `product.pricelist`) */
  property_product_pricelist?: number | false;
  /** Supplier Currency (`many2one` → `res.currency`) */
  property_purchase_currency_id?: number | false;
  /** Customer Location (`many2one` → `stock.location`) */
  property_stock_customer?: number | false;
  /** Vendor Location (`many2one` → `stock.location`) */
  property_stock_supplier?: number | false;
  /** Vendor Payment Terms (`many2one` → `account.payment.term`) */
  property_supplier_payment_term_id?: number | false;
  /** Purchase Lines (`one2many` → `purchase.order.line`) */
  purchase_line_ids?: X2ManyCommand[];
  /** Message for Purchase Order (`text`) */
  purchase_warn_msg?: string | false;
  /** Receipt Reminder (`boolean`) */
  receipt_reminder_email?: boolean;
  /** Reference (`char`) */
  ref?: string | false;
  /** Companies that refers to partner (`one2many` → `res.company`) */
  ref_company_ids?: X2ManyCommand[];
  /** Days Before Receipt (`integer`) */
  reminder_date_before_receipt?: number;
  /** Rtc Session (`one2many` → `discuss.channel.rtc.session`) */
  rtc_session_ids?: X2ManyCommand[];
  /** Sales Order (`one2many` → `sale.order`) */
  sale_order_ids?: X2ManyCommand<SaleOrderValues>[];
  /** Message for Sales Order (`text`) */
  sale_warn_msg?: string | false;
  /** Signup Token Type (`char`) */
  signup_type?: string | false;
  /** Specific Property Product Pricelist (`many2one` → `product.pricelist`) */
  specific_property_product_pricelist?: number | false;
  /** State (`many2one` → `res.country.state`) */
  state_id?: number | false;
  /** Street (`char`) */
  street?: string | false;
  /** Street2 (`char`) */
  street2?: string | false;
  /** Suggest Based On (`char`) */
  suggest_based_on?: string | false;
  /** Suggest Days (`integer`) */
  suggest_days?: number;
  /** Suggest Percent (`integer`) */
  suggest_percent?: number;
  /** Supplier Rank (`integer`) */
  supplier_rank?: number;
  /** Degree of trust you have in this debtor (`selection`) */
  trust?: 'good' | 'normal' | 'bad' | false;
  /** Address Type (`selection`) */
  type?: 'contact' | 'invoice' | 'delivery' | 'other' | false;
  /** Timezone (`selection`) */
  tz?: string | false;
  /** Partner Limit (`boolean`) */
  use_partner_credit_limit?: boolean;
  /** Salesperson (`many2one` → `res.users`) */
  user_id?: number | false;
  /** Users (`one2many` → `res.users`) */
  user_ids?: X2ManyCommand[];
  /** Tax ID (`char`) */
  vat?: string | false;
  /** Website Link (`char`) */
  website?: string | false;
  /** Website Messages (`one2many` → `mail.message`) */
  website_message_ids?: X2ManyCommand[];
  /** Zip (`char`) */
  zip?: string | false;
}

/** Values to `create` a `res.partner`: the fields the server requires are required. */
export interface ResPartnerCreateValues extends ResPartnerValues {
  /** Auto-post bills (`selection`, required) */
  autopost_bills: 'always' | 'ask' | 'never';
  /** Week Day (`selection`, required) */
  group_on: 'default' | '1' | '2' | '3' | '4' | '5' | '6' | '7';
  /** Group RFQ (`selection`, required) */
  group_rfq: 'default' | 'day' | 'week' | 'all';
}

/** Parses a `res.partner` record as sent by Odoo or normalised into {@link ResPartner}. */
export const ResPartnerSchema = z.object({
  account_move_count: z.number(),
  active: z.boolean(),
  active_lang_count: z.number(),
  activity_date_deadline: orNull(z.string()),
  activity_exception_decoration: orNull(z.literal(['warning', 'danger'])),
  activity_exception_icon: orNull(z.string()),
  activity_ids: x2many,
  activity_state: orNull(z.literal(['overdue', 'today', 'planned'])),
  activity_summary: orNull(z.string()),
  activity_type_icon: orNull(z.string()),
  activity_type_id: many2one,
  activity_user_id: many2one,
  application_statistics: z.unknown(),
  autopost_bills: z.literal(['always', 'ask', 'never']),
  available_invoice_template_pdf_report_ids: x2many,
  available_peppol_eas: z.unknown(),
  avatar_1024: orNull(z.string()),
  avatar_128: orNull(z.string()),
  avatar_1920: orNull(z.string()),
  avatar_256: orNull(z.string()),
  avatar_512: orNull(z.string()),
  bank_account_count: z.number(),
  bank_ids: x2many,
  barcode: orNull(z.string()),
  buyer_id: many2one,
  category_id: x2many,
  channel_ids: x2many,
  channel_member_ids: x2many,
  child_ids: x2many,
  city: orNull(z.string()),
  color: z.number(),
  comment: orNull(z.string()),
  commercial_company_name: orNull(z.string()),
  commercial_partner_id: many2one,
  company_id: many2one,
  company_name: orNull(z.string()),
  company_registry: orNull(z.string()),
  company_registry_label: orNull(z.string()),
  company_registry_placeholder: orNull(z.string()),
  company_type: orNull(z.literal(['person', 'company'])),
  complete_name: orNull(z.string()),
  contact_address: orNull(z.string()),
  contact_address_inline: orNull(z.string()),
  contract_ids: x2many,
  country_code: orNull(z.string()),
  country_id: many2one,
  create_date: orNull(z.string()),
  create_uid: many2one,
  credit: z.number(),
  credit_limit: z.number(),
  credit_to_invoice: z.number(),
  currency_id: many2one,
  customer_rank: z.number(),
  days_sales_outstanding: z.number(),
  debit: z.number(),
  display_invoice_edi_format: z.boolean(),
  display_invoice_template_pdf_report_id: z.boolean(),
  display_name: orNull(z.string()),
  duplicate_bank_partner_ids: x2many,
  email: orNull(z.string()),
  email_formatted: orNull(z.string()),
  email_normalized: orNull(z.string()),
  employee: z.boolean(),
  fiscal_country_codes: orNull(z.string()),
  fiscal_country_group_codes: z.unknown(),
  function: orNull(z.string()),
  global_location_number: orNull(z.string()),
  group_on: z.literal(['default', '1', '2', '3', '4', '5', '6', '7']),
  group_rfq: z.literal(['default', 'day', 'week', 'all']),
  has_message: z.boolean(),
  id: z.number(),
  ignore_abnormal_invoice_amount: z.boolean(),
  ignore_abnormal_invoice_date: z.boolean(),
  im_status: orNull(z.string()),
  image_1024: orNull(z.string()),
  image_128: orNull(z.string()),
  image_1920: orNull(z.string()),
  image_256: orNull(z.string()),
  image_512: orNull(z.string()),
  industry_id: many2one,
  invoice_edi_format: orNull(z.literal(['facturx', 'ubl_bis3', 'xrechnung', 'nlcius', 'ubl_a_nz', 'ubl_sg'])),
  invoice_edi_format_store: orNull(z.string()),
  invoice_ids: x2many,
  invoice_sending_method: orNull(z.literal(['manual', 'email', 'snailmail'])),
  invoice_template_pdf_report_id: many2one,
  is_blacklisted: z.boolean(),
  is_company: z.boolean(),
  is_in_call: z.boolean(),
  is_peppol_edi_format: z.boolean(),
  is_pickup_location: z.boolean(),
  is_public: z.boolean(),
  is_ubl_format: z.boolean(),
  lang: orNull(z.literal(['en_US'])),
  main_user_id: many2one,
  message_attachment_count: z.number(),
  message_bounce: z.number(),
  message_follower_ids: x2many,
  message_has_error: z.boolean(),
  message_has_error_counter: z.number(),
  message_has_sms_error: z.boolean(),
  message_ids: x2many,
  message_is_follower: z.boolean(),
  message_needaction: z.boolean(),
  message_needaction_counter: z.number(),
  message_partner_ids: x2many,
  my_activity_date_deadline: orNull(z.string()),
  name: orNull(z.string()),
  offline_since: orNull(z.string()),
  on_time_rate: z.number(),
  parent_id: many2one,
  parent_name: orNull(z.string()),
  partner_company_registry_placeholder: orNull(z.string()),
  partner_latitude: z.number(),
  partner_longitude: z.number(),
  partner_share: z.boolean(),
  partner_vat_placeholder: orNull(z.string()),
  payment_token_count: z.number(),
  payment_token_ids: x2many,
  peppol_eas: orNull(z.string()),
  peppol_endpoint: orNull(z.string()),
  phone: orNull(z.string()),
  phone_blacklisted: z.boolean(),
  phone_mobile_search: orNull(z.string()),
  phone_sanitized: orNull(z.string()),
  phone_sanitized_blacklisted: z.boolean(),
  picking_warn_msg: orNull(z.string()),
  properties: z.unknown(),
  properties_base_definition_id: many2one,
  property_account_payable_id: many2one,
  property_account_position_id: many2one,
  property_account_receivable_id: many2one,
  property_delivery_carrier_id: many2one,
  property_inbound_payment_method_line_id: many2one,
  property_outbound_payment_method_line_id: many2one,
  property_payment_term_id: many2one,
  property_product_pricelist: many2one,
  property_purchase_currency_id: many2one,
  property_stock_customer: many2one,
  property_stock_supplier: many2one,
  property_supplier_payment_term_id: many2one,
  purchase_line_ids: x2many,
  purchase_order_count: z.number(),
  purchase_warn_msg: orNull(z.string()),
  receipt_reminder_email: z.boolean(),
  ref: orNull(z.string()),
  ref_company_ids: x2many,
  reminder_date_before_receipt: z.number(),
  rtc_session_ids: x2many,
  sale_order_count: z.number(),
  sale_order_ids: x2many,
  sale_warn_msg: orNull(z.string()),
  same_company_registry_partner_id: many2one,
  same_vat_partner_id: many2one,
  self: many2one,
  show_credit_limit: z.boolean(),
  signup_type: orNull(z.string()),
  specific_property_product_pricelist: many2one,
  state_id: many2one,
  street: orNull(z.string()),
  street2: orNull(z.string()),
  suggest_based_on: orNull(z.string()),
  suggest_days: z.number(),
  suggest_percent: z.number(),
  supplier_invoice_count: z.number(),
  supplier_rank: z.number(),
  total_invoiced: z.number(),
  trust: orNull(z.literal(['good', 'normal', 'bad'])),
  type: orNull(z.literal(['contact', 'invoice', 'delivery', 'other'])),
  type_address_label: orNull(z.string()),
  tz: orNull(z.string()),
  tz_offset: orNull(z.string()),
  use_partner_credit_limit: z.boolean(),
  user_id: many2one,
  user_ids: x2many,
  vat: orNull(z.string()),
  vat_label: orNull(z.string()),
  website: orNull(z.string()),
  website_message_ids: x2many,
  write_date: orNull(z.string()),
  write_uid: many2one,
  zip: orNull(z.string()),
}) satisfies z.ZodType<ResPartner>;

// sale.order

/** A `sale.order` record as read through the client (normalised). */
export interface SaleOrder {
  /** Security Token (`char`) */
  access_token: string | null;
  /** Portal Access URL (`char`, readonly) */
  access_url: string | null;
  /** Access warning (`text`, readonly) */
  access_warning: string | null;
  /** Next Activity Deadline (`date`, readonly) */
  activity_date_deadline: string | null;
  /**
   * Activity Exception Decoration (`selection`, readonly)
   * Values: `warning` Alert, `danger` Error.
   */
  activity_exception_decoration: 'warning' | 'danger' | null;
  /** Icon (`char`, readonly) */
  activity_exception_icon: string | null;
  /** Activities (`one2many` → `mail.activity`) */
  activity_ids: number[];
  /**
   * Activity State (`selection`, readonly)
   * Values: `overdue` Overdue, `today` Today, `planned` Planned.
   */
  activity_state: 'overdue' | 'today' | 'planned' | null;
  /** Next Activity Summary (`char`) */
  activity_summary: string | null;
  /** Activity Type Icon (`char`, readonly) */
  activity_type_icon: string | null;
  /** Next Activity Type (`many2one` → `mail.activity.type`) */
  activity_type_id: { id: number; name: string } | null;
  /** Responsible User (`many2one` → `res.users`, readonly) */
  activity_user_id: { id: number; name: string } | null;
  /** Already invoiced (`monetary`, readonly) */
  amount_invoiced: number;
  /** Payment Transactions Amount (`float`, readonly) */
  amount_paid: number;
  /** Taxes (`monetary`, readonly) */
  amount_tax: number;
  /** Un-invoiced Balance (`monetary`, readonly) */
  amount_to_invoice: number;
  /** Total (`monetary`, readonly) */
  amount_total: number;
  /** Amount Before Discount (`float`, readonly) */
  amount_undiscounted: number;
  /** Untaxed Amount (`monetary`, readonly) */
  amount_untaxed: number;
  /** Authorized Transactions (`many2many` → `payment.transaction`, readonly) */
  authorized_transaction_ids: number[];
  /** Available Quotation Documents (`many2many` → `quotation.document`, readonly) */
  available_quotation_document_ids: number[];
  /** Campaign (`many2one` → `utm.campaign`) */
  campaign_id: { id: number; name: string } | null;
  /** Delivery Method (`many2one` → `delivery.carrier`) */
  carrier_id: { id: number; name: string } | null;
  /** Customer Reference (`char`) */
  client_order_ref: string | null;
  /** Delivery Date (`datetime`) */
  commitment_date: string | null;
  /** Company (`many2one` → `res.company`, required) */
  company_id: { id: number; name: string } | null;
  /**
   * Default Sales Price Include (`selection`, readonly)
   * Values: `tax_included` Tax Included, `tax_excluded` Tax Excluded.
   */
  company_price_include: 'tax_included' | 'tax_excluded' | null;
  /** Country code (`char`, readonly) */
  country_code: string | null;
  /** Creation Date (`datetime`, readonly) */
  create_date: string | null;
  /** Created by (`many2one` → `res.users`, readonly) */
  create_uid: { id: number; name: string } | null;
  /** Currency (`many2one` → `res.currency`, readonly) */
  currency_id: { id: number; name: string } | null;
  /** Currency Rate (`float`, readonly) */
  currency_rate: number;
  /** Customizable PDF Form Fields (`json`) */
  customizable_pdf_form_fields: unknown;
  /** Order Date (`datetime`, required) */
  date_order: string | null;
  /** Delivery Orders (`integer`, readonly) */
  delivery_count: number;
  /** Delivery Message (`char`, readonly) */
  delivery_message: string | null;
  /** Delivery Set (`boolean`, readonly) */
  delivery_set: boolean;
  /**
   * Delivery Status (`selection`, readonly)
   * Values: `pending` Not Delivered, `started` Started, `partial` Partially Delivered, `full` Fully Delivered.
   */
  delivery_status: 'pending' | 'started' | 'partial' | 'full' | null;
  /** Display Name (`char`, readonly) */
  display_name: string | null;
  /** Duplicated Order (`many2many` → `sale.order`, readonly) */
  duplicated_order_ids: number[];
  /** Effective Date (`datetime`, readonly) */
  effective_date: string | null;
  /** Expected Date (`datetime`, readonly) */
  expected_date: string | null;
  /** Fiscal Position (`many2one` → `account.fiscal.position`) */
  fiscal_position_id: { id: number; name: string } | null;
  /** Has Active Pricelist (`boolean`, readonly) */
  has_active_pricelist: boolean;
  /** Has Archived Products (`boolean`, readonly) */
  has_archived_products: boolean;
  /** Has Authorized Transactions (`boolean`, readonly) */
  has_authorized_transaction_ids: boolean;
  /** Has Message (`boolean`, readonly) */
  has_message: boolean;
  /** ID (`integer`, readonly) */
  id: number;
  /** Incoterm (`many2one` → `account.incoterms`) */
  incoterm: { id: number; name: string } | null;
  /** Incoterm Location (`char`) */
  incoterm_location: string | null;
  /** Invoice Count (`integer`, readonly) */
  invoice_count: number;
  /** Invoices (`many2many` → `account.move`, readonly) */
  invoice_ids: number[];
  /**
   * Invoice Status (`selection`, readonly)
   * Values: `upselling` Upselling Opportunity, `invoiced` Fully Invoiced, `to invoice` To Invoice, `no` Nothing to Invoice.
   */
  invoice_status: 'upselling' | 'invoiced' | 'to invoice' | 'no' | null;
  /** Service Product (`boolean`, readonly) */
  is_all_service: boolean;
  /** Is Expired (`boolean`, readonly) */
  is_expired: boolean;
  /** Is Pdf Quote Builder Available (`boolean`, readonly) */
  is_pdf_quote_builder_available: boolean;
  /** Invoicing Journal (`many2one` → `account.journal`) */
  journal_id: { id: number; name: string } | null;
  /** JSON data for the popover widget (`char`, readonly) */
  json_popover: string | null;
  /** Late Availability (`boolean`, readonly) */
  late_availability: boolean;
  /** Locked (`boolean`) */
  locked: boolean;
  /** Medium (`many2one` → `utm.medium`) */
  medium_id: { id: number; name: string } | null;
  /** Attachment Count (`integer`, readonly) */
  message_attachment_count: number;
  /** Followers (`one2many` → `mail.followers`) */
  message_follower_ids: number[];
  /** Message Delivery error (`boolean`, readonly) */
  message_has_error: boolean;
  /** Number of errors (`integer`, readonly) */
  message_has_error_counter: number;
  /** SMS Delivery error (`boolean`, readonly) */
  message_has_sms_error: boolean;
  /** Messages (`one2many` → `mail.message`) */
  message_ids: number[];
  /** Is Follower (`boolean`, readonly) */
  message_is_follower: boolean;
  /** Action Needed (`boolean`, readonly) */
  message_needaction: boolean;
  /** Number of Actions (`integer`, readonly) */
  message_needaction_counter: number;
  /** Followers (Partners) (`many2many` → `res.partner`) */
  message_partner_ids: number[];
  /** My Activity Deadline (`date`, readonly) */
  my_activity_date_deadline: string | null;
  /** Order Reference (`char`, required) */
  name: string;
  /** Terms and conditions (`html`) */
  note: string | null;
  /** Order Lines (`one2many` → `sale.order.line`) */
  order_line: number[];
  /** Source Document (`char`) */
  origin: string | null;
  /** Partner Credit Warning (`text`, readonly) */
  partner_credit_warning: string | null;
  /** Customer (`many2one` → `res.partner`, required) */
  partner_id: { id: number; name: string } | null;
  /** Invoice Address (`many2one` → `res.partner`, required) */
  partner_invoice_id: { id: number; name: string } | null;
  /** Delivery Address (`many2one` → `res.partner`, required) */
  partner_shipping_id: { id: number; name: string } | null;
  /** Payment Terms (`many2one` → `account.payment.term`) */
  payment_term_id: { id: number; name: string } | null;
  /** Pending Email Template (`many2one` → `mail.template`, readonly) */
  pending_email_template_id: { id: number; name: string } | null;
  /** Transfers (`one2many` → `stock.picking`) */
  picking_ids: number[];
  /**
   * Shipping Policy (`selection`, required)
   * Values: `direct` As soon as possible, `one` When all products are ready.
   */
  picking_policy: 'direct' | 'one';
  /** Pickup Location Data (`json`) */
  pickup_location_data: unknown;
  /** Payment Method (`many2one` → `account.payment.method.line`) */
  preferred_payment_method_line_id: { id: number; name: string } | null;
  /** Prepayment percentage (`float`) */
  prepayment_percent: number;
  /** Pricelist (`many2one` → `product.pricelist`) */
  pricelist_id: { id: number; name: string } | null;
  /** Number of Purchase Order Generated (`integer`, readonly) */
  purchase_order_count: number;
  /** Headers/Footers (`many2many` → `quotation.document`) */
  quotation_document_ids: number[];
  /** Delivery cost should be recomputed (`boolean`) */
  recompute_delivery_price: boolean;
  /** Payment Ref. (`char`) */
  reference: string | null;
  /** Online payment (`boolean`) */
  require_payment: boolean;
  /** Online signature (`boolean`) */
  require_signature: boolean;
  /** Quotation Template (`many2one` → `sale.order.template`) */
  sale_order_template_id: { id: number; name: string } | null;
  /** Sale Warning (`text`, readonly) */
  sale_warning_text: string | null;
  /** Shipping Weight (`float`) */
  shipping_weight: number;
  /** Has late picking (`boolean`, readonly) */
  show_json_popover: boolean;
  /** Has Fiscal Position Changed (`boolean`) */
  show_update_fpos: boolean;
  /** Has Pricelist Changed (`boolean`) */
  show_update_pricelist: boolean;
  /** Signature (`binary`) */
  signature: string | null;
  /** Signed By (`char`) */
  signed_by: string | null;
  /** Signed On (`datetime`) */
  signed_on: string | null;
  /** Source (`many2one` → `utm.source`) */
  source_id: { id: number; name: string } | null;
  /**
   * Status (`selection`, readonly)
   * Values: `draft` Quotation, `sent` Quotation Sent, `sale` Sales Order, `cancel` Cancelled.
   */
  state: 'draft' | 'sent' | 'sale' | 'cancel' | null;
  /** References (`many2many` → `stock.reference`) */
  stock_reference_ids: number[];
  /** Tags (`many2many` → `crm.tag`) */
  tag_ids: number[];
  /**
   * Tax Calculation Rounding Method (`selection`, readonly)
   * Values: `round_globally` Round per Tax, `round_per_line` Round per Line.
   */
  tax_calculation_rounding_method: 'round_globally' | 'round_per_line' | null;
  /** Tax Country (`many2one` → `res.country`, readonly) */
  tax_country_id: { id: number; name: string } | null;
  /** Tax Totals (`binary`, readonly) */
  tax_totals: string | null;
  /** Sales Team (`many2one` → `crm.team`) */
  team_id: { id: number; name: string } | null;
  /**
   * Terms & Conditions format (`selection`, readonly)
   * Values: `plain` Add a Note, `html` Add a link to a Web Page.
   */
  terms_type: 'plain' | 'html' | null;
  /** Transactions (`many2many` → `payment.transaction`, readonly) */
  transaction_ids: number[];
  /** Type Name (`char`, readonly) */
  type_name: string | null;
  /** Salesperson (`many2one` → `res.users`) */
  user_id: { id: number; name: string } | null;
  /** Expiration (`date`) */
  validity_date: string | null;
  /** Warehouse (`many2one` → `stock.warehouse`) */
  warehouse_id: { id: number; name: string } | null;
  /** Website Messages (`one2many` → `mail.message`) */
  website_message_ids: number[];
  /** Last Updated on (`datetime`, readonly) */
  write_date: string | null;
  /** Last Updated by (`many2one` → `res.users`, readonly) */
  write_uid: { id: number; name: string } | null;
}

/** Values to `write` on `sale.order`: every writable field, optional; `false` clears a value. */
export interface SaleOrderValues {
  /** Security Token (`char`) */
  access_token?: string | false;
  /** Activities (`one2many` → `mail.activity`) */
  activity_ids?: X2ManyCommand[];
  /** Next Activity Summary (`char`) */
  activity_summary?: string | false;
  /** Next Activity Type (`many2one` → `mail.activity.type`) */
  activity_type_id?: number | false;
  /** Campaign (`many2one` → `utm.campaign`) */
  campaign_id?: number | false;
  /** Delivery Method (`many2one` → `delivery.carrier`) */
  carrier_id?: number | false;
  /** Customer Reference (`char`) */
  client_order_ref?: string | false;
  /** Delivery Date (`datetime`) */
  commitment_date?: string | false;
  /** Company (`many2one` → `res.company`, required) */
  company_id?: number | false;
  /** Customizable PDF Form Fields (`json`) */
  customizable_pdf_form_fields?: unknown;
  /** Order Date (`datetime`, required) */
  date_order?: string | false;
  /** Fiscal Position (`many2one` → `account.fiscal.position`) */
  fiscal_position_id?: number | false;
  /** Incoterm (`many2one` → `account.incoterms`) */
  incoterm?: number | false;
  /** Incoterm Location (`char`) */
  incoterm_location?: string | false;
  /** Invoicing Journal (`many2one` → `account.journal`) */
  journal_id?: number | false;
  /** Locked (`boolean`) */
  locked?: boolean;
  /** Medium (`many2one` → `utm.medium`) */
  medium_id?: number | false;
  /** Followers (`one2many` → `mail.followers`) */
  message_follower_ids?: X2ManyCommand[];
  /** Messages (`one2many` → `mail.message`) */
  message_ids?: X2ManyCommand[];
  /** Followers (Partners) (`many2many` → `res.partner`) */
  message_partner_ids?: X2ManyCommand<ResPartnerValues>[];
  /** Order Reference (`char`, required) */
  name?: string | false;
  /** Terms and conditions (`html`) */
  note?: string | false;
  /** Order Lines (`one2many` → `sale.order.line`) */
  order_line?: X2ManyCommand<SaleOrderLineValues>[];
  /** Source Document (`char`) */
  origin?: string | false;
  /** Customer (`many2one` → `res.partner`, required) */
  partner_id?: number | false;
  /** Invoice Address (`many2one` → `res.partner`, required) */
  partner_invoice_id?: number | false;
  /** Delivery Address (`many2one` → `res.partner`, required) */
  partner_shipping_id?: number | false;
  /** Payment Terms (`many2one` → `account.payment.term`) */
  payment_term_id?: number | false;
  /** Transfers (`one2many` → `stock.picking`) */
  picking_ids?: X2ManyCommand<StockPickingValues>[];
  /** Shipping Policy (`selection`, required) */
  picking_policy?: 'direct' | 'one' | false;
  /** Pickup Location Data (`json`) */
  pickup_location_data?: unknown;
  /** Payment Method (`many2one` → `account.payment.method.line`) */
  preferred_payment_method_line_id?: number | false;
  /** Prepayment percentage (`float`) */
  prepayment_percent?: number;
  /** Pricelist (`many2one` → `product.pricelist`) */
  pricelist_id?: number | false;
  /** Headers/Footers (`many2many` → `quotation.document`) */
  quotation_document_ids?: X2ManyCommand[];
  /** Delivery cost should be recomputed (`boolean`) */
  recompute_delivery_price?: boolean;
  /** Payment Ref. (`char`) */
  reference?: string | false;
  /** Online payment (`boolean`) */
  require_payment?: boolean;
  /** Online signature (`boolean`) */
  require_signature?: boolean;
  /** Quotation Template (`many2one` → `sale.order.template`) */
  sale_order_template_id?: number | false;
  /** Shipping Weight (`float`) */
  shipping_weight?: number;
  /** Has Fiscal Position Changed (`boolean`) */
  show_update_fpos?: boolean;
  /** Has Pricelist Changed (`boolean`) */
  show_update_pricelist?: boolean;
  /** Signature (`binary`) */
  signature?: string | false;
  /** Signed By (`char`) */
  signed_by?: string | false;
  /** Signed On (`datetime`) */
  signed_on?: string | false;
  /** Source (`many2one` → `utm.source`) */
  source_id?: number | false;
  /** References (`many2many` → `stock.reference`) */
  stock_reference_ids?: X2ManyCommand[];
  /** Tags (`many2many` → `crm.tag`) */
  tag_ids?: X2ManyCommand[];
  /** Sales Team (`many2one` → `crm.team`) */
  team_id?: number | false;
  /** Salesperson (`many2one` → `res.users`) */
  user_id?: number | false;
  /** Expiration (`date`) */
  validity_date?: string | false;
  /** Warehouse (`many2one` → `stock.warehouse`) */
  warehouse_id?: number | false;
  /** Website Messages (`one2many` → `mail.message`) */
  website_message_ids?: X2ManyCommand[];
}

/** Values to `create` a `sale.order`: the fields the server requires are required. */
export interface SaleOrderCreateValues extends SaleOrderValues {
  /** Company (`many2one` → `res.company`, required) */
  company_id: number;
  /** Order Date (`datetime`, required) */
  date_order: string;
  /** Order Reference (`char`, required) */
  name: string;
  /** Customer (`many2one` → `res.partner`, required) */
  partner_id: number;
  /** Invoice Address (`many2one` → `res.partner`, required) */
  partner_invoice_id: number;
  /** Delivery Address (`many2one` → `res.partner`, required) */
  partner_shipping_id: number;
  /** Shipping Policy (`selection`, required) */
  picking_policy: 'direct' | 'one';
}

/** Parses a `sale.order` record as sent by Odoo or normalised into {@link SaleOrder}. */
export const SaleOrderSchema = z.object({
  access_token: orNull(z.string()),
  access_url: orNull(z.string()),
  access_warning: orNull(z.string()),
  activity_date_deadline: orNull(z.string()),
  activity_exception_decoration: orNull(z.literal(['warning', 'danger'])),
  activity_exception_icon: orNull(z.string()),
  activity_ids: x2many,
  activity_state: orNull(z.literal(['overdue', 'today', 'planned'])),
  activity_summary: orNull(z.string()),
  activity_type_icon: orNull(z.string()),
  activity_type_id: many2one,
  activity_user_id: many2one,
  amount_invoiced: z.number(),
  amount_paid: z.number(),
  amount_tax: z.number(),
  amount_to_invoice: z.number(),
  amount_total: z.number(),
  amount_undiscounted: z.number(),
  amount_untaxed: z.number(),
  authorized_transaction_ids: x2many,
  available_quotation_document_ids: x2many,
  campaign_id: many2one,
  carrier_id: many2one,
  client_order_ref: orNull(z.string()),
  commitment_date: orNull(z.string()),
  company_id: many2one,
  company_price_include: orNull(z.literal(['tax_included', 'tax_excluded'])),
  country_code: orNull(z.string()),
  create_date: orNull(z.string()),
  create_uid: many2one,
  currency_id: many2one,
  currency_rate: z.number(),
  customizable_pdf_form_fields: z.unknown(),
  date_order: orNull(z.string()),
  delivery_count: z.number(),
  delivery_message: orNull(z.string()),
  delivery_set: z.boolean(),
  delivery_status: orNull(z.literal(['pending', 'started', 'partial', 'full'])),
  display_name: orNull(z.string()),
  duplicated_order_ids: x2many,
  effective_date: orNull(z.string()),
  expected_date: orNull(z.string()),
  fiscal_position_id: many2one,
  has_active_pricelist: z.boolean(),
  has_archived_products: z.boolean(),
  has_authorized_transaction_ids: z.boolean(),
  has_message: z.boolean(),
  id: z.number(),
  incoterm: many2one,
  incoterm_location: orNull(z.string()),
  invoice_count: z.number(),
  invoice_ids: x2many,
  invoice_status: orNull(z.literal(['upselling', 'invoiced', 'to invoice', 'no'])),
  is_all_service: z.boolean(),
  is_expired: z.boolean(),
  is_pdf_quote_builder_available: z.boolean(),
  journal_id: many2one,
  json_popover: orNull(z.string()),
  late_availability: z.boolean(),
  locked: z.boolean(),
  medium_id: many2one,
  message_attachment_count: z.number(),
  message_follower_ids: x2many,
  message_has_error: z.boolean(),
  message_has_error_counter: z.number(),
  message_has_sms_error: z.boolean(),
  message_ids: x2many,
  message_is_follower: z.boolean(),
  message_needaction: z.boolean(),
  message_needaction_counter: z.number(),
  message_partner_ids: x2many,
  my_activity_date_deadline: orNull(z.string()),
  name: z.string(),
  note: orNull(z.string()),
  order_line: x2many,
  origin: orNull(z.string()),
  partner_credit_warning: orNull(z.string()),
  partner_id: many2one,
  partner_invoice_id: many2one,
  partner_shipping_id: many2one,
  payment_term_id: many2one,
  pending_email_template_id: many2one,
  picking_ids: x2many,
  picking_policy: z.literal(['direct', 'one']),
  pickup_location_data: z.unknown(),
  preferred_payment_method_line_id: many2one,
  prepayment_percent: z.number(),
  pricelist_id: many2one,
  purchase_order_count: z.number(),
  quotation_document_ids: x2many,
  recompute_delivery_price: z.boolean(),
  reference: orNull(z.string()),
  require_payment: z.boolean(),
  require_signature: z.boolean(),
  sale_order_template_id: many2one,
  sale_warning_text: orNull(z.string()),
  shipping_weight: z.number(),
  show_json_popover: z.boolean(),
  show_update_fpos: z.boolean(),
  show_update_pricelist: z.boolean(),
  signature: orNull(z.string()),
  signed_by: orNull(z.string()),
  signed_on: orNull(z.string()),
  source_id: many2one,
  state: orNull(z.literal(['draft', 'sent', 'sale', 'cancel'])),
  stock_reference_ids: x2many,
  tag_ids: x2many,
  tax_calculation_rounding_method: orNull(z.literal(['round_globally', 'round_per_line'])),
  tax_country_id: many2one,
  tax_totals: orNull(z.string()),
  team_id: many2one,
  terms_type: orNull(z.literal(['plain', 'html'])),
  transaction_ids: x2many,
  type_name: orNull(z.string()),
  user_id: many2one,
  validity_date: orNull(z.string()),
  warehouse_id: many2one,
  website_message_ids: x2many,
  write_date: orNull(z.string()),
  write_uid: many2one,
}) satisfies z.ZodType<SaleOrder>;

// sale.order.line

/** A `sale.order.line` record as read through the client (normalised). */
export interface SaleOrderLine {
  /** Allowed Uom (`many2many` → `uom.uom`, readonly) */
  allowed_uom_ids: number[];
  /** Invoiced Amount (`monetary`, readonly) */
  amount_invoiced: number;
  /** Un-invoiced Balance (`monetary`, readonly) */
  amount_to_invoice: number;
  /** Amount (`float`, readonly) */
  amount_to_invoice_at_date: number;
  /** Analytic Distribution (`json`) */
  analytic_distribution: unknown;
  /** Analytic lines (`one2many` → `account.analytic.line`) */
  analytic_line_ids: number[];
  /** Analytic Precision (`integer`) */
  analytic_precision: number;
  /** Available Product Documents (`many2many` → `product.document`, readonly) */
  available_product_document_ids: number[];
  /** Product Category (`many2one` → `product.category`, readonly) */
  categ_id: { id: number; name: string } | null;
  /** Collapse Composition (`boolean`) */
  collapse_composition: boolean;
  /** Collapse Prices (`boolean`) */
  collapse_prices: boolean;
  /** Combo Item (`many2one` → `product.combo.item`) */
  combo_item_id: { id: number; name: string } | null;
  /** Company (`many2one` → `res.company`, readonly) */
  company_id: { id: number; name: string } | null;
  /**
   * Default Sales Price Include (`selection`, readonly)
   * Values: `tax_included` Tax Included, `tax_excluded` Tax Excluded.
   */
  company_price_include: 'tax_included' | 'tax_excluded' | null;
  /** Created on (`datetime`, readonly) */
  create_date: string | null;
  /** Created by (`many2one` → `res.users`, readonly) */
  create_uid: { id: number; name: string } | null;
  /** Currency (`many2one` → `res.currency`, readonly) */
  currency_id: { id: number; name: string } | null;
  /** Lead Time (`float`, required) */
  customer_lead: number;
  /** Discount (%) (`float`) */
  discount: number;
  /** Display Name (`char`, readonly) */
  display_name: string | null;
  /** Display Qty Widget (`boolean`, readonly) */
  display_qty_widget: boolean;
  /**
   * Display Type (`selection`)
   * Values: `line_section` Section, `line_subsection` Subsection, `line_note` Note.
   */
  display_type: 'line_section' | 'line_subsection' | 'line_note' | null;
  /** Distribution Analytic Account (`many2many` → `account.analytic.account`, readonly) */
  distribution_analytic_account_ids: number[];
  /** Extra Tax Data (`json`) */
  extra_tax_data: unknown;
  /** Forecast Expected Date (`datetime`, readonly) */
  forecast_expected_date: string | null;
  /** Free Qty Today (`float`, readonly) */
  free_qty_today: number;
  /** ID (`integer`, readonly) */
  id: number;
  /** Invoice Lines (`many2many` → `account.move.line`) */
  invoice_lines: number[];
  /**
   * Invoice Status (`selection`, readonly)
   * Values: `upselling` Upselling Opportunity, `invoiced` Fully Invoiced, `to invoice` To Invoice, `no` Nothing to Invoice.
   */
  invoice_status: 'upselling' | 'invoiced' | 'to invoice' | 'no' | null;
  /** Is the product configurable? (`boolean`, readonly) */
  is_configurable_product: boolean;
  /** Is a Delivery (`boolean`) */
  is_delivery: boolean;
  /** Is a down payment (`boolean`) */
  is_downpayment: boolean;
  /** Is expense (`boolean`) */
  is_expense: boolean;
  /** Is Mto (`boolean`, readonly) */
  is_mto: boolean;
  /** Optional Line (`boolean`) */
  is_optional: boolean;
  /** Is Product Archived (`boolean`, readonly) */
  is_product_archived: boolean;
  /** Track Inventory (`boolean`, readonly) */
  is_storable: boolean;
  /** Linked Order Line (`many2one` → `sale.order.line`) */
  linked_line_id: { id: number; name: string } | null;
  /** Linked Order Lines (`one2many` → `sale.order.line`) */
  linked_line_ids: number[];
  /** Linked Virtual (`char`) */
  linked_virtual_id: string | null;
  /** Stock Moves (`one2many` → `stock.move`) */
  move_ids: number[];
  /** Description (`text`, required) */
  name: string;
  /** Order Reference (`many2one` → `sale.order`, required) */
  order_id: { id: number; name: string } | null;
  /** Customer (`many2one` → `res.partner`, readonly) */
  order_partner_id: { id: number; name: string } | null;
  /** Parent Section Line (`many2one` → `sale.order.line`, readonly) */
  parent_id: { id: number; name: string } | null;
  /** Price Reduce Tax excl (`monetary`, readonly) */
  price_reduce_taxexcl: number;
  /** Price Reduce Tax incl (`monetary`, readonly) */
  price_reduce_taxinc: number;
  /** Subtotal (`monetary`, readonly) */
  price_subtotal: number;
  /** Total Tax (`float`, readonly) */
  price_tax: number;
  /** Total (`monetary`, readonly) */
  price_total: number;
  /** Unit Price (`float`, required) */
  price_unit: number;
  /** Pricelist Item (`many2one` → `product.pricelist.item`, readonly) */
  pricelist_item_id: { id: number; name: string } | null;
  /** Custom Values (`one2many` → `product.attribute.custom.value`) */
  product_custom_attribute_value_ids: number[];
  /** Product Documents (`many2many` → `product.document`) */
  product_document_ids: number[];
  /** Product (`many2one` → `product.product`) */
  product_id: { id: number; name: string } | null;
  /** Extra Values (`many2many` → `product.template.attribute.value`) */
  product_no_variant_attribute_value_ids: number[];
  /** Product Qty (`float`, readonly) */
  product_qty: number;
  /** Attribute Values (`many2many` → `product.template.attribute.value`, readonly) */
  product_template_attribute_value_ids: number[];
  /** Product Template (`many2one` → `product.template`) */
  product_template_id: { id: number; name: string } | null;
  /**
   * Product Type (`selection`, readonly)
   * Values: `consu` Goods, `service` Service, `combo` Combo.
   */
  product_type: 'consu' | 'service' | 'combo' | null;
  /** Unit (`many2one` → `uom.uom`) */
  product_uom_id: { id: number; name: string } | null;
  /** Quantity (`float`, required) */
  product_uom_qty: number;
  /** Product Uom Readonly (`boolean`, readonly) */
  product_uom_readonly: boolean;
  /** Can Edit Product (`boolean`, readonly) */
  product_updatable: boolean;
  /** Number of generated purchase items (`integer`, readonly) */
  purchase_line_count: number;
  /** Generated Purchase Lines (`one2many` → `purchase.order.line`, readonly) */
  purchase_line_ids: number[];
  /** Qty Available Today (`float`, readonly) */
  qty_available_today: number;
  /** Delivery Quantity (`float`) */
  qty_delivered: number;
  /** Delivered (`float`, readonly) */
  qty_delivered_at_date: number;
  /**
   * Method to update delivered qty (`selection`, readonly)
   * Values: `manual` Manual, `analytic` Analytic From Expenses, `stock_move` Stock Moves.
   */
  qty_delivered_method: 'manual' | 'analytic' | 'stock_move' | null;
  /** Invoiced Quantity (`float`, readonly) */
  qty_invoiced: number;
  /** Invoiced (`float`, readonly) */
  qty_invoiced_at_date: number;
  /** Invoiced Quantity (posted) (`float`, readonly) */
  qty_invoiced_posted: number;
  /** Qty To Deliver (`float`, readonly) */
  qty_to_deliver: number;
  /** Quantity To Invoice (`float`, readonly) */
  qty_to_invoice: number;
  /** Delivery cost should be recomputed (`boolean`, readonly) */
  recompute_delivery_price: boolean;
  /** Routes (`many2many` → `stock.route`) */
  route_ids: number[];
  /** Sale Line Warn Msg (`text`, readonly) */
  sale_line_warn_msg: string | null;
  /** Salesperson (`many2one` → `res.users`, readonly) */
  salesman_id: { id: number; name: string } | null;
  /** Scheduled Date (`datetime`, readonly) */
  scheduled_date: string | null;
  /** Selected Combo Items (`char`) */
  selected_combo_items: string | null;
  /** Sequence (`integer`) */
  sequence: number;
  /**
   * Create on Order (`selection`, readonly)
   * Values: `no` Nothing.
   */
  service_tracking: 'no' | null;
  /**
   * Order Status (`selection`, readonly)
   * Values: `draft` Quotation, `sent` Quotation Sent, `sale` Sales Order, `cancel` Cancelled.
   */
  state: 'draft' | 'sent' | 'sale' | 'cancel' | null;
  /**
   * Tax calculation rounding method (`selection`, readonly)
   * Values: `round_globally` Round per Tax, `round_per_line` Round per Line.
   */
  tax_calculation_rounding_method: 'round_globally' | 'round_per_line' | null;
  /** Tax Country (`many2one` → `res.country`, readonly) */
  tax_country_id: { id: number; name: string } | null;
  /** Taxes (`many2many` → `account.tax`) */
  tax_ids: number[];
  /** Technical Price Unit (`float`) */
  technical_price_unit: number;
  /** Translated Product Name (`text`, readonly) */
  translated_product_name: string | null;
  /** Untaxed Invoiced Amount (`monetary`, readonly) */
  untaxed_amount_invoiced: number;
  /** Untaxed Amount To Invoice (`monetary`, readonly) */
  untaxed_amount_to_invoice: number;
  /** Virtual Available At Date (`float`, readonly) */
  virtual_available_at_date: number;
  /** Virtual (`char`) */
  virtual_id: string | null;
  /** Warehouse (`many2one` → `stock.warehouse`, readonly) */
  warehouse_id: { id: number; name: string } | null;
  /** Last Updated on (`datetime`, readonly) */
  write_date: string | null;
  /** Last Updated by (`many2one` → `res.users`, readonly) */
  write_uid: { id: number; name: string } | null;
}

/** Values to `write` on `sale.order.line`: every writable field, optional; `false` clears a value. */
export interface SaleOrderLineValues {
  /** Analytic Distribution (`json`) */
  analytic_distribution?: unknown;
  /** Analytic lines (`one2many` → `account.analytic.line`) */
  analytic_line_ids?: X2ManyCommand[];
  /** Analytic Precision (`integer`) */
  analytic_precision?: number;
  /** Collapse Composition (`boolean`) */
  collapse_composition?: boolean;
  /** Collapse Prices (`boolean`) */
  collapse_prices?: boolean;
  /** Combo Item (`many2one` → `product.combo.item`) */
  combo_item_id?: number | false;
  /** Lead Time (`float`, required) */
  customer_lead?: number;
  /** Discount (%) (`float`) */
  discount?: number;
  /** Display Type (`selection`) */
  display_type?: 'line_section' | 'line_subsection' | 'line_note' | false;
  /** Extra Tax Data (`json`) */
  extra_tax_data?: unknown;
  /** Invoice Lines (`many2many` → `account.move.line`) */
  invoice_lines?: X2ManyCommand[];
  /** Is a Delivery (`boolean`) */
  is_delivery?: boolean;
  /** Is a down payment (`boolean`) */
  is_downpayment?: boolean;
  /** Is expense (`boolean`) */
  is_expense?: boolean;
  /** Optional Line (`boolean`) */
  is_optional?: boolean;
  /** Linked Order Line (`many2one` → `sale.order.line`) */
  linked_line_id?: number | false;
  /** Linked Order Lines (`one2many` → `sale.order.line`) */
  linked_line_ids?: X2ManyCommand<SaleOrderLineValues>[];
  /** Linked Virtual (`char`) */
  linked_virtual_id?: string | false;
  /** Stock Moves (`one2many` → `stock.move`) */
  move_ids?: X2ManyCommand<StockMoveValues>[];
  /** Description (`text`, required) */
  name?: string | false;
  /** Order Reference (`many2one` → `sale.order`, required) */
  order_id?: number | false;
  /** Unit Price (`float`, required) */
  price_unit?: number;
  /** Custom Values (`one2many` → `product.attribute.custom.value`) */
  product_custom_attribute_value_ids?: X2ManyCommand[];
  /** Product Documents (`many2many` → `product.document`) */
  product_document_ids?: X2ManyCommand[];
  /** Product (`many2one` → `product.product`) */
  product_id?: number | false;
  /** Extra Values (`many2many` → `product.template.attribute.value`) */
  product_no_variant_attribute_value_ids?: X2ManyCommand[];
  /** Product Template (`many2one` → `product.template`) */
  product_template_id?: number | false;
  /** Unit (`many2one` → `uom.uom`) */
  product_uom_id?: number | false;
  /** Quantity (`float`, required) */
  product_uom_qty?: number;
  /** Delivery Quantity (`float`) */
  qty_delivered?: number;
  /** Routes (`many2many` → `stock.route`) */
  route_ids?: X2ManyCommand[];
  /** Selected Combo Items (`char`) */
  selected_combo_items?: string | false;
  /** Sequence (`integer`) */
  sequence?: number;
  /** Taxes (`many2many` → `account.tax`) */
  tax_ids?: X2ManyCommand[];
  /** Technical Price Unit (`float`) */
  technical_price_unit?: number;
  /** Virtual (`char`) */
  virtual_id?: string | false;
}

/** Values to `create` a `sale.order.line`: the fields the server requires are required. */
export interface SaleOrderLineCreateValues extends SaleOrderLineValues {
  /** Lead Time (`float`, required) */
  customer_lead: number;
  /** Description (`text`, required) */
  name: string;
  /** Order Reference (`many2one` → `sale.order`, required) */
  order_id: number;
  /** Unit Price (`float`, required) */
  price_unit: number;
  /** Quantity (`float`, required) */
  product_uom_qty: number;
}

/** Parses a `sale.order.line` record as sent by Odoo or normalised into {@link SaleOrderLine}. */
export const SaleOrderLineSchema = z.object({
  allowed_uom_ids: x2many,
  amount_invoiced: z.number(),
  amount_to_invoice: z.number(),
  amount_to_invoice_at_date: z.number(),
  analytic_distribution: z.unknown(),
  analytic_line_ids: x2many,
  analytic_precision: z.number(),
  available_product_document_ids: x2many,
  categ_id: many2one,
  collapse_composition: z.boolean(),
  collapse_prices: z.boolean(),
  combo_item_id: many2one,
  company_id: many2one,
  company_price_include: orNull(z.literal(['tax_included', 'tax_excluded'])),
  create_date: orNull(z.string()),
  create_uid: many2one,
  currency_id: many2one,
  customer_lead: z.number(),
  discount: z.number(),
  display_name: orNull(z.string()),
  display_qty_widget: z.boolean(),
  display_type: orNull(z.literal(['line_section', 'line_subsection', 'line_note'])),
  distribution_analytic_account_ids: x2many,
  extra_tax_data: z.unknown(),
  forecast_expected_date: orNull(z.string()),
  free_qty_today: z.number(),
  id: z.number(),
  invoice_lines: x2many,
  invoice_status: orNull(z.literal(['upselling', 'invoiced', 'to invoice', 'no'])),
  is_configurable_product: z.boolean(),
  is_delivery: z.boolean(),
  is_downpayment: z.boolean(),
  is_expense: z.boolean(),
  is_mto: z.boolean(),
  is_optional: z.boolean(),
  is_product_archived: z.boolean(),
  is_storable: z.boolean(),
  linked_line_id: many2one,
  linked_line_ids: x2many,
  linked_virtual_id: orNull(z.string()),
  move_ids: x2many,
  name: z.string(),
  order_id: many2one,
  order_partner_id: many2one,
  parent_id: many2one,
  price_reduce_taxexcl: z.number(),
  price_reduce_taxinc: z.number(),
  price_subtotal: z.number(),
  price_tax: z.number(),
  price_total: z.number(),
  price_unit: z.number(),
  pricelist_item_id: many2one,
  product_custom_attribute_value_ids: x2many,
  product_document_ids: x2many,
  product_id: many2one,
  product_no_variant_attribute_value_ids: x2many,
  product_qty: z.number(),
  product_template_attribute_value_ids: x2many,
  product_template_id: many2one,
  product_type: orNull(z.literal(['consu', 'service', 'combo'])),
  product_uom_id: many2one,
  product_uom_qty: z.number(),
  product_uom_readonly: z.boolean(),
  product_updatable: z.boolean(),
  purchase_line_count: z.number(),
  purchase_line_ids: x2many,
  qty_available_today: z.number(),
  qty_delivered: z.number(),
  qty_delivered_at_date: z.number(),
  qty_delivered_method: orNull(z.literal(['manual', 'analytic', 'stock_move'])),
  qty_invoiced: z.number(),
  qty_invoiced_at_date: z.number(),
  qty_invoiced_posted: z.number(),
  qty_to_deliver: z.number(),
  qty_to_invoice: z.number(),
  recompute_delivery_price: z.boolean(),
  route_ids: x2many,
  sale_line_warn_msg: orNull(z.string()),
  salesman_id: many2one,
  scheduled_date: orNull(z.string()),
  selected_combo_items: orNull(z.string()),
  sequence: z.number(),
  service_tracking: orNull(z.literal(['no'])),
  state: orNull(z.literal(['draft', 'sent', 'sale', 'cancel'])),
  tax_calculation_rounding_method: orNull(z.literal(['round_globally', 'round_per_line'])),
  tax_country_id: many2one,
  tax_ids: x2many,
  technical_price_unit: z.number(),
  translated_product_name: orNull(z.string()),
  untaxed_amount_invoiced: z.number(),
  untaxed_amount_to_invoice: z.number(),
  virtual_available_at_date: z.number(),
  virtual_id: orNull(z.string()),
  warehouse_id: many2one,
  write_date: orNull(z.string()),
  write_uid: many2one,
}) satisfies z.ZodType<SaleOrderLine>;

// stock.location

/** A `stock.location` record as read through the client (normalised). */
export interface StockLocation {
  /** Active (`boolean`) */
  active: boolean;
  /** Barcode (`char`) */
  barcode: string | null;
  /** Contains (`one2many` → `stock.location`) */
  child_ids: number[];
  /** Internal locations among descendants (`many2many` → `stock.location`, readonly) */
  child_internal_location_ids: number[];
  /** Company (`many2one` → `res.company`) */
  company_id: { id: number; name: string } | null;
  /** Full Location Name (`char`, readonly) */
  complete_name: string | null;
  /** Created on (`datetime`, readonly) */
  create_date: string | null;
  /** Created by (`many2one` → `res.users`, readonly) */
  create_uid: { id: number; name: string } | null;
  /** Inventory Frequency (`integer`) */
  cyclic_inventory_frequency: number;
  /** Display Name (`char`, readonly) */
  display_name: string | null;
  /** Forecasted Weight (`float`, readonly) */
  forecast_weight: number;
  /** ID (`integer`, readonly) */
  id: number;
  /** Incoming Move Line (`one2many` → `stock.move.line`) */
  incoming_move_line_ids: number[];
  /** Is Empty (`boolean`, readonly) */
  is_empty: boolean;
  /** Is valued outside the company (`boolean`, readonly) */
  is_valued_external: boolean;
  /** Is valued inside the company (`boolean`, readonly) */
  is_valued_internal: boolean;
  /** Last Inventory (`date`, readonly) */
  last_inventory_date: string | null;
  /** Parent Location (`many2one` → `stock.location`) */
  location_id: { id: number; name: string } | null;
  /** Location Name (`char`, required) */
  name: string;
  /** Net Weight (`float`, readonly) */
  net_weight: number;
  /** Next Expected (`date`, readonly) */
  next_inventory_date: string | null;
  /** Outgoing Move Line (`one2many` → `stock.move.line`) */
  outgoing_move_line_ids: number[];
  /** Parent Path (`char`) */
  parent_path: string | null;
  /** Putaway Rules (`one2many` → `stock.putaway.rule`) */
  putaway_rule_ids: number[];
  /** Quant (`one2many` → `stock.quant`) */
  quant_ids: number[];
  /** Removal Strategy (`many2one` → `product.removal`) */
  removal_strategy_id: { id: number; name: string } | null;
  /** Replenishments (`boolean`) */
  replenish_location: boolean;
  /** Storage Category (`many2one` → `stock.storage.category`) */
  storage_category_id: { id: number; name: string } | null;
  /**
   * Location Type (`selection`, required)
   * Values: `supplier` Vendor, `view` Virtual, `internal` Internal, `customer` Customer, `inventory` Inventory Loss, `production` Production, `transit` Transit.
   */
  usage: 'supplier' | 'view' | 'internal' | 'customer' | 'inventory' | 'production' | 'transit';
  /** Stock Valuation Account (`many2one` → `account.account`) */
  valuation_account_id: { id: number; name: string } | null;
  /** Warehouse (`many2one` → `stock.warehouse`, readonly) */
  warehouse_id: { id: number; name: string } | null;
  /** Warehouse View (`one2many` → `stock.warehouse`, readonly) */
  warehouse_view_ids: number[];
  /** Last Updated on (`datetime`, readonly) */
  write_date: string | null;
  /** Last Updated by (`many2one` → `res.users`, readonly) */
  write_uid: { id: number; name: string } | null;
}

/** Values to `write` on `stock.location`: every writable field, optional; `false` clears a value. */
export interface StockLocationValues {
  /** Active (`boolean`) */
  active?: boolean;
  /** Barcode (`char`) */
  barcode?: string | false;
  /** Contains (`one2many` → `stock.location`) */
  child_ids?: X2ManyCommand<StockLocationValues>[];
  /** Company (`many2one` → `res.company`) */
  company_id?: number | false;
  /** Inventory Frequency (`integer`) */
  cyclic_inventory_frequency?: number;
  /** Incoming Move Line (`one2many` → `stock.move.line`) */
  incoming_move_line_ids?: X2ManyCommand<StockMoveLineValues>[];
  /** Parent Location (`many2one` → `stock.location`) */
  location_id?: number | false;
  /** Location Name (`char`, required) */
  name?: string | false;
  /** Outgoing Move Line (`one2many` → `stock.move.line`) */
  outgoing_move_line_ids?: X2ManyCommand<StockMoveLineValues>[];
  /** Parent Path (`char`) */
  parent_path?: string | false;
  /** Putaway Rules (`one2many` → `stock.putaway.rule`) */
  putaway_rule_ids?: X2ManyCommand[];
  /** Quant (`one2many` → `stock.quant`) */
  quant_ids?: X2ManyCommand<StockQuantValues>[];
  /** Removal Strategy (`many2one` → `product.removal`) */
  removal_strategy_id?: number | false;
  /** Replenishments (`boolean`) */
  replenish_location?: boolean;
  /** Storage Category (`many2one` → `stock.storage.category`) */
  storage_category_id?: number | false;
  /** Location Type (`selection`, required) */
  usage?: 'supplier' | 'view' | 'internal' | 'customer' | 'inventory' | 'production' | 'transit' | false;
  /** Stock Valuation Account (`many2one` → `account.account`) */
  valuation_account_id?: number | false;
}

/** Values to `create` a `stock.location`: the fields the server requires are required. */
export interface StockLocationCreateValues extends StockLocationValues {
  /** Location Name (`char`, required) */
  name: string;
  /** Location Type (`selection`, required) */
  usage: 'supplier' | 'view' | 'internal' | 'customer' | 'inventory' | 'production' | 'transit';
}

/** Parses a `stock.location` record as sent by Odoo or normalised into {@link StockLocation}. */
export const StockLocationSchema = z.object({
  active: z.boolean(),
  barcode: orNull(z.string()),
  child_ids: x2many,
  child_internal_location_ids: x2many,
  company_id: many2one,
  complete_name: orNull(z.string()),
  create_date: orNull(z.string()),
  create_uid: many2one,
  cyclic_inventory_frequency: z.number(),
  display_name: orNull(z.string()),
  forecast_weight: z.number(),
  id: z.number(),
  incoming_move_line_ids: x2many,
  is_empty: z.boolean(),
  is_valued_external: z.boolean(),
  is_valued_internal: z.boolean(),
  last_inventory_date: orNull(z.string()),
  location_id: many2one,
  name: z.string(),
  net_weight: z.number(),
  next_inventory_date: orNull(z.string()),
  outgoing_move_line_ids: x2many,
  parent_path: orNull(z.string()),
  putaway_rule_ids: x2many,
  quant_ids: x2many,
  removal_strategy_id: many2one,
  replenish_location: z.boolean(),
  storage_category_id: many2one,
  usage: z.literal(['supplier', 'view', 'internal', 'customer', 'inventory', 'production', 'transit']),
  valuation_account_id: many2one,
  warehouse_id: many2one,
  warehouse_view_ids: x2many,
  write_date: orNull(z.string()),
  write_uid: many2one,
}) satisfies z.ZodType<StockLocation>;

// stock.lot

/** A `stock.lot` record as read through the client (normalised). */
export interface StockLot {
  /** Next Activity Deadline (`date`, readonly) */
  activity_date_deadline: string | null;
  /**
   * Activity Exception Decoration (`selection`, readonly)
   * Values: `warning` Alert, `danger` Error.
   */
  activity_exception_decoration: 'warning' | 'danger' | null;
  /** Icon (`char`, readonly) */
  activity_exception_icon: string | null;
  /** Activities (`one2many` → `mail.activity`) */
  activity_ids: number[];
  /**
   * Activity State (`selection`, readonly)
   * Values: `overdue` Overdue, `today` Today, `planned` Planned.
   */
  activity_state: 'overdue' | 'today' | 'planned' | null;
  /** Next Activity Summary (`char`) */
  activity_summary: string | null;
  /** Activity Type Icon (`char`, readonly) */
  activity_type_icon: string | null;
  /** Next Activity Type (`many2one` → `mail.activity.type`) */
  activity_type_id: { id: number; name: string } | null;
  /** Responsible User (`many2one` → `res.users`, readonly) */
  activity_user_id: { id: number; name: string } | null;
  /** Average Cost (`monetary`, readonly) */
  avg_cost: number;
  /** Valuation Currency (`many2one` → `res.currency`, readonly) */
  company_currency_id: { id: number; name: string } | null;
  /** Company (`many2one` → `res.company`) */
  company_id: { id: number; name: string } | null;
  /** Created on (`datetime`, readonly) */
  create_date: string | null;
  /** Created by (`many2one` → `res.users`, readonly) */
  create_uid: { id: number; name: string } | null;
  /** Delivery order count (`integer`, readonly) */
  delivery_count: number;
  /** Transfers (`many2many` → `stock.picking`, readonly) */
  delivery_ids: number[];
  /** Display Complete (`boolean`, readonly) */
  display_complete: boolean;
  /** Display Name (`char`, readonly) */
  display_name: string | null;
  /** Has Message (`boolean`, readonly) */
  has_message: boolean;
  /** ID (`integer`, readonly) */
  id: number;
  /** Location (`many2one` → `stock.location`) */
  location_id: { id: number; name: string } | null;
  /** Properties (`properties`) */
  lot_properties: unknown;
  /** Valuation by Lot/Serial (`boolean`, readonly) */
  lot_valuated: boolean;
  /** Attachment Count (`integer`, readonly) */
  message_attachment_count: number;
  /** Followers (`one2many` → `mail.followers`) */
  message_follower_ids: number[];
  /** Message Delivery error (`boolean`, readonly) */
  message_has_error: boolean;
  /** Number of errors (`integer`, readonly) */
  message_has_error_counter: number;
  /** SMS Delivery error (`boolean`, readonly) */
  message_has_sms_error: boolean;
  /** Messages (`one2many` → `mail.message`) */
  message_ids: number[];
  /** Is Follower (`boolean`, readonly) */
  message_is_follower: boolean;
  /** Action Needed (`boolean`, readonly) */
  message_needaction: boolean;
  /** Number of Actions (`integer`, readonly) */
  message_needaction_counter: number;
  /** Followers (Partners) (`many2many` → `res.partner`) */
  message_partner_ids: number[];
  /** My Activity Deadline (`date`, readonly) */
  my_activity_date_deadline: string | null;
  /** Lot/Serial Number (`char`, required) */
  name: string;
  /** Description (`html`) */
  note: string | null;
  /** Partner (`many2many` → `res.partner`, readonly) */
  partner_ids: number[];
  /** Product (`many2one` → `product.product`, required) */
  product_id: { id: number; name: string } | null;
  /** On Hand Quantity (`float`, readonly) */
  product_qty: number;
  /** Unit (`many2one` → `uom.uom`, readonly) */
  product_uom_id: { id: number; name: string } | null;
  /** Purchase order count (`integer`, readonly) */
  purchase_order_count: number;
  /** Purchase Orders (`many2many` → `purchase.order`, readonly) */
  purchase_order_ids: number[];
  /** Quants (`one2many` → `stock.quant`, readonly) */
  quant_ids: number[];
  /** Internal Reference (`char`) */
  ref: string | null;
  /** Sale order count (`integer`, readonly) */
  sale_order_count: number;
  /** Sales Orders (`many2many` → `sale.order`, readonly) */
  sale_order_ids: number[];
  /** Cost (`float`) */
  standard_price: number;
  /** Total Value (`monetary`, readonly) */
  total_value: number;
  /** Website Messages (`one2many` → `mail.message`) */
  website_message_ids: number[];
  /** Last Updated on (`datetime`, readonly) */
  write_date: string | null;
  /** Last Updated by (`many2one` → `res.users`, readonly) */
  write_uid: { id: number; name: string } | null;
}

/** Values to `write` on `stock.lot`: every writable field, optional; `false` clears a value. */
export interface StockLotValues {
  /** Activities (`one2many` → `mail.activity`) */
  activity_ids?: X2ManyCommand[];
  /** Next Activity Summary (`char`) */
  activity_summary?: string | false;
  /** Next Activity Type (`many2one` → `mail.activity.type`) */
  activity_type_id?: number | false;
  /** Company (`many2one` → `res.company`) */
  company_id?: number | false;
  /** Location (`many2one` → `stock.location`) */
  location_id?: number | false;
  /** Properties (`properties`) */
  lot_properties?: unknown;
  /** Followers (`one2many` → `mail.followers`) */
  message_follower_ids?: X2ManyCommand[];
  /** Messages (`one2many` → `mail.message`) */
  message_ids?: X2ManyCommand[];
  /** Followers (Partners) (`many2many` → `res.partner`) */
  message_partner_ids?: X2ManyCommand<ResPartnerValues>[];
  /** Lot/Serial Number (`char`, required) */
  name?: string | false;
  /** Description (`html`) */
  note?: string | false;
  /** Product (`many2one` → `product.product`, required) */
  product_id?: number | false;
  /** Internal Reference (`char`) */
  ref?: string | false;
  /** Cost (`float`) */
  standard_price?: number;
  /** Website Messages (`one2many` → `mail.message`) */
  website_message_ids?: X2ManyCommand[];
}

/** Values to `create` a `stock.lot`: the fields the server requires are required. */
export interface StockLotCreateValues extends StockLotValues {
  /** Lot/Serial Number (`char`, required) */
  name: string;
  /** Product (`many2one` → `product.product`, required) */
  product_id: number;
}

/** Parses a `stock.lot` record as sent by Odoo or normalised into {@link StockLot}. */
export const StockLotSchema = z.object({
  activity_date_deadline: orNull(z.string()),
  activity_exception_decoration: orNull(z.literal(['warning', 'danger'])),
  activity_exception_icon: orNull(z.string()),
  activity_ids: x2many,
  activity_state: orNull(z.literal(['overdue', 'today', 'planned'])),
  activity_summary: orNull(z.string()),
  activity_type_icon: orNull(z.string()),
  activity_type_id: many2one,
  activity_user_id: many2one,
  avg_cost: z.number(),
  company_currency_id: many2one,
  company_id: many2one,
  create_date: orNull(z.string()),
  create_uid: many2one,
  delivery_count: z.number(),
  delivery_ids: x2many,
  display_complete: z.boolean(),
  display_name: orNull(z.string()),
  has_message: z.boolean(),
  id: z.number(),
  location_id: many2one,
  lot_properties: z.unknown(),
  lot_valuated: z.boolean(),
  message_attachment_count: z.number(),
  message_follower_ids: x2many,
  message_has_error: z.boolean(),
  message_has_error_counter: z.number(),
  message_has_sms_error: z.boolean(),
  message_ids: x2many,
  message_is_follower: z.boolean(),
  message_needaction: z.boolean(),
  message_needaction_counter: z.number(),
  message_partner_ids: x2many,
  my_activity_date_deadline: orNull(z.string()),
  name: z.string(),
  note: orNull(z.string()),
  partner_ids: x2many,
  product_id: many2one,
  product_qty: z.number(),
  product_uom_id: many2one,
  purchase_order_count: z.number(),
  purchase_order_ids: x2many,
  quant_ids: x2many,
  ref: orNull(z.string()),
  sale_order_count: z.number(),
  sale_order_ids: x2many,
  standard_price: z.number(),
  total_value: z.number(),
  website_message_ids: x2many,
  write_date: orNull(z.string()),
  write_uid: many2one,
}) satisfies z.ZodType<StockLot>;

// stock.move

/** A `stock.move` record as read through the client (normalised). */
export interface StockMove {
  /** stock_move_id (`many2one` → `account.move`) */
  account_move_id: { id: number; name: string } | null;
  /** Whether the move was added after the picking's confirmation (`boolean`) */
  additional: boolean;
  /** Allowed Uom (`many2many` → `uom.uom`, readonly) */
  allowed_uom_ids: number[];
  /** Analytic Account Line (`many2many` → `account.analytic.line`) */
  analytic_account_line_ids: number[];
  /** Forecasted Quantity (`float`, readonly) */
  availability: number;
  /** Company Currency (`many2one` → `res.currency`, readonly) */
  company_currency_id: { id: number; name: string } | null;
  /** Company (`many2one` → `res.company`, required) */
  company_id: { id: number; name: string } | null;
  /** Created on (`datetime`, readonly) */
  create_date: string | null;
  /** Created by (`many2one` → `res.users`, readonly) */
  create_uid: { id: number; name: string } | null;
  /** Created Purchase Order Lines (`many2many` → `purchase.order.line`) */
  created_purchase_line_ids: number[];
  /** Date Scheduled (`datetime`, required) */
  date: string | null;
  /** Deadline (`datetime`, readonly) */
  date_deadline: string | null;
  /** Delay Alert Date (`datetime`, readonly) */
  delay_alert_date: string | null;
  /** Description Of Picking (`text`) */
  description_picking: string | null;
  /** Description Picking Manual (`text`, readonly) */
  description_picking_manual: string | null;
  /** Display Assign Serial (`boolean`, readonly) */
  display_assign_serial: boolean;
  /** Display Import Lot (`boolean`, readonly) */
  display_import_lot: boolean;
  /** Display Name (`char`, readonly) */
  display_name: string | null;
  /** Forecast Availability (`float`, readonly) */
  forecast_availability: number;
  /** Forecasted Expected date (`datetime`, readonly) */
  forecast_expected_date: string | null;
  /** Has Lines Without Result Package (`boolean`, readonly) */
  has_lines_without_result_package: boolean;
  /**
   * Product with Tracking (`selection`, readonly)
   * Values: `serial` By Unique Serial Number, `lot` By Lots, `none` By Quantity.
   */
  has_tracking: 'serial' | 'lot' | 'none' | null;
  /** ID (`integer`, readonly) */
  id: number;
  /** Inventory Name (`char`, readonly) */
  inventory_name: string | null;
  /** Is Date Editable (`boolean`, readonly) */
  is_date_editable: boolean;
  /** Is Dropship (`boolean`, readonly) */
  is_dropship: boolean;
  /** Is Incoming (valued) (`boolean`, readonly) */
  is_in: boolean;
  /** Is initial demand editable (`boolean`, readonly) */
  is_initial_demand_editable: boolean;
  /** Inventory (`boolean`) */
  is_inventory: boolean;
  /** Is Locked (`boolean`, readonly) */
  is_locked: boolean;
  /** Is Outgoing (valued) (`boolean`, readonly) */
  is_out: boolean;
  /** Is quantity done editable (`boolean`, readonly) */
  is_quantity_done_editable: boolean;
  /** Track Inventory (`boolean`, readonly) */
  is_storable: boolean;
  /** Is Valued (`boolean`, readonly) */
  is_valued: boolean;
  /** Intermediate Location (`many2one` → `stock.location`, required) */
  location_dest_id: { id: number; name: string } | null;
  /**
   * Destination Location Type (`selection`, readonly)
   * Values: `supplier` Vendor, `view` Virtual, `internal` Internal, `customer` Customer, `inventory` Inventory Loss, `production` Production, `transit` Transit.
   */
  location_dest_usage:
    | 'supplier'
    | 'view'
    | 'internal'
    | 'customer'
    | 'inventory'
    | 'production'
    | 'transit'
    | null;
  /** Final Location (`many2one` → `stock.location`) */
  location_final_id: { id: number; name: string } | null;
  /** Source Location (`many2one` → `stock.location`, required) */
  location_id: { id: number; name: string } | null;
  /**
   * Source Location Type (`selection`, readonly)
   * Values: `supplier` Vendor, `view` Virtual, `internal` Internal, `customer` Customer, `inventory` Inventory Loss, `production` Production, `transit` Transit.
   */
  location_usage:
    | 'supplier'
    | 'view'
    | 'internal'
    | 'customer'
    | 'inventory'
    | 'production'
    | 'transit'
    | null;
  /** Serial Numbers (`many2many` → `stock.lot`) */
  lot_ids: number[];
  /** Destination Moves (`many2many` → `stock.move`) */
  move_dest_ids: number[];
  /** Move Line (`one2many` → `stock.move.line`) */
  move_line_ids: number[];
  /** Move Lines Count (`integer`, readonly) */
  move_lines_count: number;
  /** Original Move (`many2many` → `stock.move`) */
  move_orig_ids: number[];
  /** Never attribute Values (`many2many` → `product.template.attribute.value`) */
  never_product_template_attribute_value_ids: number[];
  /** First SN/Lot (`char`) */
  next_serial: string | null;
  /** Number of SN/Lots (`integer`) */
  next_serial_count: number;
  /** Original Reordering Rule (`many2one` → `stock.warehouse.orderpoint`) */
  orderpoint_id: { id: number; name: string } | null;
  /** Source Document (`char`) */
  origin: string | null;
  /** Origin return move (`many2one` → `stock.move`) */
  origin_returned_move_id: { id: number; name: string } | null;
  /** Packages (`one2many` → `stock.package`, readonly) */
  package_ids: number[];
  /** Packaging (`many2one` → `uom.uom`, readonly) */
  packaging_uom_id: { id: number; name: string } | null;
  /** Packaging Quantity (`float`, readonly) */
  packaging_uom_qty: number;
  /** Destination Address (`many2one` → `res.partner`) */
  partner_id: { id: number; name: string } | null;
  /** Picked (`boolean`) */
  picked: boolean;
  /**
   * Type of Operation (`selection`, readonly)
   * Values: `incoming` Receipt, `outgoing` Delivery, `internal` Internal Transfer.
   */
  picking_code: 'incoming' | 'outgoing' | 'internal' | null;
  /** Transfer (`many2one` → `stock.picking`) */
  picking_id: { id: number; name: string } | null;
  /** Operation Type (`many2one` → `stock.picking.type`) */
  picking_type_id: { id: number; name: string } | null;
  /** Price Unit (`float`) */
  price_unit: number;
  /**
   * Priority (`selection`, readonly)
   * Values: `0` Normal, `1` Urgent.
   */
  priority: '0' | '1' | null;
  /**
   * Supply Method (`selection`, required)
   * Values: `make_to_stock` Default: Take From Stock, `make_to_order` Advanced: Apply Procurement Rules.
   */
  procure_method: 'make_to_stock' | 'make_to_order';
  /** Procurement Values (`json`) */
  procurement_values: unknown;
  /** Product Category (`many2one` → `product.category`, readonly) */
  product_category_id: { id: number; name: string } | null;
  /** Product (`many2one` → `product.product`, required) */
  product_id: { id: number; name: string } | null;
  /** Real Quantity (`float`) */
  product_qty: number;
  /** Product Template (`many2one` → `product.template`, readonly) */
  product_tmpl_id: { id: number; name: string } | null;
  /** Unit (`many2one` → `uom.uom`, required) */
  product_uom: { id: number; name: string } | null;
  /** Demand (`float`, required) */
  product_uom_qty: number;
  /** Propagate cancel and split (`boolean`) */
  propagate_cancel: boolean;
  /** Purchase Order Line (`many2one` → `purchase.order.line`, readonly) */
  purchase_line_id: { id: number; name: string } | null;
  /** Quantity (`float`) */
  quantity: number;
  /** Reference (`char`, readonly) */
  reference: string | null;
  /** References (`many2many` → `stock.reference`) */
  reference_ids: number[];
  /** Remaining Quantity (`float`, readonly) */
  remaining_qty: number;
  /** Remaining Value (`monetary`, readonly) */
  remaining_value: number;
  /** Date to Reserve (`date`, readonly) */
  reservation_date: string | null;
  /** Owner (`many2one` → `res.partner`) */
  restrict_partner_id: { id: number; name: string } | null;
  /** All returned moves (`one2many` → `stock.move`) */
  returned_move_ids: number[];
  /** Destination route (`many2many` → `stock.route`) */
  route_ids: number[];
  /** Stock Rule (`many2one` → `stock.rule`) */
  rule_id: { id: number; name: string } | null;
  /** Sale Line (`many2one` → `sale.order.line`) */
  sale_line_id: { id: number; name: string } | null;
  /** Scrap operation (`many2one` → `stock.scrap`, readonly) */
  scrap_id: { id: number; name: string } | null;
  /** Sequence (`integer`) */
  sequence: number;
  /** Details Visible (`boolean`, readonly) */
  show_details_visible: boolean;
  /** Show lot_id (`boolean`, readonly) */
  show_lots_m2o: boolean;
  /** Show lot_name (`boolean`, readonly) */
  show_lots_text: boolean;
  /** Show Detailed Operations (`boolean`, readonly) */
  show_operations: boolean;
  /** Show Quant (`boolean`, readonly) */
  show_quant: boolean;
  /** Standard Price (`float`, readonly) */
  standard_price: number;
  /**
   * Status (`selection`, readonly)
   * Values: `draft` New, `waiting` Waiting Another Move, `confirmed` Waiting, `partially_available` Partially Available, `assigned` Available, `done` Done, `cancel` Cancelled.
   */
  state: 'draft' | 'waiting' | 'confirmed' | 'partially_available' | 'assigned' | 'done' | 'cancel' | null;
  /** Update quantities on SO/PO (`boolean`) */
  to_refund: boolean;
  /** Value (`monetary`) */
  value: number;
  /** Computed Value Description (`text`, readonly) */
  value_computed_justification: string | null;
  /** Value Description (`text`, readonly) */
  value_justification: string | null;
  /** Manual Value (`monetary`) */
  value_manual: number;
  /** Warehouse (`many2one` → `stock.warehouse`) */
  warehouse_id: { id: number; name: string } | null;
  /** Weight (`float`, readonly) */
  weight: number;
  /** Last Updated on (`datetime`, readonly) */
  write_date: string | null;
  /** Last Updated by (`many2one` → `res.users`, readonly) */
  write_uid: { id: number; name: string } | null;
}

/** Values to `write` on `stock.move`: every writable field, optional; `false` clears a value. */
export interface StockMoveValues {
  /** stock_move_id (`many2one` → `account.move`) */
  account_move_id?: number | false;
  /** Whether the move was added after the picking's confirmation (`boolean`) */
  additional?: boolean;
  /** Analytic Account Line (`many2many` → `account.analytic.line`) */
  analytic_account_line_ids?: X2ManyCommand[];
  /** Company (`many2one` → `res.company`, required) */
  company_id?: number | false;
  /** Created Purchase Order Lines (`many2many` → `purchase.order.line`) */
  created_purchase_line_ids?: X2ManyCommand[];
  /** Date Scheduled (`datetime`, required) */
  date?: string | false;
  /** Description Of Picking (`text`) */
  description_picking?: string | false;
  /** Inventory (`boolean`) */
  is_inventory?: boolean;
  /** Intermediate Location (`many2one` → `stock.location`, required) */
  location_dest_id?: number | false;
  /** Final Location (`many2one` → `stock.location`) */
  location_final_id?: number | false;
  /** Source Location (`many2one` → `stock.location`, required) */
  location_id?: number | false;
  /** Serial Numbers (`many2many` → `stock.lot`) */
  lot_ids?: X2ManyCommand<StockLotValues>[];
  /** Destination Moves (`many2many` → `stock.move`) */
  move_dest_ids?: X2ManyCommand<StockMoveValues>[];
  /** Move Line (`one2many` → `stock.move.line`) */
  move_line_ids?: X2ManyCommand<StockMoveLineValues>[];
  /** Original Move (`many2many` → `stock.move`) */
  move_orig_ids?: X2ManyCommand<StockMoveValues>[];
  /** Never attribute Values (`many2many` → `product.template.attribute.value`) */
  never_product_template_attribute_value_ids?: X2ManyCommand[];
  /** First SN/Lot (`char`) */
  next_serial?: string | false;
  /** Number of SN/Lots (`integer`) */
  next_serial_count?: number;
  /** Original Reordering Rule (`many2one` → `stock.warehouse.orderpoint`) */
  orderpoint_id?: number | false;
  /** Source Document (`char`) */
  origin?: string | false;
  /** Origin return move (`many2one` → `stock.move`) */
  origin_returned_move_id?: number | false;
  /** Destination Address (`many2one` → `res.partner`) */
  partner_id?: number | false;
  /** Picked (`boolean`) */
  picked?: boolean;
  /** Transfer (`many2one` → `stock.picking`) */
  picking_id?: number | false;
  /** Operation Type (`many2one` → `stock.picking.type`) */
  picking_type_id?: number | false;
  /** Price Unit (`float`) */
  price_unit?: number;
  /** Supply Method (`selection`, required) */
  procure_method?: 'make_to_stock' | 'make_to_order' | false;
  /** Procurement Values (`json`) */
  procurement_values?: unknown;
  /** Product (`many2one` → `product.product`, required) */
  product_id?: number | false;
  /** Real Quantity (`float`) */
  product_qty?: number;
  /** Unit (`many2one` → `uom.uom`, required) */
  product_uom?: number | false;
  /** Demand (`float`, required) */
  product_uom_qty?: number;
  /** Propagate cancel and split (`boolean`) */
  propagate_cancel?: boolean;
  /** Quantity (`float`) */
  quantity?: number;
  /** References (`many2many` → `stock.reference`) */
  reference_ids?: X2ManyCommand[];
  /** Owner (`many2one` → `res.partner`) */
  restrict_partner_id?: number | false;
  /** All returned moves (`one2many` → `stock.move`) */
  returned_move_ids?: X2ManyCommand<StockMoveValues>[];
  /** Destination route (`many2many` → `stock.route`) */
  route_ids?: X2ManyCommand[];
  /** Stock Rule (`many2one` → `stock.rule`) */
  rule_id?: number | false;
  /** Sale Line (`many2one` → `sale.order.line`) */
  sale_line_id?: number | false;
  /** Sequence (`integer`) */
  sequence?: number;
  /** Update quantities on SO/PO (`boolean`) */
  to_refund?: boolean;
  /** Value (`monetary`) */
  value?: number;
  /** Manual Value (`monetary`) */
  value_manual?: number;
  /** Warehouse (`many2one` → `stock.warehouse`) */
  warehouse_id?: number | false;
}

/** Values to `create` a `stock.move`: the fields the server requires are required. */
export interface StockMoveCreateValues extends StockMoveValues {
  /** Company (`many2one` → `res.company`, required) */
  company_id: number;
  /** Date Scheduled (`datetime`, required) */
  date: string;
  /** Intermediate Location (`many2one` → `stock.location`, required) */
  location_dest_id: number;
  /** Source Location (`many2one` → `stock.location`, required) */
  location_id: number;
  /** Supply Method (`selection`, required) */
  procure_method: 'make_to_stock' | 'make_to_order';
  /** Product (`many2one` → `product.product`, required) */
  product_id: number;
  /** Unit (`many2one` → `uom.uom`, required) */
  product_uom: number;
  /** Demand (`float`, required) */
  product_uom_qty: number;
}

/** Parses a `stock.move` record as sent by Odoo or normalised into {@link StockMove}. */
export const StockMoveSchema = z.object({
  account_move_id: many2one,
  additional: z.boolean(),
  allowed_uom_ids: x2many,
  analytic_account_line_ids: x2many,
  availability: z.number(),
  company_currency_id: many2one,
  company_id: many2one,
  create_date: orNull(z.string()),
  create_uid: many2one,
  created_purchase_line_ids: x2many,
  date: orNull(z.string()),
  date_deadline: orNull(z.string()),
  delay_alert_date: orNull(z.string()),
  description_picking: orNull(z.string()),
  description_picking_manual: orNull(z.string()),
  display_assign_serial: z.boolean(),
  display_import_lot: z.boolean(),
  display_name: orNull(z.string()),
  forecast_availability: z.number(),
  forecast_expected_date: orNull(z.string()),
  has_lines_without_result_package: z.boolean(),
  has_tracking: orNull(z.literal(['serial', 'lot', 'none'])),
  id: z.number(),
  inventory_name: orNull(z.string()),
  is_date_editable: z.boolean(),
  is_dropship: z.boolean(),
  is_in: z.boolean(),
  is_initial_demand_editable: z.boolean(),
  is_inventory: z.boolean(),
  is_locked: z.boolean(),
  is_out: z.boolean(),
  is_quantity_done_editable: z.boolean(),
  is_storable: z.boolean(),
  is_valued: z.boolean(),
  location_dest_id: many2one,
  location_dest_usage: orNull(
    z.literal(['supplier', 'view', 'internal', 'customer', 'inventory', 'production', 'transit']),
  ),
  location_final_id: many2one,
  location_id: many2one,
  location_usage: orNull(
    z.literal(['supplier', 'view', 'internal', 'customer', 'inventory', 'production', 'transit']),
  ),
  lot_ids: x2many,
  move_dest_ids: x2many,
  move_line_ids: x2many,
  move_lines_count: z.number(),
  move_orig_ids: x2many,
  never_product_template_attribute_value_ids: x2many,
  next_serial: orNull(z.string()),
  next_serial_count: z.number(),
  orderpoint_id: many2one,
  origin: orNull(z.string()),
  origin_returned_move_id: many2one,
  package_ids: x2many,
  packaging_uom_id: many2one,
  packaging_uom_qty: z.number(),
  partner_id: many2one,
  picked: z.boolean(),
  picking_code: orNull(z.literal(['incoming', 'outgoing', 'internal'])),
  picking_id: many2one,
  picking_type_id: many2one,
  price_unit: z.number(),
  priority: orNull(z.literal(['0', '1'])),
  procure_method: z.literal(['make_to_stock', 'make_to_order']),
  procurement_values: z.unknown(),
  product_category_id: many2one,
  product_id: many2one,
  product_qty: z.number(),
  product_tmpl_id: many2one,
  product_uom: many2one,
  product_uom_qty: z.number(),
  propagate_cancel: z.boolean(),
  purchase_line_id: many2one,
  quantity: z.number(),
  reference: orNull(z.string()),
  reference_ids: x2many,
  remaining_qty: z.number(),
  remaining_value: z.number(),
  reservation_date: orNull(z.string()),
  restrict_partner_id: many2one,
  returned_move_ids: x2many,
  route_ids: x2many,
  rule_id: many2one,
  sale_line_id: many2one,
  scrap_id: many2one,
  sequence: z.number(),
  show_details_visible: z.boolean(),
  show_lots_m2o: z.boolean(),
  show_lots_text: z.boolean(),
  show_operations: z.boolean(),
  show_quant: z.boolean(),
  standard_price: z.number(),
  state: orNull(
    z.literal(['draft', 'waiting', 'confirmed', 'partially_available', 'assigned', 'done', 'cancel']),
  ),
  to_refund: z.boolean(),
  value: z.number(),
  value_computed_justification: orNull(z.string()),
  value_justification: orNull(z.string()),
  value_manual: z.number(),
  warehouse_id: many2one,
  weight: z.number(),
  write_date: orNull(z.string()),
  write_uid: many2one,
}) satisfies z.ZodType<StockMove>;

// stock.move.line

/** A `stock.move.line` record as read through the client (normalised). */
export interface StockMoveLine {
  /** Allowed Uom (`many2many` → `uom.uom`, readonly) */
  allowed_uom_ids: number[];
  /** Carrier (`many2one` → `delivery.carrier`, readonly) */
  carrier_id: { id: number; name: string } | null;
  /** Company (`many2one` → `res.company`, required, readonly) */
  company_id: { id: number; name: string } | null;
  /** Consume Line (`many2many` → `stock.move.line`) */
  consume_line_ids: number[];
  /** Created on (`datetime`, readonly) */
  create_date: string | null;
  /** Created by (`many2one` → `res.users`, readonly) */
  create_uid: { id: number; name: string } | null;
  /** Date (`datetime`, required) */
  date: string | null;
  /** Description Of Picking (`text`, readonly) */
  description_picking: string | null;
  /** Destination Country (`char`, readonly) */
  destination_country_code: string | null;
  /** Display Name (`char`, readonly) */
  display_name: string | null;
  /** ID (`integer`, readonly) */
  id: number;
  /** Is added through entire package (`boolean`) */
  is_entire_pack: boolean;
  /** Inventory (`boolean`, readonly) */
  is_inventory: boolean;
  /** Is Locked (`boolean`, readonly) */
  is_locked: boolean;
  /** To (`many2one` → `stock.location`, required) */
  location_dest_id: { id: number; name: string } | null;
  /**
   * Destination Location Type (`selection`, readonly)
   * Values: `supplier` Vendor, `view` Virtual, `internal` Internal, `customer` Customer, `inventory` Inventory Loss, `production` Production, `transit` Transit.
   */
  location_dest_usage:
    | 'supplier'
    | 'view'
    | 'internal'
    | 'customer'
    | 'inventory'
    | 'production'
    | 'transit'
    | null;
  /** From (`many2one` → `stock.location`, required) */
  location_id: { id: number; name: string } | null;
  /**
   * Source Location Type (`selection`, readonly)
   * Values: `supplier` Vendor, `view` Virtual, `internal` Internal, `customer` Customer, `inventory` Inventory Loss, `production` Production, `transit` Transit.
   */
  location_usage:
    | 'supplier'
    | 'view'
    | 'internal'
    | 'customer'
    | 'inventory'
    | 'production'
    | 'transit'
    | null;
  /** Lot/Serial Number (`many2one` → `stock.lot`) */
  lot_id: { id: number; name: string } | null;
  /** Lot/Serial Number Name (`char`) */
  lot_name: string | null;
  /** Lots Visible (`boolean`, readonly) */
  lots_visible: boolean;
  /** Stock Operation (`many2one` → `stock.move`) */
  move_id: { id: number; name: string } | null;
  /** Destination Address (`many2one` → `res.partner`, readonly) */
  move_partner_id: { id: number; name: string } | null;
  /** Source (`char`, readonly) */
  origin: string | null;
  /** From Owner (`many2one` → `res.partner`) */
  owner_id: { id: number; name: string } | null;
  /** Package History (`many2one` → `stock.package.history`) */
  package_history_id: { id: number; name: string } | null;
  /** Source Package (`many2one` → `stock.package`) */
  package_id: { id: number; name: string } | null;
  /** Picked (`boolean`) */
  picked: boolean;
  /**
   * Type of Operation (`selection`, readonly)
   * Values: `incoming` Receipt, `outgoing` Delivery, `internal` Internal Transfer.
   */
  picking_code: 'incoming' | 'outgoing' | 'internal' | null;
  /** Transfer (`many2one` → `stock.picking`) */
  picking_id: { id: number; name: string } | null;
  /** Destination Location (`many2one` → `stock.location`, readonly) */
  picking_location_dest_id: { id: number; name: string } | null;
  /** Source Location (`many2one` → `stock.location`, readonly) */
  picking_location_id: { id: number; name: string } | null;
  /** Contact (`many2one` → `res.partner`, readonly) */
  picking_partner_id: { id: number; name: string } | null;
  /** Operation type (`many2one` → `stock.picking.type`, readonly) */
  picking_type_id: { id: number; name: string } | null;
  /** Create New Lots/Serial Numbers (`boolean`, readonly) */
  picking_type_use_create_lots: boolean;
  /** Use Existing Lots/Serial Numbers (`boolean`, readonly) */
  picking_type_use_existing_lots: boolean;
  /** Produce Line (`many2many` → `stock.move.line`) */
  produce_line_ids: number[];
  /** Product Category (`char`, readonly) */
  product_category_name: string | null;
  /** Product (`many2one` → `product.product`) */
  product_id: { id: number; name: string } | null;
  /** Unit (`many2one` → `uom.uom`, required) */
  product_uom_id: { id: number; name: string } | null;
  /** Pick From (`many2one` → `stock.quant`) */
  quant_id: { id: number; name: string } | null;
  /** Quantity (`float`) */
  quantity: number;
  /** Quantity in Product UoM (`float`, readonly) */
  quantity_product_uom: number;
  /** Reference (`char`) */
  reference: string | null;
  /** Destination Package Name (`char`, readonly) */
  result_package_dest_name: string | null;
  /** Destination Package (`many2one` → `stock.package`) */
  result_package_id: { id: number; name: string } | null;
  /** Sale Price (`float`, readonly) */
  sale_price: number;
  /** Scheduled Date (`datetime`, readonly) */
  scheduled_date: string | null;
  /** Scrap operation (`many2one` → `stock.scrap`, readonly) */
  scrap_id: { id: number; name: string } | null;
  /**
   * Status (`selection`, readonly)
   * Values: `draft` New, `waiting` Waiting Another Move, `confirmed` Waiting, `partially_available` Partially Available, `assigned` Available, `done` Done, `cancel` Cancelled.
   */
  state: 'draft' | 'waiting' | 'confirmed' | 'partially_available' | 'assigned' | 'done' | 'cancel' | null;
  /**
   * Tracking (`selection`, readonly)
   * Values: `serial` By Unique Serial Number, `lot` By Lots, `none` By Quantity.
   */
  tracking: 'serial' | 'lot' | 'none' | null;
  /** Last Updated on (`datetime`, readonly) */
  write_date: string | null;
  /** Last Updated by (`many2one` → `res.users`, readonly) */
  write_uid: { id: number; name: string } | null;
}

/** Values to `write` on `stock.move.line`: every writable field, optional; `false` clears a value. */
export interface StockMoveLineValues {
  /** Consume Line (`many2many` → `stock.move.line`) */
  consume_line_ids?: X2ManyCommand<StockMoveLineValues>[];
  /** Date (`datetime`, required) */
  date?: string | false;
  /** Is added through entire package (`boolean`) */
  is_entire_pack?: boolean;
  /** To (`many2one` → `stock.location`, required) */
  location_dest_id?: number | false;
  /** From (`many2one` → `stock.location`, required) */
  location_id?: number | false;
  /** Lot/Serial Number (`many2one` → `stock.lot`) */
  lot_id?: number | false;
  /** Lot/Serial Number Name (`char`) */
  lot_name?: string | false;
  /** Stock Operation (`many2one` → `stock.move`) */
  move_id?: number | false;
  /** From Owner (`many2one` → `res.partner`) */
  owner_id?: number | false;
  /** Package History (`many2one` → `stock.package.history`) */
  package_history_id?: number | false;
  /** Source Package (`many2one` → `stock.package`) */
  package_id?: number | false;
  /** Picked (`boolean`) */
  picked?: boolean;
  /** Transfer (`many2one` → `stock.picking`) */
  picking_id?: number | false;
  /** Produce Line (`many2many` → `stock.move.line`) */
  produce_line_ids?: X2ManyCommand<StockMoveLineValues>[];
  /** Product (`many2one` → `product.product`) */
  product_id?: number | false;
  /** Unit (`many2one` → `uom.uom`, required) */
  product_uom_id?: number | false;
  /** Pick From (`many2one` → `stock.quant`) */
  quant_id?: number | false;
  /** Quantity (`float`) */
  quantity?: number;
  /** Reference (`char`) */
  reference?: string | false;
  /** Destination Package (`many2one` → `stock.package`) */
  result_package_id?: number | false;
}

/** Values to `create` a `stock.move.line`: the fields the server requires are required. */
export interface StockMoveLineCreateValues extends StockMoveLineValues {
  /** Date (`datetime`, required) */
  date: string;
  /** To (`many2one` → `stock.location`, required) */
  location_dest_id: number;
  /** From (`many2one` → `stock.location`, required) */
  location_id: number;
  /** Unit (`many2one` → `uom.uom`, required) */
  product_uom_id: number;
}

/** Parses a `stock.move.line` record as sent by Odoo or normalised into {@link StockMoveLine}. */
export const StockMoveLineSchema = z.object({
  allowed_uom_ids: x2many,
  carrier_id: many2one,
  company_id: many2one,
  consume_line_ids: x2many,
  create_date: orNull(z.string()),
  create_uid: many2one,
  date: orNull(z.string()),
  description_picking: orNull(z.string()),
  destination_country_code: orNull(z.string()),
  display_name: orNull(z.string()),
  id: z.number(),
  is_entire_pack: z.boolean(),
  is_inventory: z.boolean(),
  is_locked: z.boolean(),
  location_dest_id: many2one,
  location_dest_usage: orNull(
    z.literal(['supplier', 'view', 'internal', 'customer', 'inventory', 'production', 'transit']),
  ),
  location_id: many2one,
  location_usage: orNull(
    z.literal(['supplier', 'view', 'internal', 'customer', 'inventory', 'production', 'transit']),
  ),
  lot_id: many2one,
  lot_name: orNull(z.string()),
  lots_visible: z.boolean(),
  move_id: many2one,
  move_partner_id: many2one,
  origin: orNull(z.string()),
  owner_id: many2one,
  package_history_id: many2one,
  package_id: many2one,
  picked: z.boolean(),
  picking_code: orNull(z.literal(['incoming', 'outgoing', 'internal'])),
  picking_id: many2one,
  picking_location_dest_id: many2one,
  picking_location_id: many2one,
  picking_partner_id: many2one,
  picking_type_id: many2one,
  picking_type_use_create_lots: z.boolean(),
  picking_type_use_existing_lots: z.boolean(),
  produce_line_ids: x2many,
  product_category_name: orNull(z.string()),
  product_id: many2one,
  product_uom_id: many2one,
  quant_id: many2one,
  quantity: z.number(),
  quantity_product_uom: z.number(),
  reference: orNull(z.string()),
  result_package_dest_name: orNull(z.string()),
  result_package_id: many2one,
  sale_price: z.number(),
  scheduled_date: orNull(z.string()),
  scrap_id: many2one,
  state: orNull(
    z.literal(['draft', 'waiting', 'confirmed', 'partially_available', 'assigned', 'done', 'cancel']),
  ),
  tracking: orNull(z.literal(['serial', 'lot', 'none'])),
  write_date: orNull(z.string()),
  write_uid: many2one,
}) satisfies z.ZodType<StockMoveLine>;

// stock.picking

/** A `stock.picking` record as read through the client (normalised). */
export interface StockPicking {
  /** Next Activity Deadline (`date`, readonly) */
  activity_date_deadline: string | null;
  /**
   * Activity Exception Decoration (`selection`, readonly)
   * Values: `warning` Alert, `danger` Error.
   */
  activity_exception_decoration: 'warning' | 'danger' | null;
  /** Icon (`char`, readonly) */
  activity_exception_icon: string | null;
  /** Activities (`one2many` → `mail.activity`) */
  activity_ids: number[];
  /**
   * Activity State (`selection`, readonly)
   * Values: `overdue` Overdue, `today` Today, `planned` Planned.
   */
  activity_state: 'overdue' | 'today' | 'planned' | null;
  /** Next Activity Summary (`char`) */
  activity_summary: string | null;
  /** Activity Type Icon (`char`, readonly) */
  activity_type_icon: string | null;
  /** Next Activity Type (`many2one` → `mail.activity.type`) */
  activity_type_id: { id: number; name: string } | null;
  /** Responsible User (`many2one` → `res.users`, readonly) */
  activity_user_id: { id: number; name: string } | null;
  /** Allowed Carrier (`many2many` → `delivery.carrier`, readonly) */
  allowed_carrier_ids: number[];
  /** Back Order of (`many2one` → `stock.picking`, readonly) */
  backorder_id: { id: number; name: string } | null;
  /** Back Orders (`one2many` → `stock.picking`) */
  backorder_ids: number[];
  /** Carrier (`many2one` → `delivery.carrier`) */
  carrier_id: { id: number; name: string } | null;
  /** Shipping Cost (`float`) */
  carrier_price: number;
  /** Tracking Reference (`char`) */
  carrier_tracking_ref: string | null;
  /** Tracking URL (`char`, readonly) */
  carrier_tracking_url: string | null;
  /** Company (`many2one` → `res.company`, readonly) */
  company_id: { id: number; name: string } | null;
  /** Country Code (`char`, readonly) */
  country_code: string | null;
  /** Created on (`datetime`, readonly) */
  create_date: string | null;
  /** Created by (`many2one` → `res.users`, readonly) */
  create_uid: { id: number; name: string } | null;
  /** Deadline (`datetime`, readonly) */
  date_deadline: string | null;
  /** Date of Transfer (`datetime`) */
  date_done: string | null;
  /** Days To Arrive (`datetime`, readonly) */
  days_to_arrive: string | null;
  /** Delay Alert Date (`datetime`, readonly) */
  delay_alert_date: string | null;
  /** Delay Pass (`datetime`, readonly) */
  delay_pass: string | null;
  /**
   * Provider (`selection`, readonly)
   * Values: `base_on_rule` Based on Rules, `fixed` Fixed Price.
   */
  delivery_type: 'base_on_rule' | 'fixed' | null;
  /** Destination Country (`char`, readonly) */
  destination_country_code: string | null;
  /** Display Name (`char`, readonly) */
  display_name: string | null;
  /** Is late (`boolean`, readonly) */
  has_deadline_issue: boolean;
  /** Has Message (`boolean`, readonly) */
  has_message: boolean;
  /** Has Scrap Moves (`boolean`, readonly) */
  has_scrap_move: boolean;
  /** Has Tracking (`boolean`, readonly) */
  has_tracking: boolean;
  /** ID (`integer`, readonly) */
  id: number;
  /**
   * Integration Level (`selection`, readonly)
   * Values: `rate` Get Rate, `rate_and_ship` Get Rate and Create Shipment.
   */
  integration_level: 'rate' | 'rate_and_ship' | null;
  /** Is Scheduled Date Editable (`boolean`, readonly) */
  is_date_editable: boolean;
  /** Is Locked (`boolean`) */
  is_locked: boolean;
  /** Is Return Picking (`boolean`, readonly) */
  is_return_picking: boolean;
  /** Is Signed (`boolean`, readonly) */
  is_signed: boolean;
  /** JSON data for the popover widget (`char`, readonly) */
  json_popover: string | null;
  /** Destination Location (`many2one` → `stock.location`, required) */
  location_dest_id: { id: number; name: string } | null;
  /** Source Location (`many2one` → `stock.location`, required) */
  location_id: { id: number; name: string } | null;
  /** Lot/Serial Number (`many2one` → `stock.lot`, readonly) */
  lot_id: { id: number; name: string } | null;
  /** Attachment Count (`integer`, readonly) */
  message_attachment_count: number;
  /** Followers (`one2many` → `mail.followers`) */
  message_follower_ids: number[];
  /** Message Delivery error (`boolean`, readonly) */
  message_has_error: boolean;
  /** Number of errors (`integer`, readonly) */
  message_has_error_counter: number;
  /** SMS Delivery error (`boolean`, readonly) */
  message_has_sms_error: boolean;
  /** Messages (`one2many` → `mail.message`) */
  message_ids: number[];
  /** Is Follower (`boolean`, readonly) */
  message_is_follower: boolean;
  /** Action Needed (`boolean`, readonly) */
  message_needaction: boolean;
  /** Number of Actions (`integer`, readonly) */
  message_needaction_counter: number;
  /** Followers (Partners) (`many2many` → `res.partner`) */
  message_partner_ids: number[];
  /** Stock Moves (`one2many` → `stock.move`) */
  move_ids: number[];
  /** Operations (`one2many` → `stock.move.line`) */
  move_line_ids: number[];
  /**
   * Shipping Policy (`selection`, required)
   * Values: `direct` As soon as possible, `one` When all products are ready.
   */
  move_type: 'direct' | 'one';
  /** My Activity Deadline (`date`, readonly) */
  my_activity_date_deadline: string | null;
  /** Reference (`char`, readonly) */
  name: string | null;
  /** Notes (`html`) */
  note: string | null;
  /** Source Document (`char`) */
  origin: string | null;
  /** Assign Owner (`many2one` → `res.partner`) */
  owner_id: { id: number; name: string } | null;
  /** Transfered Packages (`many2many` → `stock.package.history`) */
  package_history_ids: number[];
  /** Packages Count (`integer`, readonly) */
  packages_count: number;
  /** Country (`many2one` → `res.country`, readonly) */
  partner_country_id: { id: number; name: string } | null;
  /** Contact (`many2one` → `res.partner`) */
  partner_id: { id: number; name: string } | null;
  /** Properties (`properties`) */
  picking_properties: unknown;
  /**
   * Type of Operation (`selection`, readonly)
   * Values: `incoming` Receipt, `outgoing` Delivery, `internal` Internal Transfer.
   */
  picking_type_code: 'incoming' | 'outgoing' | 'internal' | null;
  /** Move Entire Packages (`boolean`, readonly) */
  picking_type_entire_packs: boolean;
  /** Operation Type (`many2one` → `stock.picking.type`, required) */
  picking_type_id: { id: number; name: string } | null;
  /** Picking Instructions (`text`, readonly) */
  picking_warning_text: string | null;
  /** Printed (`boolean`) */
  printed: boolean;
  /**
   * Priority (`selection`)
   * Values: `0` Normal, `1` Urgent.
   */
  priority: '0' | '1' | null;
  /** Product (`many2one` → `product.product`, readonly) */
  product_id: { id: number; name: string } | null;
  /** Product Availability (`char`, readonly) */
  products_availability: string | null;
  /**
   * Products Availability State (`selection`, readonly)
   * Values: `available` Available, `expected` Expected, `late` Late.
   */
  products_availability_state: 'available' | 'expected' | 'late' | null;
  /** Purchase Orders (`many2one` → `purchase.order`, readonly) */
  purchase_id: { id: number; name: string } | null;
  /** References (`many2many` → `stock.reference`, readonly) */
  reference_ids: number[];
  /** # Returns (`integer`, readonly) */
  return_count: number;
  /** Return of (`many2one` → `stock.picking`, readonly) */
  return_id: { id: number; name: string } | null;
  /** Returns (`one2many` → `stock.picking`) */
  return_ids: number[];
  /** Return Label (`one2many` → `ir.attachment`, readonly) */
  return_label_ids: number[];
  /** Sales Order (`many2one` → `sale.order`) */
  sale_id: { id: number; name: string } | null;
  /** Scheduled Date (`datetime`) */
  scheduled_date: string | null;
  /**
   * Date Category (`selection`, readonly)
   * Values: `before` Before, `yesterday` Yesterday, `today` Today, `day_1` Tomorrow, `day_2` The day after tomorrow, `after` After.
   */
  search_date_category: 'before' | 'yesterday' | 'today' | 'day_1' | 'day_2' | 'after' | null;
  /** Volume for Shipping (`float`, readonly) */
  shipping_volume: number;
  /** Weight for Shipping (`float`) */
  shipping_weight: number;
  /** Show Allocation (`boolean`, readonly) */
  show_allocation: boolean;
  /** Show Check Availability (`boolean`, readonly) */
  show_check_availability: boolean;
  /** Show Lots Text (`boolean`, readonly) */
  show_lots_text: boolean;
  /** Show Next Pickings (`boolean`, readonly) */
  show_next_pickings: boolean;
  /** Show Detailed Operations (`boolean`, readonly) */
  show_operations: boolean;
  /** Signature (`binary`) */
  signature: string | null;
  /**
   * Status (`selection`, readonly)
   * Values: `draft` Draft, `waiting` Waiting Another Operation, `confirmed` Waiting, `assigned` Ready, `done` Done, `cancel` Cancelled.
   */
  state: 'draft' | 'waiting' | 'confirmed' | 'assigned' | 'done' | 'cancel' | null;
  /** Create New Lots/Serial Numbers (`boolean`, readonly) */
  use_create_lots: boolean;
  /** Use Existing Lots/Serial Numbers (`boolean`, readonly) */
  use_existing_lots: boolean;
  /** Responsible (`many2one` → `res.users`) */
  user_id: { id: number; name: string } | null;
  /** Address (`many2one` → `res.partner`, readonly) */
  warehouse_address_id: { id: number; name: string } | null;
  /** Website Messages (`one2many` → `mail.message`) */
  website_message_ids: number[];
  /** Weight (`float`, readonly) */
  weight: number;
  /** Bulk Weight (`float`, readonly) */
  weight_bulk: number;
  /** Weight unit of measure label (`char`, readonly) */
  weight_uom_name: string | null;
  /** Last Updated on (`datetime`, readonly) */
  write_date: string | null;
  /** Last Updated by (`many2one` → `res.users`, readonly) */
  write_uid: { id: number; name: string } | null;
}

/** Values to `write` on `stock.picking`: every writable field, optional; `false` clears a value. */
export interface StockPickingValues {
  /** Activities (`one2many` → `mail.activity`) */
  activity_ids?: X2ManyCommand[];
  /** Next Activity Summary (`char`) */
  activity_summary?: string | false;
  /** Next Activity Type (`many2one` → `mail.activity.type`) */
  activity_type_id?: number | false;
  /** Back Orders (`one2many` → `stock.picking`) */
  backorder_ids?: X2ManyCommand<StockPickingValues>[];
  /** Carrier (`many2one` → `delivery.carrier`) */
  carrier_id?: number | false;
  /** Shipping Cost (`float`) */
  carrier_price?: number;
  /** Tracking Reference (`char`) */
  carrier_tracking_ref?: string | false;
  /** Date of Transfer (`datetime`) */
  date_done?: string | false;
  /** Is Locked (`boolean`) */
  is_locked?: boolean;
  /** Destination Location (`many2one` → `stock.location`, required) */
  location_dest_id?: number | false;
  /** Source Location (`many2one` → `stock.location`, required) */
  location_id?: number | false;
  /** Followers (`one2many` → `mail.followers`) */
  message_follower_ids?: X2ManyCommand[];
  /** Messages (`one2many` → `mail.message`) */
  message_ids?: X2ManyCommand[];
  /** Followers (Partners) (`many2many` → `res.partner`) */
  message_partner_ids?: X2ManyCommand<ResPartnerValues>[];
  /** Stock Moves (`one2many` → `stock.move`) */
  move_ids?: X2ManyCommand<StockMoveValues>[];
  /** Operations (`one2many` → `stock.move.line`) */
  move_line_ids?: X2ManyCommand<StockMoveLineValues>[];
  /** Shipping Policy (`selection`, required) */
  move_type?: 'direct' | 'one' | false;
  /** Notes (`html`) */
  note?: string | false;
  /** Source Document (`char`) */
  origin?: string | false;
  /** Assign Owner (`many2one` → `res.partner`) */
  owner_id?: number | false;
  /** Transfered Packages (`many2many` → `stock.package.history`) */
  package_history_ids?: X2ManyCommand[];
  /** Contact (`many2one` → `res.partner`) */
  partner_id?: number | false;
  /** Properties (`properties`) */
  picking_properties?: unknown;
  /** Operation Type (`many2one` → `stock.picking.type`, required) */
  picking_type_id?: number | false;
  /** Printed (`boolean`) */
  printed?: boolean;
  /** Priority (`selection`) */
  priority?: '0' | '1' | false;
  /** Returns (`one2many` → `stock.picking`) */
  return_ids?: X2ManyCommand<StockPickingValues>[];
  /** Sales Order (`many2one` → `sale.order`) */
  sale_id?: number | false;
  /** Scheduled Date (`datetime`) */
  scheduled_date?: string | false;
  /** Weight for Shipping (`float`) */
  shipping_weight?: number;
  /** Signature (`binary`) */
  signature?: string | false;
  /** Responsible (`many2one` → `res.users`) */
  user_id?: number | false;
  /** Website Messages (`one2many` → `mail.message`) */
  website_message_ids?: X2ManyCommand[];
}

/** Values to `create` a `stock.picking`: the fields the server requires are required. */
export interface StockPickingCreateValues extends StockPickingValues {
  /** Destination Location (`many2one` → `stock.location`, required) */
  location_dest_id: number;
  /** Source Location (`many2one` → `stock.location`, required) */
  location_id: number;
  /** Shipping Policy (`selection`, required) */
  move_type: 'direct' | 'one';
  /** Operation Type (`many2one` → `stock.picking.type`, required) */
  picking_type_id: number;
}

/** Parses a `stock.picking` record as sent by Odoo or normalised into {@link StockPicking}. */
export const StockPickingSchema = z.object({
  activity_date_deadline: orNull(z.string()),
  activity_exception_decoration: orNull(z.literal(['warning', 'danger'])),
  activity_exception_icon: orNull(z.string()),
  activity_ids: x2many,
  activity_state: orNull(z.literal(['overdue', 'today', 'planned'])),
  activity_summary: orNull(z.string()),
  activity_type_icon: orNull(z.string()),
  activity_type_id: many2one,
  activity_user_id: many2one,
  allowed_carrier_ids: x2many,
  backorder_id: many2one,
  backorder_ids: x2many,
  carrier_id: many2one,
  carrier_price: z.number(),
  carrier_tracking_ref: orNull(z.string()),
  carrier_tracking_url: orNull(z.string()),
  company_id: many2one,
  country_code: orNull(z.string()),
  create_date: orNull(z.string()),
  create_uid: many2one,
  date_deadline: orNull(z.string()),
  date_done: orNull(z.string()),
  days_to_arrive: orNull(z.string()),
  delay_alert_date: orNull(z.string()),
  delay_pass: orNull(z.string()),
  delivery_type: orNull(z.literal(['base_on_rule', 'fixed'])),
  destination_country_code: orNull(z.string()),
  display_name: orNull(z.string()),
  has_deadline_issue: z.boolean(),
  has_message: z.boolean(),
  has_scrap_move: z.boolean(),
  has_tracking: z.boolean(),
  id: z.number(),
  integration_level: orNull(z.literal(['rate', 'rate_and_ship'])),
  is_date_editable: z.boolean(),
  is_locked: z.boolean(),
  is_return_picking: z.boolean(),
  is_signed: z.boolean(),
  json_popover: orNull(z.string()),
  location_dest_id: many2one,
  location_id: many2one,
  lot_id: many2one,
  message_attachment_count: z.number(),
  message_follower_ids: x2many,
  message_has_error: z.boolean(),
  message_has_error_counter: z.number(),
  message_has_sms_error: z.boolean(),
  message_ids: x2many,
  message_is_follower: z.boolean(),
  message_needaction: z.boolean(),
  message_needaction_counter: z.number(),
  message_partner_ids: x2many,
  move_ids: x2many,
  move_line_ids: x2many,
  move_type: z.literal(['direct', 'one']),
  my_activity_date_deadline: orNull(z.string()),
  name: orNull(z.string()),
  note: orNull(z.string()),
  origin: orNull(z.string()),
  owner_id: many2one,
  package_history_ids: x2many,
  packages_count: z.number(),
  partner_country_id: many2one,
  partner_id: many2one,
  picking_properties: z.unknown(),
  picking_type_code: orNull(z.literal(['incoming', 'outgoing', 'internal'])),
  picking_type_entire_packs: z.boolean(),
  picking_type_id: many2one,
  picking_warning_text: orNull(z.string()),
  printed: z.boolean(),
  priority: orNull(z.literal(['0', '1'])),
  product_id: many2one,
  products_availability: orNull(z.string()),
  products_availability_state: orNull(z.literal(['available', 'expected', 'late'])),
  purchase_id: many2one,
  reference_ids: x2many,
  return_count: z.number(),
  return_id: many2one,
  return_ids: x2many,
  return_label_ids: x2many,
  sale_id: many2one,
  scheduled_date: orNull(z.string()),
  search_date_category: orNull(z.literal(['before', 'yesterday', 'today', 'day_1', 'day_2', 'after'])),
  shipping_volume: z.number(),
  shipping_weight: z.number(),
  show_allocation: z.boolean(),
  show_check_availability: z.boolean(),
  show_lots_text: z.boolean(),
  show_next_pickings: z.boolean(),
  show_operations: z.boolean(),
  signature: orNull(z.string()),
  state: orNull(z.literal(['draft', 'waiting', 'confirmed', 'assigned', 'done', 'cancel'])),
  use_create_lots: z.boolean(),
  use_existing_lots: z.boolean(),
  user_id: many2one,
  warehouse_address_id: many2one,
  website_message_ids: x2many,
  weight: z.number(),
  weight_bulk: z.number(),
  weight_uom_name: orNull(z.string()),
  write_date: orNull(z.string()),
  write_uid: many2one,
}) satisfies z.ZodType<StockPicking>;

// stock.quant

/** A `stock.quant` record as read through the client (normalised). */
export interface StockQuant {
  /** Accounting Date (`date`) */
  accounting_date: string | null;
  /** Available Quantity (`float`, readonly) */
  available_quantity: number;
  /** Company (`many2one` → `res.company`, readonly) */
  company_id: { id: number; name: string } | null;
  /**
   * Cost Method (`selection`, readonly)
   * Values: `standard` Standard Price, `fifo` First In First Out (FIFO), `average` Average Cost (AVCO).
   */
  cost_method: 'standard' | 'fifo' | 'average' | null;
  /** Created on (`datetime`, readonly) */
  create_date: string | null;
  /** Created by (`many2one` → `res.users`, readonly) */
  create_uid: { id: number; name: string } | null;
  /** Currency (`many2one` → `res.currency`, readonly) */
  currency_id: { id: number; name: string } | null;
  /** Inventory Frequency (`integer`, readonly) */
  cyclic_inventory_frequency: number;
  /** Display Name (`char`, readonly) */
  display_name: string | null;
  /** ID (`integer`, readonly) */
  id: number;
  /** Incoming Date (`datetime`, required, readonly) */
  in_date: string | null;
  /** Scheduled (`date`) */
  inventory_date: string | null;
  /** Difference (`float`, readonly) */
  inventory_diff_quantity: number;
  /** Counted (`float`) */
  inventory_quantity: number;
  /** Inventoried Quantity (`float`) */
  inventory_quantity_auto_apply: number;
  /** Inventory Quantity Set (`boolean`) */
  inventory_quantity_set: boolean;
  /** Favorite (`boolean`, readonly) */
  is_favorite: boolean;
  /** Quantity has been moved since last count (`boolean`, readonly) */
  is_outdated: boolean;
  /** Last Count Date (`date`, readonly) */
  last_count_date: string | null;
  /** Location (`many2one` → `stock.location`, required) */
  location_id: { id: number; name: string } | null;
  /** Lot/Serial Number (`many2one` → `stock.lot`) */
  lot_id: { id: number; name: string } | null;
  /** Properties (`properties`, readonly) */
  lot_properties: unknown;
  /** On Hand (`boolean`) */
  on_hand: boolean;
  /** Owner (`many2one` → `res.partner`) */
  owner_id: { id: number; name: string } | null;
  /** Package (`many2one` → `stock.package`) */
  package_id: { id: number; name: string } | null;
  /** Product Category (`many2one` → `product.category`, readonly) */
  product_categ_id: { id: number; name: string } | null;
  /** Product (`many2one` → `product.product`, required) */
  product_id: { id: number; name: string } | null;
  /** Product Template (`many2one` → `product.template`, readonly) */
  product_tmpl_id: { id: number; name: string } | null;
  /** Unit (`many2one` → `uom.uom`, readonly) */
  product_uom_id: { id: number; name: string } | null;
  /** Quantity (`float`, readonly) */
  quantity: number;
  /** Reserved Quantity (`float`, required, readonly) */
  reserved_quantity: number;
  /** Duplicated Serial Number (`boolean`, readonly) */
  sn_duplicated: boolean;
  /** Storage Category (`many2one` → `stock.storage.category`, readonly) */
  storage_category_id: { id: number; name: string } | null;
  /**
   * Tracking (`selection`, readonly)
   * Values: `serial` By Unique Serial Number, `lot` By Lots, `none` By Quantity.
   */
  tracking: 'serial' | 'lot' | 'none' | null;
  /** Assigned To (`many2one` → `res.users`) */
  user_id: { id: number; name: string } | null;
  /** Value (`monetary`, readonly) */
  value: number;
  /** Warehouse (`many2one` → `stock.warehouse`, readonly) */
  warehouse_id: { id: number; name: string } | null;
  /** Last Updated on (`datetime`, readonly) */
  write_date: string | null;
  /** Last Updated by (`many2one` → `res.users`, readonly) */
  write_uid: { id: number; name: string } | null;
}

/** Values to `write` on `stock.quant`: every writable field, optional; `false` clears a value. */
export interface StockQuantValues {
  /** Accounting Date (`date`) */
  accounting_date?: string | false;
  /** Scheduled (`date`) */
  inventory_date?: string | false;
  /** Counted (`float`) */
  inventory_quantity?: number;
  /** Inventoried Quantity (`float`) */
  inventory_quantity_auto_apply?: number;
  /** Inventory Quantity Set (`boolean`) */
  inventory_quantity_set?: boolean;
  /** Location (`many2one` → `stock.location`, required) */
  location_id?: number | false;
  /** Lot/Serial Number (`many2one` → `stock.lot`) */
  lot_id?: number | false;
  /** On Hand (`boolean`) */
  on_hand?: boolean;
  /** Owner (`many2one` → `res.partner`) */
  owner_id?: number | false;
  /** Package (`many2one` → `stock.package`) */
  package_id?: number | false;
  /** Product (`many2one` → `product.product`, required) */
  product_id?: number | false;
  /** Assigned To (`many2one` → `res.users`) */
  user_id?: number | false;
}

/** Values to `create` a `stock.quant`: the fields the server requires are required. */
export interface StockQuantCreateValues extends StockQuantValues {
  /** Location (`many2one` → `stock.location`, required) */
  location_id: number;
  /** Product (`many2one` → `product.product`, required) */
  product_id: number;
}

/** Parses a `stock.quant` record as sent by Odoo or normalised into {@link StockQuant}. */
export const StockQuantSchema = z.object({
  accounting_date: orNull(z.string()),
  available_quantity: z.number(),
  company_id: many2one,
  cost_method: orNull(z.literal(['standard', 'fifo', 'average'])),
  create_date: orNull(z.string()),
  create_uid: many2one,
  currency_id: many2one,
  cyclic_inventory_frequency: z.number(),
  display_name: orNull(z.string()),
  id: z.number(),
  in_date: orNull(z.string()),
  inventory_date: orNull(z.string()),
  inventory_diff_quantity: z.number(),
  inventory_quantity: z.number(),
  inventory_quantity_auto_apply: z.number(),
  inventory_quantity_set: z.boolean(),
  is_favorite: z.boolean(),
  is_outdated: z.boolean(),
  last_count_date: orNull(z.string()),
  location_id: many2one,
  lot_id: many2one,
  lot_properties: z.unknown(),
  on_hand: z.boolean(),
  owner_id: many2one,
  package_id: many2one,
  product_categ_id: many2one,
  product_id: many2one,
  product_tmpl_id: many2one,
  product_uom_id: many2one,
  quantity: z.number(),
  reserved_quantity: z.number(),
  sn_duplicated: z.boolean(),
  storage_category_id: many2one,
  tracking: orNull(z.literal(['serial', 'lot', 'none'])),
  user_id: many2one,
  value: z.number(),
  warehouse_id: many2one,
  write_date: orNull(z.string()),
  write_uid: many2one,
}) satisfies z.ZodType<StockQuant>;

// stock.warehouse

/** A `stock.warehouse` record as read through the client (normalised). */
export interface StockWarehouse {
  /** Active (`boolean`) */
  active: boolean;
  /** Buy rule (`many2one` → `stock.rule`) */
  buy_pull_id: { id: number; name: string } | null;
  /** Buy to Resupply (`boolean`) */
  buy_to_resupply: boolean;
  /** Short Name (`char`, required) */
  code: string;
  /** Company (`many2one` → `res.company`, required, readonly) */
  company_id: { id: number; name: string } | null;
  /** Created on (`datetime`, readonly) */
  create_date: string | null;
  /** Created by (`many2one` → `res.users`, readonly) */
  create_uid: { id: number; name: string } | null;
  /** Delivery Route (`many2one` → `stock.route`) */
  delivery_route_id: { id: number; name: string } | null;
  /**
   * Outgoing Shipments (`selection`, required)
   * Values: `ship_only` Deliver (1 step), `pick_ship` Pick then Deliver (2 steps), `pick_pack_ship` Pick, Pack, then Deliver (3 steps).
   */
  delivery_steps: 'ship_only' | 'pick_ship' | 'pick_pack_ship';
  /** Display Name (`char`, readonly) */
  display_name: string | null;
  /** ID (`integer`, readonly) */
  id: number;
  /** In Type (`many2one` → `stock.picking.type`) */
  in_type_id: { id: number; name: string } | null;
  /** Internal Type (`many2one` → `stock.picking.type`) */
  int_type_id: { id: number; name: string } | null;
  /** Location Stock (`many2one` → `stock.location`, required) */
  lot_stock_id: { id: number; name: string } | null;
  /** MTO rule (`many2one` → `stock.rule`) */
  mto_pull_id: { id: number; name: string } | null;
  /** Warehouse (`char`, required) */
  name: string;
  /** Out Type (`many2one` → `stock.picking.type`) */
  out_type_id: { id: number; name: string } | null;
  /** Pack Type (`many2one` → `stock.picking.type`) */
  pack_type_id: { id: number; name: string } | null;
  /** Address (`many2one` → `res.partner`) */
  partner_id: { id: number; name: string } | null;
  /** Pick Type (`many2one` → `stock.picking.type`) */
  pick_type_id: { id: number; name: string } | null;
  /** Quality Control Type (`many2one` → `stock.picking.type`) */
  qc_type_id: { id: number; name: string } | null;
  /** Receipt Route (`many2one` → `stock.route`) */
  reception_route_id: { id: number; name: string } | null;
  /**
   * Incoming Shipments (`selection`, required)
   * Values: `one_step` Receive and Store (1 step), `two_steps` Receive then Store (2 steps), `three_steps` Receive, Quality Control, then Store (3 steps).
   */
  reception_steps: 'one_step' | 'two_steps' | 'three_steps';
  /** Resupply Routes (`one2many` → `stock.route`) */
  resupply_route_ids: number[];
  /** Resupply From (`many2many` → `stock.warehouse`) */
  resupply_wh_ids: number[];
  /** Routes (`many2many` → `stock.route`) */
  route_ids: number[];
  /** Sequence (`integer`) */
  sequence: number;
  /** Storage Type (`many2one` → `stock.picking.type`) */
  store_type_id: { id: number; name: string } | null;
  /** View Location (`many2one` → `stock.location`, required) */
  view_location_id: { id: number; name: string } | null;
  /** Input Location (`many2one` → `stock.location`) */
  wh_input_stock_loc_id: { id: number; name: string } | null;
  /** Output Location (`many2one` → `stock.location`) */
  wh_output_stock_loc_id: { id: number; name: string } | null;
  /** Packing Location (`many2one` → `stock.location`) */
  wh_pack_stock_loc_id: { id: number; name: string } | null;
  /** Quality Control Location (`many2one` → `stock.location`) */
  wh_qc_stock_loc_id: { id: number; name: string } | null;
  /** Last Updated on (`datetime`, readonly) */
  write_date: string | null;
  /** Last Updated by (`many2one` → `res.users`, readonly) */
  write_uid: { id: number; name: string } | null;
  /** Cross Dock Type (`many2one` → `stock.picking.type`) */
  xdock_type_id: { id: number; name: string } | null;
}

/** Values to `write` on `stock.warehouse`: every writable field, optional; `false` clears a value. */
export interface StockWarehouseValues {
  /** Active (`boolean`) */
  active?: boolean;
  /** Buy rule (`many2one` → `stock.rule`) */
  buy_pull_id?: number | false;
  /** Buy to Resupply (`boolean`) */
  buy_to_resupply?: boolean;
  /** Short Name (`char`, required) */
  code?: string | false;
  /** Delivery Route (`many2one` → `stock.route`) */
  delivery_route_id?: number | false;
  /** Outgoing Shipments (`selection`, required) */
  delivery_steps?: 'ship_only' | 'pick_ship' | 'pick_pack_ship' | false;
  /** In Type (`many2one` → `stock.picking.type`) */
  in_type_id?: number | false;
  /** Internal Type (`many2one` → `stock.picking.type`) */
  int_type_id?: number | false;
  /** Location Stock (`many2one` → `stock.location`, required) */
  lot_stock_id?: number | false;
  /** MTO rule (`many2one` → `stock.rule`) */
  mto_pull_id?: number | false;
  /** Warehouse (`char`, required) */
  name?: string | false;
  /** Out Type (`many2one` → `stock.picking.type`) */
  out_type_id?: number | false;
  /** Pack Type (`many2one` → `stock.picking.type`) */
  pack_type_id?: number | false;
  /** Address (`many2one` → `res.partner`) */
  partner_id?: number | false;
  /** Pick Type (`many2one` → `stock.picking.type`) */
  pick_type_id?: number | false;
  /** Quality Control Type (`many2one` → `stock.picking.type`) */
  qc_type_id?: number | false;
  /** Receipt Route (`many2one` → `stock.route`) */
  reception_route_id?: number | false;
  /** Incoming Shipments (`selection`, required) */
  reception_steps?: 'one_step' | 'two_steps' | 'three_steps' | false;
  /** Resupply Routes (`one2many` → `stock.route`) */
  resupply_route_ids?: X2ManyCommand[];
  /** Resupply From (`many2many` → `stock.warehouse`) */
  resupply_wh_ids?: X2ManyCommand<StockWarehouseValues>[];
  /** Routes (`many2many` → `stock.route`) */
  route_ids?: X2ManyCommand[];
  /** Sequence (`integer`) */
  sequence?: number;
  /** Storage Type (`many2one` → `stock.picking.type`) */
  store_type_id?: number | false;
  /** View Location (`many2one` → `stock.location`, required) */
  view_location_id?: number | false;
  /** Input Location (`many2one` → `stock.location`) */
  wh_input_stock_loc_id?: number | false;
  /** Output Location (`many2one` → `stock.location`) */
  wh_output_stock_loc_id?: number | false;
  /** Packing Location (`many2one` → `stock.location`) */
  wh_pack_stock_loc_id?: number | false;
  /** Quality Control Location (`many2one` → `stock.location`) */
  wh_qc_stock_loc_id?: number | false;
  /** Cross Dock Type (`many2one` → `stock.picking.type`) */
  xdock_type_id?: number | false;
}

/** Values to `create` a `stock.warehouse`: the fields the server requires are required. */
export interface StockWarehouseCreateValues extends StockWarehouseValues {
  /** Short Name (`char`, required) */
  code: string;
  /** Outgoing Shipments (`selection`, required) */
  delivery_steps: 'ship_only' | 'pick_ship' | 'pick_pack_ship';
  /** Location Stock (`many2one` → `stock.location`, required) */
  lot_stock_id: number;
  /** Warehouse (`char`, required) */
  name: string;
  /** Incoming Shipments (`selection`, required) */
  reception_steps: 'one_step' | 'two_steps' | 'three_steps';
  /** View Location (`many2one` → `stock.location`, required) */
  view_location_id: number;
}

/** Parses a `stock.warehouse` record as sent by Odoo or normalised into {@link StockWarehouse}. */
export const StockWarehouseSchema = z.object({
  active: z.boolean(),
  buy_pull_id: many2one,
  buy_to_resupply: z.boolean(),
  code: z.string(),
  company_id: many2one,
  create_date: orNull(z.string()),
  create_uid: many2one,
  delivery_route_id: many2one,
  delivery_steps: z.literal(['ship_only', 'pick_ship', 'pick_pack_ship']),
  display_name: orNull(z.string()),
  id: z.number(),
  in_type_id: many2one,
  int_type_id: many2one,
  lot_stock_id: many2one,
  mto_pull_id: many2one,
  name: z.string(),
  out_type_id: many2one,
  pack_type_id: many2one,
  partner_id: many2one,
  pick_type_id: many2one,
  qc_type_id: many2one,
  reception_route_id: many2one,
  reception_steps: z.literal(['one_step', 'two_steps', 'three_steps']),
  resupply_route_ids: x2many,
  resupply_wh_ids: x2many,
  route_ids: x2many,
  sequence: z.number(),
  store_type_id: many2one,
  view_location_id: many2one,
  wh_input_stock_loc_id: many2one,
  wh_output_stock_loc_id: many2one,
  wh_pack_stock_loc_id: many2one,
  wh_qc_stock_loc_id: many2one,
  write_date: orNull(z.string()),
  write_uid: many2one,
  xdock_type_id: many2one,
}) satisfies z.ZodType<StockWarehouse>;

// uom.uom

/** A `uom.uom` record as read through the client (normalised). */
export interface UomUom {
  /** Active (`boolean`) */
  active: boolean;
  /** Created on (`datetime`, readonly) */
  create_date: string | null;
  /** Created by (`many2one` → `res.users`, readonly) */
  create_uid: { id: number; name: string } | null;
  /** Display Name (`char`, readonly) */
  display_name: string | null;
  /** Absolute Quantity (`float`, readonly) */
  factor: number;
  /** Fiscal Country Codes (`char`, readonly) */
  fiscal_country_codes: string | null;
  /** ID (`integer`, readonly) */
  id: number;
  /** Unit Name (`char`, required) */
  name: string;
  /** Package Type (`many2one` → `stock.package.type`) */
  package_type_id: { id: number; name: string } | null;
  /** Parent Path (`char`) */
  parent_path: string | null;
  /** Barcodes (`one2many` → `product.uom`) */
  product_uom_ids: number[];
  /** Related UoMs (`one2many` → `uom.uom`) */
  related_uom_ids: number[];
  /** Contains (`float`, required) */
  relative_factor: number;
  /** Reference Unit (`many2one` → `uom.uom`) */
  relative_uom_id: { id: number; name: string } | null;
  /** Rounding Precision (`float`, readonly) */
  rounding: number;
  /** Routes (`many2many` → `stock.route`, readonly) */
  route_ids: number[];
  /** Sequence (`integer`) */
  sequence: number;
  /** Last Updated on (`datetime`, readonly) */
  write_date: string | null;
  /** Last Updated by (`many2one` → `res.users`, readonly) */
  write_uid: { id: number; name: string } | null;
}

/** Values to `write` on `uom.uom`: every writable field, optional; `false` clears a value. */
export interface UomUomValues {
  /** Active (`boolean`) */
  active?: boolean;
  /** Unit Name (`char`, required) */
  name?: string | false;
  /** Package Type (`many2one` → `stock.package.type`) */
  package_type_id?: number | false;
  /** Parent Path (`char`) */
  parent_path?: string | false;
  /** Barcodes (`one2many` → `product.uom`) */
  product_uom_ids?: X2ManyCommand[];
  /** Related UoMs (`one2many` → `uom.uom`) */
  related_uom_ids?: X2ManyCommand<UomUomValues>[];
  /** Contains (`float`, required) */
  relative_factor?: number;
  /** Reference Unit (`many2one` → `uom.uom`) */
  relative_uom_id?: number | false;
  /** Sequence (`integer`) */
  sequence?: number;
}

/** Values to `create` a `uom.uom`: the fields the server requires are required. */
export interface UomUomCreateValues extends UomUomValues {
  /** Unit Name (`char`, required) */
  name: string;
  /** Contains (`float`, required) */
  relative_factor: number;
}

/** Parses a `uom.uom` record as sent by Odoo or normalised into {@link UomUom}. */
export const UomUomSchema = z.object({
  active: z.boolean(),
  create_date: orNull(z.string()),
  create_uid: many2one,
  display_name: orNull(z.string()),
  factor: z.number(),
  fiscal_country_codes: orNull(z.string()),
  id: z.number(),
  name: z.string(),
  package_type_id: many2one,
  parent_path: orNull(z.string()),
  product_uom_ids: x2many,
  related_uom_ids: x2many,
  relative_factor: z.number(),
  relative_uom_id: many2one,
  rounding: z.number(),
  route_ids: x2many,
  sequence: z.number(),
  write_date: orNull(z.string()),
  write_uid: many2one,
}) satisfies z.ZodType<UomUom>;

/** The Odoo version these models were generated from. */
export const serverVersion = '19.0';

/** Model name → record type as read. */
export interface OdooModels {
  'delivery.carrier': DeliveryCarrier;
  'product.product': ProductProduct;
  'res.partner': ResPartner;
  'sale.order': SaleOrder;
  'sale.order.line': SaleOrderLine;
  'stock.location': StockLocation;
  'stock.lot': StockLot;
  'stock.move': StockMove;
  'stock.move.line': StockMoveLine;
  'stock.picking': StockPicking;
  'stock.quant': StockQuant;
  'stock.warehouse': StockWarehouse;
  'uom.uom': UomUom;
}

/** Model name → values type for `write`. */
export interface OdooModelValues {
  'delivery.carrier': DeliveryCarrierValues;
  'product.product': ProductProductValues;
  'res.partner': ResPartnerValues;
  'sale.order': SaleOrderValues;
  'sale.order.line': SaleOrderLineValues;
  'stock.location': StockLocationValues;
  'stock.lot': StockLotValues;
  'stock.move': StockMoveValues;
  'stock.move.line': StockMoveLineValues;
  'stock.picking': StockPickingValues;
  'stock.quant': StockQuantValues;
  'stock.warehouse': StockWarehouseValues;
  'uom.uom': UomUomValues;
}

/** Model name → values type for `create`. */
export interface OdooModelCreateValues {
  'delivery.carrier': DeliveryCarrierCreateValues;
  'product.product': ProductProductCreateValues;
  'res.partner': ResPartnerCreateValues;
  'sale.order': SaleOrderCreateValues;
  'sale.order.line': SaleOrderLineCreateValues;
  'stock.location': StockLocationCreateValues;
  'stock.lot': StockLotCreateValues;
  'stock.move': StockMoveCreateValues;
  'stock.move.line': StockMoveLineCreateValues;
  'stock.picking': StockPickingCreateValues;
  'stock.quant': StockQuantCreateValues;
  'stock.warehouse': StockWarehouseCreateValues;
  'uom.uom': UomUomCreateValues;
}

/** Model name → zod schema of its record. */
export const modelSchemas = {
  'delivery.carrier': DeliveryCarrierSchema,
  'product.product': ProductProductSchema,
  'res.partner': ResPartnerSchema,
  'sale.order': SaleOrderSchema,
  'sale.order.line': SaleOrderLineSchema,
  'stock.location': StockLocationSchema,
  'stock.lot': StockLotSchema,
  'stock.move': StockMoveSchema,
  'stock.move.line': StockMoveLineSchema,
  'stock.picking': StockPickingSchema,
  'stock.quant': StockQuantSchema,
  'stock.warehouse': StockWarehouseSchema,
  'uom.uom': UomUomSchema,
} as const;

/** The generated model names, sorted. */
export const modelNames = [
  'delivery.carrier',
  'product.product',
  'res.partner',
  'sale.order',
  'sale.order.line',
  'stock.location',
  'stock.lot',
  'stock.move',
  'stock.move.line',
  'stock.picking',
  'stock.quant',
  'stock.warehouse',
  'uom.uom',
] as const;

/** One of the generated model names. */
export type ModelName = (typeof modelNames)[number];
