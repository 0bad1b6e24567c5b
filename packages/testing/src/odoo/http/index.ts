/**
 * The HTTP layer of the fake Odoo: msw handlers (`createOdooHandlers`), a real local server
 * (`serveFakeOdoo`) and fault injection (`FaultController`).
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node';
 * const odoo = createOdooHandlers({ version: 18 });
 * setupServer(...odoo).listen({ onUnhandledRequest: 'error' });
 * ```
 */
export { concurrencyFault } from './context.js';
export { FaultController, seededRandom } from './faults.js';
export { createOdooHandlers, type OdooHandlers } from './handlers.js';
export { json2Status } from './render.js';
export { type ServedFakeOdoo, type ServeFakeOdooOptions, serveFakeOdoo } from './server.js';
export { type FakeSession, SessionStore } from './sessions.js';
export type {
  CallCounts,
  ConcurrencyError,
  FaultEffect,
  FaultPlan,
  FaultRule,
  OdooHandlersOptions,
  OdooRoute,
} from './types.js';
