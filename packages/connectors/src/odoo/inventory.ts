import {
  decimal,
  type InventoryAdjustment,
  type InventoryLevel,
  InventoryLevelSchema,
  parseCanonical,
} from '@crossdock/canonical';
import type { Page } from '../contract/capabilities.js';
import type { OdooContext } from './context.js';
import { refusal } from './errors.js';
import {
  byId,
  m2oId,
  m2oName,
  type OdooRecord,
  odooRef,
  parseRefId,
  qty,
  str,
  unique,
  uomCode,
} from './records.js';
import { recordShape } from './shape.js';
import { storableLeaf } from './version.js';

const QUANT = recordShape('stock.quant', {
  product_id: 'm2o!',
  location_id: 'm2o!',
  lot_id: 'm2o',
  quantity: 'number',
  reserved_quantity: 'number',
  write_date: 'time',
});
const PRODUCT = recordShape('product.product', { default_code: 'text', uom_id: 'm2o' });

/**
 * Stock per product, internal location and lot as snapshots: `onHand` is the quant's quantity,
 * `committed` its reserved quantity, `available` the difference. Storable products only (by version).
 *
 * @example const { items } = await readLevels(ctx, { skus: ['E-COM07'] });
 */
export async function readLevels(
  ctx: OdooContext,
  query: { readonly skus?: readonly string[]; readonly cursor?: string; readonly pageSize?: number },
): Promise<Page<InventoryLevel>> {
  const pageSize = query.pageSize ?? 500;
  const after = query.cursor === undefined ? 0 : Number(query.cursor);
  const domain: unknown[] = [
    ['location_id.usage', '=', 'internal'],
    storableLeaf(await ctx.major(), 'product_id.'),
    ['id', '>', after],
    ...(query.skus === undefined ? [] : [['product_id.default_code', 'in', [...query.skus]]]),
    ...(ctx.warehouseId === undefined ? [] : [['warehouse_id', '=', ctx.warehouseId]]),
  ];
  const quants = QUANT.check(
    await ctx.client
      .model('stock.quant')
      .searchRead({ domain, fields: QUANT.fields, order: 'id asc', limit: pageSize }),
  );
  if (quants.length === 0) return { items: [] };
  const products = byId(
    PRODUCT.check(
      await ctx.client.model('product.product').read(unique(quants.map((q) => m2oId(q.product_id))), {
        fields: PRODUCT.fields,
      }),
    ),
  );
  const asOf = new Date().toISOString();
  const items = quants.map((quant) => toLevel(quant, products, asOf));
  const last = quants.at(-1);
  return quants.length < pageSize || !last ? { items } : { items, next: String(last.id) };
}

function toLevel(quant: OdooRecord, products: Map<number, OdooRecord>, asOf: string): InventoryLevel {
  const productId = m2oId(quant.product_id) ?? 0;
  const product = products.get(productId);
  const onHand = decimal.max('0', qty(quant.quantity));
  const committed = decimal.max('0', qty(quant.reserved_quantity));
  const locationId = m2oId(quant.location_id) ?? 0;
  const lot = m2oName(quant.lot_id);
  return parseCanonical(InventoryLevelSchema, {
    kind: 'snapshot',
    asOf,
    sku: str(product?.default_code) ?? `product.product:${productId}`,
    location: {
      id: m2oName(quant.location_id) ?? String(locationId),
      refs: [odooRef('stock.location', locationId)],
    },
    ...(lot === undefined ? {} : { lot: { number: lot } }),
    uom: uomCode(product?.uom_id),
    quantities: { onHand, committed, available: decimal.max('0', decimal.sub(onHand, committed)) },
    refs: [odooRef('stock.quant', quant.id as number)],
  });
}

/**
 * Compare-and-set (`set`) or add (`delta`) the on-hand quantity of one product, location and lot:
 * a `set` whose `expected` no longer matches is refused with `stale_expected`; one whose target
 * already holds changes nothing (`applied: false`, so a retried adjustment is harmless).
 *
 * @example await adjustInventory(ctx, { mode: 'set', sku: 'E-COM07', expected: '497', quantity: '490', … });
 */
export async function adjustInventory(
  ctx: OdooContext,
  adjustment: InventoryAdjustment,
  correlationId: string | undefined,
): Promise<{ readonly applied: boolean }> {
  const operation = 'inventory.adjust';
  const [product] = await ctx.client.model('product.product').searchRead({
    domain: [['default_code', '=', adjustment.sku], storableLeaf(await ctx.major())],
    fields: ['id'],
    limit: 1,
  });
  if (!product)
    throw refusal(operation, 'unknown_sku', `no storable product ${adjustment.sku}`, correlationId);
  const locationId = await locationOf(ctx, adjustment);
  if (locationId === undefined) {
    throw refusal(operation, 'unknown_location', `no location ${adjustment.location.id}`, correlationId);
  }
  let lotId: number | false = false;
  if (adjustment.lot) {
    const [lot] = await ctx.client.model('stock.lot').searchRead({
      domain: [
        ['name', '=', adjustment.lot.number],
        ['product_id', '=', product.id],
      ],
      fields: ['id'],
      limit: 1,
    });
    lotId =
      (lot?.id as number | undefined) ??
      (
        await ctx.client.model('stock.lot').create({ name: adjustment.lot.number, product_id: product.id })
      )[0] ??
      false;
  }
  const quants = ctx.client.model('stock.quant');
  const [quant] = await quants.searchRead({
    domain: [
      ['product_id', '=', product.id],
      ['location_id', '=', locationId],
      ['lot_id', '=', lotId],
    ],
    fields: ['quantity'],
    limit: 1,
  });
  const current = qty(quant?.quantity);
  const target = adjustment.mode === 'set' ? adjustment.quantity : decimal.add(current, adjustment.delta);
  if (adjustment.mode === 'set' && !decimal.eq(current, adjustment.expected)) {
    if (decimal.eq(current, target)) return { applied: false };
    throw refusal(
      operation,
      'stale_expected',
      `on hand of ${adjustment.sku} is ${current}, not the expected ${adjustment.expected}`,
      correlationId,
      quant ? `stock.quant:${String(quant.id)}` : undefined,
    );
  }
  if (decimal.lt(target, '0'))
    throw refusal(operation, 'negative_stock', `would leave ${target} on hand`, correlationId);
  const context = { inventory_mode: true };
  const quantId =
    (quant?.id as number | undefined) ??
    (
      await quants.create(
        {
          product_id: product.id,
          location_id: locationId,
          lot_id: lotId,
          inventory_quantity: Number(target),
        },
        { context },
      )
    )[0];
  if (quant) await quants.write([quantId as number], { inventory_quantity: Number(target) }, { context });
  await quants.call('action_apply_inventory', { ids: [quantId as number], context });
  return { applied: true };
}

async function locationOf(ctx: OdooContext, adjustment: InventoryAdjustment): Promise<number | undefined> {
  const ref = adjustment.location.refs.find((r) => r.system === 'odoo');
  const byRef = parseRefId(ref?.id, 'stock.location') ?? parseRefId(adjustment.location.id, 'stock.location');
  if (byRef !== undefined) return byRef;
  const [location] = await ctx.client.model('stock.location').searchRead({
    domain: [['complete_name', '=', adjustment.location.id]],
    fields: ['id'],
    limit: 1,
  });
  return location?.id as number | undefined;
}
