import { describe, expect, it } from 'vitest';
import { engineFor, json2, kw } from './engine-helpers.js';

type Rec = Record<string, unknown> & { id: number };

/** A confirmed one-line order's delivery in a fresh engine, with its move. */
function deliveryOf(version: 18 | 19) {
  const engine = engineFor(version);
  const partner = kw(engine, 'res.partner', 'create', [{ name: 'Web Read Customer' }]) as number;
  const [product] = kw(engine, 'product.product', 'search_read', [[['default_code', '!=', false]]], {
    fields: ['default_code', 'display_name'],
    limit: 1,
  }) as Rec[];
  const order = kw(engine, 'sale.order', 'create', [
    { partner_id: partner, order_line: [[0, 0, { product_id: product?.id, product_uom_qty: 2 }]] },
  ]) as number;
  kw(engine, 'sale.order', 'action_confirm', [[order]]);
  const [picking] = kw(engine, 'stock.picking', 'search', [[['sale_id', '=', order]]]) as number[];
  return { engine, picking: picking as number, product: product as Rec };
}

describe('web_search_read and web_read (the web client reads, Odoo 17+)', () => {
  it.each([18, 19] as const)(
    '%i follows a many2one to the fields asked, with display_name on request',
    (version) => {
      const { engine, picking, product } = deliveryOf(version);
      const answer = kw(engine, 'stock.move', 'web_search_read', [], {
        domain: [['picking_id', '=', picking]],
        specification: {
          product_id: { fields: { display_name: {}, default_code: {} } },
          picking_id: {},
          move_line_ids: {},
          product_uom_qty: {},
        },
      }) as { length: number; records: Rec[] };
      expect(answer.length).toBe(1);
      const [move] = answer.records;
      expect(move).toEqual({
        id: expect.any(Number),
        // Asked with fields: the co-record's own web_read; without: the bare id (read with load=None).
        product_id: {
          id: product.id,
          default_code: product.default_code,
          display_name: product.display_name,
        },
        picking_id: picking,
        move_line_ids: expect.any(Array),
        product_uom_qty: 2,
      });
    },
  );

  it('answers an x2many with fields as a list of records, and an empty page as length 0', () => {
    const { engine, picking } = deliveryOf(19);
    const [read] = json2(engine, 'stock.picking', 'web_read', {
      ids: [picking],
      specification: { name: {}, move_ids: { fields: { state: {} } } },
    }) as Rec[];
    expect(read?.move_ids).toEqual([{ id: expect.any(Number), state: expect.any(String) }]);
    const none = kw(engine, 'stock.move', 'web_search_read', [[['id', '=', -1]], { state: {} }]);
    expect(none).toEqual({ length: 0, records: [] });
  });
});
