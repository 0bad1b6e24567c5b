import {
  findRef,
  type InventoryAdjustment,
  type InventoryLevel,
  InventoryLevelSchema,
  parseCanonical,
} from '@crossdock/canonical';
import type { Page } from '../contract/capabilities.js';
import { needsChangeFrom, type ShopifyContext, shopifyRef, supportsIdempotent } from './context.js';
import { shopifyError, userErrorsToError } from './errors.js';
import {
  InventoryAdjustQuantitiesDataSchema,
  InventoryItemLevelsDataSchema,
  type InventoryItemNode,
  InventoryItemsDataSchema,
  type InventoryLevelNode,
  InventoryLevelsDataSchema,
  InventorySetQuantitiesDataSchema,
} from './schemas.js';

/**
 * The named quantities read for each level; `on_hand` is `available + committed + unavailable`
 * (`reserved`, `damaged`, `quality_control`, `safety_stock`); `incoming` is not on hand.
 */
export const QUANTITY_NAMES = [
  'available',
  'on_hand',
  'committed',
  'incoming',
  'reserved',
  'damaged',
  'quality_control',
  'safety_stock',
] as const;

/** Levels asked per inventory item in a page; an item stocked at more locations gets its others read after. */
const LEVELS_PER_ITEM = 10;
/**
 * Items per page. By the reference's cost rules an item with its levels costs
 * `1 + 2 + LEVELS_PER_ITEM × 3` = 33 points, so 30 items (992) is the most a single query (1000) takes.
 */
const DEFAULT_ITEMS = 20;
const MAX_ITEMS = 30;

const LEVEL_FIELDS = 'id updatedAt location { id } quantities(names: $names) { name quantity }';

const LEVELS_QUERY = `query InventoryLevels($first: Int!, $after: String, $query: String, $names: [String!]!) {
  inventoryItems(first: $first, after: $after, query: $query) {
    nodes {
      id sku
      inventoryLevels(first: ${LEVELS_PER_ITEM}) { nodes { ${LEVEL_FIELDS} } pageInfo { hasNextPage endCursor } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

const ITEM_LEVELS_QUERY = `query InventoryItemLevels($id: ID!, $after: String, $names: [String!]!) {
  inventoryItem(id: $id) {
    id
    inventoryLevels(first: 50, after: $after) { nodes { ${LEVEL_FIELDS} } pageInfo { hasNextPage endCursor } }
  }
}`;

const ITEM_BY_SKU = `query InventoryItemBySku($query: String!) {
  inventoryItems(first: 10, query: $query) { nodes { id sku } }
}`;

/** The `@idempotent` directive for a key (a JSON string is a valid GraphQL string), when the version has it. */
const idempotent = (apiVersion: string, key: string) =>
  supportsIdempotent(apiVersion) ? ` @idempotent(key: ${JSON.stringify(key)})` : '';

const setMutation = (
  directive: string,
) => `mutation InventorySetQuantities($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input)${directive} {
    inventoryAdjustmentGroup { id }
    userErrors { code field message }
  }
}`;

const adjustMutation = (
  directive: string,
) => `mutation InventoryAdjustQuantities($input: InventoryAdjustQuantitiesInput!) {
  inventoryAdjustQuantities(input: $input)${directive} {
    inventoryAdjustmentGroup { id changes { name delta quantityAfterChange } }
    userErrors { code field message }
  }
}`;

/** Canonical adjustment reason → Shopify inventory change reason. */
const REASONS: Readonly<Record<InventoryAdjustment['reason'], string>> = {
  cycle_count: 'cycle_count_available',
  damaged: 'damaged',
  shrinkage: 'shrinkage',
  found: 'correction',
  expired: 'other',
  receipt_correction: 'correction',
  return_to_stock: 'restock',
  quality_hold: 'quality_control',
  other: 'other',
};

type Op = {
  readonly correlationId?: string | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly idempotencyKey?: string | undefined;
};

/** An inventory level that is the whole truth at `asOf`: what Shopify's levels are read as. */
export type InventorySnapshot = Extract<InventoryLevel, { kind: 'snapshot' }>;

/** What {@link listInventoryLevels} reads. */
export interface InventoryLevelsQuery {
  /** Only these SKUs (exact matches). */
  readonly skus?: readonly string[];
  /** Only levels at these locations (`gid://shopify/Location/…`). */
  readonly locations?: readonly string[];
  readonly cursor?: string;
  /** Inventory items per page (each with its levels): default 20, at most 30 (the single-query cost limit). */
  readonly pageSize?: number;
}

