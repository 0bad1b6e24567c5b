import { describe, expect, it, vi } from 'vitest';
import {
  defaultClassifier,
  ManualClock,
  parseRetryAfter,
  RetryBudget,
  RetryBudgetExhaustedError,
  type RetryInfo,
  type RetryPolicy,
  retry,
} from '../src/index.js';
import { flush, rejection } from './async-helpers.js';

/** Drives a retry on a manual clock: advances to each pending wait until the promise settles. */
async function runOnClock<T>(clock: ManualClock, promise: Promise<T>): Promise<T> {
  let settled = false;
  const tracked = promise.finally(() => {
    settled = true;
  });
  tracked.catch(() => {});
  for (let step = 0; step < 100 && !settled; step++) {
    await flush();
    if (settled) break;
    const next = clock.pendingDelays.reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
    if (!Number.isFinite(next)) throw new Error('the retry is stuck: nothing is waiting on the clock');
    await clock.advance(next);
  }
  return tracked;
}

/** A number source that returns the given values in turn (the last one forever). */
function sequence(...values: number[]): () => number {
  let index = 0;
  return () => values[Math.min(index++, values.length - 1)] ?? 0;
}

function httpError(status: number, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(`HTTP ${status}`), { status }, extra);
}

/** A function that fails with the given errors in turn, then returns `'ok'`. */
function failing(...errors: unknown[]): { fn: (attempt: number) => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    fn: async () => {
      const error = errors[calls++];
      if (error !== undefined) throw error;
      return 'ok';
    },
    calls: () => calls,
  };
}

describe('retry backoff', () => {
  it('waits a full-jitter delay: random × min(maxDelayMs, baseDelayMs × 2^(attempt − 1))', async () => {
    const clock = new ManualClock();
    const infos: RetryInfo[] = [];
    const { fn, calls } = failing(
      httpError(503),
      httpError(503),
      httpError(503),
      httpError(503),
      httpError(503),
    );
    const random = sequence(0.5, 0.25, 0.75, 0.5, 0.5);
    const done = retry(fn, {
      clock,
      random,
      retries: 5,
      baseDelayMs: 100,
      maxDelayMs: 1_000,
      onRetry: (info) => infos.push(info),
    });

    // Bounds 100, 200, 400, 800, then 1 600 capped to 1 000.
    const expected = [0.5 * 100, 0.25 * 200, 0.75 * 400, 0.5 * 800, 0.5 * 1_000];
    for (const [index, delay] of expected.entries()) {
      await flush();
      expect(clock.pendingDelays).toEqual([delay]);
      expect(calls()).toBe(index + 1);
      await clock.advance(delay);
    }
    expect(await done).toBe('ok');
    expect(calls()).toBe(6);
    expect(infos.map(({ attempt, delayMs }) => ({ attempt, delayMs }))).toEqual(
      expected.map((delayMs, index) => ({ attempt: index + 1, delayMs })),
    );
  });

  it('does not call the function again before the delay has passed', async () => {
    const clock = new ManualClock();
    const { fn, calls } = failing(httpError(503));
    const done = retry(fn, { clock, random: () => 0.5, baseDelayMs: 1_000 });
    await flush();
    expect(clock.pendingDelays).toEqual([500]);
    await clock.advance(499);
    await flush();
    expect(calls()).toBe(1);
    await clock.advance(1);
    expect(await done).toBe('ok');
    expect(calls()).toBe(2);
  });

  it('passes the attempt number to the function, from 1', async () => {
    const clock = new ManualClock();
    const attempts: number[] = [];
    const result = await runOnClock(
      clock,
      retry(
        async (attempt) => {
          attempts.push(attempt);
          if (attempt < 3) throw httpError(502);
          return attempt;
        },
        { clock, random: () => 0 },
      ),
    );
    expect(result).toBe(3);
    expect(attempts).toEqual([1, 2, 3]);
  });
});

