import { decimal } from '@crossdock/canonical';
import type { Runtime } from '../runtime/runtime.ts';
import { locationTargets, m2o, odooIdOf } from './inventory-locations.ts';
import type {
  InFlightShipment,
  OdooStock,
  OpenReceipt,
  ReconcileInput,
  WarehouseCount,
} from './reconcile-report.ts';

/**
 * How far back warehouse shipments are read to find the ones Odoo has not applied yet. A shipment
 * older than this that Odoo still has not applied is no longer timing: it shows as a variance.
 */
export const IN_FLIGHT_WINDOW_MS = 14 * 86_400_000;

/** Open Odoo move states: a receipt in one of these is not booked yet. */
const OPEN_MOVE_STATES = ['waiting', 'confirmed', 'partially_available', 'assigned'];
/** Picking states in which a confirmed shipment is still to be applied (done: applied; cancel: never will be). */
const PENDING_PICKING_STATES = new Set(['draft', 'waiting', 'confirmed', 'assigned']);

/** Counts for the progress line. */
export interface SnapshotProgress {
  warehouseLevels: number;
  odooQuants: number;
  shipmentsRead: number;
  inFlight: number;
  openReceipts: number;
}

/** The two snapshots and the in-flight data, and how much was read. */
export interface Snapshot {
  readonly input: Omit<ReconcileInput, 'tolerance'>;
  readonly progress: SnapshotProgress;
}

type WarehouseName = keyof Runtime['warehouses'];

/** The warehouse connectors the routing sends stock to (`odoo` keeps it in Odoo: nothing to compare). */
export function routedTargets(runtime: Runtime): WarehouseName[] {
  const names = new Set(Object.values(runtime.config.routing));
  return (Object.keys(runtime.warehouses) as WarehouseName[]).filter((name) => names.has(name));
}

/**
 * Reads everything the variance report compares, page by page, with a constant number of Odoo RPCs
 * per page: every warehouse level, every Odoo quant of internal locations (mapped to the warehouse
 * its Odoo warehouse is routed to; quants of warehouses kept in Odoo are left out), the warehouse's
 * shipments of the last {@link IN_FLIGHT_WINDOW_MS} whose Odoo picking is not done, and the open
 * Odoo receipts into routed warehouses.
 *
 * @example const { input } = await readSnapshot(runtime, { correlationId: 'reconcile:2026-11-25T17:00:00Z' });
 */
export async function readSnapshot(
  runtime: Runtime,
  options: {
    readonly correlationId: string;
    readonly signal?: AbortSignal;
    readonly onProgress?: (progress: SnapshotProgress) => void;
  },
): Promise<Snapshot> {
  const op = { correlationId: options.correlationId, ...(options.signal ? { signal: options.signal } : {}) };
  const call = options.signal ? { signal: options.signal } : {};
  const progress: SnapshotProgress = {
    warehouseLevels: 0,
    odooQuants: 0,
    shipmentsRead: 0,
    inFlight: 0,
    openReceipts: 0,
  };
  const tell = () => options.onProgress?.(progress);
  const targets = routedTargets(runtime);

  const warehouse: WarehouseCount[] = [];
  const shipped: { target: string; shipment: Awaited<ReturnType<typeof listShipments>>[number] }[] = [];
  for (const target of targets) {
    const connector = runtime.warehouses[target];
    let cursor: string | undefined;
    do {
      const page = await connector.inventory.levels(cursor === undefined ? {} : { cursor }, op);
      for (const level of page.items) {
        if (level.quantities.onHand === undefined) continue;
        warehouse.push({
          target,
          sku: level.sku,
          ...(level.lot === undefined ? {} : { lot: level.lot.number }),
          onHand: level.quantities.onHand,
        });
      }
      progress.warehouseLevels += page.items.length;
      tell();
      cursor = page.next;
    } while (cursor !== undefined);
    for (const shipment of await listShipments(runtime, target, op, progress, tell))
      shipped.push({ target, shipment });
  }

  const quants: (Omit<OdooStock, 'target'> & { locationId: number })[] = [];
  let cursor: string | undefined;
  do {
    const page = await runtime.odoo.inventory.levels(cursor === undefined ? {} : { cursor }, op);
    for (const level of page.items) {
      const locationId = odooIdOf(
        level.location.refs.find((ref) => ref.system === 'odoo')?.id ?? level.location.id,
        'stock.location',
      );
      if (locationId === undefined || level.quantities.onHand === undefined) continue;
      quants.push({
        sku: level.sku,
        locationId,
        location: level.location.id,
        ...(level.lot === undefined ? {} : { lot: level.lot.number }),
        uom: level.uom,
        onHand: level.quantities.onHand,
      });
    }
    progress.odooQuants += page.items.length;
    tell();
    cursor = page.next;
  } while (cursor !== undefined);

  const openMoves = await runtime.odooClient.model('stock.move').searchRead({
    domain: [
      // Through the picking: the fake Odoo leaves the move's related `picking_code` empty.
      ['picking_id.picking_type_code', '=', 'incoming'],
      ['state', 'in', OPEN_MOVE_STATES],
      ['location_dest_id.usage', '=', 'internal'],
    ],
    fields: ['product_id', 'product_uom_qty', 'location_dest_id', 'picking_id'],
    ...call,
  });
  const m2oId = (value: unknown) => m2o(value)?.[0];
  const targetOf = await locationTargets(
    runtime,
    [
      ...quants.map((quant) => quant.locationId),
      ...openMoves.flatMap((move) => m2oId(move.location_dest_id) ?? []),
    ],
    options.signal,
  );
  const routed = new Set<string>(targets);
  const odoo: OdooStock[] = quants.flatMap((quant) => {
    const target = targetOf.get(quant.locationId);
    return target !== undefined && routed.has(target) ? [{ ...quant, target }] : [];
  });

  const skuOf = await productSkus(
    runtime,
    openMoves.flatMap((move) => m2oId(move.product_id) ?? []),
    options.signal,
  );
  const receipts: OpenReceipt[] = openMoves.flatMap((move) => {
    const target = targetOf.get(m2oId(move.location_dest_id) ?? 0);
    const sku = skuOf.get(m2oId(move.product_id) ?? 0);
    if (target === undefined || !routed.has(target) || sku === undefined) return [];
    return [
      {
        target,
        sku,
        quantity: decimal.fromNumber(Number(move.product_uom_qty ?? 0)),
        pickingId: m2oId(move.picking_id) ?? 0,
      },
    ];
  });
  progress.openReceipts = receipts.length;

  const inFlight = await pendingShipments(runtime, shipped, options.signal);
  progress.inFlight = new Set(inFlight.map((line) => line.shipmentId)).size;
  tell();
  return { input: { warehouse, odoo, inFlight, receipts }, progress };
}

