import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  fingerprint,
  type IdempotencyStore,
  type IdempotentOptions,
  InProgressError,
  idempotent,
  KeyMismatchError,
  ManualClock,
  MemoryStore,
  StaleTokenError,
  StoredFailureError,
} from '../src/index.js';
import { deferred, flush, rejection } from './async-helpers.js';

/** Tracks whether a promise has settled yet, without leaving a rejection unhandled. */
function watch<T>(promise: Promise<T>): { readonly settled: boolean; readonly promise: Promise<T> } {
  let settled = false;
  promise.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  return {
    get settled() {
      return settled;
    },
    promise,
  };
}

interface ShipmentEvent {
  readonly id: string;
  readonly data: Record<string, unknown>;
}

const event = (id: string, data: Record<string, unknown> = { sku: 'A-1', qty: 2 }): ShipmentEvent => ({
  id,
  data,
});

/** A manual clock shared by the wrapper and the store, so leases and waits move only when told to. */
function manualSetup() {
  const clock = new ManualClock(1_000_000);
  const store = new MemoryStore({ now: () => clock.now() });
  return { clock, store };
}

class ValidationError extends Error {
  override name = 'ValidationError';
}

describe('idempotent runs a key once', () => {
  it('runs the handler once however many times a key is called in sequence', async () => {
    const store = new MemoryStore();
    let calls = 0;
    const apply = idempotent(
      async (e: ShipmentEvent) => {
        calls++;
        return { pickingId: 41, event: e.id };
      },
      { store, key: (e) => e.id },
    );
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await apply(event('evt-1')));
    expect(calls).toBe(1);
    for (const result of results) expect(result).toEqual({ pickingId: 41, event: 'evt-1' });
  });

  it('runs the handler once for 50 concurrent duplicates; the others are told it is in progress', async () => {
    const { clock, store } = manualSetup();
    let calls = 0;
    const gate = deferred<{ pickingId: number }>();
    const apply = idempotent(
      async (_e: ShipmentEvent) => {
        calls++;
        return gate.promise;
      },
      { store, key: (e) => e.id, clock, leaseMs: 30_000 },
    );
    const all = Array.from({ length: 50 }, () => apply(event('evt-1')));
    const early = await Promise.allSettled(all.slice(1));
    expect(calls).toBe(1);
    expect(early.every((outcome) => outcome.status === 'rejected')).toBe(true);
    for (const outcome of early) {
      const reason: unknown = outcome.status === 'rejected' ? outcome.reason : undefined;
      expect(reason).toBeInstanceOf(InProgressError);
      expect(reason).toMatchObject({ key: 'evt-1', retryAfterMs: 30_000 });
    }
    gate.resolve({ pickingId: 41 });
    expect(await all[0]).toEqual({ pickingId: 41 });
    expect(await apply(event('evt-1'))).toEqual({ pickingId: 41 });
    expect(calls).toBe(1);
  });

  it('tells a duplicate how long the first execution still holds the key', async () => {
    const { clock, store } = manualSetup();
    const gate = deferred<string>();
    const apply = idempotent(async (_id: string) => gate.promise, {
      store,
      key: (id) => id,
      clock,
      leaseMs: 10_000,
    });
    const first = apply('k');
    await flush();
    await clock.advance(2_500);
    const duplicate = await rejection(apply('k'));
    expect(duplicate).toBeInstanceOf(InProgressError);
    expect((duplicate as InProgressError).retryAfterMs).toBe(7_500);
    gate.resolve('done');
    await first;
  });

  it("with onInProgress: 'wait', gives 50 concurrent duplicates the first execution's result", async () => {
    const { clock, store } = manualSetup();
    let calls = 0;
    const gate = deferred<{ pickingId: number; lines: number[] }>();
    const apply = idempotent(
      async (_e: ShipmentEvent) => {
        calls++;
        return gate.promise;
      },
      { store, key: (e) => e.id, clock, onInProgress: 'wait', pollMs: 100 },
    );
    const all = Array.from({ length: 50 }, () => watch(apply(event('evt-1'))));
    await flush();
    expect(calls).toBe(1);
    expect(clock.pendingDelays).toEqual(Array.from({ length: 49 }, () => 100));
    expect(all.some((call) => call.settled)).toBe(false);

    gate.resolve({ pickingId: 41, lines: [1, 2] });
    await flush();
    await clock.advance(100);
    const results = await Promise.all(all.map((call) => call.promise));
    expect(calls).toBe(1);
    for (const result of results) expect(result).toEqual({ pickingId: 41, lines: [1, 2] });
  });
});

