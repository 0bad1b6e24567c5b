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
import { closeRest } from './close-rest.js';
import { forCall, type OdooContext } from './context.js';
import type { SinceQuery } from './cursor.js';
import { guard, refusal } from './errors.js';
import { adjustInventory, readLevels } from './inventory.js';
import { releaseText } from './note-texts.js';
import { type NoteResult, postNoteOnce } from './notes.js';
import { noteSubtypeId, type PickingNote, postNotesOnce } from './notes-batch.js';
import { type OrderWithPickings, readOrder, readOrders } from './orders.js';
import { type CountryCache, type CreatedOrder, createSalesOrder } from './orders-create.js';
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

/** One release of a page to record: its picking, the release, and the correlation id of its flow. */
export interface ReleaseEntry extends ReleaseRecord {
  readonly picking: PickingTarget;
  readonly correlationId: string;
}

/** One note of a batch: its picking, the text, and the correlation id it ends with. */
export interface NoteEntry {
  readonly picking: PickingTarget;
  /** Plain text, prefixed `Crossdock: ` like `note`. @example 'tracking 1Z…: delivered' */
  readonly text: string;
  readonly correlationId?: string;
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
    /**
     * Creates the Odoo sale order of a channel order (e.g. Shopify), once whatever the retries: its
     * number is the order's `client_order_ref`; an order already there answers `existing: true`.
     * Products by internal reference (an unknown SKU refuses the order, naming the line, and
     * creates nothing), the customer and ship-to found by e-mail (else name and postcode) or created,
     * a found partner without the channel's shipping address shipped to a delivery contact under it
     * (found or created), the channel's prices, confirmed so Odoo creates the delivery. Answers the
     * order's ref, Odoo name and pickings. Concurrent calls for one order in this process (or across
     * instances sharing `store`) create it once.
     *
     * @example
     * const { ref, name, pickings, existing } = await odoo.orders.create(shopifyOrder, { correlationId });
     */
    create(order: SalesOrder, options: OperationOptions): Promise<CreatedOrder>;
    /** One sale order by its ref, with its pickings (to find the delivery of a channel order). */
    get(ref: ExternalRef, options?: Options): Promise<OrderWithPickings>;
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
    /**
     * Records a page of releases in two calls whatever its size (one `search_read` of those pickings'
     * notes, one `mail.message` `create` of the missing ones): results in the order of `entries`;
     * a release already recorded is not posted again. Needs create on `mail.message` and write on
     * `stock.picking` (an internal user with Inventory / User has both).
     */
    recordReleases(entries: readonly ReleaseEntry[], options?: Options): Promise<readonly NoteResult[]>;
    /** Many notes on many pickings in two calls (as `recordReleases`), each posted once per picking and text. */
    notes(entries: readonly NoteEntry[], options?: Options): Promise<readonly NoteResult[]>;
    /**
     * Closes the open rest of a picking the warehouse will not ship (`CP` closed short, `IC` item
     * cancelled, per request line): cancels it and posts a note. Already cancelled: `closed: false`.
     */
    closeRest(
      picking: PickingTarget,
      reasons: Readonly<Record<string, 'CP' | 'IC'>>,
      options?: Options,
    ): Promise<{ readonly closed: boolean; readonly noteFailure?: string }>;
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
    /** `noteFailure`: the return is made, but its note could not be posted (say so; do not create it again). */
    create(
      ret: Return,
      options?: Options,
    ): Promise<{ readonly ref: ExternalRef; readonly noteFailure?: string }>;
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
  const countries: CountryCache = new Map();
  const createOrderOnce = idempotent(
    (order: SalesOrder, correlationId: string | undefined, signal?: AbortSignal) =>
      createSalesOrder(forCall(ctx, signal), order, countries, correlationId),
    { store, key: (order) => `odoo:order:${order.number}`, payload: (order) => order, onInProgress: 'wait' },
  );
  let subtype: Promise<number> | undefined;
  /** The `mail.mt_note` subtype id, asked once per connector (a failed lookup is asked again). */
  const noteSubtype = () => {
    subtype ??= noteSubtypeId(ctx).catch((error: unknown) => {
      subtype = undefined;
      throw error;
    });
    return subtype;
  };
  /** Notes of a batch, their pickings resolved first (a bad ref refuses the batch before any call). */
  const batch = (operation: string, entries: readonly (NoteEntry & { text: string })[], op: Options) =>
    run(operation, op, (c) => {
      const notes: PickingNote[] = entries.map((entry) => ({
        pickingId: pickingIdOf(entry.picking, operation, entry.correlationId ?? op.correlationId),
        text: entry.text,
        ...(entry.correlationId === undefined ? {} : { correlationId: entry.correlationId }),
      }));
      return postNotesOnce(c, notes, noteSubtype);
    });
  /** Runs one operation: its Odoo calls carry the caller's signal, its failures are `ConnectorError`s. */
  const run = <T>(operation: string, op: Options, work: (scoped: OdooContext) => Promise<T>) =>
    guard(operation, op.correlationId, () => work(forCall(ctx, op.signal)));
  return {
    system: 'odoo',
    orders: {
      list: (query = {}, op = {}) => run('orders.list', op, (c) => readOrders(c, query)),
      create: (order, op) =>
        run('orders.create', op, () => createOrderOnce(order, op.correlationId, op.signal)),
      get: (ref, op = {}) => run('orders.get', op, (c) => readOrder(c, ref, op.correlationId)),
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
      recordReleases: (entries, op = {}) =>
        batch(
          'fulfillment.recordReleases',
          entries.map((entry) => ({ ...entry, text: releaseText(entry.ref, entry.handshake, entry.reason) })),
          op,
        ),
      notes: (entries, op = {}) => {
        if (entries.some((entry) => entry.text.trim() === ''))
          return Promise.reject(
            refusal('fulfillment.notes', 'empty_note', 'a note is empty', op.correlationId),
          );
        return batch(
          'fulfillment.notes',
          entries.map((entry) => ({ ...entry, text: `Crossdock: ${entry.text.trim()}` })),
          op,
        );
      },
      closeRest: (picking, reasons, op = {}) =>
        run('fulfillment.closeRest', op, (c) =>
          closeRest(
            c,
            pickingIdOf(picking, 'fulfillment.closeRest', op.correlationId),
            reasons,
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
