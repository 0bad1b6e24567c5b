import { describe, expect, it } from 'vitest';
import {
  type BreakerState,
  CircuitBreaker,
  type CircuitBreakerOptions,
  CircuitOpenError,
  ManualClock,
  MemoryBreakerStateStore,
} from '../src/index.js';
import { deferred, flush, rejection } from './async-helpers.js';

function setup(options: Partial<CircuitBreakerOptions> = {}) {
  const clock = new ManualClock();
  const stateStore = new MemoryBreakerStateStore({ clock });
  const breaker = new CircuitBreaker({ name: 'shipbob', clock, stateStore, ...options });
  const changes: { from: BreakerState; to: BreakerState }[] = [];
  const rejected: CircuitOpenError[] = [];
  breaker.on('stateChange', ({ name, from, to }) => {
    expect(name).toBe('shipbob');
    changes.push({ from, to });
  });
  breaker.on('rejected', (error) => rejected.push(error));
  let calls = 0;
  const ok = async () => {
    calls++;
    return 'ok';
  };
  const fail = async (): Promise<string> => {
    calls++;
    throw new Error('ShipBob is down');
  };
  return { clock, stateStore, breaker, changes, rejected, ok, fail, calls: () => calls };
}

/** A call that takes `ms` on the manual clock. */
const slow = (clock: ManualClock, ms: number) => async () => {
  await clock.advance(ms);
  return 'ok';
};

describe('CircuitBreaker opens on consecutive failures', () => {
  it('opens after N failures in a row and refuses calls without calling the function', async () => {
    const { breaker, fail, ok, calls } = setup({ consecutiveFailures: 3, openMs: 5_000 });
    for (let i = 0; i < 2; i++) await expect(breaker.execute(fail)).rejects.toThrow('ShipBob is down');
    expect(await breaker.state()).toBe('closed');
    await expect(breaker.execute(fail)).rejects.toThrow('ShipBob is down');
    expect(await breaker.state()).toBe('open');
    expect(calls()).toBe(3);

    const refused = await rejection(breaker.execute(ok));
    expect(refused).toBeInstanceOf(CircuitOpenError);
    expect(refused).toMatchObject({ breaker: 'shipbob', retryAfterMs: 5_000 });
    expect(calls()).toBe(3);
  });

  it('tells refused callers how long the circuit stays open', async () => {
    const { breaker, clock, fail, ok } = setup({ consecutiveFailures: 1, openMs: 5_000 });
    await expect(breaker.execute(fail)).rejects.toThrow();
    await clock.advance(1_500);
    await expect(breaker.execute(ok)).rejects.toMatchObject({ retryAfterMs: 3_500 });
  });

  it('does not open when a success breaks the run of failures', async () => {
    const { breaker, fail, ok } = setup({ consecutiveFailures: 3, minimumCalls: 1_000 });
    for (let round = 0; round < 5; round++) {
      await expect(breaker.execute(fail)).rejects.toThrow();
      await expect(breaker.execute(fail)).rejects.toThrow();
      expect(await breaker.execute(ok)).toBe('ok');
    }
    expect(await breaker.state()).toBe('closed');
  });

  it('opens after 5 failures in a row by default', async () => {
    const { breaker, fail } = setup();
    for (let i = 0; i < 4; i++) await expect(breaker.execute(fail)).rejects.toThrow('ShipBob is down');
    expect(await breaker.state()).toBe('closed');
    await expect(breaker.execute(fail)).rejects.toThrow('ShipBob is down');
    expect(await breaker.state()).toBe('open');
  });

  it('passes results and errors through while closed', async () => {
    const { breaker } = setup();
    expect(await breaker.execute(async () => ({ id: 7 }))).toEqual({ id: 7 });
    const error = new Error('vendor said no');
    expect(await rejection(breaker.execute(async () => Promise.reject(error)))).toBe(error);
  });
});

