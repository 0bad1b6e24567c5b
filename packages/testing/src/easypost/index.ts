/**
 * A stateful fake of EasyPost for msw.
 *
 * @example
 * import { createEasyPostHandlers } from '@crossdock/testing';
 * const easypost = createEasyPostHandlers();
 * const server = setupServer(...easypost.handlers);
 *
 * @module
 */
export type { TrackerStep } from './carrier.js';
export type { FakeEasyPostControl } from './control.js';
export { easypostErrorResponse, rateLimitedResponse, serverErrorResponse } from './errors.js';
export { type FakeEasyPostRoute, type FakeFailure, INDEX_ROUTES } from './gate.js';
export { createEasyPostHandlers, type FakeEasyPost, type FakeEasyPostOptions } from './handlers.js';
export { type FakeWebhookDelivery, signEasyPostDelivery } from './sign.js';
export {
  createFakeEasyPostState,
  FAKE_RATE_CARD,
  type FakeEasyPostState,
  type FakeRate,
  type FakeRequest,
  type FakeShipment,
  type FakeTracker,
  type FakeTrackingDetail,
} from './state.js';
