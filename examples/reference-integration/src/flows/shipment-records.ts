import type { CursorStore } from '@crossdock/idempotency';

/**
 * What the shipment and tracking flows keep between messages, in the cursor store so every instance
 * sees it (PostgreSQL in production): which picking a request's next shipment goes to, which
 * shipments were applied, what the warehouse decided about the rest, and which picking a tracking
 * number belongs to. Kept here and not read back from Odoo, to spare Odoo RPCs per shipment.
 */

/** A shipment already applied to Odoo: where, and what became of the rest. */
export interface AppliedShipment {
  readonly pickingId: number;
  readonly outcome: 'full' | 'backorder' | 'closed_short' | 'already_done' | 'cancelled';
  readonly backorderId?: number;
  /**
   * False between the Odoo apply and the end of its follow-ups (the backorder's bookkeeping, a late
   * short close, the trackers): a retry after a failure there finishes them. Absent: finished.
   */
  readonly finished?: boolean;
}

/** The picking (and order) a tracking number belongs to. */
export interface TrackingLink {
  readonly pickingId: number;
  readonly requestId: string;
  readonly correlationId: string;
  readonly carrier?: string;
}

type Reasons = Record<string, 'BP' | 'CP' | 'IC'>;

const readJson = async <T>(cursors: CursorStore, name: string): Promise<T | undefined> => {
  const stored = await cursors.get(name);
  return stored === undefined || stored.value === '' ? undefined : (JSON.parse(stored.value) as T);
};

/**
 * The flows' records over a cursor store.
 *
 * @example
 * const records = shipmentRecords(runtime.stores.cursors);
 * await records.linkTracking('1Z999', { pickingId: 21, requestId: 'stock.picking:21', correlationId: 'order:S00042' });
 */
export function shipmentRecords(cursors: CursorStore) {
  return {
    /** The shipment's outcome if it was applied already (a repeat, or the same shipment seen by webhook and poll). */
    applied: (shipmentId: string) => readJson<AppliedShipment>(cursors, `shipment.applied:${shipmentId}`),
    markApplied: (shipmentId: string, applied: AppliedShipment) =>
      cursors.set(`shipment.applied:${shipmentId}`, JSON.stringify(applied)).then(() => undefined),
    /** The open backorder a request's next shipment goes to (the request's own picking when none). */
    openBackorder: async (requestId: string) => {
      const value = (await cursors.get(`shipment.backorder:${requestId}`))?.value;
      return value === undefined || value === '' ? undefined : Number(value);
    },
    setOpenBackorder: (requestId: string, pickingId: number | undefined) =>
      cursors.set(`shipment.backorder:${requestId}`, pickingId === undefined ? '' : String(pickingId)),
    /** The warehouse's decisions on lines it will not ship (a cancelled shipment), by request. */
    shortDecisions: async (requestId: string) =>
      (await readJson<Reasons>(cursors, `shipment.short:${requestId}`)) ?? {},
    addShortDecisions: async (requestId: string, reasons: Reasons) => {
      const current = (await readJson<Reasons>(cursors, `shipment.short:${requestId}`)) ?? {};
      await cursors.set(`shipment.short:${requestId}`, JSON.stringify({ ...current, ...reasons }));
    },
    linkTracking: (trackingNumber: string, link: TrackingLink) =>
      cursors.set(`tracking.link:${trackingNumber}`, JSON.stringify(link)).then(() => undefined),
    trackingLink: (trackingNumber: string) =>
      readJson<TrackingLink>(cursors, `tracking.link:${trackingNumber}`),
  };
}