/**
 * A canonical snapshot of one Shopify inventory level: `on_hand` → `onHand`, `available`,
 * `committed`, `incoming`, and `reserved`, `damaged`, `quality_control`, `safety_stock` under
 * `unavailable`. Shopify lets `available` go negative when it oversells: the snapshot then says
 * `available: "0"` and `backordered` the oversold units (snapshots are never negative).
 *
 * @example const level = toInventoryLevel(ctx, item, node, new Date().toISOString());
 */
export function toInventoryLevel(
  ctx: Pick<ShopifyContext, 'shop'>,
  item: { readonly id: string; readonly sku: string },
  level: InventoryLevelNode,
  asOf: string,
): InventorySnapshot {
  const q = new Map(level.quantities.map((quantity) => [quantity.name, quantity.quantity]));
  const amount = (name: string) => {
    const value = q.get(name);
    return value === undefined ? undefined : String(Math.max(0, value));
  };
  const defined = (entries: Record<string, string | undefined>) =>
    Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
  const available = q.get('available');
  const unavailable = defined({
    reserved: amount('reserved'),
    damaged: amount('damaged'),
    qualityControl: amount('quality_control'),
    safetyStock: amount('safety_stock'),
  });
  return parseCanonical(InventoryLevelSchema, {
    kind: 'snapshot' as const,
    asOf,
    sku: item.sku,
    location: { id: level.location.id, refs: [shopifyRef(ctx, level.location.id)] },
    uom: 'EA',
    quantities: {
      ...defined({
        onHand: amount('on_hand'),
        available: amount('available'),
        committed: amount('committed'),
        incoming: amount('incoming'),
        backordered: available !== undefined && available < 0 ? String(-available) : undefined,
      }),
      ...(Object.keys(unavailable).length > 0 ? { unavailable } : {}),
    },
    refs: [shopifyRef(ctx, item.id)],
  }) as InventorySnapshot;
}

/** An `inventoryItems` search for exact SKUs (`sku:"A" OR sku:"B"`), or none for every item. */
function skuQuery(skus: readonly string[] | undefined): string | null {
  if (!skus || skus.length === 0) return null;
  return skus.map((sku) => `sku:${JSON.stringify(sku)}`).join(' OR ');
}

/** All levels of an item: the first page from the item query, the rest read after it. */
async function levelsOf(ctx: ShopifyContext, item: InventoryItemNode, op: Op): Promise<InventoryLevelNode[]> {
  const levels = [...item.inventoryLevels.nodes];
  let { hasNextPage, endCursor } = item.inventoryLevels.pageInfo;
  while (hasNextPage && endCursor) {
    const data = await ctx.client.request({
      operation: 'inventory.levels',
      query: ITEM_LEVELS_QUERY,
      variables: { id: item.id, after: endCursor, names: QUANTITY_NAMES },
      data: InventoryItemLevelsDataSchema,
      correlationId: op.correlationId,
      signal: op.signal,
    });
    const connection = data.inventoryItem?.inventoryLevels;
    if (!connection) break;
    levels.push(...connection.nodes);
    ({ hasNextPage, endCursor } = connection.pageInfo);
  }
  return levels;
}

/**
 * One page of inventory items (by SKU when `skus` is given) with every level of each, as
 * canonical snapshots taken now; `locations` keeps the levels at those locations. Items without a
 * SKU are left out (nothing can be matched to them). The cursor is Shopify's.
 *
 * @example
 * const { items, next } = await listInventoryLevels(ctx, { skus: ['SKU-1'] }, { correlationId });
 */