describe('idempotent replays a completed key', () => {
  it('returns a result identical after a JSON round trip: nested objects, unicode, numbers', async () => {
    const store = new MemoryStore();
    const original = {
      picking: {
        id: 41,
        name: 'WH/OUT/00041',
        moves: [{ product: 'Café ☕ 日本 🚚', qty: 2.5 }, { qty: -0 }],
      },
      numbers: [0, -1, 0.1 + 0.2, 1e21, 5e-324, Number.MAX_SAFE_INTEGER, -Number.MAX_VALUE],
      text: 'line\nbreak "quoted" \\ back\u2028sep\u0000nul',
      flags: [true, false, null],
      empty: { a: {}, b: [] },
      skipped: undefined,
      at: new Date('2026-11-25T14:00:00.123Z'),
    };
    const apply = idempotent(async (_id: string) => original, { store, key: (id) => id });
    const first = await apply('k');
    const replayed = await apply('k');
    expect(first).toBe(original);
    expect(replayed).not.toBe(original);
    expect(JSON.stringify(replayed)).toBe(JSON.stringify(original));
  });

  it('replays any JSON value unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        const store = new MemoryStore({ maxKeys: 10 });
        let calls = 0;
        const apply = idempotent(
          async (_id: string) => {
            calls++;
            return value;
          },
          { store, key: (id) => id },
        );
        const original = await apply('k');
        const replayed = await apply('k');
        expect(calls).toBe(1);
        expect(JSON.stringify(replayed)).toBe(JSON.stringify(original));
      }),
      { numRuns: 200 },
    );
  });

  it('replays a result after a restart, from the store alone', async () => {
    const store = new MemoryStore();
    const before = idempotent(async (_id: string) => ({ ok: 1 }), { store, key: (id) => id });
    await before('k');
    let calls = 0;
    const after = idempotent(
      async (_id: string) => {
        calls++;
        return { ok: 2 };
      },
      { store, key: (id) => id },
    );
    expect(await after('k')).toEqual({ ok: 1 });
    expect(calls).toBe(0);
  });
});

