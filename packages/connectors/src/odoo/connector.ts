import type {
  ExternalRef,
  FulfillmentRequest,
  HandshakeState,
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
import { forCall, type OdooContext } from './context.js';
import type { SinceQuery } from './cursor.js';
import { guard, refusal } from './errors.js';
import { adjustInventory, readLevels } from './inventory.js';
import { releaseText } from './note-texts.js';
import { type NoteResult, postNoteOnce } from './notes.js';
import { readOrders } from './orders.js';
import { type PickingTarget, pickingIdOf, readRequest, readRequests } from './requests.js';
import { createReturn } from './returns.js';
import { readReturns } from './returns-read.js';
import { type ApplyShipmentResult, applyShipmentToPicking, type Remainder } from './ship.js';
import { readShipments } from './shipments.js';
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

/** A release to a warehouse, as recorded on the picking. */
export interface ReleaseRecord {
  /** Where the request lives now, e.g. `{ system: 'shipbob', id: '123' }`. */
  readonly ref: ExternalRef;
  /** How far the handshake got: `submitted`, `accepted`, `rejected`, `cancel_accepted`… */
  readonly handshake: HandshakeState;
  /** Why, when the warehouse said (a rejection's reason). @example 'address not deliverable' */
  readonly reason?: string;
}

/**
 * The Odoo connector: demand, shipments onto pickings, stock and returns, over canonical objects.
 * Odoo is where orders come from, so there is no `fulfillment.release`/`cancel`: the integration
 * releases to a warehouse and records it here with `recordRelease`.
 */
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
    /** One picking's request, by its ref, mapped as `requests` maps a page. */
    get(ref: ExternalRef, options?: Options): Promise<FulfillmentRequest>;
    applyShipment(
      picking: PickingTarget,
      shipment: Shipment,
      options?: Options & { readonly remainder?: Readonly<Record<string, Remainder>> },
    ): Promise<ApplyShipmentResult>;
    /**
     * Records on the picking where it was released and how far the handshake got (a note in its
     * chatter, with the correlation id); the same release and handshake again posts nothing.
     */
    recordRelease(picking: PickingTarget, release: ReleaseRecord, options?: Options): Promise<NoteResult>;
    /** A note in the picking's chatter (e.g. a tracking update), posted once per picking and text. */
    note(picking: PickingTarget, text: string, options?: Options): Promise<NoteResult>;
  };
  readonly shipments: {
    list(query?: SinceQuery, options?: Options): Promise<OdooPage<Shipment>>;
  };
  readonly inventory: {
    levels(
      query?: { readonly skus?: readonly string[]; readonly cursor?: string },
      options?: Options,
    ): Promise<Page<InventoryLevel>>;
    adjust(adjustment: InventoryAdjustment, options?: Options): Promise<{ readonly applied: boolean }>;
  };
  readonly returns: {
    list(query?: SinceQuery, options?: Options): Promise<OdooPage<Return>>;
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
    (ret: Return, correlationId: string | undefined, signal?: AbortSignal) =>
      createReturn(forCall(ctx, signal), ret, correlationId),
    { store, key: (ret) => `odoo:return:${ret.rma}`, payload: (ret) => ret, onInProgress: 'wait' },
  );
  const adjustDeltaOnce = idempotent(
    (adjustment: InventoryAdjustment, correlationId: string | undefined, signal?: AbortSignal) =>
      adjustInventory(forCall(ctx, signal), adjustment, correlationId),
    {
      store,
      key: (adjustment) => `odoo:adjust:${adjustment.idempotencyKey}`,
      payload: (adjustment) => adjustment,
      onInProgress: 'wait',
    },
  );
  /** Runs one operation: its Odoo calls carry the caller's signal, its failures are `ConnectorError`s. */
  const run = <T>(operation: string, op: Options, work: (scoped: OdooContext) => Promise<T>) =>
    guard(operation, op.correlationId, () => work(forCall(ctx, op.signal)));
  return {
    system: 'odoo',
    orders: {
      list: (query = {}, op = {}) => run('orders.list', op, (c) => readOrders(c, query)),
    },
    fulfillment: {
      requests: (query = {}, op = {}) => run('fulfillment.requests', op, (c) => readRequests(c, query)),
      get: (ref, op = {}) => run('fulfillment.get', op, (c) => readRequest(c, ref, op.correlationId)),
      applyShipment: (picking, shipment, op = {}) =>
        run('fulfillment.applyShipment', op, (c) =>
          applyShipmentToPicking(
            c,
            pickingIdOf(picking, 'fulfillment.applyShipment', op.correlationId),
            shipment,
            {
              ...(op.remainder === undefined ? {} : { remainder: op.remainder }),
              ...(op.correlationId === undefined ? {} : { correlationId: op.correlationId }),
            },
          ),
        ),
      recordRelease: (picking, release, op = {}) =>
        run('fulfillment.recordRelease', op, (c) =>
          postNoteOnce(
            c,
            pickingIdOf(picking, 'fulfillment.recordRelease', op.correlationId),
            releaseText(release.ref, release.handshake, release.reason),
            op.correlationId,
          ),
        ),
      note: (picking, text, op = {}) =>
        run('fulfillment.note', op, async (c) => {
          if (text.trim() === '')
            throw refusal('fulfillment.note', 'empty_note', 'the note is empty', op.correlationId);
          return postNoteOnce(
            c,
            pickingIdOf(picking, 'fulfillment.note', op.correlationId),
            `Crossdock: ${text.trim()}`,
            op.correlationId,
          );
        }),
    },
    shipments: {
      list: (query = {}, op = {}) =>
        run('shipments.list', op, (c) => readShipments(c, query, op.correlationId)),
    },
    inventory: {
      levels: (query = {}, op = {}) => run('inventory.levels', op, (c) => readLevels(c, query)),
      adjust: (adjustment, op = {}) =>
        run('inventory.adjust', op, (c) =>
          // A set is compare-and-set already; a delta would add itself again on a retry, so it is claimed.
          adjustment.mode === 'delta'
            ? adjustDeltaOnce(adjustment, op.correlationId, op.signal)
            : adjustInventory(c, adjustment, op.correlationId),
        ),
    },
    returns: {
      list: (query = {}, op = {}) => run('returns.list', op, (c) => readReturns(c, query, op.correlationId)),
      create: (ret, op = {}) =>
        run('returns.create', op, () => createReturnOnce(ret, op.correlationId, op.signal)),
    },
  };
}