export async function listInventoryLevels(
  ctx: ShopifyContext,
  query: InventoryLevelsQuery,
  op: Op,
): Promise<Page<InventorySnapshot>> {
  const first = Math.min(Math.max(1, Math.floor(query.pageSize ?? DEFAULT_ITEMS)), MAX_ITEMS);
  const data = await ctx.client.request({
    operation: 'inventory.levels',
    query: LEVELS_QUERY,
    variables: { first, after: query.cursor ?? null, query: skuQuery(query.skus), names: QUANTITY_NAMES },
    data: InventoryLevelsDataSchema,
    correlationId: op.correlationId,
    signal: op.signal,
  });
  const asOf = new Date(ctx.clock.now()).toISOString();
  const locations = query.locations && query.locations.length > 0 ? new Set(query.locations) : undefined;
  const wanted = query.skus && query.skus.length > 0 ? new Set(query.skus) : undefined;
  const items: InventorySnapshot[] = [];
  for (const node of data.inventoryItems.nodes) {
    const sku = node.sku?.trim();
    // Shopify's sku: search is not exact (prefixes, case): keep exact matches only.
    if (!sku || (wanted && !wanted.has(sku))) continue;
    for (const level of await levelsOf(ctx, node, op)) {
      if (locations && !locations.has(level.location.id)) continue;
      items.push(toInventoryLevel(ctx, { id: node.id, sku }, level, asOf));
    }
  }
  const { hasNextPage, endCursor } = data.inventoryItems.pageInfo;
  return hasNextPage && endCursor ? { items, next: endCursor } : { items };
}

function wholeNumber(
  value: string,
  field: string,
  operation: string,
  correlationId: string | undefined,
  signed = false,
): number {
  if (!(signed ? /^-?\d+(\.0+)?$/ : /^\d+(\.0+)?$/).test(value)) {
    throw shopifyError(operation, {
      message: `${field}: Shopify counts whole units; ${value} is not one`,
      vendorCode: 'NOT_WHOLE_UNITS',
      retryable: false,
      executed: 'no',
      correlationId,
    });
  }
  return Number.parseInt(value, 10);
}

async function inventoryItemId(
  ctx: ShopifyContext,
  adjustment: InventoryAdjustment,
  op: Op,
): Promise<string> {
  const ref = findRef(adjustment.refs, 'shopify')?.id;
  if (ref?.startsWith('gid://shopify/InventoryItem/')) return ref;
  const data = await ctx.client.request({
    operation: 'inventory.adjust',
    query: ITEM_BY_SKU,
    variables: { query: `sku:${JSON.stringify(adjustment.sku)}` },
    data: InventoryItemsDataSchema,
    correlationId: op.correlationId,
    signal: op.signal,
  });
  const id = data.inventoryItems.nodes.find((node) => node.sku?.trim() === adjustment.sku)?.id;
  if (!id) {
    throw shopifyError('inventory.adjust', {
      message: `sku: no inventory item with SKU ${adjustment.sku}`,
      vendorCode: 'UNKNOWN_SKU',
      retryable: false,
      executed: 'no',
      correlationId: op.correlationId,
    });
  }
  return id;
}

function locationId(
  adjustment: InventoryAdjustment,
  operation: string,
  correlationId: string | undefined,
): string {
  const candidates = [findRef(adjustment.location.refs, 'shopify')?.id, adjustment.location.id];
  const id = candidates.find((c) => c?.startsWith('gid://shopify/Location/'));
  if (id) return id;
  throw shopifyError(operation, {
    message: `location: ${adjustment.location.id} is not a Shopify location id (gid://shopify/Location/…)`,
    vendorCode: 'UNKNOWN_LOCATION',
    retryable: false,
    executed: 'no',
    correlationId,
  });
}

