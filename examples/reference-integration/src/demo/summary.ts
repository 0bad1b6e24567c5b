import type { AuditEntry } from '@crossdock/idempotency';
import { formatEntry } from '../cli/trace.ts';
import { reconcile } from '../flows/reconcile.ts';
import type { DayFacts } from './day/facts.ts';
import type { DemoWorld } from './day/world.ts';

/** One line of the summary: what is checked, what the day expects, what the systems hold now. */
export interface Check {
  readonly name: string;
  readonly expected: string;
  readonly actual: string;
  readonly ok: boolean;
}

type OdooRecord = Record<string, unknown>;

/** The id of a many2one, read as `{ id, name }` (JSON-2) or `[id, name]` (JSON-RPC). */
function idOf(value: unknown): number | undefined {
  if (Array.isArray(value)) return typeof value[0] === 'number' ? value[0] : undefined;
  const id = (value as { id?: unknown } | null)?.id;
  return typeof id === 'number' ? id : undefined;
}

/** The display name of a many2one in either shape. */
function nameOf(value: unknown): string {
  if (Array.isArray(value)) return String(value[1]);
  return String((value as { name?: unknown } | null)?.name ?? '');
}

/** Reads what the checks need from Odoo, through the same client any integration would use. */
function odooReader(world: DemoWorld) {
  const client = world.systems.odooClient;
  const skuById = new Map<number, string>();
  return {
    async picking(id: number): Promise<OdooRecord> {
      const [record] = await client
        .model('stock.picking')
        .read([id], { fields: ['state', 'carrier_tracking_ref', 'name'] });
      return record ?? {};
    },
    /** Pickings whose `field` points at `id`: backorders (`backorder_id`) or returns (`return_id`). */
    async pickingsFrom(field: 'backorder_id' | 'return_id', id: number): Promise<OdooRecord[]> {
      return client
        .model('stock.picking')
        .searchRead({ domain: [[field, '=', id]], fields: ['state', 'name'] });
    },
    /** Done quantity per SKU of a picking's moves (`0` for a move that shipped nothing). */
    async doneBySku(pickingId: number): Promise<Record<string, number>> {
      const moves = await client.model('stock.move').searchRead({
        domain: [['picking_id', '=', pickingId]],
        fields: ['product_id', 'quantity', 'state'],
      });
      const unknown = moves.map((move) => idOf(move.product_id) as number).filter((id) => !skuById.has(id));
      if (unknown.length > 0) {
        const products = await client.model('product.product').read([...new Set(unknown)], {
          fields: ['default_code'],
        });
        for (const product of products) skuById.set(product.id as number, String(product.default_code));
      }
      const done: Record<string, number> = {};
      for (const move of moves) {
        const sku = skuById.get(idOf(move.product_id) as number) ?? '?';
        done[sku] = (done[sku] ?? 0) + (move.state === 'done' ? Number(move.quantity) : 0);
      }
      return done;
    },
    /** Quantity per lot name on a picking's move lines. */
    async lots(pickingId: number): Promise<Record<string, number>> {
      const lines = await client.model('stock.move.line').searchRead({
        domain: [['picking_id', '=', pickingId]],
        fields: ['lot_id', 'quantity'],
      });
      const byLot: Record<string, number> = {};
      for (const line of lines) {
        if (!line.lot_id) continue;
        const lot = nameOf(line.lot_id);
        byLot[lot] = (byLot[lot] ?? 0) + Number(line.quantity);
      }
      return byLot;
    },
    async notes(pickingId: number): Promise<string> {
      const messages = await client.model('mail.message').searchRead({
        domain: [
          ['model', '=', 'stock.picking'],
          ['res_id', '=', pickingId],
        ],
        fields: ['body'],
      });
      return messages.map((message) => String(message.body)).join('\n');
    },
    /** On hand of a SKU in Odoo's internal locations. */
    async onHand(sku: string): Promise<number> {
      const quants = await client.model('stock.quant').searchRead({
        domain: [
          ['product_id.default_code', '=', sku],
          ['location_id.usage', '=', 'internal'],
        ],
        fields: ['quantity'],
      });
      return quants.reduce((sum, quant) => sum + Number(quant.quantity), 0);
    },
  };
}

