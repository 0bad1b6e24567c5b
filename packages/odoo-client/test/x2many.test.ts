import { describe, expect, expectTypeOf, it } from 'vitest';
import { type X2ManyCommand, x2many } from '../src/x2many.js';

describe('x2many commands have the exact shapes Odoo expects', () => {
  it('create is [0, 0, vals]', () => {
    const vals = { product_id: 27, product_uom_qty: 2 };
    expect(x2many.create(vals)).toStrictEqual([0, 0, { product_id: 27, product_uom_qty: 2 }]);
  });
  it('update is [1, id, vals]', () => {
    expect(x2many.update(42, { product_uom_qty: 3 })).toStrictEqual([1, 42, { product_uom_qty: 3 }]);
  });
  it('delete is [2, id, 0]', () => {
    expect(x2many.delete(42)).toStrictEqual([2, 42, 0]);
  });
  it('unlink is [3, id, 0]', () => {
    expect(x2many.unlink(42)).toStrictEqual([3, 42, 0]);
  });
  it('link is [4, id, 0]', () => {
    expect(x2many.link(42)).toStrictEqual([4, 42, 0]);
  });
  it('clear is [5, 0, 0]', () => {
    expect(x2many.clear()).toStrictEqual([5, 0, 0]);
  });
  it('set is [6, 0, ids] with a copy of the ids', () => {
    const ids = [1, 2, 3];
    const command = x2many.set(ids);
    expect(command).toStrictEqual([6, 0, [1, 2, 3]]);
    expect(command[2]).not.toBe(ids);
  });
  it('set accepts an empty list', () => {
    expect(x2many.set([])).toStrictEqual([6, 0, []]);
  });
  it('serialises to the JSON Odoo recorded for a sale order with lines', () => {
    const lines = [x2many.create({ product_id: 27, product_uom_qty: 2 })];
    expect(JSON.stringify(lines)).toBe('[[0,0,{"product_id":27,"product_uom_qty":2}]]');
  });
});

describe('x2many refuses ids that cannot be record ids', () => {
  const bad = [-1, 0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53];
  for (const id of bad) {
    it(`refuses ${String(id)} in update, delete, unlink, link and set`, () => {
      expect(() => x2many.update(id, {})).toThrow(RangeError);
      expect(() => x2many.delete(id)).toThrow(RangeError);
      expect(() => x2many.unlink(id)).toThrow(RangeError);
      expect(() => x2many.link(id)).toThrow(RangeError);
      expect(() => x2many.set([1, id])).toThrow(/ids\[1\]/);
    });
  }
  it('refuses a non-number id passed around the types', () => {
    expect(() => x2many.link('7' as unknown as number)).toThrow(RangeError);
  });
});

describe('x2many types', () => {
  it('every helper returns an X2ManyCommand', () => {
    interface LineVals {
      product_id: number;
      product_uom_qty: number;
    }
    const commands: X2ManyCommand<LineVals>[] = [
      x2many.create<LineVals>({ product_id: 1, product_uom_qty: 1 }),
      x2many.update<LineVals>(1, { product_uom_qty: 2 }),
      x2many.delete(1),
      x2many.unlink(1),
      x2many.link(1),
      x2many.clear(),
      x2many.set([1]),
    ];
    expect(commands).toHaveLength(7);
    expectTypeOf(x2many.clear()).toEqualTypeOf<[5, 0, 0]>();
    expectTypeOf(x2many.set([1])).toEqualTypeOf<[6, 0, number[]]>();
    // @ts-expect-error create needs all the fields of V
    x2many.create<LineVals>({ product_id: 1 });
  });
});
