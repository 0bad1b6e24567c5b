import { createEvent, decimal } from '@crossdock/canonical';
import { PRIORITY } from '../runtime/priorities.ts';
import type { Runtime } from '../runtime/runtime.ts';
import { type AdjustOutcome, type AdjustPayload, adjustKey, takeOutcome } from './reconcile-apply.ts';
import { rowKey } from './reconcile-print.ts';
import { planAdjustment, type VarianceReport, type VarianceRow, varianceReport } from './reconcile-report.ts';
import { readSnapshot, type SnapshotProgress } from './reconcile-snapshot.ts';

/** What happened to a `variance` row when applying. */
export type RowResult =
  | AdjustOutcome
  | { readonly status: 'skipped'; readonly reason: string }
  | { readonly status: 'failed'; readonly message: string };

/** A pass: the report, what applying did per row (`target|sku|lot`), and its correlation id. */
export interface ReconcileResult {
  readonly correlationId: string;
  readonly asOf: string;
  readonly report: VarianceReport;
  readonly results: ReadonlyMap<string, RowResult>;
  /** Variances still unexplained after the pass (not adjusted, refused, stale or failed). */
  readonly remaining: number;
  readonly progress: SnapshotProgress;
}

const ACTOR = 'crossdock.reconcile';

/**
 * One reconciliation: reads both snapshots and what is in flight, computes the variance report,
 * audits every row that is not a match under the pass's correlation id (`reconcile:<time>`), and
 * with `apply` queues an `inventory.adjust` per `variance` row (compare-and-set at snapshot
 * priority, so shipments and releases go first) and waits for them. Without `apply`, variances are
 * raised as exceptions for a person to look at.
 *
 * @example
 * const { report, remaining } = await reconcile(runtime, { apply: true });
 * process.exitCode = remaining > 0 ? 1 : 0;
 */
export async function reconcile(
  runtime: Runtime,
  options: {
    readonly apply?: boolean;
    readonly signal?: AbortSignal;
    readonly onProgress?: (progress: SnapshotProgress) => void;
  } = {},
): Promise<ReconcileResult> {
  const asOf = runtime.now().toISOString();
  const correlationId = `reconcile:${asOf}`;
  const snapshot = await readSnapshot(runtime, {
    correlationId,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  await runtime.audit.inbound(correlationId, ACTOR, 'inventory.snapshot', {
    detail: { ...snapshot.progress },
  });
  const report = varianceReport({ ...snapshot.input, tolerance: String(runtime.config.reconcileTolerance) });
  for (const row of report.rows) {
    if (row.classification === 'match') continue;
    await runtime.audit.decision(correlationId, ACTOR, `inventory.${row.classification}`, {
      subject: { type: 'inventory', id: rowKey(row) },
      detail: describe(row),
    });
  }
  const results = options.apply
    ? await applyVariances(runtime, { correlationId, asOf, report })
    : new Map<string, RowResult>();
  if (!options.apply) {
    for (const row of report.rows)
      if (row.classification === 'variance') raiseVariance(runtime, correlationId, row);
  }
  const remaining = remainingVariances(report, results);
  runtime.log.info('reconciled', { correlationId, ...report.totals, remaining });
  return { correlationId, asOf, report, results, remaining, progress: snapshot.progress };
}

/** Variance rows still unexplained: not adjusted (or already at the count) by `results`. */
export function remainingVariances(report: VarianceReport, results: ReadonlyMap<string, RowResult>): number {
  return report.rows.filter((row) => {
    if (row.classification !== 'variance') return false;
    const result = results.get(rowKey(row));
    return result === undefined || (result.status !== 'applied' && result.status !== 'unchanged');
  }).length;
}

/**
 * Adjusts Odoo for every `variance` row of a report: an `inventory.adjust` job per row (compare-and-
 * set on the on hand the report read, at snapshot priority so shipments and releases go first),
 * then waits for them. A row that cannot be adjusted is audited with the reason and raised.
 *
 * @example const results = await applyVariances(runtime, { correlationId, asOf, report });
 */
export async function applyVariances(
  runtime: Runtime,
  pass: { readonly correlationId: string; readonly asOf: string; readonly report: VarianceReport },
): Promise<Map<string, RowResult>> {
  const { correlationId, asOf, report } = pass;
  const results = new Map<string, RowResult>();
  const pending: Promise<void>[] = [];
  for (const row of report.rows) {
    if (row.classification !== 'variance') continue;
    const plan = planAdjustment(row);
    if (plan.kind === 'skip') {
      results.set(rowKey(row), { status: 'skipped', reason: plan.reason });
      await runtime.audit.decision(correlationId, ACTOR, 'inventory.adjust.skipped', {
        subject: { type: 'inventory', id: rowKey(row) },
        detail: { reason: plan.reason },
      });
      raiseVariance(runtime, correlationId, row);
      continue;
    }
    const payload: AdjustPayload = {
      target: row.target,
      adjustment: {
        mode: 'set',
        idempotencyKey: `${correlationId}:${rowKey(row)}`,
        sku: row.sku,
        location: {
          id: plan.quant.location,
          refs: [{ system: 'odoo', id: `stock.location:${plan.quant.locationId}` }],
        },
        ...(plan.quant.lot === undefined ? {} : { lot: { number: plan.quant.lot } }),
        uom: plan.quant.uom,
        reason: 'cycle_count',
        note: `Crossdock reconcile ${asOf}: ${row.target} counts ${row.warehouseOnHand}, Odoo had ${row.odooOnHand}${
          decimal.isZero(row.timing) ? '' : ` (${row.timing} in flight)`
        }`,
        requestedAt: asOf,
        refs: [],
        expected: plan.expected,
        quantity: plan.quantity,
      },
    };
    const key = adjustKey(payload.adjustment);
    const queued = await runtime.queue.enqueue({
      kind: 'inventory.adjust',
      payload,
      correlationId,
      key,
      priority: PRIORITY.snapshot,
    });
    pending.push(
      queued.done.then((outcome) => {
        results.set(
          rowKey(row),
          outcome.status === 'completed'
            ? (takeOutcome(runtime, key) ?? { status: 'failed', message: 'no outcome recorded' })
            : {
                status: 'failed',
                message: `${outcome.status}: ${'error' in outcome ? String(outcome.error) : 'dropped'}`,
              },
        );
      }),
    );
  }
  await Promise.all(pending);
  return results;
}
/** A row's numbers for the audit trail. */
function describe(row: VarianceRow): Record<string, unknown> {
  const { quants, ...rest } = row;
  return { ...rest, locations: quants.map((quant) => quant.location) };
}

function raiseVariance(runtime: Runtime, correlationId: string, row: VarianceRow): void {
  runtime.events.publish(
    createEvent(
      'crossdock.exception.raised.v1',
      {
        code: 'inventory.variance',
        severity: 'warning',
        message: `${row.sku}: ${row.target} counts ${row.warehouseOnHand}, Odoo has ${row.odooOnHand}, ${row.unexplained} unexplained`,
        entity: { type: 'inventory', id: row.sku },
        details: describe(row),
      },
      {
        source: '/crossdock/reconcile',
        correlationId,
        subject: row.sku,
        idempotencyKey: `${correlationId}:${rowKey(row)}`,
      },
    ),
  );
}
