import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock, MemoryTokenBucketStore, RateLimiter } from '../src/index.js';
import { flush, rejection } from './async-helpers.js';

/** Tracks whether a promise has settled yet. */
function watch(promise: Promise<unknown>): {
  readonly settled: boolean;
  readonly outcome: 'pending' | 'resolved' | 'rejected';
} {
  let outcome: 'pending' | 'resolved' | 'rejected' = 'pending';
  promise.then(
    () => {
      outcome = 'resolved';
    },
    () => {
      outcome = 'rejected';
    },
  );
  return {
    get settled() {
      return outcome !== 'pending';
    },
    get outcome() {
      return outcome;
    },
  };
}

function limiter(capacity: number, refillPerSecond: number, name = 'shipbob:api') {
  const clock = new ManualClock();
  return { clock, limiter: new RateLimiter({ name, capacity, refillPerSecond, clock }) };
}

describe('RateLimiter.take', () => {
  it('allows a burst of capacity, then refuses with the exact wait for the next token', async () => {
    const { limiter: rl } = limiter(5, 2);
    for (let i = 0; i < 5; i++) {
      expect(await rl.take()).toEqual({ allowed: true, waitMs: 0, remaining: 4 - i });
    }
    expect(await rl.take()).toEqual({ allowed: false, waitMs: 500, remaining: 0 });
  });

  it('tells the remaining wait as time passes', async () => {
    const { clock, limiter: rl } = limiter(2, 1);
    await rl.take(2);
    await clock.advance(300);
    expect(await rl.take()).toEqual({ allowed: false, waitMs: 700, remaining: 0 });
    expect(await rl.take(2)).toEqual({ allowed: false, waitMs: 1_700, remaining: 0 });
  });

  it('refills at refillPerSecond', async () => {
    const { clock, limiter: rl } = limiter(10, 4);
    await rl.take(10);
    await clock.advance(500);
    expect(await rl.take()).toMatchObject({ allowed: true, remaining: 1 });
    expect(await rl.take()).toMatchObject({ allowed: true, remaining: 0 });
    expect(await rl.take()).toEqual({ allowed: false, waitMs: 250, remaining: 0 });
  });

  it('never refills beyond capacity', async () => {
    const { clock, limiter: rl } = limiter(3, 10);
    await rl.take();
    await clock.advance(3_600_000);
    for (let i = 0; i < 3; i++) expect((await rl.take()).allowed).toBe(true);
    expect((await rl.take()).allowed).toBe(false);
  });

  it('charges the cost of a call', async () => {
    const { limiter: rl } = limiter(10, 1);
    expect(await rl.take(7)).toEqual({ allowed: true, waitMs: 0, remaining: 3 });
    expect(await rl.take(4)).toEqual({ allowed: false, waitMs: 1_000, remaining: 3 });
    expect(await rl.take(3)).toEqual({ allowed: true, waitMs: 0, remaining: 0 });
  });

  it('refuses a cost larger than the capacity at once, as a rejected promise', async () => {
    const { limiter: rl } = limiter(5, 1);
    await expect(rl.take(6)).rejects.toBeInstanceOf(RangeError);
  });
});