describe('idempotent compares payloads', () => {
  it('refuses the same key with a different payload with KeyMismatchError', async () => {
    const store = new MemoryStore();
    let calls = 0;
    const apply = idempotent(
      async (_e: ShipmentEvent) => {
        calls++;
        return 'applied';
      },
      { store, key: (e) => e.id, payload: (e) => e.data },
    );
    await apply(event('evt-1', { sku: 'A-1', qty: 2 }));
    const thrown = await rejection(apply(event('evt-1', { sku: 'A-1', qty: 3 })));
    expect(thrown).toBeInstanceOf(KeyMismatchError);
    expect((thrown as KeyMismatchError).key).toBe('evt-1');
    expect(calls).toBe(1);
  });

  it('refuses a different payload while the first execution still runs', async () => {
    const { clock, store } = manualSetup();
    const gate = deferred<string>();
    const apply = idempotent(async (_e: ShipmentEvent) => gate.promise, {
      store,
      key: (e) => e.id,
      clock,
      onInProgress: 'wait',
    });
    const first = apply(event('evt-1', { qty: 1 }));
    await expect(apply(event('evt-1', { qty: 9 }))).rejects.toBeInstanceOf(KeyMismatchError);
    gate.resolve('ok');
    expect(await first).toBe('ok');
  });

  it('treats payloads that differ only in key order as the same payload', async () => {
    const store = new MemoryStore();
    let calls = 0;
    const apply = idempotent(
      async (_e: ShipmentEvent) => {
        calls++;
        return 'applied';
      },
      { store, key: (e) => e.id },
    );
    await apply({ id: 'evt-1', data: { sku: 'A-1', qty: 2, ship: { to: 'Lyon', carrier: 'DHL' } } });
    expect(
      await apply({ data: { ship: { carrier: 'DHL', to: 'Lyon' }, qty: 2, sku: 'A-1' }, id: 'evt-1' }),
    ).toBe('applied');
    expect(calls).toBe(1);
  });

  it('fingerprints only what payload() picks, so volatile fields do not cause a mismatch', async () => {
    const store = new MemoryStore();
    let calls = 0;
    const apply = idempotent(
      async (_e: { id: string; receivedAt: number; data: unknown }) => {
        calls++;
        return 'applied';
      },
      { store, key: (e) => e.id, payload: (e) => e.data },
    );
    await apply({ id: 'evt-1', receivedAt: 1, data: { qty: 2 } });
    expect(await apply({ id: 'evt-1', receivedAt: 2, data: { qty: 2 } })).toBe('applied');
    expect(calls).toBe(1);
  });

  it('claims with the fingerprint of the payload, lease and ttl it was given', async () => {
    const store = new MemoryStore();
    const claim = vi.spyOn(store, 'claim');
    const apply = idempotent(async (_e: ShipmentEvent) => 'ok', {
      store,
      key: (e) => e.id,
      payload: (e) => e.data,
      leaseMs: 1_234,
      ttlMs: 5_678,
    });
    await apply(event('evt-1', { b: 1, a: 2 }));
    expect(claim).toHaveBeenCalledWith('evt-1', {
      fingerprint: fingerprint({ a: 2, b: 1 }),
      leaseMs: 1_234,
      ttlMs: 5_678,
    });
  });
});

describe('idempotent and failures', () => {
  it('releases the key when the handler throws, so a later call runs again', async () => {
    const store = new MemoryStore();
    let calls = 0;
    const boom = new Error('Odoo timed out');
    const apply = idempotent(
      async (_id: string) => {
        calls++;
        if (calls === 1) throw boom;
        return 'applied';
      },
      { store, key: (id) => id },
    );
    expect(await rejection(apply('k'))).toBe(boom);
    expect(await apply('k')).toBe('applied');
    expect(await apply('k')).toBe('applied');
    expect(calls).toBe(2);
  });

  it('stores a final failure and gives every duplicate a StoredFailureError naming the original', async () => {
    const store = new MemoryStore();
    let calls = 0;
    const invalid = new ValidationError('qty must be positive');
    const apply = idempotent(
      async (_id: string) => {
        calls++;
        throw invalid;
      },
      { store, key: (id) => id, isFinalFailure: (error) => error instanceof ValidationError },
    );
    expect(await rejection(apply('k'))).toBe(invalid);
    for (let i = 0; i < 3; i++) {
      const duplicate = await rejection(apply('k'));
      expect(duplicate).toBeInstanceOf(StoredFailureError);
      expect(duplicate).toMatchObject({ key: 'k', originalName: 'ValidationError' });
      expect((duplicate as StoredFailureError).message).toContain('ValidationError');
      // The original message is kept as a field, never in `message`: it may quote the payload.
      expect((duplicate as StoredFailureError).message).not.toContain('qty must be positive');
      expect((duplicate as StoredFailureError).originalMessage).toBe('qty must be positive');
    }
    expect(calls).toBe(1);
  });

  it('releases the key for failures isFinalFailure does not accept', async () => {
    const store = new MemoryStore();
    let calls = 0;
    const apply = idempotent(
      async (_id: string) => {
        calls++;
        if (calls === 1) throw new Error('socket hang up');
        return 'applied';
      },
      { store, key: (id) => id, isFinalFailure: (error) => error instanceof ValidationError },
    );
    await expect(apply('k')).rejects.toThrow('socket hang up');
    expect(await apply('k')).toBe('applied');
    expect(calls).toBe(2);
  });

  it('stores a thrown non-Error as a final failure too', async () => {
    const store = new MemoryStore();
    const apply = idempotent(
      async (_id: string): Promise<string> => {
        throw 'rejected by vendor';
      },
      { store, key: (id) => id, isFinalFailure: () => true },
    );
    expect(await rejection(apply('k'))).toBe('rejected by vendor');
    const duplicate = await rejection(apply('k'));
    expect(duplicate).toBeInstanceOf(StoredFailureError);
    expect((duplicate as StoredFailureError).originalMessage).toBe('rejected by vendor');
  });
});

