import { describe, expect, it } from 'vitest';
import { RecordStore } from '../src/odoo/engine/index.js';
import { engineFor, faultOf, kw } from './engine-helpers.js';

type Rec = Record<string, unknown> & { id: number };

/** A draft order with two lines on a fresh engine. */
function orderWithLines() {
  const engine = engineFor(18);
  const partner = kw(engine, 'res.partner', 'create', [{ name: 'Tx Customer' }]) as number;
  const order = kw(engine, 'sale.order', 'create', [
    {
      partner_id: partner,
      client_order_ref: 'PO-TX',
      order_line: [
        [0, 0, { product_id: 17, product_uom_qty: 5 }],
        [0, 0, { product_id: 20, product_uom_qty: 3 }],
      ],
    },
  ]) as number;
  const readOrder = (id = order) =>
    (kw(engine, 'sale.order', 'read', [[id], ['client_order_ref', 'order_line', 'name']]) as Rec[])[0];
  const lineIds = () => readOrder()?.order_line as number[];
  const linesBySearch = (id = order) =>
    kw(engine, 'sale.order.line', 'search', [[['order_id', '=', id]]]) as number[];
  const qty = (line: number) =>
    (kw(engine, 'sale.order.line', 'read', [[line], ['product_uom_qty']]) as Rec[])[0]?.product_uom_qty;
  return { engine, partner, order, readOrder, lineIds, linesBySearch, qty };
}

describe('a call that raises leaves no trace', () => {
  it('undoes the records a failing create made before it failed, and the ids and sequence it took', () => {
    const { engine, partner } = orderWithLines();
    const orders = kw(engine, 'sale.order', 'search_count', [[]]);
    const lines = kw(engine, 'sale.order.line', 'search_count', [[]]);
    const fault = faultOf(() =>
      kw(engine, 'sale.order', 'create', [
        {
          partner_id: partner,
          order_line: [
            [0, 0, { product_id: 17, product_uom_qty: 1 }],
            [0, 0, { product_id: 20, no_such_field: 1 }],
          ],
        },
      ]),
    );
    expect(fault.exception).toBe('builtins.ValueError');
    expect(kw(engine, 'sale.order', 'search_count', [[]])).toBe(orders);
    expect(kw(engine, 'sale.order.line', 'search_count', [[]])).toBe(lines);
    const next = kw(engine, 'sale.order', 'create', [{ partner_id: partner }]) as number;
    const reference = orderWithLines();
    const expected = kw(reference.engine, 'sale.order', 'create', [{ partner_id: reference.partner }]);
    expect(next).toBe(expected);
    expect((kw(engine, 'sale.order', 'read', [[next], ['name']]) as Rec[])[0]?.name).toBe(
      (kw(reference.engine, 'sale.order', 'read', [[expected], ['name']]) as Rec[])[0]?.name,
    );
  });

  it('undoes field writes, nested line writes and deletions of a failing write', () => {
    const { engine, order, readOrder, lineIds, linesBySearch, qty } = orderWithLines();
    const [first, second] = lineIds();
    if (first === undefined || second === undefined) throw new Error('expected two lines');
    faultOf(() =>
      kw(engine, 'sale.order', 'write', [
        [order],
        {
          client_order_ref: 'CHANGED',
          order_line: [
            [1, first, { product_uom_qty: 9 }],
            [2, second],
            [0, 0, { product_id: 17, product_uom_qty: 2 }],
            [1, first, { no_such_field: 1 }],
          ],
        },
      ]),
    );
    expect(readOrder()?.client_order_ref).toBe('PO-TX');
    expect(qty(first)).toBe(5);
    expect(lineIds()).toEqual([first, second]);
    expect(linesBySearch()).toEqual([first, second]);
    expect(kw(engine, 'sale.order.line', 'search_count', [[['order_id', '=', order]]])).toBe(2);
  });

  it('keeps everything a successful multi-write call did', () => {
    const { engine, order, readOrder, lineIds, linesBySearch, qty } = orderWithLines();
    const [first, second] = lineIds();
    if (first === undefined || second === undefined) throw new Error('expected two lines');
    kw(engine, 'sale.order', 'write', [
      [order],
      {
        client_order_ref: 'CHANGED',
        order_line: [
          [1, first, { product_uom_qty: 9 }],
          [2, second],
          [0, 0, { product_id: 17, product_uom_qty: 2 }],
        ],
      },
    ]);
    expect(readOrder()?.client_order_ref).toBe('CHANGED');
    expect(qty(first)).toBe(9);
    const now = lineIds();
    expect(now).toHaveLength(2);
    expect(now).toContain(first);
    expect(now).not.toContain(second);
    expect(linesBySearch()).toEqual(now);
  });
});

