import { describe, expect, it } from 'vitest';
import {
  applyShipment,
  CanonicalParseError,
  createUomCatalog,
  deriveProgress,
  type FulfillmentRequest,
  FulfillmentRequestSchema,
  type Shipment,
  ShipmentMismatchError,
  ShipmentSchema,
  standardUnits,
} from '../src/index.js';

function request(
  lines: Array<{ lineId: string; ordered: string; allocated?: string; uom?: string }>,
): FulfillmentRequest {
  return FulfillmentRequestSchema.parse({
    id: 'WH/OUT/00042',
    warehouse: { id: 'WH' },
    handshake: 'accepted',
    shipTo: {
      name: 'Deco Addict',
      address: { lines: ['77 Santa Barbara Rd'], city: 'Pleasant Hill', countryCode: 'US' },
    },
    createdAt: '2026-11-20T09:00:00Z',
    lines: lines.map((line) => ({
      lineId: line.lineId,
      item: { sku: `SKU-${line.lineId}` },
      uom: line.uom ?? 'EA',
      ledger: { ordered: line.ordered, allocated: line.allocated ?? line.ordered },
    })),
  });
}

function shipment(id: string, contents: Array<Record<string, unknown>>): Shipment {
  return ShipmentSchema.parse({ id, shippedAt: '2026-11-21T15:00:00Z', contents });
}

const ledgerOf = (req: FulfillmentRequest, lineId: string) =>
  req.lines.find((line) => line.lineId === lineId)?.ledger;