describe('idempotent scopes', () => {
  it("keeps two tenants' identical keys apart", async () => {
    const store = new MemoryStore();
    const calls: string[] = [];
    const forTenant = (tenant: string) =>
      idempotent(
        async (_e: ShipmentEvent) => {
          calls.push(tenant);
          return tenant;
        },
        { store, key: (e) => e.id, scope: { tenant, system: 'shipbob' } },
      );
    const acme = forTenant('acme');
    const globex = forTenant('globex');
    expect(await acme(event('evt-1'))).toBe('acme');
    expect(await globex(event('evt-1'))).toBe('globex');
    expect(await acme(event('evt-1'))).toBe('acme');
    expect(await globex(event('evt-1'))).toBe('globex');
    expect(calls).toEqual(['acme', 'globex']);
  });

  it("keeps two systems' identical keys apart for one tenant", async () => {
    const store = new MemoryStore();
    let calls = 0;
    const forSystem = (system: string) =>
      idempotent(
        async (_id: string) => {
          calls++;
          return system;
        },
        { store, key: (id) => id, scope: { tenant: 'acme', system } },
      );
    expect(await forSystem('shipbob')('order-1')).toBe('shipbob');
    expect(await forSystem('odoo:prod')('order-1')).toBe('odoo:prod');
    expect(calls).toBe(2);
  });

  it('does not let a tenant name containing "/" reach another scope', async () => {
    const store = new MemoryStore();
    let calls = 0;
    const handler = async (_id: string) => ++calls;
    const forged = idempotent(handler, { store, key: (id) => id, scope: { tenant: 'acme/shipbob' } });
    const real = idempotent(handler, {
      store,
      key: (id) => id,
      scope: { tenant: 'acme', system: 'shipbob' },
    });
    expect(await real('order-1')).toBe(1);
    expect(await forged('order-1')).toBe(2);
  });
});

describe('idempotent leases', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps the key of a handler that outlives its lease with the heartbeat, and its completion succeeds', async () => {
    vi.useFakeTimers();
    const store = new MemoryStore({ now: () => Date.now() });
    let calls = 0;
    const options: IdempotentOptions<[string]> = { store, key: (id) => id, leaseMs: 100 };
    const apply = idempotent(async (_id: string) => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 350));
      return { run: calls };
    }, options);

    const first = watch(apply('k'));
    await vi.advanceTimersByTimeAsync(200);
    // Two leases later the key is still held: a duplicate is refused at once and does not run.
    const duplicate = watch(apply('k'));
    await vi.advanceTimersByTimeAsync(0);
    expect(duplicate.settled).toBe(true);
    expect(await rejection(duplicate.promise)).toBeInstanceOf(InProgressError);
    expect(calls).toBe(1);

    await vi.advanceTimersByTimeAsync(150);
    expect(first.settled).toBe(true);
    expect(await first.promise).toEqual({ run: 1 });
    expect(await apply('k')).toEqual({ run: 1 });
    expect(calls).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('without heartbeat, lets a second caller take over after the lease; the first completion is refused', async () => {
    const { clock, store } = manualSetup();
    const gates = [deferred<void>(), deferred<void>()];
    let calls = 0;
    const apply = idempotent(
      async (_id: string) => {
        const run = ++calls;
        await gates[run - 1]?.promise;
        return { run };
      },
      { store, key: (id) => id, clock, leaseMs: 100, heartbeat: false },
    );

    const first = watch(apply('k'));
    await flush();
    await clock.advance(150);
    const second = watch(apply('k'));
    await flush();
    expect(calls).toBe(2);

    gates[0]?.resolve();
    const stale = await rejection(first.promise);
    expect(stale).toBeInstanceOf(StaleTokenError);
    expect((stale as StaleTokenError).reason).toBe('not_owner');

    gates[1]?.resolve();
    expect(await second.promise).toEqual({ run: 2 });
    // Exactly one result won: the successor's.
    expect(await apply('k')).toEqual({ run: 2 });
    expect(calls).toBe(2);
  });

  it('without heartbeat, a duplicate within the lease is still told the key is in progress', async () => {
    const { clock, store } = manualSetup();
    const gate = deferred<string>();
    const apply = idempotent(async (_id: string) => gate.promise, {
      store,
      key: (id) => id,
      clock,
      leaseMs: 100,
      heartbeat: false,
    });
    const first = apply('k');
    await flush();
    await clock.advance(99);
    expect(await rejection(apply('k'))).toBeInstanceOf(InProgressError);
    gate.resolve('ok');
    expect(await first).toBe('ok');
  });
});