describe('one2many reads follow every change of the many2one pointing back', () => {
  it('after create, write (moving a line to another order), unlink and a rolled-back move', () => {
    const { engine, partner, order, lineIds, linesBySearch } = orderWithLines();
    const other = kw(engine, 'sale.order', 'create', [{ partner_id: partner }]) as number;
    const otherLines = () =>
      (kw(engine, 'sale.order', 'read', [[other], ['order_line']]) as Rec[])[0]?.order_line as number[];
    const [first, second] = lineIds();
    if (first === undefined || second === undefined) throw new Error('expected two lines');
    expect(otherLines()).toEqual([]);

    const added = kw(engine, 'sale.order.line', 'create', [
      { order_id: other, product_id: 20, product_uom_qty: 1 },
    ]) as number;
    expect(otherLines()).toEqual([added]);

    kw(engine, 'sale.order.line', 'write', [[first], { order_id: other }]);
    expect(lineIds()).toEqual([second]);
    expect(otherLines()).toEqual(linesBySearch(other));
    expect(otherLines()).toContain(first);

    kw(engine, 'sale.order.line', 'unlink', [[added]]);
    expect(otherLines()).toEqual([first]);

    faultOf(() =>
      kw(engine, 'sale.order', 'write', [
        [other],
        {
          order_line: [
            [4, second],
            [1, first, { no_such_field: 1 }],
          ],
        },
      ]),
    );
    expect(lineIds()).toEqual([second]);
    expect(otherLines()).toEqual([first]);
    expect(linesBySearch(order)).toEqual([second]);
  });
});

describe('RecordStore.transaction', () => {
  it('rolls back inserts, assignments, deletions, removals and counters; keeps them on success', () => {
    const store = new RecordStore();
    const kept = store.insert('x.model', { name: 'kept', parent_id: 1 }, 2);
    expect(store.idsWhere('x.model', 'parent_id', 1)).toEqual([kept.id]);
    expect(() =>
      store.transaction(() => {
        store.insert('x.model', { name: 'new', parent_id: 1 }, 2);
        kept.name = 'renamed';
        kept.parent_id = 2;
        delete kept.name;
        store.nextSequence('x');
        store.remove('x.model', kept.id);
        throw new Error('fails');
      }),
    ).toThrow('fails');
    expect(store.all('x.model')).toEqual([kept]);
    expect(store.get('x.model', kept.id)).toBe(kept);
    expect(kept).toMatchObject({ name: 'kept', parent_id: 1 });
    expect(store.idsWhere('x.model', 'parent_id', 1)).toEqual([kept.id]);
    expect(store.idsWhere('x.model', 'parent_id', 2)).toEqual([]);
    expect(store.nextSequence('x')).toBe(1);
    expect(store.insert('x.model', {}, 2).id).toBe(2);

    store.transaction(() => {
      kept.parent_id = 3;
      store.insert('x.model', { parent_id: 3 }, 2);
    });
    expect(store.idsWhere('x.model', 'parent_id', 3)).toEqual([kept.id, 3]);
    expect(store.idsWhere('x.model', 'parent_id', 1)).toEqual([]);
  });
});
