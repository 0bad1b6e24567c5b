/**
 * Field values for a create or update command: a plain object of field name to value.
 *
 * @example
 * ```ts
 * const vals: X2ManyValues = { product_id: 27, product_uom_qty: 2 };
 * ```
 */
export type X2ManyValues = Readonly<Record<string, unknown>>;

/**
 * One x2many write command, exactly as Odoo's `Command` encodes it:
 * `[0, 0, vals]` create, `[1, id, vals]` update, `[2, id, 0]` delete, `[3, id, 0]` unlink,
 * `[4, id, 0]` link, `[5, 0, 0]` clear, `[6, 0, ids]` set.
 *
 * @example
 * ```ts
 * const lines: X2ManyCommand<{ product_id: number; product_uom_qty: number }>[] = [
 *   [0, 0, { product_id: 27, product_uom_qty: 2 }],
 *   [4, 12, 0],
 * ];
 * ```
 */
export type X2ManyCommand<V extends object = X2ManyValues> =
  | [0, 0, V]
  | [1, number, Partial<V>]
  | [2, number, 0]
  | [3, number, 0]
  | [4, number, 0]
  | [5, 0, 0]
  | [6, 0, number[]];

function checkId(id: number, what: string): number {
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new RangeError(`${what} must be a positive integer record id, got ${String(id)}`);
  }
  return id;
}

/**
 * Builders for x2many write commands (one2many and many2many values in `create` / `write`).
 * Ids must be positive integers; anything else throws a `RangeError` before a request is made.
 *
 * @example
 * ```ts
 * await client.create('sale.order', { partner_id: 7, order_line: [x2many.create({ product_id: 27, product_uom_qty: 2 })] });
 * await client.write('res.partner', [7], { category_id: [x2many.set([1, 2])] });
 * ```
 */
export const x2many = {
  /**
   * Create a new related record from `vals` and link it: `[0, 0, vals]`.
   *
   * @example
   * ```ts
   * x2many.create({ product_id: 27, product_uom_qty: 2 }); // [0, 0, { product_id: 27, product_uom_qty: 2 }]
   * ```
   */
  create<V extends object = X2ManyValues>(vals: V): [0, 0, V] {
    return [0, 0, vals];
  },
  /**
   * Write `vals` on the related record `id`: `[1, id, vals]`.
   *
   * @example
   * ```ts
   * x2many.update(42, { product_uom_qty: 3 }); // [1, 42, { product_uom_qty: 3 }]
   * ```
   */
  update<V extends object = X2ManyValues>(id: number, vals: Partial<V>): [1, number, Partial<V>] {
    return [1, checkId(id, 'x2many.update id'), vals];
  },
  /**
   * Remove the related record `id` and delete it from the database: `[2, id, 0]`.
   *
   * @example
   * ```ts
   * x2many.delete(42); // [2, 42, 0]
   * ```
   */
  delete(id: number): [2, number, 0] {
    return [2, checkId(id, 'x2many.delete id'), 0];
  },
  /**
   * Remove the related record `id` from the relation without deleting it: `[3, id, 0]`.
   *
   * @example
   * ```ts
   * x2many.unlink(42); // [3, 42, 0]
   * ```
   */
  unlink(id: number): [3, number, 0] {
    return [3, checkId(id, 'x2many.unlink id'), 0];
  },
  /**
   * Add the existing record `id` to the relation: `[4, id, 0]`.
   *
   * @example
   * ```ts
   * x2many.link(42); // [4, 42, 0]
   * ```
   */
  link(id: number): [4, number, 0] {
    return [4, checkId(id, 'x2many.link id'), 0];
  },
  /**
   * Remove every record from the relation (like `unlink` on each): `[5, 0, 0]`.
   *
   * @example
   * ```ts
   * x2many.clear(); // [5, 0, 0]
   * ```
   */
  clear(): [5, 0, 0] {
    return [5, 0, 0];
  },
  /**
   * Replace the relation with exactly `ids`: `[6, 0, ids]` (the list is copied).
   *
   * @example
   * ```ts
   * x2many.set([1, 2, 3]); // [6, 0, [1, 2, 3]]
   * ```
   */
  set(ids: readonly number[]): [6, 0, number[]] {
    return [6, 0, ids.map((id, index) => checkId(id, `x2many.set ids[${index}]`))];
  },
} as const;
