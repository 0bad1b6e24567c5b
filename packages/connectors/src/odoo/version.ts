/**
 * The domain leaf that keeps storable products (`path` leads to `product.product`): `detailed_type =
 * 'product'` on Odoo 17, `is_storable` from 18.
 *
 * @example storableLeaf(17, 'product_id.'); // ['product_id.detailed_type', '=', 'product']
 */
export function storableLeaf(major: number, path = ''): unknown[] {
  return major <= 17 ? [`${path}detailed_type`, '=', 'product'] : [`${path}is_storable`, '=', true];
}

/** The unit field of `sale.order.line`: `product_uom` up to 18, `product_uom_id` from 19. */
export function saleLineUomField(major: number): string {
  return major >= 19 ? 'product_uom_id' : 'product_uom';
}