const show = (record: Readonly<Record<string, number>>): string =>
  Object.entries(record)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}×${value}`)
    .join(', ') || '(none)';

function check(name: string, expected: string, actual: string): Check {
  return { name, expected, actual, ok: expected === actual };
}

/** How often the audit trail of an order says a shipment was written to its picking. */
async function appliedShipments(world: DemoWorld, orderName: string): Promise<number> {
  const entries = await timeline(world, `order:${orderName}`);
  return entries.filter((entry) => entry.action === 'stock.picking.apply_shipment').length;
}

/** Every audit entry of one correlation id, oldest first. */
export async function timeline(world: DemoWorld, correlationId: string): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let after: string | undefined;
  do {
    const page = await world.service.runtime.stores.audit.trace(correlationId, { after });
    entries.push(...page.items);
    after = page.next;
  } while (after !== undefined);
  return entries;
}

/**
 * Checks the end state of the day in Odoo and the fakes against what the day did: every value in
 * `actual` is read back from the systems now, never taken from the day's own report.
 *
 * @example
 * const checks = await checkDay(world, facts);
 * process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
 */
export async function checkDay(world: DemoWorld, facts: DayFacts): Promise<Check[]> {
  const odoo = odooReader(world);
  const { orders } = facts;
  const checks: Check[] = [];

  const pickings = Object.values(orders).map((order) => `stock.picking:${order.pickingId}`);
  const perPicking = pickings.map(
    (reference) =>
      world.systems.shipbob.control.orders().filter((held) => held.reference_id === reference).length,
  );
  checks.push(
    check(
      `${pickings.length} orders released, no ShipBob order created twice`,
      `${pickings.length} × 1`,
      `${perPicking.filter((count) => count > 0).length} × ${Math.max(...perPicking)}`,
    ),
  );

  const lots = orders.lots;
  const lotsPicking = await odoo.picking(lots.pickingId);
  checks.push(
    check(
      `${lots.name} picking done, ${Object.keys(facts.lots).length} lots`,
      `done; ${show(facts.lots)}`,
      `${lotsPicking.state}; ${show(await odoo.lots(lots.pickingId))}`,
    ),
  );
  checks.push(
    check(
      `${lots.name} duplicate webhook applied once`,
      `1 apply; HONEY-500×3, MUG-BLUE×2`,
      `${await appliedShipments(world, lots.name)} apply; ${show(await odoo.doneBySku(lots.pickingId))}`,
    ),
  );

  const partial = orders.partial;
  const backorders = await odoo.pickingsFrom('backorder_id', partial.pickingId);
  const backorderDone = await Promise.all(backorders.map((b) => odoo.doneBySku(b.id as number)));
  checks.push(
    check(
      `backorder of ${partial.name} shipped later`,
      'done TEA-EARL×3; 1 backorder done TEA-EARL×2',
      `${(await odoo.picking(partial.pickingId)).state} ${show(await odoo.doneBySku(partial.pickingId))}; ${backorders.length} backorder ${backorders.map((b) => b.state).join('/')} ${backorderDone.map(show).join(' / ')}`,
    ),
  );

  const short = orders.short;
  const open = (await odoo.pickingsFrom('backorder_id', short.pickingId)).filter((p) => p.state !== 'cancel');
  checks.push(
    check(
      `${short.name} closed short, no backorder`,
      'done MUG-BLUE×1; 0 open backorders',
      `${(await odoo.picking(short.pickingId)).state} ${show(await odoo.doneBySku(short.pickingId))}; ${open.length} open backorders`,
    ),
  );

  const sub = orders.substitution;
  const { ordered, shipped, quantity } = facts.substitution;
  const subOpen = (await odoo.pickingsFrom('backorder_id', sub.pickingId)).filter(
    (p) => p.state !== 'cancel',
  );
  checks.push(
    check(
      `${sub.name} ${shipped} shipped instead of ${ordered}`,
      `done; ${show({ [ordered]: 0, [shipped]: quantity })}; 0 open backorders`,
      `${(await odoo.picking(sub.pickingId)).state}; ${show(await odoo.doneBySku(sub.pickingId))}; ${subOpen.length} open backorders`,
    ),
  );

  const outage = orders.outage;
  const outagePicking = await odoo.picking(outage.pickingId);
  checks.push(
    check(
      `${outage.name} applied once through the Odoo outage`,
      `done, ${facts.tracking.reversed}, 1 apply, retried`,
      `${outagePicking.state}, ${String(outagePicking.carrier_tracking_ref)}, ${await appliedShipments(world, outage.name)} apply, ${facts.outageRetries > 0 ? 'retried' : 'not retried'}`,
    ),
  );

  const inOrderNotes = await odoo.notes(lots.pickingId);
  const scans = (notes: string, number: string) =>
    ['in transit', 'out for delivery', 'delivered'].filter((status) =>
      notes.includes(`${number} (ups): ${status}`),
    );
  checks.push(
    check(
      `${facts.tracking.inOrder} tracked to delivery on ${lots.name}`,
      'in transit, out for delivery, delivered',
      scans(inOrderNotes, facts.tracking.inOrder).join(', ') || '(no scans)',
    ),
  );
  checks.push(
    check(
      `${facts.tracking.reversed} out-of-order scans: older ones dropped`,
      'delivered',
      scans(await odoo.notes(outage.pickingId), facts.tracking.reversed).join(', ') || '(no scans)',
    ),
  );

  const returns = await odoo.pickingsFrom('return_id', lots.pickingId);
  const returnDone = await Promise.all(returns.map((r) => odoo.doneBySku(r.id as number)));
  checks.push(
    check(
      `return ${facts.returned.rma} validated in Odoo`,
      `1 return done ${facts.returned.sku}×${facts.returned.quantity}`,
      `${returns.length} return ${returns.map((r) => r.state).join('/')} ${returnDone.map(show).join(' / ')}`,
    ),
  );

  const lost = orders.lost;
  const lostReturns = await odoo.pickingsFrom('return_id', lost.pickingId);
  checks.push(
    check(
      `${lost.name} lost webhook: shipment polled, return ${facts.poison.rma} validated after replay`,
      'done; 1 return done',
      `${(await odoo.picking(lost.pickingId)).state}; ${lostReturns.length} return ${lostReturns.map((r) => r.state).join('/')}`,
    ),
  );

  const { channel } = facts;
  const channelOrders = await world.systems.odooClient
    .model('sale.order')
    .searchRead({ domain: [['client_order_ref', '=', channel.shopifyOrder]], fields: ['name'] });
  const fulfilled = world.systems.shopify.control.fulfillmentOrder(channel.fulfillmentOrderId);
  checks.push(
    check(
      `Shopify order ${channel.shopifyOrder} → Odoo ${channel.odooOrder}, shipped, fulfilled in Shopify with tracking`,
      `1 Odoo order; done; ${channel.trackingNumber}; CLOSED`,
      `${channelOrders.length} Odoo order; ${(await odoo.picking(channel.pickingId)).state}; ${fulfilled?.fulfillments.map((f) => f.number).join(', ') || '(no fulfillment)'}; ${fulfilled?.status ?? '?'}`,
    ),
  );

  const letters = (await world.service.runtime.stores.deadLetters.list()).items;
  const count = (status: string) => letters.filter((letter) => letter.status === status).length;
  checks.push(
    check(
      'dead letters replayed after the fix',
      '1 replayed, 0 pending',
      `${count('replayed')} replayed, ${count('pending')} pending`,
    ),
  );

  const { sku, warehouse } = facts.variance;
  checks.push(
    check(
      `quant of ${sku} = ${warehouse} after the variance was applied`,
      String(warehouse),
      String(await odoo.onHand(sku)),
    ),
  );

  const { report } = await reconcile(world.service.runtime);
  const unmatched = report.rows.filter((row) => row.classification !== 'match');
  checks.push(
    check(
      'Odoo stock matches ShipBob for every SKU',
      `${report.rows.length} of ${report.rows.length} match`,
      `${report.rows.length - unmatched.length} of ${report.rows.length} match${unmatched.length > 0 ? ` (${unmatched.map((row) => `${row.sku} ${row.classification}`).join(', ')})` : ''}`,
    ),
  );
  return checks;
}

/** The summary as a table, one check a row, ✓ or ✗ last. */
export function formatChecks(checks: readonly Check[]): string[] {
  const header = { name: 'check', expected: 'expected', actual: 'actual' };
  const width = (key: keyof typeof header) =>
    Math.max(header[key].length, ...checks.map((c) => c[key].length));
  const [name, expected, actual] = [width('name'), width('expected'), width('actual')];
  const row = (c: { name: string; expected: string; actual: string }, mark: string) =>
    `${c.name.padEnd(name)}  ${c.expected.padEnd(expected)}  ${c.actual.padEnd(actual)}  ${mark}`;
  const rule = '-'.repeat(name + expected + actual + 9);
  return [
    row(header, ''),
    rule,
    ...checks.map((c) => row(c, c.ok ? '✓' : '✗')),
    rule,
    `${checks.filter((c) => c.ok).length} of ${checks.length} checks passed`,
  ];
}

/** The timeline of one order, as `crossdock trace` prints it. */
export async function traceLines(world: DemoWorld, correlationId: string): Promise<string[]> {
  return (await timeline(world, correlationId)).map(formatEntry);
}
