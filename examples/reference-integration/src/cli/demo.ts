import { runDay, startDemoWorld } from '../demo/day.ts';
import { checkDay, formatChecks, traceLines } from '../demo/summary.ts';
import type { Command } from './commands.ts';

/**
 * The embedded demo, end to end: fakes on loopback, the service on in-memory stores, a scripted day,
 * the summary table read back from Odoo and the fakes, and one order's timeline. Answers the exit
 * code: 0 when every check holds, 1 when one does not (or the day could not run).
 *
 * @example
 * process.exitCode = await runDemo((line) => console.log(line));
 */
export async function runDemo(out: (line: string) => void): Promise<number> {
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1).padStart(5)}s`;
  out('crossdock demo: fake Odoo 19, ShipBob, EasyPost and Shopify on loopback; in-memory stores');
  const world = await startDemoWorld();
  try {
    out(`${elapsed()}  service listening on ${world.service.url()}; products seeded in Odoo and at ShipBob`);
    const facts = await runDay(world, (line) => out(`${elapsed()}  ${line}`));
    out('');
    const checks = await checkDay(world, facts);
    for (const line of formatChecks(checks)) out(line);
    const traced = `order:${facts.orders.lots.name}`;
    out('');
    out(`crossdock trace ${traced}`);
    for (const line of await traceLines(world, traced)) out(`  ${line}`);
    out('');
    out(`done in ${elapsed().trim()}`);
    return checks.every((c) => c.ok) ? 0 : 1;
  } finally {
    await world.close();
  }
}

export const demoCommand: Command = {
  summary: 'demo: the embedded demo (no configuration): fakes on loopback, a scripted day, a checked summary',
  run: (context) => runDemo((line) => context.out(line)),
};
