import { defaultOwnershipPolicy, defineOwnershipPolicy } from '@crossdock/canonical';
import type { DeadLetter } from '@crossdock/idempotency';
import { SHIPBOB_DEFAULT_WEBHOOK_SECRET, shipbob } from '@crossdock/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedService } from '../src/demo/environment.ts';
import type { Service } from '../src/service.ts';
import { type ShipmentWorld, startShipmentWorld } from './shipment-fixture.ts';

type Delivery = { readonly headers: Record<string, string>; readonly body: string };

describe('malformed and badly signed webhooks', () => {
  let world: ShipmentWorld;

  beforeAll(async () => {
    world = await startShipmentWorld([{ sku: 'HOOK-MUG', name: 'Mug', stock: 50 }]);
  });
  afterAll(async () => {
    await world?.close();
  });

  /** POSTs one delivery as the vendor would and answers the status (queued steps are waited for). */
  async function post(
    system: 'shipbob' | 'easypost' | 'shopify',
    delivery: Delivery,
    service: Service = world.service,
  ): Promise<number> {
    const response = await fetch(`${service.url()}/webhooks/${system}`, {
      method: 'POST',
      headers: delivery.headers,
      body: delivery.body,
    });
    await response.body?.cancel();
    await service.runtime.queue.onIdle();
    return response.status;
  }

  /** Every letter in the dead-letter store, whatever its status. */
  async function letters(service: Service = world.service): Promise<DeadLetter[]> {
    const all: DeadLetter[] = [];
    let after: string | undefined;
    do {
      const page = await service.runtime.stores.deadLetters.list({ after });
      all.push(...page.items);
      after = page.next;
    } while (after !== undefined);
    return all;
  }

  /** Runs `action` and answers the letters it added. */
  async function lettersAddedBy(
    action: () => Promise<unknown>,
    service: Service = world.service,
  ): Promise<DeadLetter[]> {
    const before = new Set((await letters(service)).map((letter) => letter.id));
    await action();
    return (await letters(service)).filter((letter) => !before.has(letter.id));
  }

  const shipbobSigned = (topic: string, body: string, at = new Date()): Delivery =>
    shipbob.signDelivery(SHIPBOB_DEFAULT_WEBHOOK_SECRET, topic, body, at);

  /** A ShipBob order created by hand in ShipBob (not released from Odoo), shipped: its signed webhook. */
  async function handMadeShipBobShipment(reference: string): Promise<Delivery> {
    const { shipbob: settings } = world.systems.config;
    const response = await fetch(`${settings.baseUrl}/2026-07/order`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${settings.token}`,
        shipbob_channel_id: String(settings.channelId),
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        reference_id: reference,
        shipping_method: 'Standard',
        recipient: {
          name: 'Walk-in',
          address: { address1: '1 Main St', city: 'Springfield', country: 'US' },
        },
        products: [{ reference_id: 'HOOK-MUG', name: 'Mug', quantity: 1 }],
      }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: number };
    return world.systems.shipbob.control.ship(id, { lines: [{ sku: 'HOOK-MUG', quantity: 1 }] });
  }

  describe('ShipBob (Standard Webhooks)', () => {
    it('refuses a delivery with a bad signature with 401 and keeps nothing of it', async () => {
      const delivery = await handMadeShipBobShipment('HOOK-FORGED');
      const forged = { ...delivery, body: delivery.body.replace('HOOK-FORGED', 'HOOK-FORGED-2') };
      const added = await lettersAddedBy(async () => expect(await post('shipbob', forged)).toBe(401));
      expect(added).toEqual([]);
    });

    it('refuses a correctly signed delivery whose timestamp is stale with 401 (a replayed capture)', async () => {
      const stale = shipbobSigned('order.shipped', '{}', new Date(Date.now() - 10 * 60_000));
      const added = await lettersAddedBy(async () => expect(await post('shipbob', stale)).toBe(401));
      expect(added).toEqual([]);
    });

    it('answers 400 to a signed delivery it cannot read and keeps the raw body and headers', async () => {
      const malformed = shipbobSigned('order.shipped', '{"id": "not a shipment"');
      const added = await lettersAddedBy(async () => expect(await post('shipbob', malformed)).toBe(400));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({
        source: 'shipbob.webhook',
        payload: malformed.body,
        headers: expect.objectContaining({ 'webhook-id': malformed.headers['webhook-id'] }),
        status: 'pending',
      });
    });

    it('answers 400 to a signed delivery of a topic ShipBob does not publish and keeps it', async () => {
      const unknown = shipbobSigned('order.teleported', '{"id": 1}');
      const added = await lettersAddedBy(async () => expect(await post('shipbob', unknown)).toBe(400));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({
        source: 'shipbob.webhook',
        payload: unknown.body,
        headers: expect.objectContaining({ 'x-webhook-topic': 'order.teleported' }),
      });
    });

    it('accepts a valid shipment naming no Odoo picking (200) and dead-letters its step with payload and correlation id', async () => {
      const delivery = await handMadeShipBobShipment('HOOK-WALKIN-1');
      const added = await lettersAddedBy(async () => expect(await post('shipbob', delivery)).toBe(200));
      expect(added).toHaveLength(1);
      const [letter] = added as [DeadLetter];
      expect(letter.source).toBe('crossdock.shipment.confirm');
      expect(letter.correlationId).toEqual(expect.any(String));
      expect(letter.payload).toMatchObject({ shipment: { requestId: 'HOOK-WALKIN-1' } });
      expect(letter.errors[0]?.message).toMatch(/names no Odoo picking/);
      const { items } = await world.service.runtime.stores.audit.trace(letter.correlationId as string);
      expect(items.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(['shipment.unmatched', 'shipment.confirm.dead_lettered']),
      );
    });
  });

  describe('EasyPost (HMAC hex)', () => {
    it('refuses a delivery with a bad signature with 401 and keeps nothing of it', async () => {
      const delivery = world.systems.easypost.control.sign('{"id":"evt_forged"}', 'not-the-secret');
      const added = await lettersAddedBy(async () => expect(await post('easypost', delivery)).toBe(401));
      expect(added).toEqual([]);
    });

    it('answers 400 to a signed delivery that is not an EasyPost event and keeps the raw body and headers', async () => {
      const malformed = world.systems.easypost.control.sign('{"object":"Event","result":42}');
      const added = await lettersAddedBy(async () => expect(await post('easypost', malformed)).toBe(400));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({
        source: 'easypost.webhook',
        payload: malformed.body,
        headers: expect.objectContaining({ 'x-hmac-signature': malformed.headers['x-hmac-signature'] }),
      });
    });

    it('acknowledges a signed event of a kind it does not follow (200) without keeping it', async () => {
      // EasyPost sends every event of the account to one URL and has no topic header: refusing
      // the kinds Crossdock does not follow would only make EasyPost retry them.
      const batch = world.systems.easypost.control.sign(
        JSON.stringify({ id: 'evt_batch_1', object: 'Event', description: 'batch.created', result: {} }),
      );
      const added = await lettersAddedBy(async () => expect(await post('easypost', batch)).toBe(200));
      expect(added).toEqual([]);
    });

    it('accepts a scan of a tracker no shipment of ours started (200) and dead-letters its step with payload and correlation id', async () => {
      const carrier = world.service.runtime.carrier;
      if (carrier === undefined) throw new Error('the embedded systems configure EasyPost');
      await carrier.tracking.get('EZFOREIGN0001', { correlationId: 'test.foreign-tracker' });
      const delivery = world.systems.easypost.control.advance('EZFOREIGN0001', 'in_transit');
      const added = await lettersAddedBy(async () => expect(await post('easypost', delivery)).toBe(200));
      expect(added).toHaveLength(1);
      const [letter] = added as [DeadLetter];
      expect(letter.source).toBe('crossdock.tracking.update');
      expect(letter.correlationId).toEqual(expect.any(String));
      expect(letter.payload).toMatchObject({ tracking: { trackingNumber: 'EZFOREIGN0001' } });
      expect(letter.errors[0]?.message).toMatch(/belongs to no shipment/);
    });
  });

  describe('Shopify (HMAC base64)', () => {
    it('refuses a delivery with a bad signature with 401 and keeps nothing of it', async () => {
      const { order } = world.systems.shopify.control.addOrder({ lines: [{ sku: 'HOOK-MUG', quantity: 1 }] });
      const signed = world.systems.shopify.control.cancelOrder(order.id).delivery.delivery;
      const forged = {
        headers: { ...signed.headers, 'x-shopify-hmac-sha256': Buffer.from('forged').toString('base64') },
        body: signed.body,
      };
      const added = await lettersAddedBy(async () => expect(await post('shopify', forged)).toBe(401));
      expect(added).toEqual([]);
    });

    it('answers 400 to a signed delivery it cannot read and keeps the raw body and headers', async () => {
      const malformed = world.systems.shopify.control.sign(
        'orders/cancelled',
        '{"id": "not an order"}',
      ).delivery;
      const added = await lettersAddedBy(async () => expect(await post('shopify', malformed)).toBe(400));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({
        source: 'shopify.webhook',
        payload: malformed.body,
        headers: expect.objectContaining({ 'x-shopify-topic': 'orders/cancelled' }),
      });
    });

    it('answers 400 to a signed delivery of a topic it does not subscribe to and keeps it', async () => {
      const unknown = world.systems.shopify.control.sign('products/create', '{"id": 1}').delivery;
      const added = await lettersAddedBy(async () => expect(await post('shopify', unknown)).toBe(400));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({
        source: 'shopify.webhook',
        payload: unknown.body,
        headers: expect.objectContaining({ 'x-shopify-topic': 'products/create' }),
      });
    });

    it('accepts the cancellation of an order Odoo never had (200) and dead-letters its step with payload and correlation id', async () => {
      // Under the default policy Odoo owns orders and a channel cancellation is only reported; a
      // business that lets the channel cancel orders needs the Odoo order, and this one has none.
      const channelCancels = defineOwnershipPolicy({
        ...defaultOwnershipPolicy,
        records: { ...defaultOwnershipPolicy.records, sales_order: { owner: 'channel' } },
      });
      const service = await embeddedService(world.systems, { policy: channelCancels });
      await service.start();
      try {
        const { order } = world.systems.shopify.control.addOrder({
          lines: [{ sku: 'HOOK-MUG', quantity: 1 }],
        });
        const delivery = world.systems.shopify.control.cancelOrder(order.id).delivery.delivery;
        const added = await lettersAddedBy(
          async () => expect(await post('shopify', delivery, service)).toBe(200),
          service,
        );
        // (Its pollers' first pass may dead-letter the hand-made ShipBob shipments above too.)
        const cancels = added.filter((letter) => letter.source === 'crossdock.order.cancel');
        expect(cancels).toHaveLength(1);
        const [letter] = cancels as [DeadLetter];
        expect(letter.correlationId).toEqual(expect.any(String));
        expect(letter.payload).toMatchObject({
          cancellation: { orderRef: { system: 'shopify', id: order.id } },
        });
        expect(letter.errors[0]?.message).toMatch(/no Odoo order/);
      } finally {
        await service.stop();
      }
    });
  });
});
