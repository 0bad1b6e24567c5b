import { describe, expect, it } from 'vitest';
import type { ReturnsCapability, ShipmentsCapability } from '../src/contract/capabilities.js';
import { isConnectorError } from '../src/contract/errors.js';
import type { OdooConnector } from '../src/odoo/index.js';
import { odooFixture, returnOf, shipmentOf } from './odoo-fixture.js';

/** Every page of a list, and what each page cost in RPCs. */
async function allPages<T>(
  list: (cursor: string | undefined) => Promise<{ items: readonly T[]; next?: string }>,
  calls: () => number,
): Promise<{ items: T[]; costs: number[] }> {
  const items: T[] = [];
  const costs: number[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const before = calls();
    const page = await list(cursor);
    costs.push(calls() - before);
    items.push(...page.items);
    if (!page.next) return { items, costs };
    cursor = page.next;
  }
  throw new Error('the listing did not end');
}

/** The contract's capability types, which the Odoo reads must fit (checked by tsc). */
const asCapabilities = (odoo: OdooConnector): [ShipmentsCapability, Pick<ReturnsCapability, 'list'>] => [
  odoo.shipments,
  odoo.returns,
];

for (const version of [18, 19] as const) {
  describe(`Odoo ${version} connector: shipments, returns and one request by ref`, () => {
    const { odoo, client, connector, product, order } = odooFixture(version, 'reads', 'Reads Customer');
    const calls = () => odoo.faults.calls().total;

    it('offers shipments.list and returns.list as the contract declares them', () => {
      const [shipments, returns] = asCapabilities(connector);
      expect(typeof shipments.list).toBe('function');
      expect(typeof returns.list).toBe('function');
    });

    async function shipped(
      lines: readonly (readonly [number, number])[],
      ship: (lineOf: (id: number) => string) => Parameters<typeof shipmentOf>[1],
      extra: object = {},
    ) {
      const made = await order(lines);
      const shipment = { ...shipmentOf(`S-${made.pickingId}`, ship(made.lineOf)), ...extra };
      await connector.fulfillment.applyShipment(made.pickingId, shipment as never, {
        remainder: Object.fromEntries(lines.map(([id]) => [made.lineOf(id), 'CP'])),
      });
      return made;
    }

    async function findShipment(pickingId: number) {
      const { items } = await allPages(
        (cursor) => connector.shipments.list({ ...(cursor ? { cursor } : {}) }),
        calls,
      );
      return items.find((s) => s.id === `stock.picking:${pickingId}`);
    }

    it('lists a done delivery as a shipment: lines, lots, serials, package, tracking, refs', async () => {
      const lotted = await product(0, 'lot');
      const serial = await product(0, 'serial');
      const plain = await product(20);
      const { pickingId, orderId, lineOf } = await shipped(
        [
          [lotted.id, 3],
          [serial.id, 2],
          [plain.id, 4],
        ],
        (line) => [
          { lineId: line(lotted.id), sku: lotted.code, quantity: '2', lot: 'L-A' },
          { lineId: line(lotted.id), sku: lotted.code, quantity: '1', lot: 'L-B' },
          { lineId: line(serial.id), sku: serial.code, quantity: '2', serials: ['SN-1', 'SN-2'] },
          { lineId: line(plain.id), sku: plain.code, quantity: '3' },
        ],
        { trackingNumbers: ['1ZAAA', '1ZBBB'] },
      );
      // A package on the plain product's move line, as a packer would set it in Odoo.
      const packageModel = version === 19 ? 'stock.package' : 'stock.quant.package';
      const [packageId] = await client.model(packageModel).create({ name: 'PACK-0001' });
      const moveLines = await client.model('stock.move.line').searchRead({
        domain: [
          ['picking_id', '=', pickingId],
          ['product_id', '=', plain.id],
        ],
        fields: ['id'],
      });
      await client.model('stock.move.line').write(
        moveLines.map((l) => l.id as number),
        { result_package_id: packageId },
      );

      const shipment = await findShipment(pickingId);
      expect(shipment).toMatchObject({
        id: `stock.picking:${pickingId}`,
        requestId: `stock.picking:${pickingId}`,
        orderId: `sale.order:${orderId}`,
        state: 'shipped',
        trackingNumbers: ['1ZAAA', '1ZBBB'],
        shipTo: { name: 'Reads Customer', address: { city: 'Springfield', countryCode: 'US' } },
        packages: [{ id: 'PACK-0001', type: 'other' }],
        refs: [{ system: 'odoo', id: `stock.picking:${pickingId}`, etag: expect.any(String) }],
      });
      expect(shipment?.shippedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      const contents = shipment?.contents.map((c) => ({
        requestLineId: c.requestLineId,
        orderLineId: c.orderLineId,
        sku: c.item.sku,
        refs: c.item.refs,
        quantity: c.quantity,
        lot: c.lot?.number,
        serials: c.serials,
        packageId: c.packageId,
      }));
      expect(contents).toEqual([
        expect.objectContaining({
          requestLineId: lineOf(lotted.id),
          orderLineId: lineOf(lotted.id),
          sku: lotted.code,
          quantity: '2',
          lot: 'L-A',
        }),
        expect.objectContaining({ sku: lotted.code, quantity: '1', lot: 'L-B', serials: [] }),
        expect.objectContaining({
          sku: serial.code,
          quantity: '2',
          lot: undefined,
          serials: ['SN-1', 'SN-2'],
        }),
        expect.objectContaining({
          sku: plain.code,
          quantity: '3',
          packageId: 'PACK-0001',
          refs: [{ system: 'odoo', id: `product.product:${plain.id}` }],
        }),
      ]);
    });

    it('applies packages to the move lines and lists the shipment back with them', async () => {
      const lotted = await product(0, 'lot');
      const plain = await product(20);
      const made = await order([
        [lotted.id, 3],
        [plain.id, 2],
      ]);
      const base = shipmentOf(`S-PKG-${made.pickingId}`, [
        { lineId: made.lineOf(lotted.id), sku: lotted.code, quantity: '2', lot: 'L-P1' },
        { lineId: made.lineOf(lotted.id), sku: lotted.code, quantity: '1', lot: 'L-P1' },
        { lineId: made.lineOf(plain.id), sku: plain.code, quantity: '2' },
      ]);
      const inPackages = ['CTN-A', 'CTN-B', 'CTN-B'];
      const shipment = {
        ...base,
        packages: [
          { id: 'CTN-A', type: 'carton' },
          { id: 'CTN-B', type: 'carton' },
        ],
        contents: base.contents.map((content, i) => ({ ...content, packageId: inPackages[i] })),
      };
      const result = await connector.fulfillment.applyShipment(made.pickingId, shipment as never);
      expect(result).toMatchObject({ applied: true, outcome: 'full' });
      const listed = await findShipment(made.pickingId);
      expect(listed?.packages).toEqual([
        { id: 'CTN-A', type: 'other' },
        { id: 'CTN-B', type: 'other' },
      ]);
      expect(listed?.contents.map((c) => [c.item.sku, c.quantity, c.lot?.number, c.packageId])).toEqual([
        [lotted.code, '2', 'L-P1', 'CTN-A'],
        [lotted.code, '1', 'L-P1', 'CTN-B'],
        [plain.code, '2', undefined, 'CTN-B'],
      ]);
      // A second shipment into a package of the same name finds it instead of creating another.
      const again = await order([[plain.id, 1]]);
      await connector.fulfillment.applyShipment(again.pickingId, {
        ...shipmentOf(`S-PKG-${again.pickingId}`, [
          { lineId: again.lineOf(plain.id), sku: plain.code, quantity: '1' },
        ]),
        packages: [{ id: 'CTN-A', type: 'carton' }],
        contents: [
          {
            requestLineId: again.lineOf(plain.id),
            item: { sku: plain.code, refs: [] },
            quantity: '1',
            uom: 'EA',
            serials: [],
            packageId: 'CTN-A',
          },
        ],
      } as never);
      const packageModel = version === 19 ? 'stock.package' : 'stock.quant.package';
      expect(await client.model(packageModel).search({ domain: [['name', '=', 'CTN-A']] })).toHaveLength(1);
    });

    it('lists neither open deliveries nor returns as shipments, and keeps to since', async () => {
      const a = await product(20);
      const open = await order([[a.id, 1]]);
      const done = await shipped([[a.id, 1]], (line) => [{ lineId: line(a.id), sku: a.code, quantity: '1' }]);
      const { items } = await allPages(
        (cursor) => connector.shipments.list({ ...(cursor ? { cursor } : {}) }),
        calls,
      );
      const ids = items.map((s) => s.id);
      expect(ids).toContain(`stock.picking:${done.pickingId}`);
      expect(ids).not.toContain(`stock.picking:${open.pickingId}`);
      expect(new Set(ids).size).toBe(ids.length);
      const later = await connector.shipments.list({ since: '2999-01-01T00:00:00Z' });
      expect(later.items).toEqual([]);
      const bad = await connector.shipments
        .list({ since: 'yesterday' }, { correlationId: 'c-s' })
        .catch((e: unknown) => e);
      expect(isConnectorError(bad)).toBe(true);
      expect(bad).toMatchObject({ vendorCode: 'invalid_since', executed: 'no', correlationId: 'c-s' });
    });

    it('shipments.list: the RPC count per page of 100 is constant', async () => {
      const a = await product(500, 'lot');
      for (let i = 0; i < 7; i++) {
        await shipped([[a.id, 2]], (line) => [
          { lineId: line(a.id), sku: a.code, quantity: '1', lot: `L${i}a` },
          { lineId: line(a.id), sku: a.code, quantity: '1', lot: `L${i}b` },
        ]);
      }
      await connector.shipments.list({ pageSize: 1 }); // warm the client's field-type cache
      const small = await allPages(
        (cursor) => connector.shipments.list({ ...(cursor ? { cursor } : {}), pageSize: 3 }),
        calls,
      );
      const large = await allPages(
        (cursor) => connector.shipments.list({ ...(cursor ? { cursor } : {}), pageSize: 100 }),
        calls,
      );
      expect(large.items.map((s) => s.id)).toEqual(small.items.map((s) => s.id));
      expect(large.items.length).toBeGreaterThanOrEqual(7);
      // Every non-empty page costs the same, whether it holds 3 shipments or all of them.
      const nonEmpty = [...small.costs.slice(0, -1), large.costs[0]];
      expect(new Set(nonEmpty)).toEqual(new Set([7]));
    });

    async function returned(qty: number, received: number) {
      const a = await product(20);
      const made = await shipped([[a.id, qty]], (line) => [
        { lineId: line(a.id), sku: a.code, quantity: String(qty) },
      ]);
      const { ref } = await connector.returns.create(
        returnOf(`RMA-${made.pickingId}`, made, a.code, String(received)) as never,
      );
      return { ...made, product: a, returnId: Number(ref.id.split(':')[1]) };
    }

    it('lists a validated return of a delivery as a received Return', async () => {
      const { pickingId, orderId, lineOf, product: a, returnId } = await returned(3, 2);
      const { items } = await allPages(
        (cursor) => connector.returns.list({ ...(cursor ? { cursor } : {}) }),
        calls,
      );
      const ret = items.find((r) => r.id === `stock.picking:${returnId}`);
      const [picking] = await client.model('stock.picking').read([returnId], { fields: ['name'] });
      expect(ret).toMatchObject({
        rma: picking?.name,
        state: 'received',
        orderId: `sale.order:${orderId}`,
        shipmentId: `stock.picking:${pickingId}`,
        receipt: { location: { id: 'WH/Stock' } },
        refs: [{ system: 'odoo', id: `stock.picking:${returnId}` }],
        lines: [
          {
            orderLineId: lineOf(a.id),
            item: { sku: a.code },
            uom: 'EA',
            expected: '2',
            received: '2',
            condition: 'new',
            disposition: 'restock',
          },
        ],
      });
      // The delivery is not a return, nor is any open or outgoing picking.
      expect(items.map((r) => r.id)).not.toContain(`stock.picking:${pickingId}`);
    });

    it('returns.list: the RPC count per page of 100 is constant', async () => {
      for (let i = 0; i < 4; i++) await returned(2, 1);
      await connector.returns.list({ pageSize: 1 });
      const small = await allPages(
        (cursor) => connector.returns.list({ ...(cursor ? { cursor } : {}), pageSize: 2 }),
        calls,
      );
      const large = await allPages(
        (cursor) => connector.returns.list({ ...(cursor ? { cursor } : {}), pageSize: 100 }),
        calls,
      );
      expect(large.items.map((r) => r.id)).toEqual(small.items.map((r) => r.id));
      const nonEmpty = [...small.costs.slice(0, -1), large.costs[0]];
      expect(new Set(nonEmpty)).toEqual(new Set([4]));
    });

    it('gets one request by its ref, as the page read maps it', async () => {
      const a = await product(20);
      const { pickingId } = await order([[a.id, 2]]);
      const { items } = await allPages(
        (cursor) => connector.fulfillment.requests({ ...(cursor ? { cursor } : {}) }),
        calls,
      );
      const fromPage = items.find((r) => r.id === `stock.picking:${pickingId}`);
      const before = calls();
      const got = await connector.fulfillment.get({ system: 'odoo', id: `stock.picking:${pickingId}` });
      expect(calls() - before).toBe(6);
      expect(got).toEqual(fromPage);
      expect(got.refs).toEqual([
        { system: 'odoo', id: `stock.picking:${pickingId}`, etag: expect.any(String) },
      ]);
    });

    it('refuses to get a ref that is not an Odoo delivery', async () => {
      const { returnId } = await returned(1, 1);
      const refused = async (ref: { system: string; id: string }) =>
        connector.fulfillment.get(ref, { correlationId: 'c-get' }).catch((e: unknown) => e);
      expect(await refused({ system: 'shipbob', id: '123' })).toMatchObject({
        vendorCode: 'unknown_ref',
        executed: 'no',
      });
      expect(await refused({ system: 'odoo', id: 'stock.picking:999999' })).toMatchObject({
        vendorCode: 'not_found',
        externalId: 'stock.picking:999999',
      });
      expect(await refused({ system: 'odoo', id: `stock.picking:${returnId}` })).toMatchObject({
        vendorCode: 'not_a_delivery',
      });
    });

    it('honours the caller signal: an abort ends a read at its current request, an aborted write sends nothing', async () => {
      const a = await product(20);
      await shipped([[a.id, 1]], (line) => [{ lineId: line(a.id), sku: a.code, quantity: '1' }]);
      // The fake never answers the moves until the client gives up.
      odoo.faults.add({ model: 'stock.move', method: 'search_read', effect: { kind: 'timeout' }, times: 1 });
      const controller = new AbortController();
      const listing = connector.shipments
        .list({}, { correlationId: 'c-abort', signal: controller.signal })
        .catch((e: unknown) => e);
      setTimeout(() => controller.abort(), 50);
      const error = await listing;
      expect(isConnectorError(error)).toBe(true);
      expect(error).toMatchObject({ operation: 'shipments.list', correlationId: 'c-abort' });
      const open = await order([[a.id, 1]]);
      const before = calls();
      const refused = await connector.fulfillment
        .applyShipment(
          open.pickingId,
          shipmentOf('S-ABORTED', [{ lineId: open.lineOf(a.id), sku: a.code, quantity: '1' }]) as never,
          { signal: AbortSignal.abort() },
        )
        .catch((e: unknown) => e);
      expect(isConnectorError(refused)).toBe(true);
      expect(calls()).toBe(before);
    });

    it('every object read from Odoo carries its Odoo refs', async () => {
      const a = await product(20);
      const { pickingId, orderId, lineOf } = await order([[a.id, 2]]);
      const orders = await allPages(
        (cursor) => connector.orders.list({ ...(cursor ? { cursor } : {}) }),
        calls,
      );
      const so = orders.items.find((o) => o.id === `sale.order:${orderId}`);
      expect(so?.refs).toEqual([{ system: 'odoo', id: `sale.order:${orderId}` }]);
      expect(so?.lines[0]?.refs).toEqual([{ system: 'odoo', id: lineOf(a.id) }]);
      expect(so?.lines[0]?.item.refs).toEqual([{ system: 'odoo', id: `product.product:${a.id}` }]);
      expect(so?.customer?.refs?.[0]?.id).toMatch(/^res\.partner:\d+$/);
      const request = await connector.fulfillment.get({ system: 'odoo', id: `stock.picking:${pickingId}` });
      expect(request.lines[0]?.refs).toEqual([{ system: 'odoo', id: lineOf(a.id) }]);
      expect(request.warehouse.refs[0]?.id).toMatch(/^stock\.warehouse:\d+$/);
      expect(request.shipTo.refs[0]?.id).toMatch(/^res\.partner:\d+$/);
      const [level] = (await connector.inventory.levels({ skus: [a.code] })).items;
      expect(level?.refs[0]?.id).toMatch(/^stock\.quant:\d+$/);
      expect(level?.location.refs[0]?.id).toMatch(/^stock\.location:\d+$/);
    });
  });
}
