import { type ExternalRef, type Return, ReturnSchema } from '@crossdock/canonical';
import type { Page } from '../contract/capabilities.js';
import type { OperationOptions } from '../contract/operation.js';
import { shipbobError } from './errors.js';
import { type CallInit, call, failure, type ShipBobHttp, send, toCanonical, validate } from './http.js';
import { requestedAction, returnState, toReturn } from './map.js';
import {
  VendorInventoryPageSchema,
  type VendorReturn,
  VendorReturnPageSchema,
  VendorReturnSchema,
} from './schemas.js';

/** ShipBob's limit on a return's `reference_id`. */
const MAX_REFERENCE = 50;

/** The returns capability of the ShipBob connector. */
export interface ShipBobReturns {
  /**
   * Creates a ShipBob return order for `ret`, keyed by its RMA (ShipBob's `reference_id`): a return
   * that already exists is answered, not created again (`existing: true`).
   */
  create(
    ret: Return,
    options: OperationOptions,
  ): Promise<{ readonly ref: ExternalRef; readonly existing: boolean }>;
  /** Return orders created on or after `since`, oldest first, cursor-paged. */
  list(
    query: { readonly since?: string; readonly cursor?: string },
    options: OperationOptions,
  ): Promise<Page<Return>>;
}

interface ReturnsDeps {
  readonly http: ShipBobHttp;
  readonly pageSize: number;
  readonly fulfillmentCenterId: number | undefined;
}

const at = (op: OperationOptions) => ({
  correlationId: op.correlationId,
  ...(op.signal === undefined ? {} : { signal: op.signal }),
});

function refused(operation: string, vendorCode: string, message: string, op: OperationOptions): never {
  throw shipbobError({ operation, message, vendorCode, correlationId: op.correlationId, executed: 'no' });
}

const returnRef = (ret: Pick<VendorReturn, 'id'>): ExternalRef => ({ system: 'shipbob', id: String(ret.id) });

/** The `Cursor` of a ShipBob next-page URL. */
export function cursorOf(next: string | null | undefined, baseUrl: string): string | undefined {
  if (!next) return undefined;
  return new URL(next, baseUrl).searchParams.get('Cursor') ?? undefined;
}

/**
 * Returns over ShipBob's Returns API: `POST /return` (after looking the RMA up, and again on a 422,
 * so a repeated create answers the existing return) and `GET /return` (cursor-paged).
 */
