import { type Return, ReturnSchema } from '@crossdock/canonical';
import { ManualClock } from '@crossdock/idempotency';
import { createShipBobHandlers } from '@crossdock/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ConnectorError, isConnectorError } from '../src/contract/errors.js';
import { createShipBobConnector, type ShipBobConnectorOptions } from '../src/shipbob/index.js';

const TOKEN = 'sb-returns-token-81c2';
const clock = new ManualClock(Date.parse('2026-11-25T12:00:00Z'));
const fake = createShipBobHandlers({ token: TOKEN, clock });
const server = setupServer(...fake);
const op = { correlationId: 'corr-returns' };

function connector(overrides: Partial<ShipBobConnectorOptions> & { readonly noCenter?: true } = {}) {
  const { noCenter, ...rest } = overrides;
  return createShipBobConnector({
    token: TOKEN,
    channelId: 4242,
    clock,
    ...(noCenter ? {} : { returnsFulfillmentCenterId: 7 }),
    ...rest,
  });
}

function customerReturn(rma = 'RMA-1001', overrides: Partial<Record<string, unknown>> = {}): Return {
  return ReturnSchema.parse({
    id: `ret-${rma}`,
    rma,
    state: 'authorized',
    shipmentId: '5550001',
    trackingNumber: '1ZRETURN0001',
    lines: [
      { lineId: 'r1', item: { sku: 'MUG-1' }, uom: 'EA', expected: '2', disposition: 'restock' },
      { lineId: 'r2', item: { sku: 'TEE-M' }, uom: 'EA', expected: '1', disposition: 'quarantine' },
    ],
    createdAt: '2026-11-25T11:00:00Z',
    ...overrides,
  });
}

async function failing(run: () => Promise<unknown>): Promise<ConnectorError> {
  try {
    await run();
  } catch (error) {
    if (isConnectorError(error)) return error;
    throw error;
  }
  throw new Error('expected a ConnectorError');
}

const postsTo = (suffix: string) =>
  fake.control.requests.filter((r) => r.method === 'POST' && new URL(r.url).pathname.endsWith(suffix));

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
beforeEach(() => {
  fake.control.reset();
  fake.control.changeStock('MUG-1', { onHand: 10, fulfillable: 8, name: 'Mug' });
  fake.control.changeStock('TEE-M', { onHand: 3, fulfillable: 3 });
});
afterAll(() => server.close());

