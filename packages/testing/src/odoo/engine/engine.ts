import { asFault, bindArguments, resolveMethod } from './dispatch.js';
import { faults } from './faults.js';
import { MODEL_SPECS } from './models/index.js';
import type { Env, Registry } from './registry.js';
import { schemaFor } from './schema/fields.js';
import { SEED_USERS, seedBase } from './seed/base.js';
import { seedRecordings } from './seed/recordings.js';
import { RecordStore } from './store.js';
import {
  type EngineCall,
  type FakeOdooEngine,
  type FakeOdooUser,
  type FakeOdooVersion,
  OdooFault,
} from './types.js';

/** Options of `createFakeOdooEngine`. */
export interface FakeOdooEngineOptions {
  readonly version: FakeOdooVersion;
  /** The database name (default `odoo`, as in the recordings). */
  readonly database?: string;
  /**
   * `recordings` (default): the records the recordings read, with their ids. `empty`: only the base
   * data (company, admin and demo users, warehouse WH, its locations and units).
   */
  readonly seed?: 'recordings' | 'empty';
  /** A fixed clock for `create_date`/`write_date` (naive UTC `YYYY-MM-DD HH:MM:SS`). */
  readonly now?: () => string;
}

/** The engine plus its store and users, for tests and the HTTP layer. */
export interface FakeOdooEngineInstance extends FakeOdooEngine {
  readonly store: RecordStore;
  readonly users: readonly FakeOdooUser[];
}

const VERSION_INFO: Readonly<Record<FakeOdooVersion, Record<string, unknown>>> = {
  17: {
    server_version: '17.0',
    server_version_info: [17, 0, 0, 'final', 0, ''],
    server_serie: '17.0',
    protocol_version: 1,
  },
  18: {
    server_version: '18.0+e-20241005',
    server_version_info: [18, 0, 0, 'final', 0, 'e'],
    server_serie: '18.0',
    protocol_version: 1,
  },
  19: {
    server_version: '19.0',
    server_version_info: [19, 0, 0, 'final', 0, ''],
    server_serie: '19.0',
    protocol_version: 1,
  },
};

/** Methods that change nothing, so need no rollback journal. */
const READ_ONLY = new Set([
  'search',
  'search_read',
  'search_count',
  'read',
  'read_group',
  'name_search',
  'fields_get',
  'default_get',
  'exists',
  'has_group',
]);

/**
 * Creates the stateful fake Odoo of a version: records in memory, ORM methods, domains, the
 * sale → delivery → backorder → return flow and inventory counts, with Odoo's errors. Each call
 * runs like a transaction: a raised fault leaves the records as they were.
 */
export function createFakeOdooEngine(options: FakeOdooEngineOptions): FakeOdooEngineInstance {
  const { version } = options;
  const database = options.database ?? 'odoo';
  const store = new RecordStore();
  if (options.now) store.now = options.now;
  seedBase(store, version);
  if ((options.seed ?? 'recordings') === 'recordings') seedRecordings(store, version);
  const registry: Registry = { fields: schemaFor(version), specs: MODEL_SPECS };
  const users = SEED_USERS;

  const execute = (call: EngineCall): unknown => {
    if (!users.some((u) => u.id === call.uid))
      throw new OdooFault('odoo.exceptions.AccessDenied', 'Access Denied');
    const rawContext = call.kwargs.context;
    const context =
      rawContext !== null && typeof rawContext === 'object' && !Array.isArray(rawContext)
        ? (rawContext as Record<string, unknown>)
        : {};
    const env: Env = { version, store, registry, uid: call.uid, model: call.model, context, users };
    const method = resolveMethod(env, call);
    const { ids, kw } = bindArguments(method, call);
    try {
      if (READ_ONLY.has(call.method)) return method.run(env, ids, kw);
      return store.transaction(() => method.run(env, ids, kw));
    } catch (error) {
      throw asFault(error);
    }
  };

  return {
    version,
    database,
    store,
    users,
    versionInfo: () => structuredClone(VERSION_INFO[version]),
    authenticate(login, secret) {
      const user = users.find((u) => u.login === login);
      if (!user) return false;
      return user.password === secret || user.apiKeys.includes(secret) ? user.id : false;
    },
    userForApiKey(apiKey) {
      return users.find((u) => u.apiKeys.includes(apiKey))?.id ?? false;
    },
    execute,
  };
}

export { faults };
