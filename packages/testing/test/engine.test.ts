import { describe, expect, it } from 'vitest';
import { engineFor, faultOf, json2, kw } from './engine-helpers.js';

type Rec = Record<string, unknown> & { id: number };

describe('domains', () => {
  const engine = engineFor(18, 'empty');
  const ids = kw(engine, 'res.partner', 'create', [
    [
      { name: 'Alpha Corp', is_company: true, email: 'a@x.com', city: 'Austin', country_id: 233 },
      { name: 'beta ltd', is_company: true, city: 'Boston', country_id: 20 },
      { name: 'Gamma_Co', is_company: false, email: false, city: 'Austin' },
      { name: 'Delta 100%', is_company: false, email: 'd@x.com', country_id: 233 },
    ],
  ]) as number[];
  const [alpha = 0, beta = 0, gamma = 0, delta = 0] = ids;
  kw(engine, 'res.partner', 'write', [[gamma], { parent_id: alpha }]);
  kw(engine, 'res.partner', 'write', [[delta], { parent_id: gamma }]);
  const search = (domain: unknown[]) =>
    (kw(engine, 'res.partner', 'search', [domain], { order: 'id asc' }) as number[]).filter((id) =>
      ids.includes(id),
    );

  it('compares with = != > >= < <= and =?', () => {
    expect(search([['name', '=', 'Alpha Corp']])).toEqual([alpha]);
    expect(search([['name', '!=', 'Alpha Corp']])).toEqual([beta, gamma, delta]);
    expect(search([['id', '>', beta]])).toEqual([gamma, delta]);
    expect(search([['id', '>=', beta]])).toEqual([beta, gamma, delta]);
    expect(search([['id', '<', beta]])).toEqual([alpha]);
    expect(search([['id', '<=', beta]])).toEqual([alpha, beta]);
    expect(search([['email', '=', false]])).toEqual([beta, gamma]);
    expect(search([['email', '!=', false]])).toEqual([alpha, delta]);
    expect(search([['city', '=?', false]])).toEqual(ids);
    expect(search([['city', '=?', 'Boston']])).toEqual([beta]);
  });

  it('matches like, ilike, =like, =ilike and their negations', () => {
    expect(search([['name', 'like', 'Corp']])).toEqual([alpha]);
    expect(search([['name', 'like', 'corp']])).toEqual([]);
    expect(search([['name', 'ilike', 'CORP']])).toEqual([alpha]);
    expect(search([['name', 'not like', 'Corp']])).toEqual([beta, gamma, delta]);
    expect(search([['name', 'not ilike', 'a']])).toEqual([]);
    expect(search([['name', '=like', 'Gamma_Co']])).toEqual([gamma]);
    expect(search([['name', '=like', 'G%']])).toEqual([gamma]);
    expect(search([['name', '=ilike', 'b%']])).toEqual([beta]);
    expect(search([['name', '=like', 'Delta 100\\%']])).toEqual([delta]);
    expect(search([['email', 'not ilike', 'x.com']])).toEqual([beta, gamma]);
  });

  it('matches in / not in, including false', () => {
    expect(search([['city', 'in', ['Austin', 'Boston']]])).toEqual([alpha, beta, gamma]);
    expect(search([['city', 'not in', ['Austin']]])).toEqual([beta, delta]);
    expect(search([['city', 'in', [false]]])).toEqual([delta]);
    expect(search([['country_id', 'in', [20, 233]]])).toEqual([alpha, beta, delta]);
  });

  it('follows hierarchies with child_of and parent_of', () => {
    expect(search([['id', 'child_of', alpha]])).toEqual([alpha, gamma, delta]);
    expect(search([['id', 'parent_of', [delta]]])).toEqual([alpha, gamma, delta]);
    expect(search([['parent_id', 'child_of', gamma]])).toEqual([delta]);
  });

  it('walks dotted paths and any / not any', () => {
    expect(search([['country_id.code', '=', 'BE']])).toEqual([beta]);
    expect(search([['parent_id.name', 'ilike', 'alpha']])).toEqual([gamma]);
    expect(search([['child_ids.name', '=', 'Gamma_Co']])).toEqual([alpha]);
    expect(search([['country_id', 'any', [['code', '=', 'US']]]])).toEqual([alpha, delta]);
    expect(search([['country_id', 'not any', [['code', '=', 'US']]]])).toEqual([beta, gamma]);
    expect(search([['child_ids', 'any', [['email', '!=', false]]]])).toEqual([gamma]);
  });

  it('combines prefix & | ! with an implicit &', () => {
    expect(search(['|', ['city', '=', 'Boston'], ['name', '=', 'Alpha Corp']])).toEqual([alpha, beta]);
    expect(search(['!', ['city', '=', 'Austin']])).toEqual([beta, delta]);
    expect(
      search([
        ['city', '=', 'Austin'],
        ['is_company', '=', true],
      ]),
    ).toEqual([alpha]);
    expect(
      search(['&', '|', ['city', '=', 'Boston'], ['city', '=', 'Austin'], '!', ['is_company', '=', true]]),
    ).toEqual([gamma]);
    expect(search(['|', '!', ['id', '=', alpha], ['id', '=', alpha]])).toEqual(ids);
  });

  it('raises ValueError for a bad operator (as each version words it) and an unknown field', () => {
    const bad = faultOf(() => kw(engine, 'res.partner', 'search', [[['name', 'no-op', 'x']]]));
    expect(bad.exception).toBe('builtins.ValueError');
    expect(bad.message).toBe("Invalid leaf ('name', 'no-op', 'x')");
    const e19 = engineFor(19, 'empty');
    const bad19 = faultOf(() =>
      json2(e19, 'res.partner', 'search_read', { domain: [['name', 'no-op', 'x']] }),
    );
    expect(bad19.message).toBe("Invalid operator in condition ('name', 'no-op', 'x')");
    const field = faultOf(() => kw(engine, 'res.partner', 'search', [[['nope', '=', 1]]]));
    expect(field.message).toBe("Invalid field res.partner.nope in leaf ('nope', '=', 1)");
  });

  it('orders by several keys, limits and offsets, with id as the tiebreak', () => {
    const order = (o: string, extra: Record<string, unknown> = {}) =>
      kw(engine, 'res.partner', 'search', [[['id', 'in', ids]]], { order: o, ...extra }) as number[];
    expect(order('city asc, name desc')).toEqual([gamma, alpha, beta, delta]);
    expect(order('city desc')).toEqual([delta, beta, alpha, gamma]);
    expect(order('is_company desc, id desc')).toEqual([beta, alpha, delta, gamma]);
    expect(order('city asc', { limit: 2 })).toEqual([alpha, gamma]);
    expect(order('city asc', { limit: 2, offset: 1 })).toEqual([gamma, beta]);
    const rows = kw(engine, 'res.partner', 'search_read', [[['id', 'in', ids]]], {
      fields: ['name', 'country_id'],
      order: 'name asc',
      limit: 1,
    }) as Rec[];
    expect(rows).toEqual([{ id: alpha, name: 'Alpha Corp', country_id: [233, 'United States'] }]);
  });
});

