import type { Clock } from '@crossdock/idempotency';
import type { OdooAuth } from '../transport/index.js';
import type { TransportName } from '../transport/types.js';
import type { OdooLogger } from './events.js';

export interface OdooRetryOptions {
  /** Retries after the first attempt. Default 3. */
  readonly retries?: number;
  /** Upper bound of the first backoff (full jitter, doubling). Default 200. */
  readonly baseDelayMs?: number;
  /** Upper bound of any backoff. Default 10_000. */
  readonly maxDelayMs?: number;
  /** For deterministic tests. */
  readonly clock?: Clock;
  readonly random?: () => number;
}

export interface OdooClientOptions {
  /** The server's base URL. @example 'https://acme.odoo.com' */
  readonly url: string;
  /** The database name. @example 'acme-prod' */
  readonly db: string;
  readonly auth: OdooAuth;
  /**
   * `auto` (default) asks the server its version and picks: JSON-2 with an API key on 19+, the
   * session transport with a password, JSON-RPC with an API key before 19.
   */
  readonly transport?: 'auto' | TransportName;
  /** Context sent with every call, under each call's own. @example { lang: 'en_US', tz: 'Europe/Brussels', allowed_company_ids: [1] } */
  readonly context?: Record<string, unknown>;
  /** Calls in flight at once from this client. Default 4. */
  readonly concurrency?: number;
  /** Per-attempt timeout in ms. Default 30_000. */
  readonly timeoutMs?: number;
  /** Retry policy for calls that are safe to retry; `false` turns retries off. */
  readonly retry?: OdooRetryOptions | false;
  readonly logger?: OdooLogger;
  /** Aborts every call of this client. */
  readonly signal?: AbortSignal;
  /** Hand out records exactly as Odoo sends them (`[id, name]`, `false`, naive datetimes). Default false. */
  readonly raw?: boolean;
  /** Ids per `read`/`write`/`unlink` request. Default 1_000. */
  readonly chunkSize?: number;
  /** Records per `create` request. Default 100. */
  readonly createBatchSize?: number;
}
