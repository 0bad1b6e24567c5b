import type { Runtime } from '../runtime/runtime.ts';

/** Where an Odoo warehouse's stock goes: the routing target and its main stock location. */
export interface RoutedWarehouse {
  readonly id: number;
  readonly name: string;
  /** `shipbob`, `odoo`, or undefined when the routing names no target for it. */
  readonly target: string | undefined;
  /** The warehouse's `lot_stock_id`: where a count without an Odoo location is booked. */
  readonly stockLocationId: number | undefined;
}

/**
 * A many2one as `[id, name]`, whether the client answers Odoo's `[id, name]` pair or its normalized
 * `{ id, name }`; undefined for `false`.
 *
 * @example m2o({ id: 5, name: 'WH/Stock' }) // [5, 'WH/Stock']
 */
export function m2o(value: unknown): readonly [number, string] | undefined {
  if (Array.isArray(value))
    return typeof value[0] === 'number' ? [value[0], String(value[1] ?? '')] : undefined;
  if (typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'number') {
    const { id, name } = value as { id: number; name?: unknown };
    return [id, String(name ?? '')];
  }
  return undefined;
}

/**
 * The routing target of an Odoo warehouse: by id, then name, then `*` (the same rule as releases,
 * so the stock a warehouse holds is compared with the 3PL its pickings go to).
 *
 * @example targetOfWarehouse({ '1': 'shipbob' }, 1, 'WH') // 'shipbob'
 */
export function targetOfWarehouse(
  routing: Readonly<Record<string, string>>,
  id: number,
  name: string | undefined,
): string | undefined {
  return routing[String(id)] ?? (name === undefined ? undefined : routing[name]) ?? routing['*'];
}

/**
 * Every Odoo warehouse with its routing target and stock location, in one RPC.
 *
 * @example const shipbobWarehouses = (await routedWarehouses(runtime)).filter((w) => w.target === 'shipbob');
 */
export async function routedWarehouses(runtime: Runtime, signal?: AbortSignal): Promise<RoutedWarehouse[]> {
  const rows = await runtime.odooClient.model('stock.warehouse').searchRead({
    fields: ['name', 'lot_stock_id'],
    order: 'id asc',
    ...(signal ? { signal } : {}),
  });
  return rows.map((row) => ({
    id: Number(row.id),
    name: String(row.name ?? ''),
    target: targetOfWarehouse(runtime.config.routing, Number(row.id), String(row.name ?? '')),
    stockLocationId: m2o(row.lot_stock_id)?.[0],
  }));
}

/**
 * The routing target of each Odoo location (through the location's warehouse), in one RPC for all
 * of them. A location outside any warehouse (a transit location) maps to `undefined`.
 *
 * @example const targets = await locationTargets(runtime, [8, 12]); // Map { 8 => 'shipbob', 12 => undefined }
 */
export async function locationTargets(
  runtime: Runtime,
  locationIds: readonly number[],
  signal?: AbortSignal,
): Promise<Map<number, string | undefined>> {
  const targets = new Map<number, string | undefined>();
  if (locationIds.length === 0) return targets;
  const rows = await runtime.odooClient
    .model('stock.location')
    .read([...new Set(locationIds)], { fields: ['warehouse_id'], ...(signal ? { signal } : {}) });
  for (const row of rows) {
    const warehouse = m2o(row.warehouse_id);
    targets.set(
      Number(row.id),
      warehouse === undefined ? undefined : targetOfWarehouse(runtime.config.routing, ...warehouse),
    );
  }
  return targets;
}

/** `stock.location:12` (or `12`) as 12; undefined for anything else. */
export function odooIdOf(ref: string | undefined, model: string): number | undefined {
  if (ref === undefined) return undefined;
  const match = new RegExp(`^(?:${model.replace('.', '\\.')}:)?(\\d+)$`).exec(ref);
  return match ? Number(match[1]) : undefined;
}
