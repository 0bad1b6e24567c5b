import { findRef, type InventoryAdjustment } from '@crossdock/canonical';
import { needsChangeFrom, type ShopifyContext } from './context.js';
import { shopifyError, userErrorsToError } from './errors.js';
import { InventoryItemsDataSchema, InventorySetQuantitiesDataSchema } from './schemas.js';

const ITEM_BY_SKU = `query InventoryItemBySku($query: String!) {
  inventoryItems(first: 1, query: $query) { nodes { id sku } }
}`;

/** The `@idempotent` key as a GraphQL string literal (JSON string escapes are valid GraphQL). */
const setMutation = (key: string) => `mutation InventorySetQuantities($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) @idempotent(key: ${JSON.stringify(key)}) {
    inventoryAdjustmentGroup { id }
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

const wholeNumber = (value: string, field: string, operation: string, correlationId: string | undefined) => {
  if (!/^\d+(\.0+)?$/.test(value)) {
    throw shopifyError(operation, {
      message: `${field}: Shopify counts whole units; ${value} is not one`,
      vendorCode: 'NOT_WHOLE_UNITS',
      retryable: false,
      executed: 'no',
      correlationId,
    });
  }
  return Number.parseInt(value, 10);
};

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
  const id = data.inventoryItems.nodes[0]?.id;
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
 * Compare-and-set of the `on_hand` quantity with `inventorySetQuantities`: a canonical `set`
 * adjustment's `expected` becomes `changeFromQuantity` (2026-04 on; `compareQuantity` before),
 * its `idempotencyKey` (or the operation's) the `@idempotent(key:)` directive. A stale compare
 * quantity is refused with vendor code `CHANGE_FROM_QUANTITY_STALE` (`COMPARE_QUANTITY_STALE`).
 * `delta` adjustments are refused (`UNSUPPORTED_MODE`): use a `set`.
 *
 * @example
 * await adjustInventory(ctx, { mode: 'set', sku: 'SKU-1', expected: '10', quantity: '7', … }, op);
 */
export async function adjustInventory(
  ctx: ShopifyContext,
  adjustment: InventoryAdjustment,
  op: Op,
): Promise<{ readonly applied: boolean }> {
  const operation = 'inventory.adjust';
  if (adjustment.mode !== 'set') {
    throw shopifyError(operation, {
      message: 'mode: only compare-and-set (mode "set") adjustments are written to Shopify',
      vendorCode: 'UNSUPPORTED_MODE',
      retryable: false,
      executed: 'no',
      correlationId: op.correlationId,
    });
  }
  const expected = wholeNumber(adjustment.expected, 'expected', operation, op.correlationId);
  const quantity = wholeNumber(adjustment.quantity, 'quantity', operation, op.correlationId);
  const location = locationId(adjustment, operation, op.correlationId);
  const item = await inventoryItemId(ctx, adjustment, op);
  const changeFrom = needsChangeFrom(ctx.apiVersion);
  const data = await ctx.client.request({
    operation,
    query: setMutation(adjustment.idempotencyKey ?? op.idempotencyKey),
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
