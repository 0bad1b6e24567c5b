// Vendor fakes live under a namespace each (their state types share names), plus their entry points.
export * as easypost from './easypost/index.js';
export { createEasyPostHandlers } from './easypost/index.js';
export {
  createFakeOdooEngine,
  type FakeOdooEngineOptions,
} from './odoo/engine/index.js';
export {
  type EngineCall,
  type FakeOdooEngine,
  type FakeOdooUser,
  type FakeOdooVersion,
  OdooFault,
} from './odoo/engine/types.js';
export * from './odoo/http/index.js';
export * from './serve/index.js';
export * as shipbob from './shipbob/index.js';
export {
  createShipBobHandlers,
  DEFAULT_WEBHOOK_SECRET as SHIPBOB_DEFAULT_WEBHOOK_SECRET,
} from './shipbob/index.js';
export * as shopify from './shopify/index.js';
export { createShopifyHandlers } from './shopify/index.js';
export * from './webhook-delivery/index.js';