describe('ShipBob returns.create', () => {
  it('sends one return order: the RMA as reference_id, inventory ids, requested actions, the fulfillment center', async () => {
    const { ref, existing } = await connector().returns.create(customerReturn(), op);
    expect(existing).toBe(false);
    const [held] = fake.control.returns();
    expect(ref).toEqual({ system: 'shipbob', id: String(held?.id) });
    expect(held).toMatchObject({
      reference_id: 'RMA-1001',
      status: 'AwaitingArrival',
      fulfillment_center: { id: 7 },
      original_shipment_id: 5550001,
      tracking_number: '1ZRETURN0001',
    });
    const mug = fake.control.state.inventory.find((row) => row.sku === 'MUG-1');
    expect(
      held?.inventory.map((item) => [item.id, item.sku, item.quantity, item.action_requested.action]),
    ).toEqual([
      [mug?.inventory_id, 'MUG-1', 2, 'Restock'],
      [expect.any(Number), 'TEE-M', 1, 'Quarantine'],
    ]);
    const sent = postsTo('/return')[0];
    expect(sent?.url).toBe('https://api.shipbob.com/2026-07/return');
    expect(sent?.headers.get('shipbob_channel_id')).toBe('4242');
  });

  it('creating the same return twice creates one ShipBob return and answers the existing one', async () => {
    const shipbob = connector();
    const first = await shipbob.returns.create(customerReturn(), { ...op, idempotencyKey: 'RMA-1001' });
    const second = await shipbob.returns.create(customerReturn(), { ...op, idempotencyKey: 'RMA-1001' });
    expect(second).toEqual({ ref: first.ref, existing: true });
    expect(fake.control.returns()).toHaveLength(1);
    expect(postsTo('/return')).toHaveLength(1);
  });

  it('two concurrent creates of one return create one ShipBob return: the loser’s 422 answers the winner’s', async () => {
    const shipbob = connector();
    const results = await Promise.all([
      shipbob.returns.create(customerReturn(), op),
      shipbob.returns.create(customerReturn(), op),
    ]);
    expect(fake.control.returns()).toHaveLength(1);
    expect(results[0].ref).toEqual(results[1].ref);
    expect(results.map((result) => result.existing).sort()).toEqual([false, true]);
  });

  it('a return that ShipBob already holds but the lookup missed is answered from the 422', async () => {
    const shipbob = connector();
    const first = await shipbob.returns.create(customerReturn(), op);
    // The next lookup answers an empty page (e.g. a lagging read), so the create is sent and refused.
    fake.control.respondWith({ status: 200, body: { items: [], next: null } }, { pathSuffix: '/return' });
    const second = await shipbob.returns.create(customerReturn(), op);
    expect(second).toEqual({ ref: first.ref, existing: true });
    expect(postsTo('/return')).toHaveLength(2);
    expect(fake.control.returns()).toHaveLength(1);
  });

  it('takes the inventory id from a shipbob item ref without looking the sku up', async () => {
    const mug = fake.control.state.inventory.find((row) => row.sku === 'MUG-1');
    const ret = customerReturn('RMA-REF', {
      lines: [
        {
          lineId: 'r1',
          item: { sku: 'MUG-1', refs: [{ system: 'shipbob', id: String(mug?.inventory_id) }] },
          uom: 'EA',
          expected: '1',
        },
      ],
    });
    await connector().returns.create(ret, op);
    expect(fake.control.requests.some((r) => r.url.includes('/inventory-level'))).toBe(false);
    expect(fake.control.returns()[0]?.inventory[0]).toMatchObject({ id: mug?.inventory_id, quantity: 1 });
  });

  it('merges two lines of one item into one ShipBob entry, and refuses two actions for one item', async () => {
    const twice = (second: string) =>
      customerReturn(`RMA-${second}`, {
        lines: [
          { lineId: 'a', item: { sku: 'MUG-1' }, uom: 'EA', expected: '1', disposition: 'restock' },
          { lineId: 'b', item: { sku: 'MUG-1' }, uom: 'EA', expected: '2', disposition: second },
        ],
      });
    await connector().returns.create(twice('restock'), op);
    expect(fake.control.returns()[0]?.inventory.map((item) => item.quantity)).toEqual([3]);
    const error = await failing(() => connector().returns.create(twice('scrap'), op));
    expect(error).toMatchObject({ vendorCode: 'conflicting_actions', executed: 'no' });
    expect(fake.control.returns()).toHaveLength(1);
  });

  it('refuses what ShipBob cannot take before sending it', async () => {
    const cases: [Parameters<typeof connector>[0], Return, string][] = [
      [{ noCenter: true }, customerReturn(), 'not_configured'],
      [{}, customerReturn('R'.repeat(51)), 'invalid_rma'],
      [
        {},
        customerReturn('RMA-HALF', {
          lines: [{ lineId: 'a', item: { sku: 'MUG-1' }, uom: 'EA', expected: '1.5' }],
        }),
        'invalid_quantity',
      ],
      [
        {},
        customerReturn('RMA-NOSKU', {
          lines: [{ lineId: 'a', item: { sku: 'NOT-STOCKED' }, uom: 'EA', expected: '1' }],
        }),
        'unknown_sku',
      ],
    ];
    for (const [options, ret, code] of cases) {
      const error = await failing(() => connector(options).returns.create(ret, op));
      expect(error).toMatchObject({
        system: 'shipbob',
        operation: 'returns.create',
        vendorCode: code,
        executed: 'no',
      });
    }
    expect(postsTo('/return')).toHaveLength(0);
  });

  it('reports ShipBob’s returns-service 422 in its own words when no return exists', async () => {
    const ret = customerReturn('RMA-GHOST', {
      lines: [
        {
          lineId: 'a',
          item: { sku: 'MUG-1', refs: [{ system: 'shipbob', id: '424242' }] },
          uom: 'EA',
          expected: '1',
        },
      ],
    });
    const error = await failing(() => connector().returns.create(ret, op));
    expect(error).toMatchObject({ httpStatus: 422, executed: 'no', externalId: 'RMA-GHOST' });
    expect(error.message).toContain('Inventory id 424242 does not exist.');
    expect(error.message).not.toContain(TOKEN);
  });
});

