import { argumentsOf as argsOf, type ParsedOperation, type SelectedField } from './cost.js';
import type {
  FakeFulfillment,
  FakeFulfillmentOrder,
  FakeInventoryLevel,
  FakeOrder,
  FakeShopState,
} from './state.js';
import { gid } from './state.js';

/** What an operation answers: its `data`, or GraphQL `errors`. */
export interface OperationResult {
  readonly data?: unknown;
  readonly errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
}

type Variables = Record<string, unknown>;

/** Everything an operation is answered from. */
export interface OperationContext {
  readonly state: FakeShopState;
  readonly variables: Variables;
  /** The parsed operation: nested connection arguments (`lineItems(first: 20)`) are read from it. */
  readonly operation: ParsedOperation;
  /** From 2026-04 inventory writes need `changeFromQuantity` (`compareQuantity` before) and an `@idempotent` key. */
  readonly changeFrom: boolean;
  /** The `@idempotent(key:)` of the mutation, when it has one. */
  readonly idempotencyKey: string | undefined;
  /** The fake's clock, as an ISO timestamp. */
  readonly now: () => string;
}

const cursorOf = (index: number) => Buffer.from(`idx:${index}`).toString('base64');
const indexOf = (cursor: unknown) =>
  typeof cursor === 'string' ? Number(Buffer.from(cursor, 'base64').toString().slice(4)) + 1 : 0;

/** A connection page of `list` for `first`/`after` (default 50 from the start). */
function page<T, U>(list: readonly T[], args: Variables, map: (item: T) => U) {
  const first = typeof args.first === 'number' ? args.first : 50;
  const start = indexOf(args.after);
  const nodes = list.slice(start, start + first);
  const end = start + nodes.length - 1;
  return {
    nodes: nodes.map(map),
    pageInfo: { hasNextPage: end + 1 < list.length, endCursor: nodes.length ? cursorOf(end) : null },
  };
}

/** The field at `path` (by field name) in the operation's selections. */
function fieldAt(operation: ParsedOperation, path: readonly string[]): SelectedField | undefined {
  let fields: readonly SelectedField[] | undefined = operation.selections;
  let found: SelectedField | undefined;
  for (const name of path) {
    found = fields?.find((f) => f.name === name);
    fields = found?.selections;
  }
  return found;
}

/**
 * The answer trimmed to what was selected, under the selection's keys (aliases), as a GraphQL
 * server answers: a field the query did not ask for is not in the answer.
 */
export function project(fields: readonly SelectedField[], value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value ?? null;
  if (Array.isArray(value)) return value.map((item) => project(fields, item));
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const inner = record[field.name];
    out[field.key] = field.selections === undefined ? (inner ?? null) : project(field.selections, inner);
  }
  return out;
}

const money = (amount: string, currencyCode: string) => ({ shopMoney: { amount, currencyCode } });

function orderNode(order: FakeOrder, lineArgs: Variables) {
  return {
    id: order.id,
    name: order.name,
    createdAt: order.createdAt,
    cancelledAt: order.cancelledAt,
    cancelReason: order.cancelReason?.toUpperCase() ?? null,
    closedAt: order.closedAt,
    currencyCode: order.currencyCode,
    email: order.email,
    shippingAddress: order.shippingAddress
      ? { ...order.shippingAddress, countryCodeV2: order.shippingAddress.countryCode }
      : null,
    lineItems: page(order.lineItems, lineArgs, (line) => ({
      id: line.id,
      sku: line.sku,
      name: line.name,
      quantity: line.quantity,
      originalUnitPriceSet: money(line.price, order.currencyCode),
    })),
  };
}

function fulfillmentOrderNode(state: FakeShopState, fo: FakeFulfillmentOrder, lineArgs: Variables) {
  const order = state.orders.find((o) => o.id === fo.orderId);
  return {
    id: fo.id,
    status: fo.status,
    requestStatus: fo.requestStatus,
    createdAt: fo.createdAt,
    updatedAt: fo.updatedAt,
    order: order ? { id: order.id, name: order.name } : null,
    assignedLocation: { name: fo.locationName, location: { id: fo.locationId } },
    destination: order?.shippingAddress ? { ...order.shippingAddress, email: order.email } : null,
    fulfillmentHolds: fo.holds.map((reason) => ({ reason })),
    lineItems: page(fo.lineItems, lineArgs, (line) => ({
      id: line.id,
      sku: line.sku,
      productTitle: line.name,
      totalQuantity: line.totalQuantity,
      remainingQuantity: line.remainingQuantity,
      lineItem: { id: line.lineItemId },
    })),
  };
}