export function shipbobReturns(deps: ReturnsDeps): ShipBobReturns {
  const { http } = deps;

  async function findByRma(rma: string, operation: string, op: OperationOptions) {
    const page = await call(
      http,
      { operation, method: 'GET', path: '/return', query: { ReferenceIds: rma, Limit: '10' }, ...at(op) },
      VendorReturnPageSchema,
    );
    return page.items.find((ret) => ret.reference_id === rma);
  }

  /** Inventory ids by sku: from a `shipbob` item ref when the line has one, else from inventory levels. */
  async function inventoryIds(ret: Return, operation: string, op: OperationOptions) {
    const ids = new Map<string, number>();
    for (const line of ret.lines) {
      const ref = line.item.refs.find((candidate) => candidate.system === 'shipbob');
      if (ref && /^\d+$/.test(ref.id)) ids.set(line.item.sku, Number(ref.id));
    }
    const missing = [...new Set(ret.lines.map((line) => line.item.sku))].filter((sku) => !ids.has(sku));
    let cursor: string | undefined;
    while (missing.some((sku) => !ids.has(sku))) {
      const page = await call(
        http,
        {
          operation,
          method: 'GET',
          path: '/inventory-level',
          query: { Skus: missing.join(','), PageSize: String(Math.max(missing.length, 10)), Cursor: cursor },
          ...at(op),
        },
        VendorInventoryPageSchema,
      );
      for (const row of page.items) if (missing.includes(row.sku)) ids.set(row.sku, row.inventory_id);
      cursor = cursorOf(page.next, http.baseUrl);
      if (cursor === undefined) break;
    }
    const unknown = missing.filter((sku) => !ids.has(sku));
    if (unknown.length > 0) {
      refused(operation, 'unknown_sku', `ShipBob has no inventory for ${unknown.join(', ')}`, op);
    }
    return ids;
  }

  /** ShipBob's return body: one entry per inventory item, each with one requested action. */
  function body(ret: Return, centerId: number, ids: ReadonlyMap<string, number>, op: OperationOptions) {
    const operation = 'returns.create';
    const items = new Map<number, { id: number; quantity: number; requested_action: string }>();
    for (const line of ret.lines) {
      const quantity = Number(line.expected);
      if (!Number.isInteger(quantity)) {
        refused(operation, 'invalid_quantity', `line ${line.lineId}: ShipBob returns whole units`, op);
      }
      const id = ids.get(line.item.sku) as number;
      const action = requestedAction(line.disposition);
      const current = items.get(id);
      if (current && current.requested_action !== action) {
        refused(
          operation,
          'conflicting_actions',
          `${line.item.sku}: ShipBob takes one requested action per inventory item`,
          op,
        );
      }
      items.set(id, { id, quantity: (current?.quantity ?? 0) + quantity, requested_action: action });
    }
    return {
      reference_id: ret.rma,
      fulfillment_center: { id: centerId },
      inventory: [...items.values()],
      ...(ret.trackingNumber === undefined ? {} : { tracking_number: ret.trackingNumber }),
      ...(ret.shipmentId !== undefined && /^\d+$/.test(ret.shipmentId)
        ? { original_shipment_id: Number(ret.shipmentId) }
        : {}),
    };
  }

  return {
    async create(ret, op) {
      const operation = 'returns.create';
      const centerId = deps.fulfillmentCenterId;
      if (centerId === undefined) {
        refused(operation, 'not_configured', 'returnsFulfillmentCenterId is not configured', op);
      }
      if (ret.rma.length > MAX_REFERENCE) {
        refused(operation, 'invalid_rma', `ShipBob takes an RMA of at most ${MAX_REFERENCE} characters`, op);
      }
      const found = await findByRma(ret.rma, operation, op);
      if (found) return { ref: returnRef(found), existing: true };
      const ids = await inventoryIds(ret, operation, op);
      const init: CallInit = {
        operation,
        method: 'POST',
        path: '/return',
        body: body(ret, centerId, ids, op),
        ...at(op),
      };
      const raw = await send(http, init);
      if (raw.status === 422) {
        // ShipBob answers a duplicate reference_id with 422: the return exists, answer it.
        const existing = await findByRma(ret.rma, operation, op);
        if (!existing) failure(http, init, raw, ret.rma);
        return { ref: returnRef(existing), existing: true };
      }
      if (raw.status < 200 || raw.status >= 300) failure(http, init, raw, ret.rma);
      const created = validate(VendorReturnSchema, raw.json, init, 'yes');
      return { ref: returnRef(created), existing: false };
    },

    async list(query, op) {
      const init: CallInit = {
        operation: 'returns.list',
        method: 'GET',
        path: '/return',
        query: { Limit: String(deps.pageSize), Cursor: query.cursor, StartDate: query.since },
        ...at(op),
      };
      const page = await call(http, init, VendorReturnPageSchema);
      const items = page.items.map((ret, index) => {
        const state = returnState(ret.status);
        if (state === undefined) {
          throw shipbobError({
            operation: init.operation,
            correlationId: init.correlationId,
            message: `unexpected ShipBob payload: items[${index}].status: unknown return status "${ret.status}"`,
            vendorCode: 'invalid_payload',
            executed: 'no',
          });
        }
        return toCanonical(ReturnSchema, toReturn(ret, state), init);
      });
      const next = cursorOf(page.next, http.baseUrl);
      return next === undefined ? { items } : { items, next };
    },
  };
}