async function listShipments(
  runtime: Runtime,
  target: WarehouseName,
  op: { readonly correlationId: string; readonly signal?: AbortSignal },
  progress: SnapshotProgress,
  tell: () => void,
) {
  const since = new Date(runtime.now().getTime() - IN_FLIGHT_WINDOW_MS).toISOString();
  const connector = runtime.warehouses[target];
  const shipments = [];
  let cursor: string | undefined;
  do {
    const page = await connector.shipments.list(cursor === undefined ? { since } : { since, cursor }, op);
    shipments.push(...page.items);
    progress.shipmentsRead += page.items.length;
    tell();
    cursor = page.next;
  } while (cursor !== undefined);
  return shipments;
}

/**
 * The lines of the warehouse's shipments whose Odoo picking is still open, in one RPC per 500
 * pickings (the picking is the shipment's request id, `stock.picking:<id>`). A done picking counts
 * its shipments as applied; a cancelled or missing one never will be, so it is not timing.
 */
async function pendingShipments(
  runtime: Runtime,
  shipped: readonly {
    target: string;
    shipment: Awaited<ReturnType<typeof listShipments>>[number];
  }[],
  signal?: AbortSignal,
): Promise<InFlightShipment[]> {
  const pickingOf = (requestId: string | undefined) => odooIdOf(requestId, 'stock.picking');
  const ids = [...new Set(shipped.flatMap(({ shipment }) => pickingOf(shipment.requestId) ?? []))];
  if (ids.length === 0) return [];
  const pickings = await runtime.odooClient
    .model('stock.picking')
    .read(ids, { fields: ['state'], ...(signal ? { signal } : {}) });
  const pending = new Set(
    pickings.filter((p) => PENDING_PICKING_STATES.has(String(p.state))).map((p) => Number(p.id)),
  );
  return shipped.flatMap(({ target, shipment }) => {
    const pickingId = pickingOf(shipment.requestId);
    if (pickingId === undefined || !pending.has(pickingId)) return [];
    return shipment.contents.map((line) => ({
      target,
      sku: line.item.sku,
      ...(line.lot === undefined ? {} : { lot: line.lot.number }),
      quantity: line.quantity,
      shipmentId: shipment.id,
      pickingId,
    }));
  });
}

/** SKU (`default_code`) of each product, in one RPC. */
async function productSkus(
  runtime: Runtime,
  productIds: readonly number[],
  signal?: AbortSignal,
): Promise<Map<number, string>> {
  const skus = new Map<number, string>();
  if (productIds.length === 0) return skus;
  const rows = await runtime.odooClient
    .model('product.product')
    .read([...new Set(productIds)], { fields: ['default_code'], ...(signal ? { signal } : {}) });
  for (const row of rows)
    if (typeof row.default_code === 'string') skus.set(Number(row.id), row.default_code);
  return skus;
}