const userError = (field: string[] | null, message: string, code?: string) => ({
  field,
  message,
  ...(code === undefined ? {} : { code }),
});

/** `orders(first, after)`, each order's `lineItems(first)` as the query asks. */
export function orders({ state, variables, operation }: OperationContext): OperationResult {
  const lineArgs = argsOf(fieldAt(operation, ['orders', 'nodes', 'lineItems']), variables);
  return { data: { orders: page(state.orders, variables, (order) => orderNode(order, lineArgs)) } };
}

/**
 * `order(id)`, with its `lineItems(first, after)` and its `fulfillmentOrders(first, after)` (all of
 * them, closed ones included, oldest first), each with `lineItems(first, after)`.
 */
export function order({ state, variables, operation }: OperationContext): OperationResult {
  const found = state.orders.find((o) => o.id === variables.id);
  if (!found) return { data: { order: null } };
  const lineArgs = argsOf(fieldAt(operation, ['order', 'lineItems']), variables);
  const foArgs = argsOf(fieldAt(operation, ['order', 'fulfillmentOrders']), variables);
  const foLineArgs = argsOf(
    fieldAt(operation, ['order', 'fulfillmentOrders', 'nodes', 'lineItems']),
    variables,
  );
  const own = state.fulfillmentOrders.filter((fo) => fo.orderId === found.id);
  return {
    data: {
      order: {
        ...orderNode(found, lineArgs),
        fulfillmentOrders: page(own, foArgs, (fo) => fulfillmentOrderNode(state, fo, foLineArgs)),
      },
    },
  };
}

/** `fulfillmentOrders(first, after, includeClosed: true)`. */
export function fulfillmentOrders({ state, variables, operation }: OperationContext): OperationResult {
  const lineArgs = argsOf(fieldAt(operation, ['fulfillmentOrders', 'nodes', 'lineItems']), variables);
  return {
    data: {
      fulfillmentOrders: page(state.fulfillmentOrders, variables, (fo) =>
        fulfillmentOrderNode(state, fo, lineArgs),
      ),
    },
  };
}

/** `fulfillmentOrder(id)`. */
export function fulfillmentOrder({ state, variables, operation }: OperationContext): OperationResult {
  const fo = state.fulfillmentOrders.find((f) => f.id === variables.id);
  const lineArgs = argsOf(fieldAt(operation, ['fulfillmentOrder', 'lineItems']), variables);
  return { data: { fulfillmentOrder: fo ? fulfillmentOrderNode(state, fo, lineArgs) : null } };
}

interface FulfillmentInput {
  lineItemsByFulfillmentOrder?: {
    fulfillmentOrderId?: string;
    fulfillmentOrderLineItems?: { id: string; quantity: number }[];
  }[];
  trackingInfo?: { number?: string; numbers?: string[]; company?: string; url?: string; urls?: string[] };
}