describe("idempotent with onInProgress: 'wait'", () => {
  it('gives up after maxWaitMs with InProgressError', async () => {
    const { clock, store } = manualSetup();
    const gate = deferred<string>();
    const apply = idempotent(async (_id: string) => gate.promise, {
      store,
      key: (id) => id,
      clock,
      onInProgress: 'wait',
      maxWaitMs: 250,
      pollMs: 100,
    });
    const first = apply('k');
    const duplicate = watch(apply('k'));
    await flush();
    await clock.advance(100);
    await flush();
    await clock.advance(100);
    await flush();
    expect(duplicate.settled).toBe(false);
    expect(clock.pendingDelays).toEqual([50]);
    await clock.advance(50);
    await flush();
    expect(duplicate.settled).toBe(true);
    const thrown = await rejection(duplicate.promise);
    expect(thrown).toBeInstanceOf(InProgressError);
    expect(thrown).toMatchObject({ key: 'k', retryAfterMs: 30_000 - 250 });
    gate.resolve('ok');
    expect(await first).toBe('ok');
  });

  it('waits at most twice the lease by default', async () => {
    const clock = new ManualClock();
    // A key another worker holds for as long as the test runs.
    const store: IdempotencyStore = {
      claim: async () => ({ status: 'in_progress', retryAfterMs: 1_000 }),
      complete: async () => {},
      fail: async () => {},
      heartbeat: async () => {},
    };
    const apply = idempotent(async (_id: string) => 'never', {
      store,
      key: (id) => id,
      clock,
      onInProgress: 'wait',
      leaseMs: 1_000,
    });
    const duplicate = watch(apply('k'));
    for (let i = 0; i < 19; i++) {
      await flush();
      await clock.advance(100);
    }
    await flush();
    expect(duplicate.settled).toBe(false);
    await clock.advance(100);
    await flush();
    expect(await rejection(duplicate.promise)).toBeInstanceOf(InProgressError);
  });

  it('stops waiting when the signal aborts, with its reason', async () => {
    const { clock, store } = manualSetup();
    const gate = deferred<string>();
    const controller = new AbortController();
    let calls = 0;
    const options = { store, key: (id: string) => id, clock };
    const apply = idempotent(async (_id: string) => {
      calls++;
      return gate.promise;
    }, options);
    const waiting = idempotent(async (_id: string) => 'never', {
      ...options,
      onInProgress: 'wait',
      signal: controller.signal,
    });
    const first = apply('k');
    const duplicate = waiting('k');
    await flush();
    expect(clock.pendingDelays).toEqual([100]);
    const reason = new Error('request closed');
    controller.abort(reason);
    expect(await rejection(duplicate)).toBe(reason);
    expect(clock.pendingDelays).toEqual([]);
    gate.resolve('ok');
    expect(await first).toBe('ok');
    expect(calls).toBe(1);
  });

  it('does not wait at all when the signal is already aborted', async () => {
    const { clock, store } = manualSetup();
    const gate = deferred<string>();
    const reason = new Error('gone');
    const first = idempotent(async (_id: string) => gate.promise, { store, key: (id) => id, clock })('k');
    const duplicate = idempotent(async (_id: string) => 'never', {
      store,
      key: (id) => id,
      clock,
      onInProgress: 'wait',
      signal: AbortSignal.abort(reason),
    })('k');
    expect(await rejection(duplicate)).toBe(reason);
    gate.resolve('ok');
    await first;
  });

  it('runs the handler itself when the first execution fails and releases the key', async () => {
    const { clock, store } = manualSetup();
    const gate = deferred<string>();
    let calls = 0;
    const apply = idempotent(
      async (_id: string) => {
        calls++;
        if (calls === 1) return gate.promise;
        return 'second run';
      },
      { store, key: (id) => id, clock, onInProgress: 'wait' },
    );
    const first = rejection(apply('k'));
    const duplicate = apply('k');
    await flush();
    gate.reject(new Error('first run failed'));
    await flush();
    await clock.advance(100);
    expect(await duplicate).toBe('second run');
    expect(await first).toMatchObject({ message: 'first run failed' });
    expect(calls).toBe(2);
  });
});