describe('CircuitBreaker opens on failure rate', () => {
  it('opens at the failure-rate threshold only once minimumCalls are in the window', async () => {
    const { breaker, fail, ok } = setup({
      consecutiveFailures: 100,
      failureRateThreshold: 0.5,
      minimumCalls: 10,
      windowSize: 10,
    });
    // fail, ok, fail, ok, … : 5 failures in 9 calls is above 50 % but below minimumCalls.
    for (let i = 0; i < 9; i++) {
      if (i % 2 === 0) await expect(breaker.execute(fail)).rejects.toThrow();
      else expect(await breaker.execute(ok)).toBe('ok');
    }
    expect(await breaker.state()).toBe('closed');
    expect(await breaker.execute(ok)).toBe('ok'); // 5 / 10 = 50 %
    expect(await breaker.state()).toBe('open');
  });

  it('stays closed below the threshold', async () => {
    const { breaker, fail, ok } = setup({
      consecutiveFailures: 100,
      failureRateThreshold: 0.5,
      minimumCalls: 10,
      windowSize: 10,
    });
    for (let i = 0; i < 40; i++) {
      if (i % 3 === 0) await expect(breaker.execute(fail)).rejects.toThrow();
      else expect(await breaker.execute(ok)).toBe('ok');
    }
    expect(await breaker.state()).toBe('closed');
  });

  it('counts only the last windowSize calls', async () => {
    const { breaker, fail, ok } = setup({
      consecutiveFailures: 100,
      failureRateThreshold: 0.5,
      minimumCalls: 4,
      windowSize: 4,
    });
    // Failures early on fall out of the window before the rate is ever reached with enough calls.
    await expect(breaker.execute(fail)).rejects.toThrow();
    for (let i = 0; i < 4; i++) expect(await breaker.execute(ok)).toBe('ok');
    await expect(breaker.execute(fail)).rejects.toThrow(); // window: ok ok ok fail = 25 %
    expect(await breaker.state()).toBe('closed');
    await expect(breaker.execute(fail)).rejects.toThrow(); // window: ok ok fail fail = 50 %
    expect(await breaker.state()).toBe('open');
  });
});

describe('CircuitBreaker and slow calls', () => {
  it('opens when the slow-call rate reaches slowCallRateThreshold', async () => {
    const { breaker, clock } = setup({ slowCallRateThreshold: 0.5, slowCallMs: 100, minimumCalls: 4 });
    for (let i = 0; i < 3; i++) expect(await breaker.execute(slow(clock, 150))).toBe('ok');
    expect(await breaker.state()).toBe('closed');
    expect(await breaker.execute(slow(clock, 150))).toBe('ok');
    expect(await breaker.state()).toBe('open');
  });

  it('does not count a call of exactly slowCallMs as slow', async () => {
    const { breaker, clock } = setup({ slowCallRateThreshold: 0.5, slowCallMs: 100, minimumCalls: 4 });
    for (let i = 0; i < 10; i++) expect(await breaker.execute(slow(clock, 100))).toBe('ok');
    expect(await breaker.state()).toBe('closed');
  });

  it('never opens on slow calls when slowCallRateThreshold is not set', async () => {
    const { breaker, clock } = setup({ slowCallMs: 100, minimumCalls: 4 });
    for (let i = 0; i < 60; i++) expect(await breaker.execute(slow(clock, 10_000))).toBe('ok');
    expect(await breaker.state()).toBe('closed');
  });
});

describe('CircuitBreaker isFailure', () => {
  const notFound = () => Object.assign(new Error('not found'), { status: 404 });
  const isFailure = (error: unknown) => (error as { status?: number }).status !== 404;

  it('lets expected errors through without counting them as failures', async () => {
    const { breaker } = setup({ consecutiveFailures: 3, minimumCalls: 3, isFailure });
    for (let i = 0; i < 20; i++) {
      await expect(
        breaker.execute(async () => {
          throw notFound();
        }),
      ).rejects.toMatchObject({ status: 404 });
    }
    expect(await breaker.state()).toBe('closed');
  });

  it('still counts the errors isFailure accepts', async () => {
    const { breaker, fail } = setup({ consecutiveFailures: 3, isFailure });
    for (let i = 0; i < 3; i++) await expect(breaker.execute(fail)).rejects.toThrow();
    expect(await breaker.state()).toBe('open');
  });
});

