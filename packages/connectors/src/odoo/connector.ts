import type {
  ExternalRef,
  FulfillmentRequest,
  InventoryAdjustment,
  InventoryLevel,
  Return,
  SalesOrder,
  Shipment,
} from '@crossdock/canonical';
import { type IdempotencyStore, idempotent, MemoryStore } from '@crossdock/idempotency';
import type { OdooClient } from '@crossdock/odoo-client';
import type { Connector, Page } from '../contract/capabilities.js';
import type { OperationOptions } from '../contract/operation.js';
import type { OdooContext } from './context.js';
import { guard } from './errors.js';
import { adjustInventory, readLevels } from './inventory.js';
import { readOrders } from './orders.js';
import { readRequests } from './requests.js';
import { createReturn } from './returns.js';
import { type ApplyShipmentResult, applyShipmentToPicking, type Remainder } from './ship.js';
import type { OdooPage } from './skipped.js';

export interface OdooConnectorOptions {
  readonly client: Pick<OdooClient, 'model' | 'version'>;
  /** Limit demand and stock to one `stock.warehouse`. */
  readonly warehouseId?: number;
  /** The server's major version; asked with `client.version()` when absent. */
  readonly version?: number;
  /**
   * Where writes that Odoo cannot deduplicate itself are claimed (a return by its RMA, a delta
   * adjustment by its idempotency key), so a retry after an unknown outcome does not apply them twice.
   * Default: a `MemoryStore` (this process); pass a `RedisStore` or `PostgresStore` for several instances.
   */
  readonly store?: IdempotencyStore;
}

type Options = Partial<OperationOptions>;

/** The Odoo connector: demand, shipments onto pickings, stock and returns, over canonical objects. */
export interface OdooConnector extends Pick<Connector, 'system'> {
  readonly system: 'odoo';
  readonly orders: {
    list(
      query?: { readonly cursor?: string; readonly pageSize?: number },
      options?: Options,
    ): Promise<OdooPage<SalesOrder>>;
  };
  readonly fulfillment: {
    requests(
      query?: { readonly cursor?: string; readonly pageSize?: number },
      options?: Options,
    ): Promise<OdooPage<FulfillmentRequest>>;
    applyShipment(
      pickingId: number,
      shipment: Shipment,
      options?: Options & { readonly remainder?: Readonly<Record<string, Remainder>> },
    ): Promise<ApplyShipmentResult>;
  };
  readonly inventory: {
    levels(
      query?: { readonly skus?: readonly string[]; readonly cursor?: string },
      options?: Options,
    ): Promise<Page<InventoryLevel>>;
    adjust(adjustment: InventoryAdjustment, options?: Options): Promise<{ readonly applied: boolean }>;
  };
  readonly returns: {
    create(ret: Return, options?: Options): Promise<{ readonly ref: ExternalRef }>;
  };
}

/**
 * The Odoo connector over a client of `@crossdock/odoo-client`. Every Odoo failure surfaces as a
 * `ConnectorError` naming the operation and Odoo's exception.
 *
 * @example
 * const odoo = createOdooConnector({ client: createOdooClient({ url, db, auth }) });
 * const { items, next } = await odoo.fulfillment.requests({ pageSize: 50 });
 * await odoo.fulfillment.applyShipment(21, shipment, { remainder: { 'sale.order.line:51': 'BP' } });
 */
export function createOdooConnector(options: OdooConnectorOptions): OdooConnector {
  let major: Promise<number> | undefined =
    options.version === undefined ? undefined : Promise.resolve(options.version);
  const ctx: OdooContext = {
    client: options.client,
    major: () => {
      major ??= options.client.version().then((v) => v.major);
      return major;
    },
    ...(options.warehouseId === undefined ? {} : { warehouseId: options.warehouseId }),
  };
  const store = options.store ?? new MemoryStore();
  const createReturnOnce = idempotent(
    (ret: Return, correlationId: string | undefined) => createReturn(ctx, ret, correlationId),
    { store, key: (ret) => `odoo:return:${ret.rma}`, payload: (ret) => ret, onInProgress: 'wait' },
  );
  const adjustDeltaOnce = idempotent(
    (adjustment: InventoryAdjustment, correlationId: string | undefined) =>
      adjustInventory(ctx, adjustment, correlationId),
    {
      store,
      key: (adjustment) => `odoo:adjust:${adjustment.idempotencyKey}`,
      payload: (adjustment) => adjustment,
      onInProgress: 'wait',
    },
  );
  return {
    system: 'odoo',
    orders: {
      list: (query = {}, op = {}) => guard('orders.list', op.correlationId, () => readOrders(ctx, query)),
    },
    fulfillment: {
      requests: (query = {}, op = {}) =>
        guard('fulfillment.requests', op.correlationId, () => readRequests(ctx, query)),
      applyShipment: (pickingId, shipment, op = {}) =>
        guard('fulfillment.applyShipment', op.correlationId, () =>
          applyShipmentToPicking(ctx, pickingId, shipment, {
            ...(op.remainder === undefined ? {} : { remainder: op.remainder }),
            ...(op.correlationId === undefined ? {} : { correlationId: op.correlationId }),
          }),
        ),
    },
    inventory: {
      levels: (query = {}, op = {}) =>
        guard('inventory.levels', op.correlationId, () => readLevels(ctx, query)),
      adjust: (adjustment, op = {}) =>
        guard('inventory.adjust', op.correlationId, () =>
          // A set is compare-and-set already; a delta would add itself again on a retry, so it is claimed.
          adjustment.mode === 'delta'
            ? adjustDeltaOnce(adjustment, op.correlationId)
            : adjustInventory(ctx, adjustment, op.correlationId),
        ),
    },
    returns: {
      create: (ret, op = {}) =>
        guard('returns.create', op.correlationId, () => createReturnOnce(ret, op.correlationId)),
    },
  };
}
