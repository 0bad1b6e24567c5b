import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect } from 'vitest';
import { check } from './check.js';
import { invoke, methodOf } from './invoke.js';
import type { ContractClock, ContractSubject } from './types.js';

/** Clock steps the suite takes before it calls the connector stuck. */
const MAX_STEPS = 100_000;

/**
 * Moves `clock` forward in `stepMs` steps, letting I/O run between steps, until every promise has
 * settled; the connector's limiter and retry waits sleep on that clock.
 */
async function settleOnClock<T>(
  calls: readonly Promise<T>[],
  clock: ContractClock,
  stepMs: number,
): Promise<PromiseSettledResult<T>[]> {
  let settled = false;
  const all = Promise.allSettled(calls).then((results) => {
    settled = true;
    return results;
  });
  for (let step = 0; !settled; step++) {
    if (step >= MAX_STEPS)
      throw new Error(`calls still pending after ${MAX_STEPS} clock steps of ${stepMs} ms`);
    // Several turns: an intercepted request resolves over more than one macrotask.
    for (let turn = 0; turn < 3 && !settled; turn++) await nextTurn();
    if (!settled) await clock.advance(stepMs);
  }
  return all;
}

function rejections<T>(results: readonly PromiseSettledResult<T>[]): unknown[] {
  return results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
}

/**
 * Registers the rate-limit checks: a burst larger than the published limit completes without the
 * fake ever refusing a request (the connector paces itself), and a refusal's `Retry-After` is
 * waited out before the next attempt.
 *
 * @example
 * rateLimitChecks(subject); // inside runConnectorContract's describe
 */
export function rateLimitChecks(subject: ContractSubject): void {
  const rateLimit = subject.fake.rateLimit;
  if (rateLimit === undefined || methodOf(subject.connector, rateLimit.call.operation) === undefined) return;
  const { call, clock, burst } = rateLimit;
  const op = { correlationId: `contract-${subject.name}-rate-limit` };

  describe('rate limit', () => {
    check(
      subject,
      'rateLimit.burst',
      `a burst of ${burst} × ${call.operation} completes without going over the published limit`,
      async () => {
        const calls = Array.from({ length: burst }, () => invoke(subject.connector, call, op));
        const results = await settleOnClock(calls, clock, 50);
        expect(rejections(results)).toEqual([]);
        expect(rateLimit.refusals()).toBe(0);
        expect(rateLimit.requestTimes().length).toBeGreaterThanOrEqual(burst);
      },
    );

    check(
      subject,
      'rateLimit.retryAfter',
      `${call.operation} waits out the Retry-After of a refusal before trying again`,
      async () => {
        const retryAfterMs = rateLimit.retryAfterMs ?? 7_000;
        const before = rateLimit.requestTimes().length;
        rateLimit.refuseNext(retryAfterMs);
        const [result] = await settleOnClock([invoke(subject.connector, call, op)], clock, 250);
        expect(result?.status).toBe('fulfilled');
        const times = rateLimit.requestTimes().slice(before);
        expect(times.length).toBeGreaterThanOrEqual(2);
        const [refused = Number.NaN, retried = Number.NaN] = times;
        expect(retried - refused).toBeGreaterThanOrEqual(retryAfterMs);
      },
    );
  });
}
