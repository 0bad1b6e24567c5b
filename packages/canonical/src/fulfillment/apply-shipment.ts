import { ShipmentMismatchError } from '../errors.js';
import { parseCanonical } from '../issues.js';
import { decimal } from '../primitives/decimal.js';
import type { UomCatalog } from '../primitives/uom.js';
import type { Shipment, ShipmentContent } from '../shipment.js';
import { openQuantity, type QuantityLedger } from './ledger.js';
import type { LineDifference } from './reasons.js';
import { type FulfillmentLine, type FulfillmentRequest, FulfillmentRequestSchema } from './request.js';

/** What the warehouse said about a line still open after a shipment (X12 368). */
export type RemainderReason = 'BP' | 'CP' | 'IC';

export interface ApplyShipmentOptions {
  /**
   * For lines left open by this shipment: `BP` keeps the rest as a backorder, `CP` closes the line
   * short, `IC` cancels the rest of the item. Lines not named stay open as they were.
   * @example { 'line-2': 'BP' }
   */
  readonly remainder?: Readonly<Record<string, RemainderReason>>;
  /** Converts contents reported in another unit than the line's; without it such contents are refused. */
  readonly uom?: UomCatalog;
}

/** The quantity shipped on `line` by `contents`, in the line's unit. */
function shippedOnLine(
  line: FulfillmentLine,
  contents: readonly ShipmentContent[],
  catalog: UomCatalog | undefined,
  context: { requestId: string; shipmentId: string },
): string {
  return contents.reduce((sum, content) => {
    if (content.uom === line.uom) return decimal.add(sum, content.quantity);
    if (!catalog) {
      throw new ShipmentMismatchError(
        `shipped in ${content.uom} but the line is in ${line.uom}; pass a UomCatalog`,
        {
          ...context,
          lineId: line.lineId,
        },
      );
    }
    // Unrounded: the ledger keeps the exact amount; rounding happens where a system needs it.
    return decimal.add(
      sum,
      catalog.convert({ value: content.quantity, uom: content.uom }, line.uom, { round: false }).value,
    );
  }, '0');
}

/** How much shipped plus cancelled exceeds ordered, or zero. */
function overShipped(ledger: QuantityLedger): string {
  return decimal.max('0', decimal.sub(decimal.add(ledger.shipped, ledger.cancelled), ledger.ordered));
}

function applyToLine(
  line: FulfillmentLine,
  shipped: string,
  contents: ShipmentContent[],
  remainder: RemainderReason | undefined,
): FulfillmentLine {
  const ledger = { ...line.ledger };
  const differences: LineDifference[] = [...line.differences];
  ledger.shipped = decimal.add(ledger.shipped, shipped);
  ledger.allocated = decimal.max('0', decimal.sub(ledger.allocated, shipped));
  ledger.backordered = decimal.max('0', decimal.sub(ledger.backordered, shipped));

  // Over-shipment is a fact the warehouse reports; record the part this shipment added as CM.
  const overBefore = overShipped(line.ledger);
  const overAfter = overShipped(ledger);
  if (decimal.gt(overAfter, overBefore))
    differences.push({ reason: 'CM', quantity: decimal.sub(overAfter, overBefore) });
  for (const content of contents) {
    if (content.substitution) {
      differences.push({
        reason: content.substitution,
        quantity: content.quantity,
        substitute: content.item,
      });
    }
  }

  const open = openQuantity(ledger);
  if (remainder && !decimal.isZero(open)) {
    differences.push({ reason: remainder, quantity: open });
    ledger.allocated = '0';
    if (remainder === 'BP') {
      ledger.backordered = open;
    } else {
      ledger.cancelled = decimal.add(ledger.cancelled, open);
      ledger.backordered = '0';
    }
  }
  return { ...line, ledger, differences };
}

/**
 * Counts a shipment in the request's ledgers: shipped quantities per line (converted to the
 * line's unit), over-shipments as `CM`, substitutions as `CS`/`IS`, and what the warehouse said
 * about the rest (`BP` backorder, `CP` closed short, `IC` cancelled). Pure: returns a new
 * request, validated. Applying a shipment already counted returns the request unchanged.
 *
 * @example
 * const next = applyShipment(request, shipment, { remainder: { 'line-2': 'BP' } });
 * deriveProgress(next.lines.map((line) => line.ledger)); // 'partially_shipped'
 */
export function applyShipment(
  request: FulfillmentRequest,
  shipment: Shipment,
  options: ApplyShipmentOptions = {},
): FulfillmentRequest {
  if (request.appliedShipmentIds.includes(shipment.id)) return request;
  const lineIds = new Set(request.lines.map((line) => line.lineId));
  for (const content of shipment.contents) {
    if (!lineIds.has(content.requestLineId)) {
      throw new ShipmentMismatchError('the request has no such line', {
        requestId: request.id,
        shipmentId: shipment.id,
        lineId: content.requestLineId,
      });
    }
  }
  const context = { requestId: request.id, shipmentId: shipment.id };
  const lines = request.lines.map((line) => {
    const contents = shipment.contents.filter((content) => content.requestLineId === line.lineId);
    const remainder = options.remainder?.[line.lineId];
    if (contents.length === 0 && remainder === undefined) return line;
    return applyToLine(line, shippedOnLine(line, contents, options.uom, context), contents, remainder);
  });
  return parseCanonical(FulfillmentRequestSchema, {
    ...request,
    lines,
    appliedShipmentIds: [...request.appliedShipmentIds, shipment.id],
  });
}