/** `fulfillmentCreate(fulfillment)`: ships the given (or all remaining) lines and closes a finished order. */
export function fulfillmentCreate(ctx: OperationContext): OperationResult {
  const { state, variables } = ctx;
  const input = (variables.fulfillment ?? {}) as FulfillmentInput;
  const answer = (userErrors: unknown[], fulfillment: unknown = null) => ({
    data: { fulfillmentCreate: { fulfillment, userErrors } },
  });
  const groups = input.lineItemsByFulfillmentOrder ?? [];
  if (groups.length === 0) {
    return answer([
      userError(['fulfillment', 'lineItemsByFulfillmentOrder'], 'must name a fulfillment order'),
    ]);
  }
  const tracking = input.trackingInfo ?? {};
  const numbers = tracking.numbers ?? (tracking.number === undefined ? [] : [tracking.number]);
  const urls = tracking.urls ?? (tracking.url === undefined ? [] : [tracking.url]);
  const badUrl = urls.findIndex((url) => !/^https?:\/\//.test(url));
  if (badUrl >= 0) {
    const path = tracking.urls === undefined ? ['url'] : ['urls', String(badUrl)];
    return answer([userError(['fulfillment', 'trackingInfo', ...path], 'Tracking url is invalid')]);
  }
  const touched: FakeFulfillmentOrder[] = [];
  for (const [g, group] of groups.entries()) {
    const fo = state.fulfillmentOrders.find((f) => f.id === group.fulfillmentOrderId);
    const path = ['fulfillment', 'lineItemsByFulfillmentOrder', String(g), 'fulfillmentOrderId'];
    if (!fo) return answer([userError(path, 'Fulfillment order does not exist.')]);
    if (fo.status === 'CLOSED' || fo.status === 'CANCELLED' || fo.status === 'ON_HOLD') {
      return answer([userError(path, `Fulfillment order ${fo.id} is ${fo.status.toLowerCase()}.`)]);
    }
    const lines =
      group.fulfillmentOrderLineItems ??
      fo.lineItems.map((l) => ({ id: l.id, quantity: l.remainingQuantity }));
    for (const [i, want] of lines.entries()) {
      const line = fo.lineItems.find((l) => l.id === want.id);
      if (!line || want.quantity > line.remainingQuantity || want.quantity < 1) {
        return answer([
          userError(
            [
              'fulfillment',
              'lineItemsByFulfillmentOrder',
              String(g),
              'fulfillmentOrderLineItems',
              String(i),
              'quantity',
            ],
            'Invalid fulfillment order line item quantity requested.',
          ),
        ]);
      }
    }
    for (const want of lines) {
      const line = fo.lineItems.find((l) => l.id === want.id);
      if (line) line.remainingQuantity -= want.quantity;
    }
    touched.push(fo);
  }
  const fulfillment: FakeFulfillment = {
    id: gid(state, 'Fulfillment'),
    number: numbers[0] ?? '',
    numbers,
    company: tracking.company ?? null,
    url: urls[0] ?? null,
    urls,
  };
  for (const fo of touched) {
    fo.status = fo.lineItems.every((l) => l.remainingQuantity === 0) ? 'CLOSED' : 'IN_PROGRESS';
    fo.updatedAt = ctx.now();
    fo.fulfillments.push(fulfillment);
  }
  return answer([], {
    id: fulfillment.id,
    status: 'SUCCESS',
    trackingInfo: numbers.map((number, i) => ({
      number,
      company: fulfillment.company,
      url: urls[i] ?? null,
    })),
  });
}

/** An inventory item as the fake keeps it: the levels of one SKU. */
function inventoryItemsOf(state: FakeShopState) {
  const items = new Map<string, { id: string; sku: string; levels: FakeInventoryLevel[] }>();
  for (const level of state.inventory) {
    const item = items.get(level.inventoryItemId) ?? {
      id: level.inventoryItemId,
      sku: level.sku,
      levels: [],
    };
    item.levels.push(level);
    items.set(level.inventoryItemId, item);
  }
  return [...items.values()];
}

const TERM = /^(sku|id):(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+))$/;

/** Whether an item matches an `inventoryItems(query:)` search: `sku:X`, `id:N`, joined with `OR`. */
function matchesQuery(item: { id: string; sku: string }, query: unknown): boolean {
  if (typeof query !== 'string' || query.trim() === '') return true;
  return query
    .trim()
    .split(/\s+OR\s+/)
    .some((term) => {
      const match = TERM.exec(term.trim());
      if (!match) return false;
      const [, field, quoted, single, bare] = match;
      const value = quoted !== undefined ? JSON.parse(`"${quoted}"`) : (single ?? bare ?? '');
      return field === 'sku'
        ? item.sku === value
        : item.id.split('/').at(-1) === String(value).split('/').at(-1);
    });
}

/** Quantities Shopify derives from the stored ones when they are not stored themselves. */
function quantityOf(level: FakeInventoryLevel, name: string): number {
  const stored = level.quantities[name];
  if (stored !== undefined) return stored;
  const q = (n: string) => level.quantities[n] ?? 0;
  const unavailable = q('reserved') + q('damaged') + q('quality_control') + q('safety_stock');
  if (name === 'unavailable') return unavailable;
  if (name === 'on_hand') return q('available') + q('committed') + unavailable;
  return 0;
}

