/** The stateful core of the fake Odoo: records, model behaviour and domains, no HTTP. */
export { createFakeOdooEngine, type FakeOdooEngineInstance, type FakeOdooEngineOptions } from './engine.js';
export { RecordStore } from './store.js';
export {
  type EngineCall,
  type FakeOdooEngine,
  type FakeOdooUser,
  type FakeOdooVersion,
  OdooFault,
} from './types.js';
