import { decimal } from '@crossdock/canonical';

/** How one item's difference is explained. */
export type Classification = 'match' | 'timing' | 'within_tolerance' | 'variance';

/** One Odoo quant in a location of a warehouse routed to `target`. */
export interface OdooStock {
  readonly target: string;
  readonly sku: string;
  readonly locationId: number;
  /** The location's full name, e.g. `WH/Stock`. */
  readonly location: string;
  readonly lot?: string;
  readonly uom: string;
  readonly onHand: string;
}

/** What the warehouse counts for an item (network-wide for ShipBob: one location per warehouse). */
export interface WarehouseCount {
  readonly target: string;
  readonly sku: string;
  readonly lot?: string;
  readonly onHand: string;
}

/** A shipment the warehouse confirmed whose Odoo picking is not done yet: stock left the warehouse, not Odoo. */
export interface InFlightShipment {
  readonly target: string;
  readonly sku: string;
  readonly lot?: string;
  readonly quantity: string;
  readonly shipmentId: string;
  readonly pickingId: number;
}

/** An open Odoo receipt into a warehouse routed to `target`: goods the warehouse may have counted already. */
export interface OpenReceipt {
  readonly target: string;
  readonly sku: string;
  readonly quantity: string;
  readonly pickingId: number;
}

/** Everything the report is computed from. */
export interface ReconcileInput {
  readonly warehouse: readonly WarehouseCount[];
  readonly odoo: readonly OdooStock[];
  readonly inFlight: readonly InFlightShipment[];
  readonly receipts: readonly OpenReceipt[];
  /** Unexplained differences at or under this many units are reported, not adjusted. */
  readonly tolerance: string;
}

/** One item (per warehouse, and per lot when the warehouse counts lots) and how its difference splits. */
export interface VarianceRow {
  readonly target: string;
  readonly sku: string;
  readonly lot?: string;
  /** Which side knows the item: a warehouse that does not list it at all is not a count of zero. */
  readonly presence: 'both' | 'odoo_only' | 'warehouse_only';
  readonly odooOnHand: string;
  readonly warehouseOnHand: string;
  /** Warehouse minus Odoo. */
  readonly difference: string;
  /** Units shipped by the warehouse that Odoo has not applied (they explain a shortage at the warehouse). */
  readonly inFlight: string;
  /** Units of open Odoo receipts taken to explain a surplus at the warehouse (never more than the surplus). */
  readonly receipts: string;
  /** What timing explains: `receipts - inFlight`. */
  readonly timing: string;
  /** `difference - timing`: what nothing in flight explains. */
  readonly unexplained: string;
  readonly classification: Classification;
  /** The Odoo quants counted in `odooOnHand`, for the adjustment. */
  readonly quants: readonly OdooStock[];
  /** Shipments counted in `inFlight`, and receipts (picking ids) that were open. */
  readonly shipments: readonly string[];
  readonly receiptPickings: readonly number[];
}

/** The whole comparison. */
export interface VarianceReport {
  readonly tolerance: string;
  readonly rows: readonly VarianceRow[];
  readonly totals: Readonly<Record<Classification, number>>;
}

const sum = (values: readonly string[]): string => (values.length === 0 ? '0' : decimal.add('0', ...values));

/** Classifies one item's unexplained difference against the tolerance. */
export function classify(difference: string, unexplained: string, tolerance: string): Classification {
  if (decimal.isZero(difference)) return 'match';
  if (decimal.isZero(unexplained)) return 'timing';
  return decimal.lte(decimal.abs(unexplained), tolerance) ? 'within_tolerance' : 'variance';
}

interface Group {
  target: string;
  sku: string;
  lot: string | undefined;
  warehouse: string[];
  warehouseListed: boolean;
  quants: OdooStock[];
  inFlight: InFlightShipment[];
  receipts: OpenReceipt[];
}

/**
 * Compares the warehouse's count with Odoo's quants per warehouse and SKU, and per lot for the SKUs
 * the warehouse counts by lot (ShipBob's levels carry no lot: every Odoo lot and location of the
 * routed warehouses adds up into one row). Shipments in flight explain a shortage at the warehouse;
 * open receipts may explain a surplus up to their quantity. Pure: same input, same report.
 *
 * @example
 * const report = varianceReport({ warehouse: [{ target: 'shipbob', sku: 'MUG', onHand: '38' }], odoo: [mugQuant40], inFlight: [], receipts: [], tolerance: '0' });
 * report.rows[0].classification; // 'variance', unexplained '-2'
 */