function itemNode(item: ReturnType<typeof inventoryItemsOf>[number], levelArgs: Variables, names: unknown) {
  const wanted = Array.isArray(names) ? names.map(String) : [];
  return {
    id: item.id,
    sku: item.sku,
    tracked: true,
    inventoryLevels: page(item.levels, levelArgs, (level) => ({
      id: level.id,
      updatedAt: level.updatedAt,
      location: { id: level.locationId },
      quantities: wanted.map((name) => ({ name, quantity: quantityOf(level, name) })),
    })),
  };
}

/**
 * `inventoryItems(first, after, query)` (`sku:` and `id:` terms, `OR`ed), each item's
 * `inventoryLevels(first, after)` with `quantities(names:)`.
 */
export function inventoryItems({ state, variables, operation }: OperationContext): OperationResult {
  const levels = fieldAt(operation, ['inventoryItems', 'nodes', 'inventoryLevels']);
  const levelArgs = argsOf(levels, variables);
  const names = argsOf(
    levels?.selections?.find((f) => f.name === 'nodes')?.selections?.find((f) => f.name === 'quantities'),
    variables,
  ).names;
  const items = inventoryItemsOf(state).filter((item) => matchesQuery(item, variables.query));
  return { data: { inventoryItems: page(items, variables, (item) => itemNode(item, levelArgs, names)) } };
}

/** `inventoryItem(id)`, with `inventoryLevels(first, after)`. */
export function inventoryItem({ state, variables, operation }: OperationContext): OperationResult {
  const levels = fieldAt(operation, ['inventoryItem', 'inventoryLevels']);
  const names = argsOf(
    levels?.selections?.find((f) => f.name === 'nodes')?.selections?.find((f) => f.name === 'quantities'),
    variables,
  ).names;
  const item = inventoryItemsOf(state).find((i) => i.id === variables.id);
  return { data: { inventoryItem: item ? itemNode(item, argsOf(levels, variables), names) : null } };
}

/** The reasons an inventory change may give. */
export const INVENTORY_REASONS: ReadonlySet<string> = new Set([
  'correction',
  'cycle_count_available',
  'damaged',
  'movement_created',
  'movement_updated',
  'movement_received',
  'movement_canceled',
  'other',
  'promotion',
  'quality_control',
  'received',
  'reservation_created',
  'reservation_deleted',
  'reservation_updated',
  'restock',
  'safety_stock',
  'shrinkage',
]);

/**
 * Runs an `@idempotent` mutation: a key seen before with the same variables answers what it
 * answered then (and changes nothing); with other variables it is refused. Only successful
 * answers are kept, so a refused write can be retried with its key.
 */