describe('RateLimiter.acquire', () => {
  it('returns at once while tokens are available', async () => {
    const { clock, limiter: rl } = limiter(3, 1);
    for (let i = 0; i < 3; i++) await rl.acquire();
    expect(clock.pendingDelays).toEqual([]);
  });

  it('waits exactly the time the next token needs', async () => {
    const { clock, limiter: rl } = limiter(2, 2);
    await rl.acquire({ cost: 2 });
    const acquired = watch(rl.acquire());
    await flush();
    expect(clock.pendingDelays).toEqual([500]);
    await clock.advance(499);
    await flush();
    expect(acquired.settled).toBe(false);
    await clock.advance(1);
    await flush();
    expect(acquired.outcome).toBe('resolved');
    // The token was taken: the next caller waits a full interval again.
    expect(await rl.take()).toEqual({ allowed: false, waitMs: 500, remaining: 0 });
  });

  it('waits for as many tokens as the cost', async () => {
    const { clock, limiter: rl } = limiter(4, 1);
    await rl.acquire({ cost: 4 });
    const acquired = watch(rl.acquire({ cost: 3 }));
    await flush();
    expect(clock.pendingDelays).toEqual([3_000]);
    await clock.advance(2_999);
    await flush();
    expect(acquired.settled).toBe(false);
    await clock.advance(1);
    await flush();
    expect(acquired.outcome).toBe('resolved');
  });

  it('serves waiting callers one token each as tokens come back', async () => {
    const { clock, limiter: rl } = limiter(1, 1);
    await rl.acquire();
    const first = watch(rl.acquire());
    const second = watch(rl.acquire());
    await flush();
    await clock.advance(1_000);
    await flush();
    expect([first.outcome, second.outcome].filter((outcome) => outcome === 'resolved')).toHaveLength(1);
    await clock.advance(1_000);
    await flush();
    expect([first.outcome, second.outcome]).toEqual(['resolved', 'resolved']);
  });

  it('gives up with a RangeError, without waiting, when the wait would exceed maxWaitMs', async () => {
    const { clock, limiter: rl } = limiter(1, 1);
    await rl.acquire();
    const thrown = await rejection(rl.acquire({ maxWaitMs: 999 }));
    expect(thrown).toBeInstanceOf(RangeError);
    expect(clock.pendingDelays).toEqual([]);
    expect(clock.now()).toBe(0);
  });

  it('waits when the wait fits within maxWaitMs', async () => {
    const { clock, limiter: rl } = limiter(1, 1);
    await rl.acquire();
    const acquired = watch(rl.acquire({ maxWaitMs: 1_000 }));
    await flush();
    await clock.advance(1_000);
    await flush();
    expect(acquired.outcome).toBe('resolved');
  });

  it('counts maxWaitMs over all the waits of one call', async () => {
    const clock = new ManualClock();
    const store = new MemoryTokenBucketStore({ clock });
    const rl = new RateLimiter({ name: 'shared', capacity: 2, refillPerSecond: 1, clock, store });
    const rival = new RateLimiter({ name: 'shared', capacity: 2, refillPerSecond: 1, clock, store });
    await rl.acquire({ cost: 2 });
    const acquired = rejection(rl.acquire({ cost: 2, maxWaitMs: 2_500 }));
    await flush();
    expect(clock.pendingDelays).toEqual([2_000]);
    // Another instance takes a token meanwhile, so after 2 s one more second is needed: 3 s in all.
    await clock.advance(1_500);
    expect((await rival.take()).allowed).toBe(true);
    await clock.advance(500);
    await flush();
    expect(await acquired).toBeInstanceOf(RangeError);
    expect(clock.pendingDelays).toEqual([]);
  });

  it('stops waiting when the signal aborts, with its reason', async () => {
    const { clock, limiter: rl } = limiter(1, 1);
    await rl.acquire();
    const controller = new AbortController();
    const acquired = rejection(rl.acquire({ signal: controller.signal }));
    await flush();
    expect(clock.pendingDelays).toEqual([1_000]);
    const reason = new Error('shutting down');
    controller.abort(reason);
    expect(await acquired).toBe(reason);
    expect(clock.pendingDelays).toEqual([]);
    // The aborted caller took nothing.
    await clock.advance(1_000);
    expect((await rl.take()).allowed).toBe(true);
  });

  it('does not take a token when the signal is already aborted', async () => {
    const { limiter: rl } = limiter(1, 1);
    const reason = new Error('cancelled');
    expect(await rejection(rl.acquire({ signal: AbortSignal.abort(reason) }))).toBe(reason);
    expect((await rl.take()).allowed).toBe(true);
  });

  it('refuses a cost larger than the capacity at once instead of waiting forever', async () => {
    const { clock, limiter: rl } = limiter(5, 1);
    expect(await rejection(rl.acquire({ cost: 6 }))).toBeInstanceOf(RangeError);
    expect(clock.pendingDelays).toEqual([]);
  });
});

describe('RateLimiter names', () => {
  it('keeps separate buckets for limiters with different names on one store', async () => {
    const clock = new ManualClock();
    const store = new MemoryTokenBucketStore({ clock });
    const shipbob = new RateLimiter({ name: 'shipbob', capacity: 2, refillPerSecond: 1, clock, store });
    const odoo = new RateLimiter({ name: 'odoo', capacity: 2, refillPerSecond: 1, clock, store });
    await shipbob.take(2);
    expect((await shipbob.take()).allowed).toBe(false);
    expect(await odoo.take()).toEqual({ allowed: true, waitMs: 0, remaining: 1 });
    expect(await odoo.take()).toEqual({ allowed: true, waitMs: 0, remaining: 0 });
  });

  it('shares one bucket between limiters with the same name on one store', async () => {
    const clock = new ManualClock();
    const store = new MemoryTokenBucketStore({ clock });
    const a = new RateLimiter({ name: 'shipbob', capacity: 2, refillPerSecond: 1, clock, store });
    const b = new RateLimiter({ name: 'shipbob', capacity: 2, refillPerSecond: 1, clock, store });
    await a.take(2);
    expect(await b.take()).toEqual({ allowed: false, waitMs: 1_000, remaining: 0 });
  });

  it('rejects a capacity or rate that is not positive', () => {
    expect(() => new RateLimiter({ name: 'x', capacity: 0, refillPerSecond: 1 })).toThrow(RangeError);
    expect(() => new RateLimiter({ name: 'x', capacity: 1, refillPerSecond: 0 })).toThrow(RangeError);
    expect(() => new RateLimiter({ name: 'x', capacity: Number.NaN, refillPerSecond: 1 })).toThrow(
      RangeError,
    );
  });
});

