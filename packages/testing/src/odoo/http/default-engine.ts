import { createFakeOdooEngine } from '../engine/index.js';
import type { FakeOdooEngine, FakeOdooVersion } from '../engine/types.js';

/**
 * The engine `createOdooHandlers` builds when it is given none: a fresh seeded fake of `version`.
 *
 * @example
 * ```ts
 * defaultEngine(19).database; // 'odoo'
 * ```
 */
export function defaultEngine(version: FakeOdooVersion): FakeOdooEngine {
  return createFakeOdooEngine({ version });
}