/**
 * Writes a canonical adjustment to Shopify, idempotently under its `idempotencyKey` (the
 * `@idempotent(key:)` directive, mandatory from 2026-04: Shopify answers a repeated key with the
 * first result and changes nothing):
 *
 * - `set`: compare-and-set of `on_hand` with `inventorySetQuantities`, `expected` as
 *   `changeFromQuantity` (2026-04 on; `compareQuantity` before). A stale expected quantity is
 *   refused with vendor code `CHANGE_FROM_QUANTITY_STALE` (`COMPARE_QUANTITY_STALE`).
 * - `delta`: `inventoryAdjustQuantities` of `available` by `delta` (which moves `on_hand` with it),
 *   with `changeFromQuantity: null` (a delta applies to whatever is there; the key keeps a retry
 *   from applying it twice) and `referenceDocumentUri` `gid://crossdock/InventoryAdjustment/<key>`.
 *   Before 2026-01 Shopify has no idempotency key, so a delta is refused (`IDEMPOTENCY_UNAVAILABLE`).
 *
 * @example
 * await adjustInventory(ctx, { mode: 'delta', sku: 'SKU-1', delta: '-2', idempotencyKey: 'count-7', … }, op);
 */
export async function adjustInventory(
  ctx: ShopifyContext,
  adjustment: InventoryAdjustment,
  op: Op,
): Promise<{ readonly applied: boolean }> {
  const operation = 'inventory.adjust';
  const key = adjustment.idempotencyKey ?? op.idempotencyKey;
  const location = locationId(adjustment, operation, op.correlationId);
  const changeFrom = needsChangeFrom(ctx.apiVersion);
  if (adjustment.mode === 'delta') {
    const delta = wholeNumber(adjustment.delta, 'delta', operation, op.correlationId, true);
    if (!supportsIdempotent(ctx.apiVersion)) {
      throw shopifyError(operation, {
        message: `mode: Shopify ${ctx.apiVersion} has no idempotency key for inventory adjustments (2026-01 on), so a retried delta could apply twice; use a set`,
        vendorCode: 'IDEMPOTENCY_UNAVAILABLE',
        retryable: false,
        executed: 'no',
        correlationId: op.correlationId,
      });
    }
    const item = await inventoryItemId(ctx, adjustment, op);
    const data = await ctx.client.request({
      operation,
      query: adjustMutation(idempotent(ctx.apiVersion, key)),
      variables: {
        input: {
          name: 'available',
          reason: REASONS[adjustment.reason],
          referenceDocumentUri: `gid://crossdock/InventoryAdjustment/${encodeURIComponent(key)}`,
          changes: [
            {
              inventoryItemId: item,
              locationId: location,
              delta,
              ...(changeFrom ? { changeFromQuantity: null } : {}),
            },
          ],
        },
      },
      data: InventoryAdjustQuantitiesDataSchema,
      mutation: true,
      correlationId: op.correlationId,
      signal: op.signal,
    });
    const { userErrors } = data.inventoryAdjustQuantities;
    if (userErrors.length > 0) throw userErrorsToError(operation, userErrors, op.correlationId, item);
    return { applied: true };
  }
  const expected = wholeNumber(adjustment.expected, 'expected', operation, op.correlationId);
  const quantity = wholeNumber(adjustment.quantity, 'quantity', operation, op.correlationId);
  const item = await inventoryItemId(ctx, adjustment, op);
  const data = await ctx.client.request({
    operation,
    query: setMutation(idempotent(ctx.apiVersion, key)),
    variables: {
      input: {
        name: 'on_hand',
        reason: REASONS[adjustment.reason],
        quantities: [
          {
            inventoryItemId: item,
            locationId: location,
            quantity,
            ...(changeFrom ? { changeFromQuantity: expected } : { compareQuantity: expected }),
          },
        ],
      },
    },
    data: InventorySetQuantitiesDataSchema,
    mutation: true,
    correlationId: op.correlationId,
    signal: op.signal,
  });
  const { userErrors } = data.inventorySetQuantities;
  if (userErrors.length > 0) throw userErrorsToError(operation, userErrors, op.correlationId, item);
  return { applied: true };
}