describe('order flow on 18', () => {
  const engine = engineFor(18);
  const partner = kw(engine, 'res.partner', 'create', [{ name: 'Flow Customer' }]) as number;
  const order = kw(engine, 'sale.order', 'create', [
    {
      partner_id: partner,
      client_order_ref: 'PO-1',
      order_line: [
        [0, 0, { product_id: 17, product_uom_qty: 5 }],
        [0, 0, { product_id: 20, product_uom_qty: 3 }],
      ],
    },
  ]) as number;
  const readOrder = () =>
    (
      kw(engine, 'sale.order', 'read', [
        [order],
        ['state', 'picking_ids', 'delivery_status', 'amount_total'],
      ]) as Rec[]
    )[0];
  const onHand = (product: number) =>
    (kw(engine, 'product.product', 'read', [[product], ['qty_available']]) as Rec[])[0]?.qty_available;

  it('creates a draft order with lines and totals', () => {
    expect(readOrder()).toMatchObject({
      state: 'draft',
      picking_ids: [],
      delivery_status: false,
      amount_total: 1741,
    });
  });

  it('confirms into a delivery picking with one move per line, reserved', () => {
    expect(kw(engine, 'sale.order', 'action_confirm', [[order]])).toBe(true);
    const so = readOrder();
    expect(so).toMatchObject({ state: 'sale', delivery_status: 'pending' });
    const [pickingId] = (so?.picking_ids ?? []) as number[];
    const [picking] = kw(engine, 'stock.picking', 'read', [[pickingId]], {
      fields: [
        'name',
        'state',
        'origin',
        'sale_id',
        'picking_type_code',
        'location_id',
        'location_dest_id',
        'move_ids',
      ],
    }) as Rec[];
    expect(picking).toMatchObject({
      name: 'WH/OUT/00015',
      state: 'assigned',
      origin: 'S00025 - PO-1',
      picking_type_code: 'outgoing',
      location_id: [8, 'WH/Stock'],
      location_dest_id: [5, 'Partners/Customers'],
    });
    expect(picking?.move_ids).toHaveLength(2);
  });

  it('partial pick → button_validate answers the backorder wizard → process makes a backorder', () => {
    const [pickingId = 0] = (readOrder()?.picking_ids ?? []) as number[];
    const moves = kw(engine, 'stock.move', 'search_read', [[['picking_id', '=', pickingId]]], {
      fields: ['product_id', 'product_uom_qty', 'quantity', 'state', 'move_line_ids'],
    }) as Rec[];
    expect(moves.map((m) => [m.product_uom_qty, m.quantity, m.state])).toEqual([
      [5, 5, 'assigned'],
      [3, 3, 'assigned'],
    ]);
    kw(engine, 'stock.move', 'write', [[moves[0]?.id], { quantity: 3, picked: true }]);
    kw(engine, 'stock.move', 'write', [[moves[1]?.id], { quantity: 3, picked: true }]);
    kw(engine, 'stock.picking', 'write', [[pickingId], { carrier_tracking_ref: 'TRACK-1' }]);
    const action = kw(engine, 'stock.picking', 'button_validate', [[pickingId]]) as Rec;
    expect(action).toEqual({
      name: 'Create Backorder?',
      type: 'ir.actions.act_window',
      view_mode: 'form',
      res_model: 'stock.backorder.confirmation',
      views: [[904, 'form']],
      view_id: 904,
      target: 'new',
      context: {
        button_validate_picking_ids: [pickingId],
        default_show_transfers: false,
        default_pick_ids: [[4, pickingId]],
      },
    });
    const ctx = action.context as Record<string, unknown>;
    const wizard = kw(engine, 'stock.backorder.confirmation', 'create', [{ pick_ids: [[4, pickingId]] }], {
      context: ctx,
    }) as number;
    expect(kw(engine, 'stock.backorder.confirmation', 'process', [[wizard]], { context: ctx })).toBe(true);
    const pickings = kw(engine, 'stock.picking', 'search_read', [[['sale_id', '=', order]]], {
      fields: ['name', 'state', 'backorder_id', 'carrier_tracking_ref'],
      order: 'id asc',
    }) as Rec[];
    expect(pickings).toEqual([
      {
        id: pickingId,
        name: 'WH/OUT/00015',
        state: 'done',
        backorder_id: false,
        carrier_tracking_ref: 'TRACK-1',
      },
      {
        id: pickingId + 1,
        name: 'WH/OUT/00016',
        state: 'assigned',
        backorder_id: [pickingId, 'WH/OUT/00015'],
        carrier_tracking_ref: false,
      },
    ]);
    expect(readOrder()).toMatchObject({
      delivery_status: 'partial',
      picking_ids: [pickingId + 1, pickingId],
    });
    const lines = kw(engine, 'sale.order.line', 'search_read', [[['order_id', '=', order]]], {
      fields: ['qty_delivered'],
    }) as Rec[];
    expect(lines.map((l) => l.qty_delivered)).toEqual([3, 3]);
    expect(onHand(17)).toBe(497);
    const [quant] = kw(engine, 'stock.quant', 'search_read', [[['product_id', '=', 17]]], {
      fields: ['quantity', 'reserved_quantity'],
    }) as Rec[];
    expect(quant).toMatchObject({ quantity: 497, reserved_quantity: 155 });
  });

  it('validating the backorder completes the delivery', () => {
    const backorder = (
      kw(engine, 'stock.picking', 'search', [[['backorder_id', '!=', false]]]) as number[]
    )[0];
    expect(kw(engine, 'stock.picking', 'button_validate', [[backorder]])).toBe(true);
    expect(readOrder()).toMatchObject({ delivery_status: 'full' });
    const lines = kw(engine, 'sale.order.line', 'search_read', [[['order_id', '=', order]]], {
      fields: ['qty_delivered'],
    }) as Rec[];
    expect(lines.map((l) => l.qty_delivered)).toEqual([5, 3]);
    expect(onHand(17)).toBe(495);
  });

  it('returns part of a delivery through stock.return.picking', () => {
    const [first = 0] = kw(engine, 'stock.picking', 'search', [[['sale_id', '=', order]]], {
      order: 'id asc',
    }) as number[];
    const wizard = kw(engine, 'stock.return.picking', 'create', [{ picking_id: first }], {
      context: { active_id: first, active_ids: [first], active_model: 'stock.picking' },
    }) as number;
    const lines = kw(engine, 'stock.return.picking.line', 'search_read', [[['wizard_id', '=', wizard]]], {
      fields: ['product_id', 'quantity', 'move_id'],
    }) as Rec[];
    expect(lines.map((l) => [l.product_id, l.quantity])).toEqual([
      [[17, '[E-COM07] Large Cabinet'], 0],
      [[20, '[E-COM10] Pedal Bin'], 0],
    ]);
    expect((lines[0]?.move_id as [number, string] | undefined)?.[1]).toBe(
      'S00025 - PO-1/E-COM07: Stock>Customers',
    );
    const none = faultOf(() => kw(engine, 'stock.return.picking', 'action_create_returns', [[wizard]]));
    expect(none.exception).toBe('odoo.exceptions.UserError');
    kw(engine, 'stock.return.picking.line', 'write', [[lines[0]?.id], { quantity: 1 }]);
    const action = kw(engine, 'stock.return.picking', 'action_create_returns', [[wizard]]) as Rec;
    expect(action).toMatchObject({
      name: 'Returned Picking',
      res_model: 'stock.picking',
      type: 'ir.actions.act_window',
    });
    const [ret] = kw(engine, 'stock.picking', 'read', [
      [action.res_id],
      ['name', 'state', 'return_id', 'location_id', 'location_dest_id', 'picking_type_code'],
    ]) as Rec[];
    expect(ret).toMatchObject({
      name: 'WH/IN/00001',
      state: 'assigned',
      return_id: [first, 'WH/OUT/00015'],
      location_id: [5, 'Partners/Customers'],
      location_dest_id: [8, 'WH/Stock'],
      picking_type_code: 'incoming',
    });
    expect(kw(engine, 'stock.picking', 'button_validate', [[action.res_id]])).toBe(true);
    expect(onHand(17)).toBe(496);
    const [line] = kw(
      engine,
      'sale.order.line',
      'search_read',
      [
        [
          ['order_id', '=', order],
          ['product_id', '=', 17],
        ],
      ],
      {
        fields: ['qty_delivered'],
      },
    ) as Rec[];
    expect(line?.qty_delivered).toBe(4);
  });

  it('refuses to unlink a confirmed order (UserError) and rolls back failed calls', () => {
    const f = faultOf(() => kw(engine, 'sale.order', 'unlink', [[order]]));
    expect(f.exception).toBe('odoo.exceptions.UserError');
    expect(f.message).toBe(
      'You can not delete a sent quotation or a confirmed sales order. You must first cancel it.',
    );
    expect(kw(engine, 'sale.order', 'search_count', [[['id', '=', order]]])).toBe(1);
    const before = kw(engine, 'res.partner', 'search_count', [[]]);
    faultOf(() => kw(engine, 'res.partner', 'create', [[{ name: 'ok' }, {}]]));
    expect(kw(engine, 'res.partner', 'search_count', [[]])).toBe(before);
  });
});

