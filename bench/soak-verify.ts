// The soak bench's end-state checks, read from the fakes (the fake Odoo's engine, ShipBob's and
// EasyPost's control APIs) and the service's dead-letter store: zero lost, zero duplicated effects.
import type { EmbeddedSystems } from '@crossdock/reference-integration/src/demo/environment.ts';
import type { Runtime } from '@crossdock/reference-integration/src/runtime/runtime.ts';
import { SOAK_PRODUCTS, type SoakOrder } from './soak-seed.ts';

/** How an order is shipped: in full, 1 of 2 mugs then the backorder, or 1 of 2 mugs closed short. */
export type Plan = 'full' | 'partial' | 'short';

/** One check's verdict. */
export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** What the drive did, to compare with what the fakes hold. */
export interface Driven {
  readonly orders: readonly SoakOrder[];
  readonly plans: readonly Plan[];
  /** Every tracking number a shipment carried. */
  readonly trackingNumbers: readonly string[];
}

type Row = Record<string, unknown> & { id: number };

const idOf = (value: unknown): number | undefined =>
  Array.isArray(value) ? (value[0] as number) : typeof value === 'number' ? value : undefined;

function read(systems: EmbeddedSystems, model: string, domain: unknown[], fields: string[]): Row[] {
  return systems.odoo.engine.execute({
    model,
    method: 'search_read',
    style: 'named',
    args: [],
    kwargs: { domain, fields },
    uid: 2,
  }) as Row[];
}

const check = (name: string, problems: readonly string[], detail: string): Check => ({
  name,
  ok: problems.length === 0,
  detail:
    problems.length === 0 ? detail : `${problems.length} wrong, e.g. ${problems.slice(0, 3).join('; ')}`,
});

