import { type ReconcileResult, type RowResult, reconcile } from '../flows/reconcile.ts';
import { renderReport, rowKey } from '../flows/reconcile-print.ts';
import type { Command } from './commands.ts';
import { withService } from './session.ts';

/** The ACTION column: what was done (or why nothing was) for each row that is not a match. */
export function actionsOf(result: ReconcileResult, applied: boolean): Map<string, string> {
  const actions = new Map<string, string>();
  for (const row of result.report.rows) {
    const key = rowKey(row);
    const done = result.results.get(key);
    if (done !== undefined) actions.set(key, describeResult(done));
    else if (row.classification === 'variance')
      actions.set(key, applied ? 'not adjusted' : 'report only (--apply adjusts)');
    else if (row.classification === 'timing') actions.set(key, 'wait: in flight');
    else if (row.classification === 'within_tolerance') actions.set(key, 'reported');
  }
  return actions;
}

function describeResult(result: RowResult): string {
  switch (result.status) {
    case 'applied':
      return `adjusted ${result.before} -> ${result.after}`;
    case 'unchanged':
      return 'already adjusted';
    case 'stale':
      return 'refused: Odoo stock moved since the read';
    case 'refused':
      return `refused: ${result.message}`;
    case 'skipped':
      return `not adjusted: ${result.reason}`;
    case 'failed':
      return `failed: ${result.message}`;
  }
}

/** `crossdock reconcile [--apply]`: the variance report; exit 1 while unexplained variances remain. */
export const reconcileCommand: Command = {
  summary:
    'reconcile [--apply]: compare warehouse counts with Odoo and print the variance report; --apply adjusts Odoo (exit 1 while variances remain)',
  options: { apply: { type: 'boolean' } },
  async run(context) {
    const apply = context.flags.apply === true;
    const result = await withService(context.config(), (service) =>
      reconcile(service.runtime, {
        apply,
        onProgress: (p) =>
          context.progress(
            `reconcile: ${p.warehouseLevels} warehouse levels, ${p.odooQuants} Odoo quants, ${p.shipmentsRead} shipments read`,
          ),
      }),
    );
    for (const line of renderReport(result.report, actionsOf(result, apply))) context.out(line);
    context.out(`trace: crossdock trace ${result.correlationId}`);
    return result.remaining > 0 ? 1 : 0;
  },
};
