import {
  type AuditLog,
  type CursorStore,
  type DeadLetterStore,
  type IdempotencyStore,
  MemoryAuditLog,
  MemoryCursorStore,
  MemoryDeadLetterStore,
  MemoryOrderingStore,
  MemoryStore,
  type OrderingStore,
} from '@crossdock/idempotency';
import type { Config } from '../config/schema.ts';

/** Everything the service keeps: claims, dead letters, the audit trail, read cursors and ordering positions. */
export interface Stores {
  readonly idempotency: IdempotencyStore;
  readonly deadLetters: DeadLetterStore;
  readonly audit: AuditLog;
  readonly cursors: CursorStore;
  readonly ordering: OrderingStore;
  /** Releases connections (a PostgreSQL pool); a no-op in memory. */
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;

/** In this process only: the embedded demo and tests. State is gone when the process exits. */
export function memoryStores(config: Pick<Config, 'auditRetentionDays'>): Stores {
  return {
    idempotency: new MemoryStore(),
    deadLetters: new MemoryDeadLetterStore(),
    audit: new MemoryAuditLog({ retentionMs: config.auditRetentionDays * DAY_MS }),
    cursors: new MemoryCursorStore(),
    ordering: new MemoryOrderingStore(),
    close: async () => {},
  };
}

/** Shared by every instance and kept across restarts: production. Migrates the schema first. */
export async function postgresStores(
  config: Pick<Config, 'auditRetentionDays'>,
  url: string,
  schema = 'crossdock',
): Promise<Stores> {
  const [{ default: pg }, postgres] = await Promise.all([
    import('pg'),
    import('@crossdock/idempotency/postgres'),
  ]);
  const pool = new pg.Pool({ connectionString: url });
  await postgres.migrate(pool, { schema });
  return {
    idempotency: new postgres.PostgresStore({ pool, schema }),
    deadLetters: new postgres.PostgresDeadLetterStore({ pool, schema }),
    audit: new postgres.PostgresAuditLog({ pool, schema, retentionMs: config.auditRetentionDays * DAY_MS }),
    cursors: new postgres.PostgresCursorStore({ pool, schema }),
    ordering: new postgres.PostgresOrderingStore({ pool, schema }),
    close: () => pool.end(),
  };
}

/** The stores the configuration asks for. */
export function openStores(config: Config): Promise<Stores> {
  return config.store.kind === 'postgres'
    ? postgresStores(config, config.store.url, config.store.schema)
    : Promise.resolve(memoryStores(config));
}