/** Every check of the end state. */
export async function verify(systems: EmbeddedSystems, runtime: Runtime, driven: Driven): Promise<Check[]> {
  const checks: Check[] = [];
  const { orders, plans } = driven;

  // Released exactly once: one ShipBob order per picking, none for anything else.
  const references = systems.shipbob.control.orders().map((order) => order.reference_id);
  const expected = new Set(orders.map((order) => `stock.picking:${order.pickingId}`));
  const counted = new Map<string, number>();
  for (const reference of references) counted.set(reference, (counted.get(reference) ?? 0) + 1);
  const releaseProblems = [
    ...[...expected].filter((ref) => !counted.has(ref)).map((ref) => `${ref} not released`),
    ...[...counted].filter(([, n]) => n > 1).map(([ref, n]) => `${ref} released ${n} times`),
    ...[...counted.keys()].filter((ref) => !expected.has(ref)).map((ref) => `${ref} is not a soak order`),
  ];
  checks.push(
    check(
      'each order released once',
      releaseProblems,
      `${counted.size} ShipBob orders, ${references.length} reference_ids unique`,
    ),
  );

  // Each shipment applied once: done quantities per order exactly what shipped, nothing left open
  // but what was planned (none: partials ship their backorder, shorts close it).
  const saleIds = orders.map((order) => order.orderId);
  const pickings = read(
    systems,
    'stock.picking',
    [['sale_id', 'in', saleIds]],
    ['sale_id', 'state', 'backorder_id'],
  );
  const moves = read(
    systems,
    'stock.move',
    [['picking_id', 'in', pickings.map((p) => p.id)]],
    ['picking_id', 'product_id', 'quantity', 'state'],
  );
  const products = read(
    systems,
    'product.product',
    [['default_code', 'in', Object.values(SOAK_PRODUCTS)]],
    ['default_code'],
  );
  const skuOf = new Map(products.map((p) => [p.id, String(p.default_code)]));
  const saleOf = new Map(pickings.map((p) => [p.id, idOf(p.sale_id) as number]));
  const byOrder = new Map<number, { states: string[]; done: Record<string, number>; open: number }>();
  for (const p of pickings) {
    const sale = idOf(p.sale_id) as number;
    const entry = byOrder.get(sale) ?? { states: [], done: {}, open: 0 };
    entry.states.push(String(p.state));
    byOrder.set(sale, entry);
  }
  for (const move of moves) {
    const entry = byOrder.get(saleOf.get(idOf(move.picking_id) as number) as number);
    if (move.state !== 'done') {
      // Nothing may be left waiting: every unit shipped, or cancelled by a short close.
      if (entry && move.state !== 'cancel') entry.open++;
      continue;
    }
    const sku = skuOf.get(idOf(move.product_id) as number) as string;
    if (entry) entry.done[sku] = (entry.done[sku] ?? 0) + Number(move.quantity);
  }
  const shipProblems: string[] = [];
  const shapeProblems: string[] = [];
  orders.forEach((order, index) => {
    const plan = plans[index] as Plan;
    const entry = byOrder.get(order.orderId);
    const mugs = entry?.done[SOAK_PRODUCTS.mug] ?? 0;
    const teas = entry?.done[SOAK_PRODUCTS.tea] ?? 0;
    const want = plan === 'short' ? 1 : 2;
    if (mugs !== want || teas !== 1)
      shipProblems.push(
        `order ${order.orderId} (${plan}) done ${mugs} mugs ${teas} tea, expected ${want} and 1`,
      );
    const states = [...(entry?.states ?? [])].sort().join(',');
    // A short close is one done picking (the cancellation came first: the rest closed in the same
    // validation) or a done picking and its cancelled backorder (it came after).
    const shapes = { full: ['done'], partial: ['done,done'], short: ['done', 'cancel,done'] }[plan];
    const shape = shapes.join(' or ');
    if (!shapes.includes(states) || (entry?.open ?? 0) > 0)
      shapeProblems.push(
        `order ${order.orderId} (${plan}) pickings ${states} (${entry?.open ?? 0} open moves), expected ${shape}`,
      );
  });
  checks.push(
    check(
      'each shipment applied once (done quantities)',
      shipProblems,
      `${orders.length} orders: done quantities exactly as shipped`,
    ),
  );
  checks.push(
    check(
      'backorders shipped, short closes closed',
      shapeProblems,
      `no open move; full: 1 done; partial: done + backorder done; short: done (+ backorder cancelled)`,
    ),
  );

  // One tracker per tracking number, each delivered.
  const trackers = systems.easypost.control.trackers();
  const perCode = new Map<string, { n: number; status: string }>();
  for (const tracker of trackers) {
    const seen = perCode.get(tracker.tracking_code);
    perCode.set(tracker.tracking_code, { n: (seen?.n ?? 0) + 1, status: String(tracker.status) });
  }
  const trackerProblems = driven.trackingNumbers.flatMap((code) => {
    const seen = perCode.get(code);
    if (seen === undefined) return [`${code} has no tracker`];
    if (seen.n > 1) return [`${code} has ${seen.n} trackers`];
    return seen.status === 'delivered' ? [] : [`${code} is ${seen.status}`];
  });
  if (trackers.length !== driven.trackingNumbers.length)
    trackerProblems.push(`${trackers.length} trackers for ${driven.trackingNumbers.length} tracking numbers`);
  checks.push(
    check('one tracker per tracking number, delivered', trackerProblems, `${trackers.length} trackers`),
  );

  // Notes: one release note per order's picking, one delivered note per tracking number.
  const messages = read(
    systems,
    'mail.message',
    [
      ['model', '=', 'stock.picking'],
      ['res_id', 'in', pickings.map((p) => p.id)],
    ],
    ['res_id', 'body'],
  );
  const delivered = new Map<string, number>();
  const released = new Map<number, number>();
  for (const message of messages) {
    const body = String(message.body);
    const scan = /tracking (\S+) \([^)]*\): delivered/.exec(body);
    if (scan) delivered.set(scan[1] as string, (delivered.get(scan[1] as string) ?? 0) + 1);
    if (/ShipBob/.test(body) && /released/i.test(body))
      released.set(Number(message.res_id), (released.get(Number(message.res_id)) ?? 0) + 1);
  }
  const noteProblems = [
    ...driven.trackingNumbers
      .filter((code) => delivered.get(code) !== 1)
      .map((code) => `${code}: ${delivered.get(code) ?? 0} delivered notes`),
    ...orders
      .filter((order) => released.get(order.pickingId) !== 1)
      .map(
        (order) => `stock.picking:${order.pickingId}: ${released.get(order.pickingId) ?? 0} release notes`,
      ),
  ];
  checks.push(
    check(
      'release and delivered notes once each',
      noteProblems,
      `${orders.length} release notes, ${delivered.size} delivered notes`,
    ),
  );

  const dead = await runtime.stores.deadLetters.list({});
  checks.push(
    check(
      'zero dead letters',
      dead.items.map((item) => `${item.key}: ${item.errors[0]?.message ?? 'no error'}`),
      '0 dead letters',
    ),
  );
  return checks;
}
