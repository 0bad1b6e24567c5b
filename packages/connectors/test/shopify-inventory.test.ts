import { setImmediate as nextTurn } from 'node:timers/promises';
import type { InventoryAdjustment } from '@crossdock/canonical';
import { ManualClock } from '@crossdock/idempotency';
import { createShopifyHandlers } from '@crossdock/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConnectorError, isConnectorError } from '../src/contract/errors.js';
import { createShopifyConnector } from '../src/shopify/index.js';

const TOKEN = 'shpat_inventory_token';
const op = { correlationId: 'test-shopify-inventory' };
const clock = new ManualClock(Date.parse('2026-11-25T12:00:00Z'));
const MAIN = 'gid://shopify/Location/1';
const EAST = 'gid://shopify/Location/2';

const shop = createShopifyHandlers({ shop: 'stock.myshopify.com', accessToken: TOKEN, bucket: { clock } });
const legacy = createShopifyHandlers({
  shop: 'stock-legacy.myshopify.com',
  accessToken: TOKEN,
  apiVersion: '2025-10',
  bucket: { clock },
});
const server = setupServer(...shop, ...legacy);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

/** The GraphQL bodies the connector sent, in order. */
const sent: { query: string; variables: Record<string, unknown> }[] = [];
const recordingFetch: typeof fetch = async (input, init) => {
  if (typeof init?.body === 'string') sent.push(JSON.parse(init.body));
  return fetch(input, init);
};
const shopify = createShopifyConnector({ shop: shop.shop, accessToken: TOKEN, clock, fetch: recordingFetch });

/** Runs a call to the end, moving the clock while it waits for the cost bucket. */
async function run<T>(call: Promise<T>): Promise<T> {
  let done = false;
  const settled = call.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  void settled.then(() => {
    done = true;
  });
  while (!done) {
    for (let turn = 0; turn < 3 && !done; turn++) await nextTurn();
    if (!done) await clock.advance(100);
  }
  const result = await settled;
  if ('error' in result) throw result.error;
  return result.value;
}

async function failure(call: Promise<unknown>): Promise<ConnectorError> {
  try {
    await run(call);
  } catch (error) {
    if (isConnectorError(error)) return error;
    throw error;
  }
  throw new Error('expected a ConnectorError');
}

type Delta = Extract<InventoryAdjustment, { mode: 'delta' }>;

function delta(overrides: Partial<Delta>): Delta {
  return {
    mode: 'delta',
    idempotencyKey: crypto.randomUUID(),
    sku: 'DELTA-1',
    location: { id: MAIN, refs: [] },
    uom: 'EA',
    reason: 'damaged',
    requestedAt: '2026-11-25T12:00:00Z',
    delta: '-2',
    refs: [],
    ...overrides,
  };
}

