import { reconcile } from '../flows/reconcile.ts';
import { SCHEDULES } from '../flows/schedules.ts';
import type { Command } from './commands.ts';
import { withService } from './session.ts';

/**
 * The recurring passes that are not sync: releases have their own command, the inventory snapshot
 * runs last here with its report, and audit retention is housekeeping.
 */
const NOT_SYNC = new Set(['release', 'inventory.snapshot', 'audit.retention']);

/**
 * `crossdock sync --once`: one pass of the polling work (every sync schedule, e.g. the missed-shipment
 * fallback, then the inventory snapshot and its variance report, never applied), progress on
 * stderr, counts at the end. Exit 1 when a pass failed; variances are `reconcile`'s to gate.
 */
export const syncCommand: Command = {
  summary:
    'sync --once: one pass of every polling sync (missed shipments, …) and the inventory snapshot, then exit',
  options: { once: { type: 'boolean' } },
  async run(context) {
    if (context.flags.once !== true) {
      context.out('sync runs inside `crossdock run`; use `crossdock sync --once` for one pass');
      return 2;
    }
    const failed: string[] = [];
    const summary = await withService(context.config(), async (service) => {
      const passes: string[] = [];
      const signal = new AbortController().signal;
      for (const schedule of SCHEDULES.filter((candidate) => !NOT_SYNC.has(candidate.name))) {
        context.progress(`sync: ${schedule.name}…`);
        try {
          await schedule.run(service.runtime, signal);
          passes.push(schedule.name);
          context.progress(`sync: ${schedule.name} done`);
        } catch (error) {
          failed.push(schedule.name);
          context.progress(
            `sync: ${schedule.name} failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      await service.runtime.queue.onIdle();
      const inventory = await reconcile(service.runtime, {
        onProgress: (p) =>
          context.progress(
            `sync: inventory: ${p.warehouseLevels} warehouse levels, ${p.odooQuants} Odoo quants, ${p.shipmentsRead} shipments read`,
          ),
      });
      const queue = service.runtime.queue.stats();
      return {
        passes,
        failed,
        inventory: { ...inventory.report.totals, correlationId: inventory.correlationId },
        completed: queue.completed,
        deadLettered: queue.deadLettered,
      };
    });
    context.out(JSON.stringify(summary));
    return failed.length > 0 || summary.deadLettered > 0 ? 1 : 0;
  },
};
