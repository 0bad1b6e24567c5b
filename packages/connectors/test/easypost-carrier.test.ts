import type { EventEnvelope, TrackingEvent } from '@crossdock/canonical';
import { MemoryDeadLetterStore, MemoryStore } from '@crossdock/idempotency';
import { createEasyPostHandlers, deliverWebhooks } from '@crossdock/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  canonicalTrackingStatus,
  createEasyPostConnector,
  EASYPOST_TRACKER_STATUSES,
} from '../src/easypost/index.js';
import { createWebhookReceiver } from '../src/webhooks/index.js';

const apiKey = 'EZTK_carrier_key';
const webhookSecret = 'whsec-carrier-ß';
const fake = createEasyPostHandlers({ apiKey, webhookSecret });
const server = setupServer(...fake.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

const easypost = createEasyPostConnector({ apiKey, webhookSecret });
const op = { correlationId: 'corr-carrier' };

let handled: { deliveryId: string; events: readonly EventEnvelope[] }[];
let receive: (request: Request) => Promise<Response>;
beforeEach(() => {
  fake.control.reset();
  handled = [];
  receive = createWebhookReceiver({
    source: 'easypost.webhook',
    verify: (webhook) => easypost.webhooks.verify(webhook),
    parse: (webhook) => easypost.webhooks.parse(webhook, op),
    store: new MemoryStore(),
    deadLetters: new MemoryDeadLetterStore(),
    handle: async (events, { deliveryId }) => {
      handled.push({ deliveryId, events });
    },
  });
});

/** `deliverWebhooks` posting straight into the receiver, no socket needed. */
const url = 'https://crossdock.example/webhooks/easypost';
const viaReceiver: typeof fetch = (input, init) => receive(new Request(input, init));
function tracking(event: EventEnvelope | undefined): TrackingEvent {
  if (event === undefined) throw new Error('expected an event');
  return (event.data as { tracking: TrackingEvent }).tracking;
}

describe('the fake EasyPost playing the carrier', () => {
  it('moves a bought label through every tracker status, each a signed tracker.updated the receiver maps', async () => {
    const label = await easypost.labels.buy(
      {
        shipment: {
          from: { street1: '417 Montgomery St', city: 'San Francisco', zip: '94104', country: 'US' },
          to: { street1: '179 N Harbor Dr', city: 'Redondo Beach', zip: '90277', country: 'US' },
          parcel: { weight: 12 },
        },
      },
      { ...op, idempotencyKey: 'label:carrier-1' },
    );
    const deliveries = fake.control.advanceThrough(label.trackingNumber, [
      { status: 'in_transit', detail: 'arrived_at_facility' },
      'out_for_delivery',
      { status: 'delivered', detail: 'arrived_at_destination' },
      ...EASYPOST_TRACKER_STATUSES.map((status) => ({ status, detail: `detail_${status}` })),
    ]);
    const results = await deliverWebhooks(deliveries, { url, fetch: viaReceiver });
    expect(results.map((r) => r.status)).toEqual(deliveries.map(() => 200));
    const latest = handled.map(({ events }) => tracking(events[0]));
    expect(latest.slice(0, 3).map((t) => [t.status, t.carrierCode, t.carrierDetail])).toEqual([
      ['in_transit', 'in_transit', 'arrived_at_facility'],
      ['out_for_delivery', 'out_for_delivery', 'Fake scan: out_for_delivery'],
      ['delivered', 'delivered', 'arrived_at_destination'],
    ]);
    expect(latest.slice(3).map((t) => [t.carrierCode, t.status, t.carrierDetail])).toEqual(
      EASYPOST_TRACKER_STATUSES.map((status) => [
        status,
        canonicalTrackingStatus(status, `detail_${status}`),
        `detail_${status}`,
      ]),
    );
    expect(
      latest.every((t) => t.trackingNumber === label.trackingNumber && t.shipmentId === label.shipmentId),
    ).toBe(true);
  });

  it('raises a carrier exception: a failure scan mapped to exception, with the carrier detail kept', async () => {
    fake.control.advance('EZ7000000001', 'in_transit');
    const delivery = fake.control.raiseException('EZ7000000001', {
      detail: 'address_not_found',
      message: 'Addressee unknown',
    });
    const [result] = await deliverWebhooks([delivery], { url, fetch: viaReceiver });
    expect(result?.status).toBe(200);
    expect(tracking(handled[0]?.events[0])).toMatchObject({
      status: 'exception',
      carrierCode: 'failure',
      carrierDetail: 'address_not_found',
    });
    const events = await easypost.tracking.get('EZ7000000001', op);
    expect(events.map((e) => e.status)).toEqual(['pre_transit', 'in_transit', 'exception']);
  });

  it('delivers the same signed delivery twice and out of order without handling it twice', async () => {
    const deliveries = fake.control.advanceThrough('EZ7000000002', ['in_transit', 'delivered']);
    const results = await deliverWebhooks(deliveries, {
      url,
      fetch: viaReceiver,
      duplicate: 2,
      order: 'reversed',
    });
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(handled.map((h) => tracking(h.events[0]).carrierCode)).toEqual(['delivered', 'in_transit']);
  });

  it('signs so that a tampered copy is refused by the receiver', async () => {
    const delivery = fake.control.advance('EZ7000000003', 'delivered');
    const tampered = { ...delivery, body: delivery.body.replace('EZ7000000003', 'EZ7000000004') };
    const [result] = await deliverWebhooks([tampered], { url, fetch: viaReceiver });
    expect(result?.status).toBe(401);
    expect(handled).toEqual([]);
  });
});
