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
export type {
  ExceptionInput,
  ReturnReceiptLine,
  ShipBobControl,
  ShipInput,
  ShipLine,
  StockChange,
} from './control.js';
export type { FakeResponse, SeenRequest } from './gate.js';
export {
  createShipBobHandlers,
  DEFAULT_WEBHOOK_SECRET,
  type ShipBobHandlers,
  type ShipBobHandlersOptions,
} from './handlers.js';
export { type SignedDelivery, signDelivery } from './sign.js';
export type {
  FakeInventoryLevel,
  FakeOrder,
  FakeReturn,
  FakeReturnAction,
  FakeReturnItem,
  FakeReturnStatus,
  FakeShipBobState,
  FakeShipment,
  FakeShipmentItem,
  FakeShipmentStatus,
  FakeStatusDetail,
} from './state.js';
