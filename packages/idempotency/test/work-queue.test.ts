import { describe, expect, it, vi } from 'vitest';
import { type Job, ManualClock, MemoryDeadLetterStore, MemoryWorkQueue } from '../src/index.js';

/** A promise and its resolver, to hold a handler until the test lets it go. */
function gate(): { readonly open: () => void; readonly wait: Promise<void> } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { open, wait };
}

const retryable = (message: string) => Object.assign(new Error(message), { retryable: true });
const permanent = (message: string) => Object.assign(new Error(message), { retryable: false });

describe('MemoryWorkQueue', () => {
  it('runs a waiting high-priority job before a burst of lower ones that arrived first', async () => {
    const order: string[] = [];
    const blocker = gate();
    const queue = new MemoryWorkQueue<string>({
      concurrency: 1,
      deadLetters: new MemoryDeadLetterStore(),
      handler: async (job) => {
        if (job.payload === 'blocker') await blocker.wait;
        order.push(job.payload);
      },
    });
    await queue.enqueue({ kind: 'release', payload: 'blocker', correlationId: 'c0' });
    for (let index = 0; index < 50; index++) {
      await queue.enqueue({
        kind: 'inventory.snapshot',
        payload: `stock-${index}`,
        correlationId: 'c',
        priority: 1,
      });
    }
    await queue.enqueue({
      kind: 'shipment.confirm',
      payload: 'shipment',
      correlationId: 'c1',
      priority: 100,
    });
    blocker.open();
    await queue.onIdle();
    expect(order.slice(0, 3)).toEqual(['blocker', 'shipment', 'stock-0']);
    expect(order).toHaveLength(52);
  });

  it('adds nothing for a key that is already waiting, running or waiting for a retry', async () => {
    const held = gate();
    const handled = vi.fn(() => held.wait);
    const queue = new MemoryWorkQueue<number>({ deadLetters: new MemoryDeadLetterStore(), handler: handled });
    const first = await queue.enqueue({ kind: 'k', payload: 1, correlationId: 'c', key: 'shipment:1' });
    const second = await queue.enqueue({ kind: 'k', payload: 1, correlationId: 'c', key: 'shipment:1' });
    expect(second).toMatchObject({ id: first.id, duplicate: true });
    expect(second.done).toBe(first.done);
    held.open();
    expect(await first.done).toEqual({ status: 'completed' });
    await queue.onIdle();
    expect(handled).toHaveBeenCalledTimes(1);
    // Done jobs are forgotten: deduplicating effects is the handler's idempotency key's job.
    expect(
      (await queue.enqueue({ kind: 'k', payload: 1, correlationId: 'c', key: 'shipment:1' })).duplicate,
    ).toBe(false);
    await queue.onIdle();
  });

  it('retries a retryable failure after its backoff, running other jobs meanwhile', async () => {
    const clock = new ManualClock();
    const seen: string[] = [];
    let failures = 1;
    const queue = new MemoryWorkQueue<string>({
      concurrency: 1,
      clock,
      random: () => 0.5,
      baseDelayMs: 1_000,
      deadLetters: new MemoryDeadLetterStore(),
      handler: async (job) => {
        seen.push(`${job.payload}#${job.attempt}`);
        if (job.payload === 'flaky' && failures-- > 0) throw retryable('odoo 503');
      },
    });
    const retrying = vi.fn();
    queue.on('retrying', retrying);
    await queue.enqueue({ kind: 'k', payload: 'flaky', correlationId: 'c' });
    await vi.waitFor(() => expect(retrying).toHaveBeenCalledTimes(1));
    expect(retrying.mock.calls[0]?.[2]).toBe(500);
    expect(queue.stats().delayed).toBe(1);
    await queue.enqueue({ kind: 'k', payload: 'other', correlationId: 'c' });
    await vi.waitFor(() => expect(seen).toContain('other#1'));
    await clock.advance(500);
    await queue.onIdle();
    expect(seen).toEqual(['flaky#1', 'other#1', 'flaky#2']);
  });

  it('waits the retry-after a failure asks for instead of its own backoff', async () => {
    const clock = new ManualClock();
    let failures = 1;
    const queue = new MemoryWorkQueue<string>({
      clock,
      deadLetters: new MemoryDeadLetterStore(),
      handler: async () => {
        if (failures-- > 0) throw Object.assign(new Error('429'), { retryable: true, retryAfterMs: 7_000 });
      },
    });
    const retrying = vi.fn();
    queue.on('retrying', retrying);
    await queue.enqueue({ kind: 'k', payload: 'x', correlationId: 'c' });
    await vi.waitFor(() => expect(retrying).toHaveBeenCalled());
    expect(retrying.mock.calls[0]?.[2]).toBe(7_000);
    await clock.advance(7_000);
    await queue.onIdle();
    expect(queue.stats().completed).toBe(1);
  });

  it('dead-letters a permanent failure at once, with payload, error, key, correlation id and attempts', async () => {
    const deadLetters = new MemoryDeadLetterStore();
    const queue = new MemoryWorkQueue<{ sku: string }>({
      source: 'crossdock',
      deadLetters,
      handler: async () => {
        throw permanent('picking 21 has no move for SKU MUG-1');
      },
    });
    await queue.enqueue({
      kind: 'shipment.confirm',
      payload: { sku: 'MUG-1' },
      correlationId: 'order-S042',
      key: 'shp-1',
    });
    await queue.onIdle();
    const [letter, ...rest] = (await deadLetters.list()).items;
    expect(rest).toEqual([]);
    expect(letter).toMatchObject({
      key: 'shp-1',
      source: 'crossdock.shipment.confirm',
      payload: { sku: 'MUG-1' },
      correlationId: 'order-S042',
      attempts: 1,
    });
    expect(letter?.errors[0]?.message).toBe('picking 21 has no move for SKU MUG-1');
    expect(queue.stats()).toMatchObject({ deadLettered: 1, completed: 0, waiting: 0 });
  });

  it('dead-letters a job whose retryable failures exhaust its attempts', async () => {
    const clock = new ManualClock();
    const deadLetters = new MemoryDeadLetterStore();
    const queue = new MemoryWorkQueue<string>({
      clock,
      maxAttempts: 3,
      deadLetters,
      handler: async () => {
        throw retryable('still down');
      },
    });
    await queue.enqueue({ kind: 'k', payload: 'x', correlationId: 'c' });
    const idle = queue.onIdle();
    for (let step = 0; step < 20; step++) await clock.advance(30_000);
    await idle;
    const [letter] = (await deadLetters.list()).items;
    expect(letter?.attempts).toBe(3);
  });

  it('reports waiting, active and delayed jobs, their kinds and the oldest age', async () => {
    const clock = new ManualClock(1_000);
    const held = gate();
    const queue = new MemoryWorkQueue<string>({
      clock,
      concurrency: 1,
      deadLetters: new MemoryDeadLetterStore(),
      handler: () => held.wait,
    });
    await queue.enqueue({ kind: 'release', payload: 'a', correlationId: 'c' });
    await clock.advance(250);
    await queue.enqueue({ kind: 'release', payload: 'b', correlationId: 'c' });
    await queue.enqueue({ kind: 'inventory', payload: 'c', correlationId: 'c' });
    await vi.waitFor(() => expect(queue.stats().active).toBe(1));
    expect(queue.stats()).toEqual({
      waiting: 2,
      delayed: 0,
      active: 1,
      oldestAgeMs: 250,
      byKind: { release: 2, inventory: 1 },
      completed: 0,
      deadLettered: 0,
    });
    held.open();
    await queue.onIdle();
    expect(queue.stats()).toMatchObject({ waiting: 0, active: 0, oldestAgeMs: 0, completed: 3, byKind: {} });
  });

  it('aborts the running handlers’ signal on close and takes no more jobs', async () => {
    const signals: AbortSignal[] = [];
    const queue = new MemoryWorkQueue<string>({
      deadLetters: new MemoryDeadLetterStore(),
      handler: (_job, signal) => {
        signals.push(signal);
        return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      },
    });
    const { done } = await queue.enqueue({ kind: 'k', payload: 'x', correlationId: 'c' });
    await vi.waitFor(() => expect(signals).toHaveLength(1));
    await queue.close();
    expect(await done).toEqual({ status: 'completed' });
    expect(signals[0]?.aborted).toBe(true);
    await expect(queue.enqueue({ kind: 'k', payload: 'y', correlationId: 'c' })).rejects.toThrow('closed');
  });

  it('tells deadLetterFailed, with the job and both errors, when the dead-letter store fails', async () => {
    const deadLetters = new MemoryDeadLetterStore();
    vi.spyOn(deadLetters, 'record').mockRejectedValue(new Error('postgres down'));
    const queue = new MemoryWorkQueue<string>({
      deadLetters,
      handler: async () => {
        throw permanent('bad payload');
      },
    });
    const failed = vi.fn<(job: Job<string>, error: unknown, storeError: unknown) => void>();
    queue.on('deadLetterFailed', failed);
    const { done } = await queue.enqueue({ kind: 'k', payload: 'x', correlationId: 'c' });
    expect((await done).status).toBe('lost');
    expect(failed).toHaveBeenCalledTimes(1);
    expect(failed.mock.calls[0]?.[2]).toEqual(new Error('postgres down'));
  });
});
