import { ManualClock } from '@crossdock/idempotency';
import { createEasyPostHandlers } from '@crossdock/testing';
import { runConnectorContract } from '@crossdock/testing/contract';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { createEasyPostConnector } from '../src/easypost/index.js';

// EasyPost: connector and fake count time on one manual clock, which the rate-limit checks move.
const EASYPOST_KEY = 'EZTK_contract_key_do_not_leak';
const EASYPOST_SECRET = 'whsec-easypost-contract';
const TRACKED = 'EZ4000000001';
const clock = new ManualClock(Date.parse('2026-11-25T12:00:00Z'));
const easypostFake = createEasyPostHandlers({
  apiKey: EASYPOST_KEY,
  webhookSecret: EASYPOST_SECRET,
  now: () => clock.now(),
});
const easypost = createEasyPostConnector({ apiKey: EASYPOST_KEY, webhookSecret: EASYPOST_SECRET, clock });

const server = setupServer(...easypostFake.handlers);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

runConnectorContract({
  name: 'EasyPost',
  connector: easypost,
  secrets: [EASYPOST_KEY, EASYPOST_SECRET],
  fake: {
    reset() {
      // Only the rate-limit checks move the clock; a second between checks refills the one-request
      // bucket the connector paces EasyPost's Index endpoints with, so no other check waits on it.
      void clock.advance(1_000);
      easypostFake.control.reset();
      easypostFake.control.advance(TRACKED, 'in_transit', 'arrived_at_facility');
    },
    requestsSeen: () => easypostFake.control.requests.length,
    // EasyPost publishes a fixed limit only for its Index endpoints (five requests a second):
    // `tracking.get` of a tracked number is one Index request (`GET /trackers`).
    rateLimit: {
      call: { operation: 'tracking.get', args: [TRACKED] },
      burst: 20,
      clock,
      refusals: () => easypostFake.control.refusals,
      refuseNext: (retryAfterMs) => easypostFake.control.refuseNext(retryAfterMs),
      requestTimes: () => easypostFake.control.requests.map((request) => request.at),
    },
    webhooks: {
      secret: EASYPOST_SECRET,
      signedWebhook(secret = EASYPOST_SECRET) {
        const body = '{"id":"evt_contract","object":"Event","description":"batch.created","result":{}}';
        const signed = easypostFake.control.sign(body, secret);
        return { headers: new Headers(signed.headers), rawBody: signed.body };
      },
      requiredHeaders: ['x-hmac-signature'],
      malformedWebhook: () => ({
        webhook: {
          headers: new Headers(),
          rawBody:
            '{"id":"evt_2","description":"tracker.updated","result":{"id":"trk_1","carrier":"USPS","status":"delivered","updated_at":"2026-11-25T12:00:00Z"}}',
        },
        field: 'event.result.tracking_code',
      }),
    },
    badPayload() {
      server.use(
        http.get(
          `${easypostFake.baseUrl}/trackers`,
          () =>
            HttpResponse.json({
              trackers: [
                { id: 'trk_1', tracking_code: 'EZ1', carrier: 'USPS', updated_at: '2026-11-25T12:00:00Z' },
              ],
            }),
          { once: true },
        ),
      );
      return { operation: 'tracking.get', args: ['EZ1'], field: 'trackers.0.status' };
    },
    leakyFailure() {
      server.use(
        http.get(
          `${easypostFake.baseUrl}/trackers`,
          () =>
            HttpResponse.json(
              { error: { code: 'APIKEY.INACTIVE', message: `bad key ${EASYPOST_KEY}`, errors: [] } },
              { status: 401 },
            ),
          { once: true },
        ),
      );
      return { operation: 'tracking.get', args: ['EZ1'] };
    },
  },
});