describe('retry honours Retry-After', () => {
  const start = Date.parse('2026-11-25T14:00:00Z');

  async function firstDelay(error: unknown, policy: RetryPolicy = {}): Promise<number | undefined> {
    const clock = new ManualClock(start);
    const infos: RetryInfo[] = [];
    const { fn } = failing(error);
    const result = await runOnClock(
      clock,
      retry(fn, { clock, random: () => 0.5, onRetry: (info) => infos.push(info), ...policy }),
    );
    expect(result).toBe('ok');
    expect(infos).toHaveLength(1);
    return infos[0]?.delayMs;
  }

  it('waits the retryAfterMs an error carries instead of the backoff', async () => {
    expect(await firstDelay(httpError(503, { retryAfterMs: 2_500 }))).toBe(2_500);
  });

  it('reads Retry-After seconds from error.response.headers as a Headers object', async () => {
    const error = Object.assign(new Error('busy'), {
      response: { status: 503, headers: new Headers({ 'Retry-After': '3' }) },
    });
    expect(await firstDelay(error)).toBe(3_000);
  });

  it('reads a Retry-After HTTP date relative to the clock', async () => {
    const error = Object.assign(new Error('slow down'), {
      response: { status: 429, headers: new Headers({ 'retry-after': 'Wed, 25 Nov 2026 14:00:07 GMT' }) },
    });
    expect(await firstDelay(error)).toBe(7_000);
  });

  it('reads Retry-After from a plain headers object, on the error or its response', async () => {
    expect(await firstDelay(httpError(429, { headers: { 'retry-after': '2' } }))).toBe(2_000);
    expect(
      await firstDelay(
        Object.assign(new Error('busy'), { response: { status: 503, headers: { 'retry-after': '4' } } }),
      ),
    ).toBe(4_000);
    expect(
      await firstDelay(httpError(503, { headers: { 'retry-after': 'Wed, 25 Nov 2026 14:00:09 GMT' } })),
    ).toBe(9_000);
  });

  it('cuts a Retry-After longer than retryAfterCapMs to the cap', async () => {
    expect(
      await firstDelay(httpError(429, { headers: { 'retry-after': '120' } }), { retryAfterCapMs: 5_000 }),
    ).toBe(5_000);
    expect(await firstDelay(httpError(503, { retryAfterMs: 3_600_000 }))).toBe(60_000);
    expect(
      await firstDelay(
        Object.assign(new Error('later'), {
          response: { status: 503, headers: new Headers({ 'retry-after': 'Thu, 26 Nov 2026 14:00:00 GMT' }) },
        }),
        { retryAfterCapMs: 10_000 },
      ),
    ).toBe(10_000);
  });

  it('retries at once when the Retry-After date is already past', async () => {
    expect(
      await firstDelay(httpError(503, { headers: { 'retry-after': 'Wed, 25 Nov 2026 13:00:00 GMT' } })),
    ).toBe(0);
  });
});