describe('Shopify inventory levels', () => {
  it('reads the named quantities of each level as a canonical snapshot', async () => {
    const item = shop.control.setInventory('LVL-1', {
      available: 7,
      committed: 3,
      incoming: 5,
      reserved: 1,
      damaged: 2,
      quality_control: 0,
      safety_stock: 0,
      on_hand: 13,
    });
    shop.control.setInventory('LVL-1', { available: 4, on_hand: 4 }, EAST);
    const { items, next } = await run(shopify.inventory.levels({ skus: ['LVL-1'] }, op));
    expect(next).toBeUndefined();
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({
      kind: 'snapshot',
      asOf: new Date(clock.now()).toISOString(),
      sku: 'LVL-1',
      location: { id: MAIN, refs: [{ system: 'shopify', account: shop.shop, id: MAIN }] },
      uom: 'EA',
      quantities: {
        onHand: '13',
        available: '7',
        committed: '3',
        incoming: '5',
        unavailable: { reserved: '1', damaged: '2', qualityControl: '0', safetyStock: '0' },
      },
      refs: [{ system: 'shopify', account: shop.shop, id: item }],
    });
    expect(items[1]).toMatchObject({
      kind: 'snapshot',
      location: { id: EAST },
      quantities: { onHand: '4', available: '4', committed: '0' },
    });
  });

  it('an oversold item reads as nothing available and the oversold units backordered', async () => {
    shop.control.setInventory('OVERSOLD', { available: -3, committed: 5, on_hand: 2 });
    const { items } = await run(shopify.inventory.levels({ skus: ['OVERSOLD'] }, op));
    expect(items[0]?.quantities).toMatchObject({
      available: '0',
      backordered: '3',
      onHand: '2',
      committed: '5',
    });
  });

  it('pages through every inventory item with the cursor, each level once', async () => {
    const skus = Array.from({ length: 5 }, (_, i) => `PAGE-${i}`);
    for (const sku of skus) shop.control.setInventory(sku, { available: 1, on_hand: 1 });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await run(
        shopify.inventory.levels(
          cursor === undefined ? { skus, pageSize: 2 } : { skus, pageSize: 2, cursor },
          op,
        ),
      );
      seen.push(...page.items.map((level) => level.sku));
      cursor = page.next;
      pages += 1;
    } while (cursor !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual(skus);
  });

  it('reads every location of an item stocked at more locations than a page holds', async () => {
    const locations = Array.from({ length: 13 }, (_, i) => `gid://shopify/Location/${100 + i}`);
    for (const [i, location] of locations.entries()) {
      shop.control.setInventory('WIDE', { available: i, on_hand: i }, location);
    }
    const { items } = await run(shopify.inventory.levels({ skus: ['WIDE'] }, op));
    expect(items.map((level) => level.location.id)).toEqual(locations);
    expect(shop.calls.filter((name) => name === 'InventoryItemLevels').length).toBeGreaterThan(0);
  });

  it('keeps only the locations asked for', async () => {
    shop.control.setInventory('TWO-SITES', { available: 1, on_hand: 1 });
    shop.control.setInventory('TWO-SITES', { available: 9, on_hand: 9 }, EAST);
    const { items } = await run(shopify.inventory.levels({ skus: ['TWO-SITES'], locations: [EAST] }, op));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ location: { id: EAST }, quantities: { available: '9' } });
  });

  it('asks for the quantities by name and keeps each page under the single-query cost limit', async () => {
    sent.length = 0;
    await run(shopify.inventory.levels({ pageSize: 500 }, op));
    const query = sent.find((body) => body.query.includes('query InventoryLevels'));
    expect(query?.variables).toMatchObject({
      first: 30,
      names: [
        'available',
        'on_hand',
        'committed',
        'incoming',
        'reserved',
        'damaged',
        'quality_control',
        'safety_stock',
      ],
    });
    const answered = shop.requests.filter((request) => request.operation === 'InventoryLevels').at(-1);
    expect(answered?.outcome).toBe('answered');
    expect(answered?.requestedCost).toBeLessThanOrEqual(1000);
  });
});