export function varianceReport(input: ReconcileInput): VarianceReport {
  const lotted = new Set(
    input.warehouse.filter((count) => count.lot !== undefined).map((c) => `${c.target}\u0000${c.sku}`),
  );
  const groups = new Map<string, Group>();
  const groupOf = (target: string, sku: string, lot: string | undefined): Group => {
    const byLot = lotted.has(`${target}\u0000${sku}`);
    const rowLot = byLot ? lot : undefined;
    const key = `${target}\u0000${sku}\u0000${rowLot ?? ''}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = {
        target,
        sku,
        lot: rowLot,
        warehouse: [],
        warehouseListed: false,
        quants: [],
        inFlight: [],
        receipts: [],
      };
      groups.set(key, group);
    }
    return group;
  };
  for (const count of input.warehouse) {
    const group = groupOf(count.target, count.sku, count.lot);
    group.warehouse.push(count.onHand);
    group.warehouseListed = true;
  }
  for (const quant of input.odoo) groupOf(quant.target, quant.sku, quant.lot).quants.push(quant);
  for (const shipment of input.inFlight)
    groupOf(shipment.target, shipment.sku, shipment.lot).inFlight.push(shipment);
  for (const receipt of input.receipts)
    groupOf(receipt.target, receipt.sku, undefined).receipts.push(receipt);

  const rows: VarianceRow[] = [];
  for (const group of groups.values()) {
    const odooOnHand = sum(group.quants.map((quant) => quant.onHand));
    const warehouseOnHand = sum(group.warehouse);
    const difference = decimal.sub(warehouseOnHand, odooOnHand);
    const inFlight = sum(group.inFlight.map((shipment) => shipment.quantity));
    const open = sum(group.receipts.map((receipt) => receipt.quantity));
    // A receipt only explains a surplus (and no more of it than its open quantity): the warehouse may not have it yet.
    const surplus = decimal.add(difference, inFlight);
    const receipts = decimal.max('0', decimal.min(open, surplus));
    const timing = decimal.sub(receipts, inFlight);
    const unexplained = decimal.sub(difference, timing);
    const presence = group.warehouseListed
      ? group.quants.length > 0
        ? 'both'
        : 'warehouse_only'
      : 'odoo_only';
    if (!group.warehouseListed && group.quants.length === 0 && decimal.isZero(difference)) continue;
    rows.push({
      target: group.target,
      sku: group.sku,
      ...(group.lot === undefined ? {} : { lot: group.lot }),
      presence,
      odooOnHand,
      warehouseOnHand,
      difference,
      inFlight,
      receipts,
      timing,
      unexplained,
      classification: classify(difference, unexplained, input.tolerance),
      quants: group.quants,
      shipments: [...new Set(group.inFlight.map((shipment) => shipment.shipmentId))],
      receiptPickings: [...new Set(group.receipts.map((receipt) => receipt.pickingId))],
    });
  }
  rows.sort(
    (a, b) =>
      a.target.localeCompare(b.target) ||
      a.sku.localeCompare(b.sku) ||
      (a.lot ?? '').localeCompare(b.lot ?? ''),
  );
  const totals: Record<Classification, number> = { match: 0, timing: 0, within_tolerance: 0, variance: 0 };
  for (const row of rows) totals[row.classification]++;
  return { tolerance: input.tolerance, rows, totals };
}

/** What to write to Odoo for a `variance` row, or why nothing can be written. */
export type AdjustmentPlan =
  | {
      readonly kind: 'adjust';
      readonly quant: OdooStock;
      /** The quant's on hand as read: the compare-and-set's expected value. */
      readonly expected: string;
      readonly quantity: string;
    }
  | { readonly kind: 'skip'; readonly reason: string };

/**
 * Plans the Odoo adjustment of a `variance` row: Odoo moves by the unexplained difference (so stock
 * in flight is not counted twice once it lands), booked on the row's quant with the most on hand,
 * compare-and-set on the quantity read. Rows Odoo alone knows, rows without an Odoo quant, lot-
 * tracked rows the warehouse does not count by lot, and adjustments that would go negative are
 * left to a person, with the reason.
 *
 * @example planAdjustment(row) // { kind: 'adjust', quant, expected: '40', quantity: '38' }
 */
export function planAdjustment(row: VarianceRow): AdjustmentPlan {
  if (row.classification !== 'variance')
    return { kind: 'skip', reason: `${row.classification}: nothing to adjust` };
  if (row.presence === 'odoo_only')
    return { kind: 'skip', reason: `${row.target} does not stock ${row.sku}: check the item's setup` };
  const [first, ...rest] = [...row.quants].sort(
    (a, b) => decimal.compare(b.onHand, a.onHand) || a.locationId - b.locationId,
  );
  if (first === undefined) return { kind: 'skip', reason: `Odoo has no quant of ${row.sku} to adjust` };
  if (row.lot === undefined && row.quants.some((quant) => quant.lot !== undefined))
    return { kind: 'skip', reason: `${row.sku} is lot-tracked in Odoo and ${row.target} counts no lots` };
  const quantity = decimal.add(first.onHand, row.unexplained);
  if (decimal.isNegative(quantity)) {
    const where = rest.length > 0 ? ` (stock spread over ${rest.length + 1} locations)` : '';
    return { kind: 'skip', reason: `would leave ${quantity} on hand in ${first.location}${where}` };
  }
  return { kind: 'adjust', quant: first, expected: first.onHand, quantity };
}
