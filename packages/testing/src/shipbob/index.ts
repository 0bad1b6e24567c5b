/**
 * A stateful fake ShipBob for tests, as msw handlers.
 *
 * @example
 * import { createShipBobHandlers } from '@crossdock/testing';
 * const shipbob = createShipBobHandlers();
 * setupServer(...shipbob).listen();
 *
 * @module
 */
export {
  createShipBobHandlers,
  DEFAULT_WEBHOOK_SECRET,
  type FakeResponse,
  type ShipBobControl,
  type ShipBobHandlers,
  type ShipBobHandlersOptions,
  type ShipLine,
} from './handlers.js';
export { type SignedDelivery, signDelivery } from './sign.js';
export type { FakeInventoryLevel, FakeOrder, FakeShipBobState, FakeShipment } from './state.js';