describe('retry decides what to retry', () => {
  it.each([
    ['a 400', httpError(400)],
    ['a 404', httpError(404)],
    ['an error with retryable: false, even a 503', httpError(503, { retryable: false })],
    ['a plain Error', new Error('bug')],
  ])('does not retry %s and throws the original error', async (_label, error) => {
    const clock = new ManualClock();
    const { fn, calls } = failing(error);
    const onRetry: RetryInfo[] = [];
    const thrown = await rejection(
      runOnClock(clock, retry(fn, { clock, random: () => 0.5, onRetry: (info) => onRetry.push(info) })),
    );
    expect(thrown).toBe(error);
    expect(calls()).toBe(1);
    expect(onRetry).toEqual([]);
  });

  it.each([
    ['a 429', httpError(429)],
    ['a 503', httpError(503)],
    ['ECONNRESET', Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })],
    [
      'ECONNRESET as the cause',
      new Error('request failed', { cause: Object.assign(new Error('x'), { code: 'ECONNRESET' }) }),
    ],
    ['a TimeoutError', new DOMException('The operation timed out', 'TimeoutError')],
    ['an error with retryable: true', Object.assign(new Error('vendor busy'), { retryable: true })],
  ])('retries %s', async (_label, error) => {
    const clock = new ManualClock();
    const { fn, calls } = failing(error);
    expect(await runOnClock(clock, retry(fn, { clock, random: () => 0.5 }))).toBe('ok');
    expect(calls()).toBe(2);
  });

  it('throws the last error once the retries run out', async () => {
    const clock = new ManualClock();
    const errors = [httpError(503), httpError(502), httpError(504), httpError(429)];
    const { fn, calls } = failing(...errors, ...errors);
    const onRetry: RetryInfo[] = [];
    const thrown = await rejection(
      runOnClock(
        clock,
        retry(fn, { clock, random: () => 0.5, retries: 3, onRetry: (info) => onRetry.push(info) }),
      ),
    );
    expect(thrown).toBe(errors[3]);
    expect(calls()).toBe(4);
    expect(onRetry.map(({ attempt }) => attempt)).toEqual([1, 2, 3]);
  });

  it('makes a single attempt with retries: 0', async () => {
    const clock = new ManualClock();
    const error = httpError(503);
    const { fn, calls } = failing(error);
    expect(await rejection(runOnClock(clock, retry(fn, { clock, retries: 0 })))).toBe(error);
    expect(calls()).toBe(1);
  });

  it('uses a custom classifier when given', async () => {
    const clock = new ManualClock();
    const error = new Error('flaky');
    const { fn, calls } = failing(error);
    const result = await runOnClock(
      clock,
      retry(fn, { clock, classify: (e) => ({ retryable: e === error, delayMs: 42 }) }),
    );
    expect(result).toBe('ok');
    expect(calls()).toBe(2);
  });
});

describe('retry budget', () => {
  it('stops retrying when the shared budget is spent, with the failure as cause', async () => {
    const clock = new ManualClock();
    const budget = new RetryBudget({ ratio: 0, minPerSecond: 2, maxBalance: 2, clock });
    expect(budget.balance).toBe(2);
    const errors = [httpError(503), httpError(503), httpError(503)];
    const { fn, calls } = failing(...errors);
    const thrown = await rejection(
      runOnClock(clock, retry(fn, { clock, budget, random: () => 0, retries: 5 })),
    );
    expect(thrown).toBeInstanceOf(RetryBudgetExhaustedError);
    expect((thrown as RetryBudgetExhaustedError).cause).toBe(errors[2]);
    expect(calls()).toBe(3);
    expect(budget.balance).toBe(0);
  });

  it('refuses the first retry of the next call too while the budget is empty', async () => {
    const clock = new ManualClock();
    const budget = new RetryBudget({ ratio: 0, minPerSecond: 1, maxBalance: 1, clock });
    expect(budget.tryWithdraw()).toBe(true);
    const error = httpError(503);
    const { fn, calls } = failing(error);
    const thrown = await rejection(runOnClock(clock, retry(fn, { clock, budget, random: () => 0 })));
    expect(thrown).toBeInstanceOf(RetryBudgetExhaustedError);
    expect((thrown as RetryBudgetExhaustedError).cause).toBe(error);
    expect(calls()).toBe(1);
  });

  it('refills at minPerSecond over time on the clock, up to maxBalance', async () => {
    const clock = new ManualClock();
    const budget = new RetryBudget({ ratio: 0, minPerSecond: 2, maxBalance: 3, clock });
    expect(budget.tryWithdraw()).toBe(true);
    expect(budget.tryWithdraw()).toBe(true);
    expect(budget.tryWithdraw()).toBe(false);
    await clock.advance(500);
    expect(budget.balance).toBe(1);
    await clock.advance(10_000);
    expect(budget.balance).toBe(3);

    const { fn, calls } = failing(httpError(503), httpError(503));
    expect(await runOnClock(clock, retry(fn, { clock, budget, random: () => 0 }))).toBe('ok');
    expect(calls()).toBe(3);
    expect(budget.balance).toBe(1);
  });

  it('earns ratio of a retry for each call made', () => {
    const clock = new ManualClock();
    const budget = new RetryBudget({ ratio: 0.25, minPerSecond: 0, clock });
    expect(budget.tryWithdraw()).toBe(false);
    for (let call = 0; call < 4; call++) budget.deposit();
    expect(budget.balance).toBe(1);
    expect(budget.tryWithdraw()).toBe(true);
    expect(budget.tryWithdraw()).toBe(false);
  });
});