describe('CircuitBreaker half-open probe', () => {
  async function trip(options: Partial<CircuitBreakerOptions> = {}) {
    const context = setup({ consecutiveFailures: 1, openMs: 1_000, ...options });
    await expect(context.breaker.execute(context.fail)).rejects.toThrow();
    expect(await context.breaker.state()).toBe('open');
    return context;
  }

  it('stays open until openMs has passed', async () => {
    const { breaker, clock, ok, calls } = await trip();
    await clock.advance(999);
    await expect(breaker.execute(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(calls()).toBe(1);
    await clock.advance(1);
    expect(await breaker.state()).toBe('half_open');
  });

  it('lets one probe run after openMs and refuses a concurrent call while it is out', async () => {
    const { breaker, clock, calls } = await trip();
    await clock.advance(1_000);
    const gate = deferred<string>();
    let probes = 0;
    const probe = breaker.execute(() => {
      probes++;
      return gate.promise;
    });
    let secondCalled = false;
    const second = await rejection(
      breaker.execute(async () => {
        secondCalled = true;
        return 'second';
      }),
    );
    expect(second).toBeInstanceOf(CircuitOpenError);
    expect(secondCalled).toBe(false);
    expect(probes).toBe(1);

    gate.resolve('probe ok');
    expect(await probe).toBe('probe ok');
    expect(await breaker.state()).toBe('closed');
    expect(calls()).toBe(1);
  });

  it('closes after a successful probe and counts failures afresh', async () => {
    const { breaker, clock, ok, fail } = setup({ consecutiveFailures: 2, openMs: 1_000 });
    for (let i = 0; i < 2; i++) await expect(breaker.execute(fail)).rejects.toThrow('ShipBob is down');
    expect(await breaker.state()).toBe('open');
    await clock.advance(1_000);
    expect(await breaker.execute(ok)).toBe('ok');
    expect(await breaker.state()).toBe('closed');
    await expect(breaker.execute(fail)).rejects.toThrow('ShipBob is down');
    expect(await breaker.state()).toBe('closed');
    await expect(breaker.execute(fail)).rejects.toThrow('ShipBob is down');
    expect(await breaker.state()).toBe('open');
  });

  it('opens again for openMs when the probe fails', async () => {
    const { breaker, clock, ok, fail, calls } = await trip();
    await clock.advance(1_000);
    await expect(breaker.execute(fail)).rejects.toThrow('ShipBob is down');
    expect(await breaker.state()).toBe('open');
    await expect(breaker.execute(ok)).rejects.toMatchObject({ retryAfterMs: 1_000 });
    expect(calls()).toBe(2);
    await clock.advance(1_000);
    expect(await breaker.execute(ok)).toBe('ok');
    expect(await breaker.state()).toBe('closed');
  });

  it('lets another probe run when the first one outlives probeTimeoutMs', async () => {
    const { breaker, clock } = await trip({ probeTimeoutMs: 500 });
    await clock.advance(1_000);
    const hung = deferred<string>();
    const first = breaker.execute(() => hung.promise);
    await flush(); // the first probe is out
    await clock.advance(499);
    await expect(breaker.execute(async () => 'too early')).rejects.toBeInstanceOf(CircuitOpenError);
    await clock.advance(1);
    expect(await breaker.execute(async () => 'second probe')).toBe('second probe');
    expect(await breaker.state()).toBe('closed');
    hung.resolve('late');
    expect(await first).toBe('late');
  });
});

describe('CircuitBreaker events', () => {
  it('emits stateChange closed → open → half_open → closed, in order', async () => {
    const { breaker, clock, changes, fail, ok } = setup({ consecutiveFailures: 2, openMs: 1_000 });
    await expect(breaker.execute(fail)).rejects.toThrow();
    expect(changes).toEqual([]);
    await expect(breaker.execute(fail)).rejects.toThrow();
    expect(changes).toEqual([{ from: 'closed', to: 'open' }]);
    await clock.advance(1_000);
    expect(await breaker.execute(ok)).toBe('ok');
    expect(changes).toEqual([
      { from: 'closed', to: 'open' },
      { from: 'open', to: 'half_open' },
      { from: 'half_open', to: 'closed' },
    ]);
  });

  it('emits half_open → open when the probe fails', async () => {
    const { breaker, clock, changes, fail } = setup({ consecutiveFailures: 1, openMs: 1_000 });
    await expect(breaker.execute(fail)).rejects.toThrow();
    await clock.advance(1_000);
    await expect(breaker.execute(fail)).rejects.toThrow();
    expect(changes).toEqual([
      { from: 'closed', to: 'open' },
      { from: 'open', to: 'half_open' },
      { from: 'half_open', to: 'open' },
    ]);
  });

  it('emits rejected with the error each refused caller gets', async () => {
    const { breaker, rejected, fail, ok } = setup({ consecutiveFailures: 1, openMs: 1_000 });
    await expect(breaker.execute(fail)).rejects.toThrow();
    expect(rejected).toEqual([]);
    const first = await rejection(breaker.execute(ok));
    const second = await rejection(breaker.execute(ok));
    expect(rejected).toHaveLength(2);
    expect(rejected[0]).toBe(first);
    expect(rejected[1]).toBe(second);
  });

  it('emits rejected for a call refused while a probe is out', async () => {
    const { breaker, clock, rejected } = setup({ consecutiveFailures: 1, openMs: 1_000 });
    await expect(
      breaker.execute(async () => {
        throw new Error('down');
      }),
    ).rejects.toThrow();
    await clock.advance(1_000);
    const gate = deferred<string>();
    const probe = breaker.execute(() => gate.promise);
    const refused = await rejection(breaker.execute(async () => 'x'));
    expect(rejected).toEqual([refused]);
    gate.resolve('ok');
    await probe;
  });
});

describe('CircuitBreaker shared state', () => {
  it('refuses calls on every instance sharing a state store once one of them opens it', async () => {
    const clock = new ManualClock();
    const stateStore = new MemoryBreakerStateStore({ clock });
    const a = new CircuitBreaker({ name: 'odoo', clock, stateStore, consecutiveFailures: 1 });
    const b = new CircuitBreaker({ name: 'odoo', clock, stateStore, consecutiveFailures: 1 });
    const other = new CircuitBreaker({ name: 'shipbob', clock, stateStore, consecutiveFailures: 1 });
    await expect(
      a.execute(async () => {
        throw new Error('down');
      }),
    ).rejects.toThrow('down');
    await expect(b.execute(async () => 'ok')).rejects.toBeInstanceOf(CircuitOpenError);
    expect(await other.execute(async () => 'ok')).toBe('ok');
  });
});

describe('when the shared state cannot be written', () => {
  it('still returns a successful probe’s result, and reports the state-store failure as an event', async () => {
    const clock = new ManualClock();
    const store = new MemoryBreakerStateStore({ clock });
    const breaker = new CircuitBreaker({
      name: 'flaky-state',
      consecutiveFailures: 1,
      openMs: 1_000,
      stateStore: store,
      clock,
    });
    await rejection(breaker.execute(() => Promise.reject(new Error('503'))));
    await clock.advance(1_000);
    store.close = () => Promise.reject(new Error('Redis connection lost'));
    const reported: unknown[] = [];
    breaker.on('stateStoreError', (error) => reported.push(error));
    expect(await breaker.execute(async () => 'order created')).toBe('order created');
    expect(reported.map((error) => (error as Error).message)).toEqual(['Redis connection lost']);
  });

  it('throws the call’s own error, not the state store’s, when tripping fails', async () => {
    const store = new MemoryBreakerStateStore();
    store.open = () => Promise.reject(new Error('Redis connection lost'));
    const breaker = new CircuitBreaker({ name: 'flaky-trip', consecutiveFailures: 1, stateStore: store });
    const error = await rejection(breaker.execute(() => Promise.reject(new Error('ShipBob 503'))));
    expect((error as Error).message).toBe('ShipBob 503');
  });
});