describe('applyShipment', () => {
  it('counts a partial shipment and keeps the rest as a backorder when the warehouse says BP', () => {
    const before = request([
      { lineId: '1', ordered: '10' },
      { lineId: '2', ordered: '4' },
    ]);
    const after = applyShipment(
      before,
      shipment('SHP-1', [
        { requestLineId: '1', item: { sku: 'SKU-1' }, quantity: '6', uom: 'EA', lot: { number: 'LOT-A' } },
        { requestLineId: '1', item: { sku: 'SKU-1' }, quantity: '1', uom: 'EA', lot: { number: 'LOT-B' } },
        { requestLineId: '2', item: { sku: 'SKU-2' }, quantity: '4', uom: 'EA' },
      ]),
      { remainder: { '1': 'BP' } },
    );
    expect(ledgerOf(after, '1')).toEqual({
      ordered: '10',
      allocated: '0',
      shipped: '7',
      cancelled: '0',
      backordered: '3',
      returned: '0',
    });
    expect(after.lines[0]?.differences).toEqual([{ reason: 'BP', quantity: '3' }]);
    expect(ledgerOf(after, '2')?.shipped).toBe('4');
    expect(deriveProgress(after.lines.map((line) => line.ledger))).toBe('partially_shipped');
  });

  it('closes a line short when the warehouse says CP, so the request ends closed_short rather than shipped', () => {
    const after = applyShipment(
      request([{ lineId: '1', ordered: '10' }]),
      shipment('SHP-1', [{ requestLineId: '1', item: { sku: 'SKU-1' }, quantity: '8', uom: 'EA' }]),
      { remainder: { '1': 'CP' } },
    );
    expect(ledgerOf(after, '1')).toMatchObject({
      shipped: '8',
      cancelled: '2',
      backordered: '0',
      allocated: '0',
    });
    expect(deriveProgress(after.lines.map((line) => line.ledger))).toBe('closed_short');
  });

  it('ships a backorder later and ends shipped', () => {
    const partial = applyShipment(
      request([{ lineId: '1', ordered: '10' }]),
      shipment('SHP-1', [{ requestLineId: '1', item: { sku: 'SKU-1' }, quantity: '7', uom: 'EA' }]),
      { remainder: { '1': 'BP' } },
    );
    const complete = applyShipment(
      partial,
      shipment('SHP-2', [{ requestLineId: '1', item: { sku: 'SKU-1' }, quantity: '3', uom: 'EA' }]),
    );
    expect(ledgerOf(complete, '1')).toMatchObject({ shipped: '10', backordered: '0' });
    expect(deriveProgress(complete.lines.map((line) => line.ledger))).toBe('shipped');
    expect(complete.appliedShipmentIds).toEqual(['SHP-1', 'SHP-2']);
  });

  it('changes nothing when the same shipment is applied twice (a redelivered webhook)', () => {
    const once = applyShipment(
      request([{ lineId: '1', ordered: '10' }]),
      shipment('SHP-1', [{ requestLineId: '1', item: { sku: 'SKU-1' }, quantity: '4', uom: 'EA' }]),
    );
    const twice = applyShipment(
      once,
      shipment('SHP-1', [{ requestLineId: '1', item: { sku: 'SKU-1' }, quantity: '4', uom: 'EA' }]),
    );
    expect(twice).toBe(once);
    expect(ledgerOf(twice, '1')?.shipped).toBe('4');
  });

  it('records an over-shipment as CM instead of refusing the fact', () => {
    const after = applyShipment(
      request([{ lineId: '1', ordered: '10' }]),
      shipment('SHP-1', [{ requestLineId: '1', item: { sku: 'SKU-1' }, quantity: '12', uom: 'EA' }]),
    );
    expect(after.lines[0]?.differences).toEqual([{ reason: 'CM', quantity: '2' }]);
    expect(deriveProgress(after.lines.map((line) => line.ledger))).toBe('shipped');
  });

  it('records a substitution with the item that shipped instead', () => {
    const after = applyShipment(
      request([{ lineId: '1', ordered: '5' }]),
      shipment('SHP-1', [
        {
          requestLineId: '1',
          item: { sku: 'CHAIR-BLUE' },
          orderedItem: { sku: 'SKU-1' },
          substitution: 'CS',
          quantity: '5',
          uom: 'EA',
        },
      ]),
    );
    expect(after.lines[0]?.differences).toEqual([
      { reason: 'CS', quantity: '5', substitute: { sku: 'CHAIR-BLUE', refs: [] } },
    ]);
  });

  it('converts contents reported in another unit of the same category', () => {
    const after = applyShipment(
      request([{ lineId: '1', ordered: '24' }]),
      shipment('SHP-1', [{ requestLineId: '1', item: { sku: 'SKU-1' }, quantity: '1.5', uom: 'DZN' }]),
      { uom: createUomCatalog(standardUnits) },
    );
    expect(ledgerOf(after, '1')?.shipped).toBe('18');
  });

  it('refuses contents in another unit when no catalog is given, naming request, shipment and line', () => {
    const apply = () =>
      applyShipment(
        request([{ lineId: '1', ordered: '24' }]),
        shipment('SHP-1', [{ requestLineId: '1', item: { sku: 'SKU-1' }, quantity: '2', uom: 'DZN' }]),
      );
    expect(apply).toThrow(ShipmentMismatchError);
    expect(apply).toThrow(
      'shipment SHP-1 on request WH/OUT/00042, line 1: shipped in DZN but the line is in EA',
    );
  });

  it('refuses a shipment for a line the request does not have', () => {
    const apply = () =>
      applyShipment(
        request([{ lineId: '1', ordered: '2' }]),
        shipment('SHP-9', [{ requestLineId: '7', item: { sku: 'SKU-7' }, quantity: '1', uom: 'EA' }]),
      );
    expect(apply).toThrow(ShipmentMismatchError);
    expect(apply).toThrow(/line 7: the request has no such line/);
  });

  it('ignores a remainder reason for a line the shipment completed', () => {
    const after = applyShipment(
      request([{ lineId: '1', ordered: '2' }]),
      shipment('SHP-1', [{ requestLineId: '1', item: { sku: 'SKU-1' }, quantity: '2', uom: 'EA' }]),
      { remainder: { '1': 'IC' } },
    );
    expect(ledgerOf(after, '1')).toMatchObject({ shipped: '2', cancelled: '0' });
    expect(after.lines[0]?.differences).toEqual([]);
  });

  it('validates the result, so a request that was already inconsistent is reported, not propagated', () => {
    const valid = request([{ lineId: '1', ordered: '2' }]);
    const broken = {
      ...valid,
      lines: valid.lines.map((line) => ({ ...line, ledger: { ...line.ledger, returned: '5' } })),
    };
    expect(() =>
      applyShipment(
        broken,
        shipment('SHP-1', [{ requestLineId: '1', item: { sku: 'SKU-1' }, quantity: '1', uom: 'EA' }]),
      ),
    ).toThrow(CanonicalParseError);
  });
});