describe('retry and abort', () => {
  it('rejects within 10 ms of an abort during a long backoff, without calling the function again', async () => {
    const controller = new AbortController();
    let calls = 0;
    const delays: number[] = [];
    const done = retry(
      async () => {
        calls++;
        throw httpError(503);
      },
      {
        baseDelayMs: 10_000,
        maxDelayMs: 10_000,
        random: () => 0.999_9,
        signal: controller.signal,
        onRetry: ({ delayMs }) => delays.push(delayMs),
      },
    );
    const reason = new Error('shutting down');
    let abortedAt = 0;
    setTimeout(() => {
      abortedAt = performance.now();
      controller.abort(reason);
    }, 50);

    const thrown = await rejection(done);
    const latency = performance.now() - abortedAt;

    expect(abortedAt).toBeGreaterThan(0);
    expect(thrown).toBe(reason);
    expect(delays).toEqual([9_999]);
    expect(latency).toBeLessThan(10);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toBe(1);
  });

  it('does not start when the signal is already aborted', async () => {
    const reason = new Error('cancelled');
    let calls = 0;
    const thrown = await rejection(
      retry(
        async () => {
          calls++;
          return 'ok';
        },
        { signal: AbortSignal.abort(reason) },
      ),
    );
    expect(thrown).toBe(reason);
    expect(calls).toBe(0);
  });

  it('passes the signal to the function', async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    await retry(
      async (_attempt, signal) => {
        seen = signal;
      },
      { signal: controller.signal },
    );
    expect(seen).toBe(controller.signal);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-25T14:00:00Z');

  it('reads delay-seconds as milliseconds', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('2', now)).toBe(2_000);
    expect(parseRetryAfter('120', now)).toBe(120_000);
  });

  it('ignores surrounding whitespace', () => {
    expect(parseRetryAfter('  5  ', now)).toBe(5_000);
    expect(parseRetryAfter('\t120\n', now)).toBe(120_000);
    expect(parseRetryAfter('  Wed, 25 Nov 2026 14:00:30 GMT ', now)).toBe(30_000);
  });

  it('reads an HTTP date as the time from now', () => {
    expect(parseRetryAfter('Wed, 25 Nov 2026 14:01:00 GMT', now)).toBe(60_000);
  });

  it('answers 0 for a date in the past, never a negative delay', () => {
    expect(parseRetryAfter('Wed, 25 Nov 2026 13:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:00 GMT', now)).toBe(0);
  });

  it('answers undefined for a missing or unreadable value', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('   ', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('5s', now)).toBeUndefined();
    expect(parseRetryAfter('1e3', now)).toBeUndefined();
  });

  it('answers undefined for numbers that are not delay-seconds (fractions, signs)', () => {
    // RFC 9110: delay-seconds is 1*DIGIT; anything else that is not an HTTP date is unreadable.
    expect(parseRetryAfter('1.5', now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
    expect(parseRetryAfter('+5', now)).toBeUndefined();
  });

  it('measures from the current time when no time is given', () => {
    vi.useFakeTimers({ now });
    try {
      expect(parseRetryAfter('Wed, 25 Nov 2026 14:00:45 GMT')).toBe(45_000);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('defaultClassifier', () => {
  const now = Date.parse('2026-11-25T14:00:00Z');
  const timeout = new DOMException('The operation timed out', 'TimeoutError');

  it.each<[string, boolean, unknown]>([
    ['status 400', false, { status: 400 }],
    ['status 401', false, { status: 401 }],
    ['status 404', false, { status: 404 }],
    ['status 409', false, { status: 409 }],
    ['status 422', false, { status: 422 }],
    ['status 408', true, { status: 408 }],
    ['status 425', true, { status: 425 }],
    ['status 429', true, { status: 429 }],
    ['status 500', true, { status: 500 }],
    ['status 501', false, { status: 501 }],
    ['status 502', true, { status: 502 }],
    ['status 503', true, { status: 503 }],
    ['status 504', true, { status: 504 }],
    ['statusCode 503', true, { statusCode: 503 }],
    ['statusCode 400', false, { statusCode: 400 }],
    ['response.status 429', true, { response: { status: 429 } }],
    ['response.status 403', false, { response: { status: 403 } }],
    ['retryable: false beats a 503', false, { status: 503, retryable: false }],
    ['retryable: true beats a 400', true, { status: 400, retryable: true }],
    ['ECONNRESET', true, { code: 'ECONNRESET' }],
    ['ECONNREFUSED', true, { code: 'ECONNREFUSED' }],
    ['ETIMEDOUT', true, { code: 'ETIMEDOUT' }],
    ['EPIPE', true, { code: 'EPIPE' }],
    ['EAI_AGAIN', true, { code: 'EAI_AGAIN' }],
    ['ENOTFOUND', true, { code: 'ENOTFOUND' }],
    ['UND_ERR_SOCKET', true, { code: 'UND_ERR_SOCKET' }],
    ['UND_ERR_CONNECT_TIMEOUT', true, { code: 'UND_ERR_CONNECT_TIMEOUT' }],
    ['a transient code on the cause', true, { message: 'fetch failed', cause: { code: 'ECONNRESET' } }],
    ['an unknown code', false, { code: 'EACCES' }],
    ['a TimeoutError', true, timeout],
    ['an AbortError', false, new DOMException('aborted', 'AbortError')],
    ['a plain Error', false, new Error('bug')],
    ['a TypeError', false, new TypeError('x is not a function')],
    ['a string', false, 'boom'],
    ['null', false, null],
    ['undefined', false, undefined],
  ])('%s → retryable: %s', (_label, retryable, error) => {
    expect(defaultClassifier(error, now)).toEqual({ retryable });
  });

  it.each<[string, unknown, number]>([
    ['retryAfterMs', { status: 503, retryAfterMs: 1_500 }, 1_500],
    ['a negative retryAfterMs, as 0', { status: 503, retryAfterMs: -5 }, 0],
    [
      'Retry-After seconds in a Headers object',
      { response: { status: 503, headers: new Headers({ 'Retry-After': '7' }) } },
      7_000,
    ],
    ['Retry-After seconds in a plain object', { status: 429, headers: { 'retry-after': '7' } }, 7_000],
    [
      'a Retry-After date',
      { status: 429, headers: { 'retry-after': 'Wed, 25 Nov 2026 14:00:12 GMT' } },
      12_000,
    ],
  ])('gives the delay from %s', (_label, error, delayMs) => {
    expect(defaultClassifier(error, now)).toEqual({ retryable: true, delayMs });
  });

  it('prefers retryAfterMs to a Retry-After header', () => {
    expect(
      defaultClassifier({ status: 503, retryAfterMs: 100, headers: { 'retry-after': '9' } }, now),
    ).toEqual({
      retryable: true,
      delayMs: 100,
    });
  });

  it('ignores an unreadable Retry-After', () => {
    expect(defaultClassifier({ status: 503, headers: { 'retry-after': 'soon' } }, now)).toEqual({
      retryable: true,
    });
  });
});

describe('Retry-After header names', () => {
  it('reads Retry-After from a plain headers object whatever the case of its name', () => {
    const error = { status: 429, response: { headers: { 'Retry-After': '3' } } };
    expect(defaultClassifier(error, 0)).toEqual({ retryable: true, delayMs: 3_000 });
  });
});