describe('cancelling the backorder', () => {
  it('process_cancel_backorder validates what was picked and drops the rest', () => {
    const engine = engineFor(18);
    const order = kw(engine, 'sale.order', 'create', [
      { partner_id: 10, order_line: [[0, 0, { product_id: 20, product_uom_qty: 4 }]] },
    ]) as number;
    kw(engine, 'sale.order', 'action_confirm', [[order]]);
    const [so] = kw(engine, 'sale.order', 'read', [[order], ['picking_ids']]) as Rec[];
    const [picking = 0] = (so?.picking_ids ?? []) as number[];
    const [move] = kw(engine, 'stock.move', 'search', [[['picking_id', '=', picking]]]) as number[];
    kw(engine, 'stock.move', 'write', [[move], { quantity: 1, picked: true }]);
    const action = kw(engine, 'stock.picking', 'button_validate', [[picking]]) as Rec;
    const ctx = action.context as Record<string, unknown>;
    const wizard = kw(engine, 'stock.backorder.confirmation', 'create', [{ pick_ids: [[4, picking]] }], {
      context: ctx,
    });
    expect(
      kw(engine, 'stock.backorder.confirmation', 'process_cancel_backorder', [[wizard]], { context: ctx }),
    ).toBe(true);
    expect(kw(engine, 'stock.picking', 'search_count', [[['backorder_id', '=', picking]]])).toBe(0);
    expect((kw(engine, 'stock.picking', 'read', [[picking], ['state']]) as Rec[])[0]?.state).toBe('done');
    const [line] = kw(engine, 'sale.order.line', 'search_read', [[['order_id', '=', order]]], {
      fields: ['qty_delivered'],
    }) as Rec[];
    expect(line?.qty_delivered).toBe(1);
    expect(
      (kw(engine, 'sale.order', 'read', [[order], ['delivery_status']]) as Rec[])[0]?.delivery_status,
    ).toBe('full');
    expect(
      (kw(engine, 'product.product', 'read', [[20], ['qty_available']]) as Rec[])[0]?.qty_available,
    ).toBe(21);
  });

  it('button_validate with everything picked answers true', () => {
    const engine = engineFor(19);
    const [order = 0] = json2(engine, 'sale.order', 'create', {
      vals_list: [{ partner_id: 10, order_line: [[0, 0, { product_id: 5, product_uom_qty: 2 }]] }],
    }) as number[];
    json2(engine, 'sale.order', 'action_confirm', { ids: [order] });
    const [so] = json2(engine, 'sale.order', 'read', { ids: [order], fields: ['picking_ids'] }) as Rec[];
    const [picking = 0] = (so?.picking_ids ?? []) as number[];
    const [move = 0] = json2(engine, 'stock.move', 'search', {
      domain: [['picking_id', '=', picking]],
    }) as number[];
    json2(engine, 'stock.move', 'write', { ids: [move], vals: { quantity: 2, picked: true } });
    expect(json2(engine, 'stock.picking', 'button_validate', { ids: [picking] })).toBe(true);
    // No stock on 19's Office Chair: validation goes negative, as Odoo allows.
    const [quant] = json2(engine, 'stock.quant', 'search_read', {
      domain: [
        ['product_id', '=', 5],
        ['location_id', '=', 5],
      ],
      fields: ['quantity'],
    }) as Rec[];
    expect(quant?.quantity).toBe(-2);
  });
});

