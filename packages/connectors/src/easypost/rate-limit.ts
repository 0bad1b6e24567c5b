import { type Clock, RateLimiter, type TokenBucketStore } from '@crossdock/idempotency';

/** EasyPost's published fixed limit for its Index (list) endpoints, per second. */
export const EASYPOST_INDEX_REQUESTS_PER_SECOND = 5;

/**
 * The limiter the connector paces EasyPost's Index endpoints (`GET /shipments`, `GET /trackers`)
 * with: one request every 250 ms and no burst, so no one-second window ever holds more than 4 of
 * the 5 EasyPost allows (the margin absorbs requests that bunch up on the way). Other endpoints sit
 * behind EasyPost's load-based limiter, which publishes no number: they are not paced, and a 429
 * there is waited out.
 *
 * @example
 * // One limit for every instance using this API key:
 * const indexLimiter = easypostIndexLimiter({ store: new RedisTokenBucketStore({ redis }), name: 'easypost:index:acme' });
 */
export function easypostIndexLimiter(
  options: {
    /** Default `easypost:index`; name one per API key when the store is shared. */
    readonly name?: string;
    /** Default: this process only. */
    readonly store?: TokenBucketStore;
    readonly clock?: Clock;
  } = {},
): RateLimiter {
  return new RateLimiter({
    name: options.name ?? 'easypost:index',
    capacity: 1,
    refillPerSecond: EASYPOST_INDEX_REQUESTS_PER_SECOND - 1,
    ...(options.store === undefined ? {} : { store: options.store }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
}
