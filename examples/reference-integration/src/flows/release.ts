import { createEvent, decimal, type FulfillmentRequest } from '@crossdock/canonical';
import { retry } from '@crossdock/idempotency';
import { picking } from '../runtime/audit.ts';
import { orderCorrelationId } from '../runtime/correlation.ts';
import { PRIORITY } from '../runtime/priorities.ts';
import type { Runtime, StepHandler } from '../runtime/runtime.ts';
import { queueReleaseCancel } from './cancel.ts';
import { type ReleaseRecord, releaseRecords } from './release-records.ts';

/** The cursor of the Odoo read: `(write_date, id)` of the last picking handled. */
export const RELEASE_CURSOR = 'odoo.fulfillment.requests';

/** What one pass over Odoo did, for the progress line and `release --once`. */
export interface ReleaseReport {
  pages: number;
  read: number;
  queued: number;
  released: number;
  notReady: number;
  keptInOdoo: number;
  skipped: number;
  deadLettered: number;
  /** Released requests Odoo cancelled since: their warehouse cancellation was queued. */
  cancelled: number;
  /** Ready requests released by an earlier pass (the last page is read again until it fills). */
  alreadyReleased: number;
}

/** The warehouse target of a request: routing by Odoo warehouse id, then name, then `*`. */
export function routeOf(
  routing: Readonly<Record<string, string>>,
  request: FulfillmentRequest,
): string | undefined {
  const id = request.warehouse.id.replace(/^stock\.warehouse:/, '');
  return (
    routing[id] ??
    (request.warehouse.name === undefined ? undefined : routing[request.warehouse.name]) ??
    routing['*']
  );
}

/**
 * Open (something left to ship) and ready (every open quantity reserved in Odoo): a picking still
 * waiting for stock is not released, so the warehouse is never asked for goods Odoo does not have.
 */
export function isReady(request: FulfillmentRequest): boolean {
  let open = false;
  for (const { ledger } of request.lines) {
    const remaining = decimal.sub(decimal.sub(ledger.ordered, ledger.shipped), ledger.cancelled);
    if (decimal.isZero(remaining)) continue;
    open = true;
    if (decimal.lt(ledger.allocated, remaining)) return false;
  }
  return open;
}

const pickingIdOf = (request: FulfillmentRequest): number =>
  Number(request.id.replace(/^stock\.picking:/, ''));

/**
 * Reads Odoo from the stored cursor, page by page, queues a release for every ready request, waits
 * for the page's releases to finish (released or dead-lettered) and only then moves the cursor, so a
 * crash re-reads the page instead of skipping it (releasing twice is refused by the warehouse's
 * natural key).
 *
 * @example
 * const report = await pollReleases(runtime, { signal, onProgress: (r) => process.stderr.write(`\rreleased ${r.released}`) });
 */
export async function pollReleases(
  runtime: Runtime,
  options: {
    readonly signal?: AbortSignal;
    readonly pageSize?: number;
    readonly onProgress?: (report: ReleaseReport) => void;
  } = {},
): Promise<ReleaseReport> {
  const report: ReleaseReport = {
    pages: 0,
    read: 0,
    queued: 0,
    released: 0,
    notReady: 0,
    keptInOdoo: 0,
    skipped: 0,
    deadLettered: 0,
    cancelled: 0,
    alreadyReleased: 0,
  };
  for (;;) {
    options.signal?.throwIfAborted();
    const cursor = await runtime.stores.cursors.get(RELEASE_CURSOR);
    const page = await runtime.odoo.fulfillment.requests(
      { ...(cursor === undefined ? {} : { cursor: cursor.value }), pageSize: options.pageSize ?? 100 },
      { correlationId: 'crossdock.release.poll', ...(options.signal ? { signal: options.signal } : {}) },
    );
    report.pages++;
    report.read += page.items.length;
    for (const skipped of page.skipped) {
      report.skipped++;
      // Nothing is lost: a record Crossdock cannot express waits in the dead-letter store.
      await runtime.stores.deadLetters.record({
        key: `odoo.skipped:${skipped.ref.id}`,
        source: 'crossdock.release.read',
        payload: skipped,
        error: new Error(skipped.reason),
        correlationId: `odoo:${skipped.ref.id}`,
      });
    }
    const pending: Promise<void>[] = [];
    // Released requests of this page whose note is not on the picking yet, posted together below.
    const unnoted: { request: FulfillmentRequest; correlationId: string }[] = [];
    for (const request of page.items) {
      const correlationId = orderCorrelationId(request);
      const target = routeOf(runtime.config.routing, request);
      if (target === undefined || target === 'odoo') {
        report.keptInOdoo++;
        continue;
      }
      if (request.handshake === 'cancel_accepted') {
        // Cancelled in Odoo after it was released: cancel it at the warehouse, ahead of everything else.
        if (await queueReleaseCancel(runtime, request.id, correlationId)) report.cancelled++;
        continue;
      }
      if (!isReady(request)) {
        report.notReady++;
        continue;
      }
      // Already released (this page is being read again): no call to the warehouse at all; only the
      // note, if a crash came between the release and the note.
      const released = await releaseRecords(runtime.stores.cursors).get(request.id);
      if (released !== undefined) {
        report.alreadyReleased++;
        if (!released.noted) unnoted.push({ request, correlationId });
        continue;
      }
      await runtime.correlations.remember(request.id, correlationId);
      const queued = await runtime.queue.enqueue({
        kind: 'release',
        payload: { request, target },
        correlationId,
        key: `release:${request.id}`,
        priority: PRIORITY.release,
      });
      report.queued++;
      pending.push(
        queued.done.then((outcome) => {
          if (outcome.status === 'completed') {
            report.released++;
            unnoted.push({ request, correlationId });
          } else report.deadLettered++;
          options.onProgress?.(report);
        }),
      );
    }
    await Promise.all(pending);
    await noteReleases(runtime, unnoted, options.signal);
    if (page.next === undefined) return report;
    await runtime.stores.cursors.set(RELEASE_CURSOR, page.next, { expectedVersion: cursor?.version ?? 0 });
    options.onProgress?.(report);
  }
}