describe('inventory', () => {
  it('counts through inventory_mode and applies with action_apply_inventory', () => {
    const engine = engineFor(18);
    const id = kw(
      engine,
      'stock.quant',
      'create',
      [{ product_id: 18, location_id: 8, inventory_quantity: 25 }],
      {
        context: { inventory_mode: true },
      },
    );
    expect(id).toBe(2);
    const [before] = kw(engine, 'stock.quant', 'read', [
      [2],
      ['quantity', 'inventory_quantity', 'inventory_diff_quantity'],
    ]) as Rec[];
    expect(before).toMatchObject({ quantity: 18, inventory_quantity: 25, inventory_diff_quantity: 7 });
    expect(kw(engine, 'stock.quant', 'action_apply_inventory', [[2]])).toBeNull();
    const [product] = kw(
      engine,
      'product.product',
      'read',
      [[18], ['qty_available', 'free_qty', 'virtual_available']],
      {
        context: { warehouse_id: 1 },
      },
    ) as Rec[];
    expect(product).toMatchObject({ qty_available: 25, free_qty: 25, virtual_available: 25 });
    const fresh = kw(
      engine,
      'stock.quant',
      'create',
      [{ product_id: 5, location_id: 8, inventory_quantity: 4 }],
      {
        context: { inventory_mode: true },
      },
    ) as number;
    kw(engine, 'stock.quant', 'action_apply_inventory', [[fresh]]);
    expect((kw(engine, 'product.product', 'read', [[5], ['qty_available']]) as Rec[])[0]?.qty_available).toBe(
      4,
    );
  });

  it('refuses quant creation outside inventory mode', () => {
    const engine = engineFor(18);
    const f = faultOf(() =>
      kw(engine, 'stock.quant', 'create', [{ product_id: 18, location_id: 8, quantity: 3 }]),
    );
    expect(f.exception).toBe('odoo.exceptions.UserError');
  });

  it('groups quants with read_group', () => {
    const engine = engineFor(18);
    const groups = kw(
      engine,
      'stock.quant',
      'read_group',
      [[['location_id.usage', '=', 'internal']], ['quantity:sum'], ['product_id']],
      {
        limit: 2,
      },
    );
    expect(groups).toEqual([
      {
        product_id: [48, '[DESK0005] Customizable Desk (Custom, White)'],
        product_id_count: 1,
        quantity: 65,
        __domain: ['&', ['location_id.usage', '=', 'internal'], ['product_id', '=', 48]],
      },
      {
        product_id: [49, '[DESK0006] Customizable Desk (Custom, Black)'],
        product_id_count: 1,
        quantity: 70,
        __domain: ['&', ['location_id.usage', '=', 'internal'], ['product_id', '=', 49]],
      },
    ]);
  });
});