describe('RateLimiter over a simulated minute', () => {
  it('never allows more than capacity + rate × elapsed in any stretch of time', async () => {
    const arrival = fc.record({
      at: fc.integer({ min: 0, max: 60_000 }),
      cost: fc.integer({ min: 1, max: 10 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom(0.1, 0.5, 1, 2.5, 3, 7, 10),
        fc.array(arrival, { maxLength: 200 }),
        async (capacity, refillPerSecond, arrivals) => {
          const clock = new ManualClock();
          const rl = new RateLimiter({ name: 'prop', capacity, refillPerSecond, clock });
          const allowed: { at: number; cost: number }[] = [];
          for (const { at, cost } of [...arrivals].sort((x, y) => x.at - y.at)) {
            await clock.advance(at - clock.now());
            if (cost > capacity) continue;
            if ((await rl.take(cost)).allowed) allowed.push({ at, cost });
          }
          const bound = (elapsedMs: number) => capacity + (refillPerSecond * elapsedMs) / 1000 + 1e-9;
          let total = 0;
          for (const { at, cost } of allowed) {
            total += cost;
            expect(total).toBeLessThanOrEqual(bound(at));
          }
          for (let i = 0; i < allowed.length; i++) {
            let inWindow = 0;
            for (let j = i; j < allowed.length; j++) {
              const last = allowed[j] as { at: number; cost: number };
              inWindow += last.cost;
              expect(inWindow).toBeLessThanOrEqual(bound(last.at - (allowed[i] as { at: number }).at));
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('announces a waitMs that is always enough and never more than the 1 ms rounding up needs', async () => {
    type Step = { readonly advanceMs: number; readonly cost: number };
    /** Replays steps on a fresh limiter and returns the last take's answer. */
    const replay = async (capacity: number, refillPerSecond: number, steps: readonly Step[]) => {
      const clock = new ManualClock();
      const rl = new RateLimiter({ name: 'wait', capacity, refillPerSecond, clock });
      let last = { allowed: true, waitMs: 0, remaining: capacity };
      for (const { advanceMs, cost } of steps) {
        await clock.advance(advanceMs);
        last = await rl.take(cost);
      }
      return last;
    };
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 2_000 }).map((hundredths) => hundredths / 100),
        fc.array(
          fc.record({ gap: fc.integer({ min: 0, max: 5_000 }), cost: fc.integer({ min: 1, max: 20 }) }),
          {
            maxLength: 20,
          },
        ),
        async (capacity, refillPerSecond, calls) => {
          const history: Step[] = [];
          for (const { gap, cost: rawCost } of calls) {
            const cost = Math.min(rawCost, capacity);
            history.push({ advanceMs: gap, cost });
            const first = await replay(capacity, refillPerSecond, history);
            if (first.allowed) continue;
            expect(first.waitMs).toBeGreaterThan(0);
            // waitMs is rounded up to whole ms, so waiting 2 ms less must still be too early.
            if (first.waitMs > 2) {
              const early = await replay(capacity, refillPerSecond, [
                ...history,
                { advanceMs: first.waitMs - 2, cost },
              ]);
              expect(early.allowed).toBe(false);
            }
            history.push({ advanceMs: first.waitMs, cost });
            expect((await replay(capacity, refillPerSecond, history)).allowed).toBe(true);
          }
        },
      ),
      // The first example is a case found by this property: 11 tokens at 0.08/s after a 2 365 ms gap.
      {
        numRuns: 200,
        examples: [
          [
            11,
            0.08,
            [
              { gap: 0, cost: 11 },
              { gap: 2_365, cost: 11 },
            ],
          ],
        ],
      },
    );
  });

  it('lets acquire keep up with the sustained rate: n calls take (n − capacity) / rate seconds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom(0.5, 1, 2, 4, 5, 10),
        fc.integer({ min: 0, max: 40 }),
        async (capacity, refillPerSecond, extra) => {
          const clock = new ManualClock();
          const rl = new RateLimiter({ name: 'sustained', capacity, refillPerSecond, clock });
          for (let i = 0; i < capacity + extra; i++) {
            const acquired = watch(rl.acquire());
            for (let step = 0; step < 10 && !acquired.settled; step++) {
              await flush();
              const next = clock.pendingDelays[0];
              if (next !== undefined) await clock.advance(next);
            }
            await flush();
            expect(acquired.outcome).toBe('resolved');
          }
          expect(clock.now()).toBe((extra * 1_000) / refillPerSecond);
        },
      ),
      { numRuns: 100 },
    );
  });
});
