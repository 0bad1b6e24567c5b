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
export { easypostErrorResponse } from './errors.js';
export {
  createEasyPostHandlers,
  type FakeEasyPost,
  type FakeEasyPostControl,
  type FakeEasyPostOptions,
  type FakeWebhookDelivery,
} from './handlers.js';
export {
  createFakeEasyPostState,
  FAKE_RATE_CARD,
  type FakeEasyPostState,
  type FakeRate,
  type FakeShipment,
  type FakeTracker,
  type FakeTrackingDetail,
} from './state.js';