describe('errors', () => {
  const engine = engineFor(18);
  it.each([
    [
      () => kw(engine, 'res.partner', 'create', [{}]),
      'odoo.exceptions.ValidationError',
      'The operation cannot be completed: Contacts require a name',
    ],
    [
      () => kw(engine, 'res.partner', 'write', [[999999], { name: 'x' }]),
      'odoo.exceptions.MissingError',
      'Record does not exist or has been deleted.\n(Record: res.partner(999999,), User: 2)',
    ],
    [
      () => kw(engine, 'ir.config_parameter', 'search_read', [[]], { fields: ['key'], limit: 1 }, 6),
      'odoo.exceptions.AccessError',
      "You are not allowed to access 'System Parameter' (ir.config_parameter) records.\n\nThis operation is allowed for the following groups:\n\t- Administration/Settings\n\nContact your administrator to request access if necessary.",
    ],
    [
      () => kw(engine, 'res.users', 'write', [[2], { login: 'x' }], {}, 6),
      'odoo.exceptions.AccessError',
      "You are not allowed to modify 'User' (res.users) records.\n\nThis operation is allowed for the following groups:\n\t- Administration/Access Rights\n\nContact your administrator to request access if necessary.",
    ],
    [
      () => kw(engine, 'res.partner', '_compute_display_name', [[1]]),
      'odoo.exceptions.AccessError',
      'Private methods (such as _compute_display_name) cannot be called remotely.',
    ],
    [
      () => kw(engine, 'no.such.model', 'search', [[]]),
      'odoo.exceptions.UserError',
      "Object no.such.model doesn't exist",
    ],
    [
      () => kw(engine, 'res.partner', 'no_such_method', [[1]]),
      'builtins.AttributeError',
      "The method 'no_such_method' does not exist on the model 'res.partner'",
    ],
    [
      () => kw(engine, 'res.partner', 'create', [{ name: 'X', type: 'no-such-type' }]),
      'builtins.ValueError',
      "Wrong value for res.partner.type: 'no-such-type'",
    ],
    [
      () => kw(engine, 'res.partner', 'read', ['not-a-list'], { fields: ['name'] }),
      'psycopg2.errors.InvalidTextRepresentation',
      'invalid input syntax for type integer: "n"\nLINE 1: ... FROM "res_partner" WHERE ("res_partner"."id" IN (\'n\', \'o\', ...\n                                                             ^\n',
    ],
    [
      () => kw(engine, 'res.partner', 'search_read', [[]], { fields: ['name', 'no_such_field'] }),
      'builtins.ValueError',
      "Invalid field 'no_such_field' on model 'res.partner'",
    ],
    [
      () => kw(engine, 'res.partner', 'write', [[1]]),
      'builtins.TypeError',
      "BaseModel.write() missing 1 required positional argument: 'vals'",
    ],
  ])('%#: raises %s', (run, exception, message) => {
    const f = faultOf(run);
    expect(f.exception).toBe(exception);
    expect(f.message).toBe(message);
    expect(f.args).toEqual([message]);
  });

  it('answers JSON-2 binding errors as the 19 controller does', () => {
    const e19 = engineFor(19);
    const cases: [() => unknown, string, string][] = [
      [
        () => json2(e19, 'no.such.model', 'search_read', { domain: [] }),
        'werkzeug.exceptions.NotFound',
        "the model 'no.such.model' does not exist",
      ],
      [
        () => json2(e19, 'res.partner', 'no_such_method'),
        'werkzeug.exceptions.NotFound',
        "The method 'res.partner.no_such_method' does not exist",
      ],
      [
        () => json2(e19, 'res.partner', '_compute_display_name', { ids: [3] }),
        'odoo.exceptions.AccessError',
        "Private methods (such as 'res.partner._compute_display_name') cannot be called remotely.",
      ],
      [
        () => json2(e19, 'res.partner', 'create', { ids: [3], vals_list: [{ name: 'x' }] }),
        'werkzeug.exceptions.UnprocessableEntity',
        'cannot call res.partner.create with ids',
      ],
      [
        () => json2(e19, 'res.partner', 'search_count', { domain: [], no_such_arg: 1 }),
        'werkzeug.exceptions.UnprocessableEntity',
        "got an unexpected keyword argument 'no_such_arg'",
      ],
      [
        () => json2(e19, 'res.partner', 'write', { ids: [9], vals: { parent_id: 9 } }),
        'odoo.exceptions.ValidationError',
        'You cannot create recursive Partner hierarchies.',
      ],
      [
        () => json2(e19, 'ir.config_parameter', 'search_read', { domain: [] }, 6),
        'odoo.exceptions.AccessError',
        "You are not allowed to access 'System Parameter' (ir.config_parameter) records.\n\nThis operation is allowed for the following groups:\n\t- Role / Administrator\n\nContact your administrator to request access if necessary.",
      ],
    ];
    for (const [run, exception, message] of cases) {
      const f = faultOf(run);
      expect([f.exception, f.message]).toEqual([exception, message]);
    }
  });
});

