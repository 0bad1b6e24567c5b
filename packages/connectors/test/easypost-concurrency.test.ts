import { createEasyPostHandlers } from '@crossdock/testing';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isConnectorError } from '../src/contract/errors.js';
import { createEasyPostConnector } from '../src/easypost/index.js';

const apiKey = 'EZTK_concurrency_key';
const fake = createEasyPostHandlers({ apiKey });
const server = setupServer(...fake.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

const shipment = {
  from: {
    name: 'Crossdock WH',
    street1: '417 Montgomery St',
    city: 'San Francisco',
    state: 'CA',
    zip: '94104',
    country: 'US',
  },
  to: {
    name: 'Dr. Steve Brule',
    street1: '179 N Harbor Dr',
    city: 'Redondo Beach',
    state: 'CA',
    zip: '90277',
    country: 'US',
  },
  parcel: { length: 10, width: 8, height: 4, weight: 15.4 },
};

describe('buying a label under one idempotency key', () => {
  it('buys one label when five calls with the same key run at once', async () => {
    const easypost = createEasyPostConnector({ apiKey });
    const purchasesBefore = fake.control.purchases().length;
    const labels = await Promise.all(
      Array.from({ length: 5 }, () =>
        easypost.labels.buy(
          { shipment },
          { correlationId: 'order-S1', idempotencyKey: 'label:concurrent-1' },
        ),
      ),
    );
    expect(new Set(labels.map((label) => label.trackingNumber)).size).toBe(1);
    expect(fake.control.purchases().length - purchasesBefore).toBe(1);
  });

  it('refuses the same key for another shipment with a ConnectorError', async () => {
    const easypost = createEasyPostConnector({ apiKey });
    await easypost.labels.buy({ shipment }, { correlationId: 'order-S2', idempotencyKey: 'label:reused' });
    const other = { ...shipment, parcel: { ...shipment.parcel, weight: 99 } };
    const error = await easypost.labels
      .buy({ shipment: other }, { correlationId: 'order-S2', idempotencyKey: 'label:reused' })
      .catch((caught: unknown) => caught);
    expect(isConnectorError(error)).toBe(true);
    expect(error).toMatchObject({ vendorCode: 'idempotency_key_reused', retryable: false });
  });
});
