import { formatIssues } from '@crossdock/canonical';
import { type Clock, systemClock } from '@crossdock/idempotency';
import { z } from 'zod';
import type { ConnectorError } from '../contract/errors.js';
import { shopifyError } from './errors.js';
import { CostBudget, type ThrottleStatus } from './throttle.js';

/** Options of {@link createGraphqlClient}. */
export interface GraphqlClientOptions {
  /** The shop's domain, e.g. `acme.myshopify.com`. */
  readonly shop: string;
  readonly accessToken: string;
  readonly apiVersion: string;
  readonly fetch?: typeof fetch;
  /** How often a `THROTTLED` answer is retried after the restore time. Default 3. */
  readonly maxThrottleRetries?: number;
  /** What the cost bucket is timed and waited on. Default the system clock. */
  readonly clock?: Clock;
}

/** One GraphQL call: which capability, the query (whose operation name routes it), and its answer schema. */
export interface GraphqlCall<T> {
  /** The capability, e.g. `orders.list`, named in errors. */
  readonly operation: string;
  readonly query: string;
  readonly variables?: Record<string, unknown>;
  /** Validates `data`. */
  readonly data: z.ZodType<T>;
  /** True for mutations: a failure after sending may have executed. */
  readonly mutation?: boolean;
  readonly correlationId?: string | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** Sends GraphQL Admin API calls with cost-based throttling. */
export interface GraphqlClient {
  readonly endpoint: string;
  request<T>(call: GraphqlCall<T>): Promise<T>;
  /** Milliseconds spent waiting for the cost bucket (throttle waits and THROTTLED retries). */
  readonly waited: () => number;
}

const ThrottleStatusSchema = z.object({
  currentlyAvailable: z.number(),
  restoreRate: z.number(),
  maximumAvailable: z.number(),
});

const EnvelopeSchema = z.object({
  data: z.unknown().optional(),
  errors: z
    .union([
      z.string(),
      z.array(
        z.object({
          message: z.string(),
          extensions: z.object({ code: z.string().optional() }).loose().optional(),
        }),
      ),
    ])
    .optional(),
  extensions: z
    .object({
      cost: z
        .object({
          requestedQueryCost: z.number().optional(),
          throttleStatus: ThrottleStatusSchema.optional(),
        })
        .loose()
        .optional(),
    })
    .loose()
    .optional(),
});

/** zod issues in the canonical wording, one sentence. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return formatIssues(issues)
    .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
    .join('; ');
}

const OPERATION_NAME = /^\s*(?:query|mutation)\s+([A-Za-z_]\w*)/;

/** What a query is costed under: its operation name and page size (`Orders:10`). */
function costKey(name: string, variables: Record<string, unknown> | undefined): string {
  const first = variables?.first;
  return typeof first === 'number' ? `${name}:${first}` : name;
}

/**
 * A GraphQL Admin API client for one shop: `POST https://{shop}/admin/api/{version}/graphql.json`
 * with `X-Shopify-Access-Token`. Queries wait on the clock until the shop's cost bucket (as
 * `extensions.cost.throttleStatus` last reported it, minus the queries in flight) holds their
 * requested cost (see {@link CostBudget}); a `THROTTLED` answer (which has no `Retry-After`) is
 * retried once its deficit is restored. Every failure is a `ConnectorError`; `data` is validated
 * with the call's zod schema.
 *
 * @example
 * const client = createGraphqlClient({ shop: 'acme.myshopify.com', accessToken, apiVersion: '2026-10' });
 * const data = await client.request({ operation: 'orders.list', query: 'query Orders { … }', data: schema });
 */
export function createGraphqlClient(options: GraphqlClientOptions): GraphqlClient {
  const endpoint = `https://${options.shop}/admin/api/${options.apiVersion}/graphql.json`;
  const clock = options.clock ?? systemClock;
  const budget = new CostBudget(clock);
  const maxRetries = options.maxThrottleRetries ?? 3;
  let waited = 0;

  async function request<T>(call: GraphqlCall<T>): Promise<T> {
    const name = OPERATION_NAME.exec(call.query)?.[1] ?? 'anonymous';
    // Vendor text can echo the request (a 401 quoting the token): scrub the token from every message.
    const fail = (init: Omit<Parameters<typeof shopifyError>[1], 'correlationId'>): ConnectorError =>
      shopifyError(call.operation, {
        ...init,
        message: init.message.split(options.accessToken).join('[redacted]'),
        correlationId: call.correlationId,
      });
    const key = costKey(name, call.variables);
    for (let attempt = 0; ; attempt += 1) {
      const started = clock.now();
      const reservation = await budget.acquire(key, call.signal);
      waited += clock.now() - started;
      let settled = false;
      const settle = (cost?: number, status?: ThrottleStatus) => {
        if (settled) return;
        settled = true;
        budget.settle(reservation, cost, status);
      };
      try {
        let response: Response;
        try {
          // resolved per call, so a fetch patched after construction (msw, instrumentation) is used
          response = await (options.fetch ?? globalThis.fetch)(endpoint, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              accept: 'application/json',
              'x-shopify-access-token': options.accessToken,
            },
            body: JSON.stringify({ query: call.query, variables: call.variables ?? {} }),
            ...(call.signal === undefined ? {} : { signal: call.signal }),
          });
        } catch (error) {
          throw fail({
            message: `request failed: ${error instanceof Error ? error.name : 'network error'}`,
            retryable: true,
            executed: call.mutation ? 'unknown' : 'no',
          });
        }
        const text = await response.text().catch(() => '');
        if (response.status === 429 || response.status >= 500) {
          const retryAfter = Number(response.headers.get('retry-after'));
          throw fail({
            message: `HTTP ${response.status}`,
            httpStatus: response.status,
            retryable: true,
            ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
            executed: call.mutation && response.status >= 500 ? 'unknown' : 'no',
          });
        }
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          throw fail({
            message: `HTTP ${response.status}: the answer is not JSON`,
            httpStatus: response.status,
            retryable: false,
            executed: call.mutation && response.ok ? 'unknown' : 'no',
          });
        }
        const envelope = EnvelopeSchema.safeParse(json);
        if (!envelope.success) {
          throw fail({
            message: `unexpected answer: ${describeIssues(envelope.error.issues)}`,
            httpStatus: response.status,
            retryable: false,
            executed: call.mutation ? 'unknown' : 'no',
          });
        }
        const { data, errors, extensions } = envelope.data;
        settle(extensions?.cost?.requestedQueryCost, extensions?.cost?.throttleStatus);
        if (!response.ok) {
          const message = typeof errors === 'string' ? errors : (errors?.[0]?.message ?? '');
          throw fail({
            message: `HTTP ${response.status}${message ? `: ${message}` : ''}`,
            httpStatus: response.status,
            vendorCode: response.status === 401 ? 'UNAUTHORIZED' : `HTTP_${response.status}`,
            retryable: false,
            executed: 'no',
          });
        }
        if (Array.isArray(errors) && errors.length > 0) {
          const throttled = errors.some((e) => e.extensions?.code === 'THROTTLED');
          if (throttled) {
            // the next acquire waits until the deficit the status reports is restored
            if (attempt < maxRetries) continue;
            const retryAfterMs = Math.max(budget.waitFor(key), 1);
            throw fail({
              message: 'Throttled',
              vendorCode: 'THROTTLED',
              retryable: true,
              retryAfterMs,
              executed: 'no',
            });
          }
          const code = errors.find((e) => e.extensions?.code)?.extensions?.code;
          throw fail({
            message: errors.map((e) => e.message).join('; '),
            httpStatus: response.status,
            ...(code === undefined ? {} : { vendorCode: code }),
            retryable: code === 'INTERNAL_SERVER_ERROR',
            executed: call.mutation && data != null ? 'unknown' : 'no',
          });
        }
        const parsed = call.data.safeParse(data);
        if (!parsed.success) {
          throw fail({
            message: `unexpected data: ${describeIssues(parsed.error.issues)}`,
            httpStatus: response.status,
            vendorCode: 'INVALID_PAYLOAD',
            retryable: false,
            executed: call.mutation ? 'yes' : 'no',
          });
        }
        return parsed.data;
      } finally {
        settle();
      }
    }
  }

  return { endpoint, request, waited: () => waited };
}

export type { ThrottleStatus };
