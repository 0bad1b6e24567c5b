import { parseCanonical, ShipmentSchema } from '@crossdock/canonical';
import { replayDeadLetters } from '@crossdock/idempotency';
import { deliverWebhooks } from '@crossdock/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueChannelFulfillment } from '../src/flows/channel-fulfillments.ts';
import { pollChannelOrders } from '../src/flows/channel-orders.ts';
import { pollReleases } from '../src/flows/release.ts';
import { STEPS } from '../src/flows/steps.ts';
import { replayLetter } from '../src/runtime/replay.ts';
import { deliver, type ShipmentWorld, startShipmentWorld } from './shipment-fixture.ts';

type Delivery = { readonly headers: Record<string, string>; readonly body: string };

/** The id of a many2one as Odoo answers it: `[id, name]` (JSON-RPC) or `{ id, name }` (JSON-2). */
const idOf = (value: unknown): unknown =>
  Array.isArray(value) ? value[0] : (value as { id?: unknown } | undefined)?.id;

describe('channel orders', () => {
  let world: ShipmentWorld;

  beforeAll(async () => {
    world = await startShipmentWorld([
      { sku: 'CH-MUG', name: 'Mug', stock: 100 },
      { sku: 'CH-TEA', name: 'Tea', stock: 100 },
    ]);
  });
  afterAll(() => world?.close());

  const shop = () => world.systems.shopify.control;
  const odoo = () => world.systems.odooClient;

  /** POSTs Shopify deliveries to the service and waits for every queued step. */
  async function deliverShopify(deliveries: readonly Delivery[]): Promise<void> {
    const results = await deliverWebhooks(deliveries, { url: `${world.service.url()}/webhooks/shopify` });
    for (const result of results) expect(result.status).toBe(200);
    await world.service.runtime.queue.onIdle();
  }

  /** The Odoo sale orders of a Shopify order name. */
  const odooOrdersOf = (name: string) =>
    odoo()
      .model('sale.order')
      .searchRead({
        domain: [['client_order_ref', '=', name]],
        fields: ['name', 'state', 'partner_id', 'picking_ids'],
      });

  /** Releases the Odoo order's delivery to ShipBob; answers the picking and the ShipBob order id. */
  async function release(name: string): Promise<{ pickingId: number; shipbobId: number }> {
    const [order] = await odooOrdersOf(name);
    const pickingId = (order?.picking_ids as number[] | undefined)?.[0] as number;
    await pollReleases(world.service.runtime);
    await world.service.runtime.queue.onIdle();
    const held = world.systems.shipbob.control
      .orders()
      .find((candidate) => candidate.reference_id === `stock.picking:${pickingId}`);
    if (held === undefined) throw new Error(`stock.picking:${pickingId} was not released to ShipBob`);
    return { pickingId, shipbobId: held.id };
  }

  it('creates one confirmed Odoo sale order with its delivery for a Shopify order, for the customer Odoo already has', async () => {
    const [known] = (await odoo().model('res.partner').create({
      name: 'Known Customer',
      email: 'known@example.com',
      street: '1 Main St',
      city: 'Springfield',
      zip: '62701',
      country_id: 233,
    })) as [number];
    const { order, delivery } = shop().addOrder({
      email: 'known@example.com',
      lines: [{ sku: 'CH-MUG', quantity: 2, price: '12.50' }],
    });
    await deliverShopify([delivery.delivery]);

    const [created, ...more] = await odooOrdersOf(order.name);
    expect(more).toEqual([]);
    expect(created?.state).toBe('sale');
    expect(idOf(created?.partner_id)).toBe(known);
    expect(created?.picking_ids as number[]).toHaveLength(1);
    const pickingId = (created?.picking_ids as number[] | undefined)?.[0];
    expect(await world.service.runtime.correlations.of(`stock.picking:${pickingId}`, 'none')).toBe(
      `order:${String(created?.name)}`,
    );
    const { items } = await world.service.runtime.stores.audit.trace(`order:${String(created?.name)}`);
    expect(items.map((entry) => entry.action)).toContain('channel.order.created');
  });

  it('creates the customer in Odoo when no partner has the order e-mail', async () => {
    const { order, delivery } = shop().addOrder({
      email: 'new.customer@example.com',
      lines: [{ sku: 'CH-TEA', quantity: 1 }],
    });
    await deliverShopify([delivery.delivery]);
    const [created] = await odooOrdersOf(order.name);
    const partners = await odoo()
      .model('res.partner')
      .searchRead({ domain: [['email', '=', 'new.customer@example.com']], fields: ['name', 'zip'] });
    expect(partners).toHaveLength(1);
    expect(idOf(created?.partner_id)).toBe(partners[0]?.id);
  });

  it('creates one Odoo order however often the webhook is delivered and whether the poll sees the order too', async () => {
    const { order } = shop().addOrder({ lines: [{ sku: 'CH-MUG', quantity: 1 }] });
    // Three deliveries of the same order (Shopify's retries carry new webhook ids), then the poll.
    await deliverShopify([1, 2, 3].map(() => shop().webhook('orders/create', order).delivery));
    const report = await pollChannelOrders(world.service.runtime);
    await world.service.runtime.queue.onIdle();
    expect(report.read).toBeGreaterThan(0);
    expect(await odooOrdersOf(order.name)).toHaveLength(1);
  });

  it('creates an order the webhook missed from the polling fallback, once over two passes', async () => {
    const { order } = shop().addOrder({ lines: [{ sku: 'CH-TEA', quantity: 2 }] });
    const first = await pollChannelOrders(world.service.runtime);
    await pollChannelOrders(world.service.runtime);
    await world.service.runtime.queue.onIdle();
    expect(first.created).toBeGreaterThanOrEqual(1);
    expect(await odooOrdersOf(order.name)).toHaveLength(1);
    // The webhook arriving late changes nothing either.
    await deliverShopify([shop().webhook('orders/create', order).delivery]);
    expect(await odooOrdersOf(order.name)).toHaveLength(1);
  });

  it('dead-letters an order with a SKU Odoo does not know, naming the SKU, and creates nothing in Odoo', async () => {
    const { order, delivery } = shop().addOrder({
      email: 'unknown.sku@example.com',
      lines: [
        { sku: 'CH-MUG', quantity: 1 },
        { sku: 'CH-NOPE', quantity: 1 },
      ],
    });
    await deliverShopify([delivery.delivery]);
    const { items } = await world.service.runtime.stores.deadLetters.list({
      key: `channel-order:${order.id}`,
      status: 'pending',
    });
    expect(items).toHaveLength(1);
    expect(JSON.stringify(items[0]?.errors)).toContain('CH-NOPE');
    expect((items[0]?.payload as { order?: { id: string } } | undefined)?.order?.id).toBe(order.id);
    expect(await odooOrdersOf(order.name)).toEqual([]);
    const partners = await odoo()
      .model('res.partner')
      .searchRead({ domain: [['email', '=', 'unknown.sku@example.com']], fields: ['name'] });
    expect(partners).toEqual([]);
    // The poll leaves it in the dead-letter store instead of failing it again every pass.
    const report = await pollChannelOrders(world.service.runtime);
    expect(report.deadLettered).toBeGreaterThanOrEqual(1);
  });

  it('creates the order once its SKU exists in Odoo and its dead letter is replayed', async () => {
    const { order, delivery } = shop().addOrder({ lines: [{ sku: 'CH-LATER', quantity: 1 }] });
    await deliverShopify([delivery.delivery]);
    const { runtime } = world.service;
    const { items } = await runtime.stores.deadLetters.list({ key: `channel-order:${order.id}` });
    expect(items.map((letter) => letter.status)).toEqual(['pending']);
    await odoo().model('product.product').create({ name: 'Later', default_code: 'CH-LATER' });
    const report = await replayDeadLetters(
      runtime.stores.deadLetters,
      [items[0]?.id as string],
      (payload, context) => replayLetter(runtime, STEPS, payload, context),
    );
    await runtime.queue.onIdle();
    expect(report.replayed).toHaveLength(1);
    expect(await odooOrdersOf(order.name)).toHaveLength(1);
    await replayDeadLetters(runtime.stores.deadLetters, [items[0]?.id as string], (payload, context) =>
      replayLetter(runtime, STEPS, payload, context),
    );
    await runtime.queue.onIdle();
    expect(await odooOrdersOf(order.name)).toHaveLength(1);
  });

  it('fulfills the Shopify order with the tracking number once its Odoo delivery ships, once even if the shipment webhook comes twice', async () => {
    const { order, fulfillmentOrder, delivery } = shop().addOrder({
      lines: [{ sku: 'CH-MUG', quantity: 2 }],
    });
    await deliverShopify([delivery.delivery]);
    const { shipbobId } = await release(order.name);
    const shipped = world.systems.shipbob.control.ship(shipbobId, {
      lines: [{ sku: 'CH-MUG', quantity: 2 }],
      trackingNumber: '1ZCHANNEL01',
      carrier: 'UPS',
    });
    await deliver(world, 'shipbob', [shipped]);
    await deliver(world, 'shipbob', [shipped]);
    await world.service.runtime.queue.onIdle();

    const fo = shop().fulfillmentOrder(fulfillmentOrder.id);
    expect(fo?.fulfillments).toHaveLength(1);
    expect(fo?.fulfillments[0]?.number).toBe('1ZCHANNEL01');
    expect(fo?.status).toBe('CLOSED');
    expect(fo?.lineItems.map((line) => line.remainingQuantity)).toEqual([0]);
  });

  it('fulfills only the shipped quantity of a partial shipment, and the rest when the backorder ships', async () => {
    const { order, fulfillmentOrder, delivery } = shop().addOrder({
      lines: [
        { sku: 'CH-MUG', quantity: 3 },
        { sku: 'CH-TEA', quantity: 1 },
      ],
    });
    await deliverShopify([delivery.delivery]);
    const { shipbobId } = await release(order.name);
    await deliver(world, 'shipbob', [
      world.systems.shipbob.control.ship(shipbobId, {
        lines: [{ sku: 'CH-MUG', quantity: 1 }],
        trackingNumber: '1ZPART0001',
      }),
    ]);
    await world.service.runtime.queue.onIdle();
    let fo = shop().fulfillmentOrder(fulfillmentOrder.id);
    expect(fo?.fulfillments.map((f) => f.number)).toEqual(['1ZPART0001']);
    expect(fo?.status).toBe('IN_PROGRESS');
    expect(fo?.lineItems.map((line) => [line.sku, line.remainingQuantity])).toEqual([
      ['CH-MUG', 2],
      ['CH-TEA', 1],
    ]);

    await deliver(world, 'shipbob', [
      world.systems.shipbob.control.ship(shipbobId, {
        lines: [
          { sku: 'CH-MUG', quantity: 2 },
          { sku: 'CH-TEA', quantity: 1 },
        ],
        trackingNumber: '1ZPART0002',
      }),
    ]);
    await world.service.runtime.queue.onIdle();
    fo = shop().fulfillmentOrder(fulfillmentOrder.id);
    expect(fo?.fulfillments.map((f) => f.number)).toEqual(['1ZPART0001', '1ZPART0002']);
    expect(fo?.status).toBe('CLOSED');
  });
  it('ships the order of a customer Odoo knows without an address to the Shopify shipping address, and releases it', async () => {
    const [customer] = (await odoo().model('res.partner').create({
      name: 'No Address Yet',
      email: 'no.address@example.com',
    })) as [number];
    const shippingAddress = {
      firstName: 'Nora',
      lastName: 'Address',
      address1: '5 Harbour Rd',
      city: 'Portland',
      provinceCode: 'ME',
      zip: '04101',
      countryCode: 'US',
    };
    const { order, delivery } = shop().addOrder({
      email: 'no.address@example.com',
      shippingAddress,
      lines: [{ sku: 'CH-TEA', quantity: 1 }],
    });
    await deliverShopify([delivery.delivery]);
    const [created] = await odooOrdersOf(order.name);
    expect(idOf(created?.partner_id)).toBe(customer);
    const [detail] = await odoo()
      .model('sale.order')
      .read([created?.id as number], { fields: ['partner_shipping_id'] });
    const shippingId = idOf(detail?.partner_shipping_id) as number;
    expect(shippingId).not.toBe(customer);
    const [shipping] = await odoo()
      .model('res.partner')
      .read([shippingId], { fields: ['type', 'parent_id', 'street', 'city', 'zip'] });
    expect(shipping).toMatchObject({
      type: 'delivery',
      street: '5 Harbour Rd',
      city: 'Portland',
      zip: '04101',
    });
    expect(idOf(shipping?.parent_id)).toBe(customer);
    const { order: read } = await world.service.runtime.odoo.orders.get(
      { system: 'odoo', id: `sale.order:${String(created?.id)}` },
      { correlationId: 'test' },
    );
    expect(read.shipTo.address).toMatchObject({
      lines: ['5 Harbour Rd'],
      city: 'Portland',
      postalCode: '04101',
    });
    // The delivery has an address, so it is released to the warehouse like any other.
    const { shipbobId } = await release(order.name);
    const held = world.systems.shipbob.control.orders().find((candidate) => candidate.id === shipbobId);
    expect(JSON.stringify(held?.recipient)).toContain('5 Harbour Rd');
  });

  it('puts every tracking number of a shipment of several parcels on the Shopify fulfillment', async () => {
    const { order, fulfillmentOrder, delivery } = shop().addOrder({
      lines: [{ sku: 'CH-MUG', quantity: 2 }],
    });
    await deliverShopify([delivery.delivery]);
    const [created] = await odooOrdersOf(order.name);
    const correlationId = `order:${String(created?.name)}`;
    const shipment = parseCanonical(ShipmentSchema, {
      id: 'parcels-1',
      state: 'shipped',
      shippedAt: '2026-11-25T15:00:00Z',
      carrierService: { carrier: 'ups', service: 'ground' },
      trackingNumbers: ['1ZPARCEL0001', '1ZPARCEL0002'],
      contents: [
        { requestLineId: 'l1', item: { sku: 'CH-MUG', refs: [] }, quantity: '2', uom: 'EA', serials: [] },
      ],
      refs: [{ system: 'shipbob', id: 'parcels-1' }],
    });
    await queueChannelFulfillment(world.service.runtime, shipment, correlationId);
    await world.service.runtime.queue.onIdle();
    const fo = shop().fulfillmentOrder(fulfillmentOrder.id);
    expect(fo?.fulfillments.map((f) => [f.numbers, f.company])).toEqual([
      [['1ZPARCEL0001', '1ZPARCEL0002'], 'UPS'],
    ]);
    expect(fo?.status).toBe('CLOSED');
  });
});