describe('versions', () => {
  it('17 marks storable products with detailed_type, 18 and 19 with is_storable', () => {
    const e17 = engineFor(17);
    const id17 = kw(e17, 'product.product', 'create', [{ name: 'Box', detailed_type: 'product' }]) as number;
    expect(kw(e17, 'product.product', 'read', [[id17], ['type', 'detailed_type']])).toEqual([
      { id: id17, type: 'product', detailed_type: 'product' },
    ]);
    expect(faultOf(() => kw(e17, 'product.product', 'read', [[id17], ['is_storable']])).exception).toBe(
      'builtins.ValueError',
    );
    expect(
      kw(e17, 'product.product', 'search', [[['detailed_type', '=', 'product']]], { limit: 2, order: 'id' }),
    ).toEqual([5, 6]);
    for (const version of [18, 19] as const) {
      const engine = engineFor(version);
      const id = kw(engine, 'product.product', 'create', [{ name: 'Box', is_storable: true }]) as number;
      expect(kw(engine, 'product.product', 'read', [[id], ['type', 'is_storable']])).toEqual([
        { id, type: 'consu', is_storable: true },
      ]);
      expect(faultOf(() => kw(engine, 'product.product', 'read', [[id], ['detailed_type']])).exception).toBe(
        'builtins.ValueError',
      );
    }
  });

  it('19 units have relative factors, 18 categories', () => {
    expect(
      kw(engineFor(19, 'empty'), 'uom.uom', 'read', [[2], ['relative_factor', 'relative_uom_id']]),
    ).toEqual([{ id: 2, relative_factor: 12, relative_uom_id: [1, 'Units'] }]);
    expect(
      kw(engineFor(18, 'empty'), 'uom.uom', 'read', [[1], ['category_id', 'factor', 'uom_type']]),
    ).toEqual([{ id: 1, category_id: [1, 'Unit'], factor: 1, uom_type: 'reference' }]);
  });

  it('19 create through JSON-2 answers a list of ids; a single dict answers an id', () => {
    const engine = engineFor(19);
    expect(json2(engine, 'res.partner', 'create', { vals_list: [{ name: 'A' }] })).toEqual([45]);
    expect(kw(engine, 'res.partner', 'create', [{ name: 'B' }])).toBe(46);
  });

  it('authenticates with passwords and API keys', () => {
    const engine = engineFor(19, 'empty');
    expect(engine.authenticate('admin', 'admin')).toBe(2);
    expect(engine.authenticate('admin', '<api-key>')).toBe(2);
    expect(engine.authenticate('admin', 'wrong')).toBe(false);
    expect(engine.userForApiKey('<demo-api-key>')).toBe(6);
    expect(engine.versionInfo()).toMatchObject({ server_version_info: [19, 0, 0, 'final', 0, ''] });
  });

  it('x2many commands on many2many and one2many', () => {
    const engine = engineFor(18, 'empty');
    const so = kw(engine, 'sale.order', 'create', [
      {
        partner_id: 3,
        order_line: [[0, 0, { product_id: false, name: 'n', product_uom_qty: 1, price_unit: 2 }]],
      },
    ]) as number;
    const lines = () =>
      (kw(engine, 'sale.order', 'read', [[so], ['order_line']]) as Rec[])[0]?.order_line as number[];
    const [first = 0] = lines();
    kw(engine, 'sale.order', 'write', [
      [so],
      {
        order_line: [
          [1, first, { price_unit: 5 }],
          [0, 0, { name: 'm', price_unit: 1 }],
        ],
      },
    ]);
    expect(lines().length).toBe(2);
    expect((kw(engine, 'sale.order', 'read', [[so], ['amount_total']]) as Rec[])[0]?.amount_total).toBe(6);
    kw(engine, 'sale.order', 'write', [[so], { order_line: [[2, first, 0]] }]);
    expect(lines().length).toBe(1);
    const wizard = kw(engine, 'stock.backorder.confirmation', 'create', [
      { pick_ids: [[6, 0, [1, 2]]] },
    ]) as number;
    kw(engine, 'stock.backorder.confirmation', 'write', [
      [wizard],
      {
        pick_ids: [
          [3, 1, 0],
          [4, 7, 0],
        ],
      },
    ]);
    expect(kw(engine, 'stock.backorder.confirmation', 'read', [[wizard], ['pick_ids']])).toEqual([
      { id: wizard, pick_ids: [2, 7] },
    ]);
    kw(engine, 'stock.backorder.confirmation', 'write', [[wizard], { pick_ids: [[5, 0, 0]] }]);
    expect(kw(engine, 'stock.backorder.confirmation', 'read', [[wizard], ['pick_ids']])).toEqual([
      { id: wizard, pick_ids: [] },
    ]);
  });
});