describe('ShipBob returns.list', () => {
  it('pages through returns with ShipBob’s cursor, oldest first', async () => {
    const shipbob = connector({ pageSize: 2 });
    for (const rma of ['RMA-1', 'RMA-2', 'RMA-3', 'RMA-4', 'RMA-5']) {
      await shipbob.returns.create(customerReturn(rma), op);
    }
    const rmas: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await shipbob.returns.list(cursor === undefined ? {} : { cursor }, op);
      pages += 1;
      rmas.push(...page.items.map((ret) => ret.rma));
      cursor = page.next;
    } while (cursor !== undefined);
    expect(pages).toBe(3);
    expect(rmas).toEqual(['RMA-1', 'RMA-2', 'RMA-3', 'RMA-4', 'RMA-5']);
    const list = fake.control.requests.filter((r) => r.method === 'GET' && r.url.includes('/return?Limit'));
    expect(new URL(list[1]?.url ?? '').searchParams.get('Cursor')).toBe('2');
  });

  it('lists only returns created since a time', async () => {
    const shipbob = connector();
    await shipbob.returns.create(customerReturn('RMA-OLD'), op);
    await clock.advance(60 * 60_000);
    const since = new Date(clock.now()).toISOString();
    await shipbob.returns.create(customerReturn('RMA-NEW'), op);
    const page = await shipbob.returns.list({ since }, op);
    expect(page.items.map((ret) => ret.rma)).toEqual(['RMA-NEW']);
  });

  it('an awaiting return is authorized, with the requested dispositions and no receipt', async () => {
    await connector().returns.create(customerReturn(), op);
    const [ret] = (await connector().returns.list({}, op)).items;
    expect(ret).toMatchObject({
      rma: 'RMA-1001',
      state: 'authorized',
      shipmentId: '5550001',
      trackingNumber: '1ZRETURN0001',
    });
    expect(ret?.receipt).toBeUndefined();
    expect(ret?.lines.map((line) => [line.item.sku, line.expected, line.received, line.disposition])).toEqual(
      [
        ['MUG-1', '2', undefined, 'restock'],
        ['TEE-M', '1', undefined, 'quarantine'],
      ],
    );
  });

  it('a completed return is closed with its receipt, received quantities, conditions and dispositions', async () => {
    const { ref } = await connector().returns.create(customerReturn(), op);
    await clock.advance(3 * 86_400_000);
    const receivedAt = new Date(clock.now()).toISOString();
    fake.control.receiveReturn(ref.id, {
      lines: [
        {
          sku: 'MUG-1',
          quantity: 1,
          action: 'Restock',
          lot: 'LOT-R1',
          expirationDate: '2027-01-31T00:00:00Z',
        },
        { sku: 'MUG-1', quantity: 1, action: 'Dispose', reason: 'cracked' },
      ],
    });
    const [ret] = (await connector().returns.list({}, op)).items;
    expect(ret?.state).toBe('closed');
    expect(ret?.receipt).toEqual({ receivedAt, location: { id: '7', refs: [] } });
    const id = fake.control.returns()[0]?.inventory[0]?.id;
    expect(
      ret?.lines.map((line) => [
        line.lineId,
        line.expected,
        line.received,
        line.condition,
        line.disposition,
        line.lot?.number,
      ]),
    ).toEqual([
      [`${id}:1`, '1', '1', 'new', 'restock', 'LOT-R1'],
      [`${id}:2`, '1', '1', 'damaged', 'scrap', 'LOT-R1'],
      [expect.stringMatching(/^\d+$/), '1', '0', undefined, 'quarantine', undefined],
    ]);
  });

  it('an unknown return status is a ConnectorError naming the field', async () => {
    fake.control.respondWith(
      {
        status: 200,
        body: { items: [{ id: 1, reference_id: 'R', status: 'Teleported', inventory: [] }], next: null },
      },
      { pathSuffix: '/return' },
    );
    const error = await failing(() => connector().returns.list({}, op));
    expect(error).toMatchObject({ operation: 'returns.list', vendorCode: 'invalid_payload' });
    expect(error.message).toContain('items[0].status');
  });
});