describe('Shopify delta adjustments', () => {
  it('a delta adjustment retried with the same idempotency key changes Shopify stock once', async () => {
    shop.control.setInventory('DELTA-1', { available: 10, on_hand: 12, committed: 2 });
    const adjustment = delta({ delta: '-2' });
    await expect(run(shopify.inventory.adjust(adjustment, op))).resolves.toEqual({ applied: true });
    await expect(run(shopify.inventory.adjust(adjustment, op))).resolves.toEqual({ applied: true });
    expect(shop.control.quantity('DELTA-1', 'available')).toBe(8);
    expect(shop.control.quantity('DELTA-1', 'on_hand')).toBe(10);
  });

  it('a delta whose answer was lost is retried with its key and applied once', async () => {
    shop.control.setInventory('DELTA-LOST', { available: 5, on_hand: 5 });
    let dropped = false;
    const lossy = createShopifyConnector({
      shop: shop.shop,
      accessToken: TOKEN,
      clock,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (!dropped && String(init?.body).includes('inventoryAdjustQuantities')) {
          dropped = true;
          throw new TypeError('socket hang up'); // Shopify applied it; the answer never arrived
        }
        return response;
      },
    });
    const adjustment = delta({ sku: 'DELTA-LOST', delta: '3', reason: 'found' });
    const lost = await failure(lossy.inventory.adjust(adjustment, op));
    expect(lost).toMatchObject({ retryable: true, executed: 'unknown' });
    expect(shop.control.quantity('DELTA-LOST', 'available')).toBe(8);
    await expect(run(lossy.inventory.adjust(adjustment, op))).resolves.toEqual({ applied: true });
    expect(shop.control.quantity('DELTA-LOST', 'available')).toBe(8);
  });

  it('sends inventoryAdjustQuantities with the @idempotent key, changeFromQuantity null and a reference to the adjustment', async () => {
    shop.control.setInventory('DELTA-SHAPE', { available: 4, on_hand: 4 });
    sent.length = 0;
    const adjustment = delta({
      sku: 'DELTA-SHAPE',
      delta: '6',
      reason: 'return_to_stock',
      idempotencyKey: 'rma 7/1',
    });
    await run(shopify.inventory.adjust(adjustment, op));
    const mutation = sent.find((body) => body.query.includes('inventoryAdjustQuantities'));
    expect(mutation?.query).toContain('@idempotent(key: "rma 7/1")');
    expect(mutation?.variables).toEqual({
      input: {
        name: 'available',
        reason: 'restock',
        referenceDocumentUri: 'gid://crossdock/InventoryAdjustment/rma%207%2F1',
        changes: [
          {
            inventoryItemId: expect.stringMatching(/^gid:\/\/shopify\/InventoryItem\//),
            locationId: MAIN,
            delta: 6,
            changeFromQuantity: null,
          },
        ],
      },
    });
    expect(shop.control.quantity('DELTA-SHAPE', 'available')).toBe(10);
  });

  it('the same idempotency key with another delta is refused and changes nothing', async () => {
    shop.control.setInventory('DELTA-REUSE', { available: 10, on_hand: 10 });
    const first = delta({ sku: 'DELTA-REUSE', delta: '-1' });
    await run(shopify.inventory.adjust(first, op));
    const reused = await failure(shopify.inventory.adjust({ ...first, delta: '-5' }, op));
    expect(reused).toMatchObject({
      operation: 'inventory.adjust',
      vendorCode: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH',
      retryable: false,
      executed: 'no',
    });
    expect(shop.control.quantity('DELTA-REUSE', 'available')).toBe(9);
  });

  it('a delta in fractions of a unit or at an unknown SKU is refused without writing', async () => {
    expect((await failure(shopify.inventory.adjust(delta({ delta: '0.5' }), op))).vendorCode).toBe(
      'NOT_WHOLE_UNITS',
    );
    expect((await failure(shopify.inventory.adjust(delta({ sku: 'NOPE' }), op))).vendorCode).toBe(
      'UNKNOWN_SKU',
    );
  });

  it('before 2026-01 a delta is refused (no idempotency key to make its retry safe), and a set is sent without @idempotent', async () => {
    const old = createShopifyConnector({
      shop: legacy.shop,
      accessToken: TOKEN,
      apiVersion: '2025-10',
      clock,
    });
    legacy.control.setInventory('OLD-1', { available: 5, on_hand: 5 });
    const refused = await failure(old.inventory.adjust(delta({ sku: 'OLD-1' }), op));
    expect(refused.vendorCode).toBe('IDEMPOTENCY_UNAVAILABLE');
    const { delta: _delta, ...common } = delta({ sku: 'OLD-1' }) as Extract<
      InventoryAdjustment,
      { mode: 'delta' }
    >;
    const set: InventoryAdjustment = { ...common, mode: 'set', expected: '5', quantity: '3' };
    await expect(run(old.inventory.adjust(set, op))).resolves.toEqual({ applied: true });
    expect(legacy.control.quantity('OLD-1', 'on_hand')).toBe(3);
  });
});

describe('the fake Shopify inventory API', () => {
  async function post(query: string, variables: Record<string, unknown>) {
    const response = await fetch(shop.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-shopify-access-token': TOKEN },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as {
      data?: { inventoryAdjustQuantities?: { userErrors: { field: string[]; code: string }[] } };
      errors?: { message: string; extensions?: { code?: string } }[];
    };
  }
  const mutation = (
    directive: string,
  ) => `mutation InventoryAdjustQuantities($input: InventoryAdjustQuantitiesInput!) {
    inventoryAdjustQuantities(input: $input)${directive} { inventoryAdjustmentGroup { id } userErrors { code field message } }
  }`;

  it('refuses inventoryAdjustQuantities without the @idempotent key or without changeFromQuantity from 2026-04', async () => {
    const item = shop.control.setInventory('FAKE-1', { available: 1, on_hand: 1 });
    const change = { inventoryItemId: item, locationId: MAIN, delta: 1 };
    const input = {
      name: 'available',
      reason: 'correction',
      changes: [{ ...change, changeFromQuantity: null }],
    };
    const noKey = await post(mutation(''), { input });
    expect(noKey.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const noChangeFrom = await post(mutation(' @idempotent(key: "k-1")'), {
      input: { ...input, changes: [change] },
    });
    expect(noChangeFrom.data?.inventoryAdjustQuantities?.userErrors[0]).toMatchObject({
      field: ['input', 'changes', '0', 'changeFromQuantity'],
    });
    const onHand = await post(mutation(' @idempotent(key: "k-2")'), { input: { ...input, name: 'damaged' } });
    expect(onHand.data?.inventoryAdjustQuantities?.userErrors[0]?.code).toBe('INVALID_QUANTITY_DOCUMENT');
    expect(shop.control.quantity('FAKE-1', 'available')).toBe(1);
  });
});