describe('lots', () => {
  it('reserves and ships a lot-tracked product from its lot quant', () => {
    const engine = engineFor(18, 'empty');
    const product = kw(engine, 'product.product', 'create', [
      { name: 'Tracked', default_code: 'TRK', is_storable: true, tracking: 'lot', list_price: 10 },
    ]) as number;
    const lot = kw(engine, 'stock.lot', 'create', [{ name: 'LOT-1', product_id: product }]) as number;
    const quant = kw(
      engine,
      'stock.quant',
      'create',
      [{ product_id: product, location_id: 8, lot_id: lot, inventory_quantity: 10 }],
      {
        context: { inventory_mode: true },
      },
    ) as number;
    kw(engine, 'stock.quant', 'action_apply_inventory', [[quant]]);
    expect(kw(engine, 'stock.lot', 'read', [[lot], ['product_qty', 'display_name']])).toEqual([
      { id: lot, product_qty: 10, display_name: 'LOT-1' },
    ]);
    const order = kw(engine, 'sale.order', 'create', [
      { partner_id: 3, order_line: [[0, 0, { product_id: product, product_uom_qty: 4 }]] },
    ]) as number;
    kw(engine, 'sale.order', 'action_confirm', [[order]]);
    const [line] = kw(engine, 'stock.move.line', 'search_read', [[['picking_id.sale_id', '=', order]]], {
      fields: ['lot_id', 'quantity', 'location_id'],
    }) as Rec[];
    expect(line).toMatchObject({ lot_id: [lot, 'LOT-1'], quantity: 4, location_id: [8, 'WH/Stock'] });
    const [picking] = kw(engine, 'stock.picking', 'search', [[['sale_id', '=', order]]]) as number[];
    expect(kw(engine, 'stock.picking', 'button_validate', [[picking]])).toBe(true);
    expect((kw(engine, 'stock.lot', 'read', [[lot], ['product_qty']]) as Rec[])[0]?.product_qty).toBe(6);
    expect(
      (kw(engine, 'sale.order', 'read', [[order], ['delivery_status']]) as Rec[])[0]?.delivery_status,
    ).toBe('full');
  });

  it('refuses to validate a tracked move line without a lot', () => {
    const engine = engineFor(18, 'empty');
    const product = kw(engine, 'product.product', 'create', [
      { name: 'Serial', is_storable: true, tracking: 'serial' },
    ]) as number;
    const picking = kw(engine, 'stock.picking', 'create', [
      { picking_type_id: 2, move_ids: [[0, 0, { product_id: product, product_uom_qty: 1 }]] },
    ]) as number;
    kw(engine, 'stock.picking', 'action_confirm', [[picking]]);
    const [move] = kw(engine, 'stock.move', 'search', [[['picking_id', '=', picking]]]) as number[];
    kw(engine, 'stock.move', 'write', [[move], { quantity: 1, picked: true }]);
    const f = faultOf(() => kw(engine, 'stock.picking', 'button_validate', [[picking]]));
    expect(f.exception).toBe('odoo.exceptions.UserError');
    expect(f.message).toBe('You need to supply a Lot/Serial number for product:\n- Serial');
  });
});