function idempotently(
  ctx: OperationContext,
  mutation: string,
  run: () => OperationResult,
  refuse: (errors: unknown[]) => OperationResult,
): OperationResult {
  if (ctx.changeFrom && ctx.idempotencyKey === undefined) {
    return {
      errors: [
        {
          message: 'The @idempotent directive is required for this mutation.',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    };
  }
  const key = ctx.idempotencyKey;
  const fingerprint = `${mutation}:${JSON.stringify(ctx.variables)}`;
  if (key !== undefined) {
    const previous = ctx.state.idempotent.get(key);
    if (previous !== undefined) {
      if (previous.fingerprint === fingerprint) return previous.result as OperationResult;
      return refuse([
        userError(
          null,
          'The same idempotency key cannot be used with different operation parameters.',
          'IDEMPOTENCY_KEY_PARAMETER_MISMATCH',
        ),
      ]);
    }
  }
  const result = run();
  const payload = Object.values((result.data ?? {}) as Record<string, { userErrors?: unknown[] }>)[0];
  if (key !== undefined && result.errors === undefined && (payload?.userErrors ?? []).length === 0) {
    ctx.state.idempotent.set(key, { fingerprint, result });
  }
  return result;
}

function findLevel(state: FakeShopState, inventoryItemId: unknown, locationId: unknown) {
  return state.inventory.find((l) => l.inventoryItemId === inventoryItemId && l.locationId === locationId);
}

interface SetQuantitiesInput {
  name?: string;
  reason?: string;
  ignoreCompareQuantity?: boolean;
  quantities?: {
    inventoryItemId: string;
    locationId: string;
    quantity: number;
    compareQuantity?: number | null;
    changeFromQuantity?: number | null;
  }[];
}

/**
 * `inventorySetQuantities(input) @idempotent(key)`: compare-and-set per quantity, with
 * `changeFromQuantity` (2026-04 on, required, `null` opts out) or `compareQuantity` (before).
 */
export function inventorySetQuantities(ctx: OperationContext): OperationResult {
  const { state } = ctx;
  const input = (ctx.variables.input ?? {}) as SetQuantitiesInput;
  const answer = (userErrors: unknown[], group: unknown = null): OperationResult => ({
    data: { inventorySetQuantities: { inventoryAdjustmentGroup: group, userErrors } },
  });
  return idempotently(
    ctx,
    'inventorySetQuantities',
    () => {
      const name = input.name ?? 'available';
      const errors: unknown[] = [];
      if (name !== 'available' && name !== 'on_hand') {
        errors.push(
          userError(
            ['input', 'name'],
            "The quantity name must be either 'available' or 'on_hand'.",
            'INVALID_NAME',
          ),
        );
      }
      if (!INVENTORY_REASONS.has(input.reason ?? '')) {
        errors.push(userError(['input', 'reason'], 'The specified reason is invalid.', 'INVALID_REASON'));
      }
      const quantities = input.quantities ?? [];
      for (const [i, q] of quantities.entries()) {
        const level = findLevel(state, q.inventoryItemId, q.locationId);
        const path = ['input', 'quantities', String(i)];
        if (!level) {
          errors.push(
            userError(
              [...path, 'locationId'],
              'The specified inventory item is not stocked at the location.',
              'ITEM_NOT_STOCKED_AT_LOCATION',
            ),
          );
          continue;
        }
        const current = quantityOf(level, name);
        if (ctx.changeFrom) {
          if (!('changeFromQuantity' in q)) {
            errors.push(
              userError(
                [...path, 'changeFromQuantity'],
                'changeFromQuantity is required.',
                'INVALID_CHANGE_FROM_QUANTITY',
              ),
            );
          } else if (q.changeFromQuantity !== null && q.changeFromQuantity !== current) {
            errors.push(
              userError(
                [...path, 'changeFromQuantity'],
                'The specified compare quantity is stale.',
                'CHANGE_FROM_QUANTITY_STALE',
              ),
            );
          }
        } else if (!input.ignoreCompareQuantity && q.compareQuantity !== current) {
          errors.push(
            userError(
              [...path, 'compareQuantity'],
              'The compareQuantity argument no longer matches the persisted quantity.',
              'COMPARE_QUANTITY_STALE',
            ),
          );
        }
      }
      if (errors.length > 0) return answer(errors);
      const changes = quantities.flatMap((q) => {
        const level = findLevel(state, q.inventoryItemId, q.locationId);
        if (!level) return [];
        const delta = q.quantity - quantityOf(level, name);
        applyDelta(level, name, delta, ctx.now());
        return [{ name, delta, quantityAfterChange: q.quantity }];
      });
      return answer([], { id: gid(state, 'InventoryAdjustmentGroup'), reason: input.reason, changes });
    },
    (errors) => answer(errors),
  );
}

/**
 * Changes one named quantity by `delta` the way Shopify keeps them together: `on_hand` is
 * `available + committed + unavailable`, so changing `available` or an unavailable state
 * (`damaged`, `quality_control`, `reserved`, `safety_stock`) changes `on_hand` too, and setting
 * `on_hand` changes `available`.
 */
export function applyDelta(level: FakeInventoryLevel, name: string, delta: number, at: string): void {
  const q = level.quantities;
  const bump = (n: string, by: number) => {
    q[n] = quantityOf(level, n) + by;
  };
  bump(name, delta);
  if (name === 'on_hand') bump('available', delta);
  else if (['available', 'damaged', 'quality_control', 'reserved', 'safety_stock'].includes(name)) {
    bump('on_hand', delta);
  }
  level.updatedAt = at;
}

interface AdjustQuantitiesInput {
  name?: string;
  reason?: string;
  referenceDocumentUri?: string;
  changes?: {
    inventoryItemId: string;
    locationId: string;
    delta: number;
    changeFromQuantity?: number | null;
    ledgerDocumentUri?: string | null;
  }[];
}

const ADJUSTABLE = new Set([
  'available',
  'damaged',
  'incoming',
  'quality_control',
  'reserved',
  'safety_stock',
]);

/**
 * `inventoryAdjustQuantities(input) @idempotent(key)`: adds each change's `delta` to the named
 * quantity. From 2026-04 the key is required and every change must state `changeFromQuantity`
 * (`null` skips the check); `ledgerDocumentUri` is required except for `available`, where it is
 * refused. A repeated key with the same input answers the first result and changes nothing.
 */
export function inventoryAdjustQuantities(ctx: OperationContext): OperationResult {
  const { state } = ctx;
  const input = (ctx.variables.input ?? {}) as AdjustQuantitiesInput;
  const answer = (userErrors: unknown[], group: unknown = null): OperationResult => ({
    data: { inventoryAdjustQuantities: { inventoryAdjustmentGroup: group, userErrors } },
  });
  return idempotently(
    ctx,
    'inventoryAdjustQuantities',
    () => {
      const name = input.name ?? '';
      const errors: unknown[] = [];
      if (!ADJUSTABLE.has(name)) {
        errors.push(
          userError(['input', 'name'], 'The specified quantity name is invalid.', 'INVALID_QUANTITY_NAME'),
        );
      }
      if (!INVENTORY_REASONS.has(input.reason ?? '')) {
        errors.push(userError(['input', 'reason'], 'The specified reason is invalid.', 'INVALID_REASON'));
      }
      const changes = input.changes ?? [];
      for (const [i, change] of changes.entries()) {
        const path = ['input', 'changes', String(i)];
        const level = findLevel(state, change.inventoryItemId, change.locationId);
        if (!level) {
          errors.push(
            userError(
              [...path, 'locationId'],
              'The inventory item is not stocked at the location.',
              'ITEM_NOT_STOCKED_AT_LOCATION',
            ),
          );
          continue;
        }
        if (name === 'available' && change.ledgerDocumentUri != null) {
          errors.push(
            userError(
              [...path, 'ledgerDocumentUri'],
              'A ledger document URI is not allowed when adjusting available.',
              'INVALID_AVAILABLE_DOCUMENT',
            ),
          );
        } else if (name !== 'available' && change.ledgerDocumentUri == null) {
          errors.push(
            userError(
              [...path, 'ledgerDocumentUri'],
              'A ledger document URI is required except when adjusting available.',
              'INVALID_QUANTITY_DOCUMENT',
            ),
          );
        }
        if (ctx.changeFrom) {
          if (!('changeFromQuantity' in change)) {
            errors.push(
              userError(
                [...path, 'changeFromQuantity'],
                'changeFromQuantity is required: pass the expected quantity, or null to skip the check.',
                'INVALID_CHANGE_FROM_QUANTITY',
              ),
            );
          } else if (
            change.changeFromQuantity != null &&
            change.changeFromQuantity !== quantityOf(level, name)
          ) {
            errors.push(
              userError(
                [...path, 'changeFromQuantity'],
                'The changeFromQuantity argument no longer matches the persisted quantity.',
                'CHANGE_FROM_QUANTITY_STALE',
              ),
            );
          }
        }
      }
      if (errors.length > 0) return answer(errors);
      const applied = changes.flatMap((change) => {
        const level = findLevel(state, change.inventoryItemId, change.locationId);
        if (!level) return [];
        applyDelta(level, name, change.delta, ctx.now());
        return [{ name, delta: change.delta, quantityAfterChange: quantityOf(level, name) }];
      });
      return answer([], {
        id: gid(state, 'InventoryAdjustmentGroup'),
        reason: input.reason,
        referenceDocumentUri: input.referenceDocumentUri ?? null,
        changes: applied,
      });
    },
    (errors) => answer(errors),
  );
}
