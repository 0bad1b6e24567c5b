import { decimal, type ShipmentContent } from '@crossdock/canonical';
import { x2many } from '@crossdock/odoo-client';
import type { OdooContext } from './context.js';
import { ids, m2oId, type OdooRecord, unique } from './records.js';
import { recordShape } from './shape.js';

/** What one move line ships: a quantity, from a lot (a serial is a lot of one) and into a package. */
export interface LinePart {
  readonly lot?: string;
  readonly pkg?: string;
  quantity: string;
}

/** The parts of a move, by lot and package. */
export type LineParts = Map<string, LinePart>;

/** One move's share of a shipment: its quantity and how it splits into move lines. */
export interface MovePlan {
  quantity: string;
  parts: LineParts;
}

/** Adds what a content ships: one part per serial (quantity 1), else one for its lot and package. */
export function addParts(target: LineParts, content: ShipmentContent): void {
  const pkg = content.packageId;
  const parts: LinePart[] =
    content.serials.length > 0
      ? content.serials.map((lot) => ({ lot, ...(pkg === undefined ? {} : { pkg }), quantity: '1' }))
      : [
          {
            ...(content.lot ? { lot: content.lot.number } : {}),
            ...(pkg === undefined ? {} : { pkg }),
            quantity: content.quantity,
          },
        ];
  for (const part of parts) {
    const key = `${part.lot ?? ''}\u0000${part.pkg ?? ''}`;
    const held = target.get(key);
    if (held) held.quantity = decimal.add(held.quantity, part.quantity);
    else target.set(key, { ...part });
  }
}

/** Whether a plan needs move lines of its own (a lot or a package); else the move's quantity says it all. */
function needsLines(plan: MovePlan): boolean {
  return [...plan.parts.values()].some((part) => part.lot !== undefined || part.pkg !== undefined);
}

/**
 * The `move_ids` commands that write each plan on its move, for one `stock.picking` write: the
 * quantity and `picked` (`Command.update`), or, when lots or packages are involved, the move's lines
 * replaced by one line per lot and package (`Command.delete` of each old line, then `Command.create`;
 * not `Command.clear`, which on this one2many would only detach the lines: `move_id` is not
 * `ondelete='cascade'`). Lots and packages are found by name or created first, each in one search
 * and at most one create.
 *
 * @example await client.model('stock.picking').write([21], { move_ids: await moveCommands(ctx, plans) });
 */
export async function moveCommands(ctx: OdooContext, plans: Map<OdooRecord, MovePlan>): Promise<unknown[]> {
  const lined = [...plans.entries()].filter(([, plan]) => needsLines(plan));
  const lotIds = await ensureLots(
    ctx,
    lined.map(
      ([move, plan]) =>
        [m2oId(move.product_id) ?? 0, unique([...plan.parts.values()].map((p) => p.lot))] as const,
    ),
  );
  const packageIds = await ensurePackages(
    ctx,
    unique(lined.flatMap(([, plan]) => [...plan.parts.values()].map((p) => p.pkg))),
  );
  return [...plans].map(([move, plan]) => {
    if (!needsLines(plan))
      return x2many.update(move.id as number, { quantity: Number(plan.quantity), picked: true });
    const productId = m2oId(move.product_id) ?? 0;
    return x2many.update(move.id as number, {
      move_line_ids: [
        ...ids(move.move_line_ids).map((lineId) => x2many.delete(lineId)),
        ...[...plan.parts.values()].map((part) =>
          x2many.create({
            ...(part.lot === undefined ? {} : { lot_id: lotIds.get(`${productId}\u0000${part.lot}`) }),
            ...(part.pkg === undefined ? {} : { result_package_id: packageIds.get(part.pkg) }),
            quantity: Number(part.quantity),
            picked: true,
          }),
        ),
      ],
    });
  });
}

const LOT = recordShape('stock.lot', { name: 'text!', product_id: 'm2o!' });
const PACKAGE = recordShape('stock.quant.package', { name: 'text!' });

/** Finds `stock.lot`s by name and product, creating the missing ones; keys are `productId\0name`. */
async function ensureLots(
  ctx: OdooContext,
  wanted: readonly (readonly [number, readonly string[]])[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  const names = unique(wanted.flatMap(([, lots]) => lots));
  if (names.length === 0) return found;
  const lotModel = ctx.client.model('stock.lot');
  const existing = LOT.check(
    await lotModel.searchRead({
      domain: [
        ['product_id', 'in', unique(wanted.map(([product]) => product))],
        ['name', 'in', names],
      ],
      fields: LOT.fields,
    }),
  );
  for (const lot of existing)
    found.set(`${String(m2oId(lot.product_id))}\u0000${String(lot.name)}`, lot.id as number);
  const missing = wanted.flatMap(([product, lots]) =>
    lots
      .filter((name) => !found.has(`${product}\u0000${name}`))
      .map((name) => ({ product_id: product, name })),
  );
  if (missing.length > 0) {
    const created = await lotModel.create(missing);
    for (const [index, lot] of missing.entries()) {
      found.set(`${lot.product_id}\u0000${lot.name}`, created[index] as number);
    }
  }
  return found;
}

/**
 * Finds packages by name, creating the missing ones: `stock.quant.package` up to 18, `stock.package`
 * from 19 (renamed).
 */
async function ensurePackages(ctx: OdooContext, names: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (names.length === 0) return found;
  const packages = ctx.client.model((await ctx.major()) >= 19 ? 'stock.package' : 'stock.quant.package');
  const existing = PACKAGE.check(
    await packages.searchRead({
      domain: [['name', 'in', [...names]]],
      fields: PACKAGE.fields,
      order: 'id asc',
    }),
  );
  for (const pkg of existing) if (!found.has(String(pkg.name))) found.set(String(pkg.name), pkg.id as number);
  const missing = names.filter((name) => !found.has(name));
  if (missing.length > 0) {
    const created = await packages.create(missing.map((name) => ({ name })));
    for (const [index, name] of missing.entries()) found.set(name, created[index] as number);
  }
  return found;
}