/**
 * Notes the warehouse's reference and answer on each released picking in two Odoo calls for the
 * whole page (the read of existing notes and one create), so releasing costs a constant number of
 * Odoo RPCs per page. A picking that already has its note is not noted twice.
 */
async function noteReleases(
  runtime: Runtime,
  unnoted: readonly { request: FulfillmentRequest; correlationId: string }[],
  signal: AbortSignal | undefined,
): Promise<void> {
  const records = releaseRecords(runtime.stores.cursors);
  const entries: { request: FulfillmentRequest; correlationId: string; record: ReleaseRecord }[] = [];
  for (const { request, correlationId } of unnoted) {
    const record = await records.get(request.id);
    if (record === undefined || record.noted) continue;
    entries.push({ request, correlationId, record });
  }
  if (entries.length === 0) return;
  // Safe to repeat: the batch reads the pickings' notes first and creates only the missing ones.
  await retry(
    () =>
      runtime.odoo.fulfillment.recordReleases(
        entries.map(({ request, correlationId, record }) => ({
          picking: pickingIdOf(request),
          ref: record.ref,
          handshake: record.handshake,
          correlationId,
        })),
        { correlationId: 'crossdock.release.notes', ...(signal ? { signal } : {}) },
      ),
    { retries: 4, baseDelayMs: 200, ...(signal ? { signal } : {}) },
  );
  for (const { request, correlationId, record } of entries) {
    await records.set(request.id, { ...record, noted: true });
    await runtime.audit.outbound(correlationId, 'crossdock.release', 'stock.picking.note', {
      subject: picking(pickingIdOf(request)),
      after: { ref: record.ref, handshake: record.handshake },
    });
  }
}

/**
 * Releases one request to its warehouse (once per request, whatever the retries: the key is the
 * request id) and records the warehouse's reference; the poll notes it on the picking with the page.
 */
export const releaseStep: StepHandler = async (runtime, payload, { correlationId, signal }) => {
  const { request, target } = payload as { request: FulfillmentRequest; target: 'shipbob' };
  const warehouse = runtime.warehouses[target];
  const subject = picking(pickingIdOf(request));
  await runtime.audit.decision(correlationId, 'crossdock.release', 'release.routed', {
    subject,
    detail: { target, warehouse: request.warehouse.id },
  });
  const result = await warehouse.fulfillment.release(request, {
    correlationId,
    idempotencyKey: `release:${request.id}`,
    signal,
  });
  await runtime.audit.outbound(correlationId, 'crossdock.release', `${target}.order.create`, {
    subject,
    after: { ref: result.ref, handshake: result.handshake, existing: result.existing },
  });
  await releaseRecords(runtime.stores.cursors).set(request.id, {
    target,
    ref: result.ref,
    handshake: result.handshake,
    noted: false,
  });
  if (result.handshake === 'accepted') {
    runtime.events.publish(
      createEvent(
        'crossdock.fulfillment.release_acknowledged.v1',
        { requestId: request.id, externalRef: result.ref, handshake: 'accepted' },
        {
          source: `/crossdock/${target}`,
          correlationId,
          subject: request.id,
          idempotencyKey: `release:${request.id}`,
        },
      ),
    );
  }
};
