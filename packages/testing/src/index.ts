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