describe('results and failures that cannot be stored as they are', () => {
  it('stores a result that JSON cannot hold as a final failure, so the effect is not run again', async () => {
    const store = new MemoryStore();
    let runs = 0;
    const handler = idempotent(
      async () => {
        runs++;
        return { total: 10n };
      },
      { store, key: () => 'bigint-result' },
    );
    await expect(handler()).rejects.toThrow('the result for "bigint-result" cannot be stored as JSON');
    await expect(handler()).rejects.toBeInstanceOf(StoredFailureError);
    expect(runs).toBe(1);
  });

  it('throws the handler’s own error, not a stale-token error, when a final failure comes after losing the key', async () => {
    const store = new MemoryStore();
    const slow = idempotent(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 120));
        throw new Error('sku unknown to the warehouse');
      },
      { store, key: () => 'lost-then-failed', leaseMs: 40, heartbeat: false, isFinalFailure: () => true },
    );
    const first = slow();
    await new Promise((resolve) => setTimeout(resolve, 60));
    const successor = await store.claim('lost-then-failed', {
      fingerprint: fingerprint([]),
      leaseMs: 10_000,
      ttlMs: 60_000,
    });
    expect(successor.status).toBe('acquired');
    await expect(first).rejects.toThrow('sku unknown to the warehouse');
  });
});

describe('the heartbeat', () => {
  it('keeps beating after one failed heartbeat, so a dropped connection does not hand the key to a duplicate', async () => {
    const memory = new MemoryStore();
    let failures = 1;
    const flaky: IdempotencyStore = {
      claim: (key, options) => memory.claim(key, options),
      complete: (key, token, result) => memory.complete(key, token, result),
      fail: (key, token, options) => memory.fail(key, token, options),
      heartbeat: (key, token, leaseMs) =>
        failures-- > 0
          ? Promise.reject(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))
          : memory.heartbeat(key, token, leaseMs),
    };
    let runs = 0;
    const slow = idempotent(
      async () => {
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 400));
        return 'done';
      },
      { store: flaky, key: () => 'flaky-heartbeat', leaseMs: 90 },
    );
    const first = slow();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(slow()).rejects.toBeInstanceOf(InProgressError);
    expect(await first).toBe('done');
    expect(runs).toBe(1);
  });

  it('stops after maxRunMs, so a handler that hangs loses its key one lease later like a crashed one', async () => {
    const store = new MemoryStore();
    let runs = 0;
    const hanging = idempotent(
      async () => {
        runs++;
        await new Promise((resolve) => setTimeout(resolve, 500));
        return runs;
      },
      { store, key: () => 'hanging', leaseMs: 60, maxRunMs: 100 },
    );
    const first = hanging();
    await new Promise((resolve) => setTimeout(resolve, 250));
    const second = hanging();
    await expect(first).rejects.toBeInstanceOf(StaleTokenError);
    expect(await second).toBe(2);
  });
});
