import { reconcile } from '../../flows/reconcile.ts';
import type { DayFacts, Progress } from './facts.ts';
import type { DemoWorld } from './world.ts';

/**
 * The warehouse finds 2 white cups broken and writes them off: ShipBob's count drops, Odoo's does
 * not. The afternoon snapshot compares both, reports the variance and applies it to Odoo (`--apply`),
 * with the reason in the trail.
 */
export async function applyStockVariance(
  world: DemoWorld,
  progress: Progress,
): Promise<DayFacts['variance']> {
  const sku = 'CUP-WHITE';
  const row = world.systems.shipbob.control.changeStock(sku, { delta: -2 });
  const { report, results } = await reconcile(world.service.runtime, { apply: true });
  await world.service.runtime.queue.onIdle();
  const counts = new Map<string, number>();
  for (const line of report.rows) counts.set(line.classification, (counts.get(line.classification) ?? 0) + 1);
  const applied = [...results.values()].filter((result) => result.status === 'applied').length;
  const odooBefore = Number(report.rows.find((line) => line.sku === sku)?.odooOnHand ?? Number.NaN);
  progress(
    `stock variance: ShipBob wrote off 2 ${sku}; the snapshot compared ${report.rows.length} rows (${[...counts].map(([kind, n]) => `${n} ${kind}`).join(', ')}), ${applied} adjustment applied to Odoo`,
  );
  return { sku, odooBefore, warehouse: row.total_on_hand_quantity };
}
