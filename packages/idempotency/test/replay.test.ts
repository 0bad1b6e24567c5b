import { describe, expect, it } from 'vitest';
import {
  type DeadLetterInput,
  idempotent,
  MemoryDeadLetterStore,
  MemoryStore,
  type ReplayContext,
  type ReplayProgress,
  replayDeadLetters,
} from '../src/index.js';
import { rejection } from './async-helpers.js';

interface Shipment {
  readonly shipmentId: string;
  readonly qty: number;
}

/**
 * A consumer's world: an effect (applying a shipment in Odoo) made exactly once per idempotency key,
 * the dead-letter store it gives up into, and the replay handler an operator runs.
 */
function world() {
  const deadLetters = new MemoryDeadLetterStore({ now: () => new Date('2026-11-25T14:00:00Z') });
  const store = new MemoryStore();
  const effects: { key: string; payload: Shipment }[] = [];
  let failNext = 0;
  const applyShipment = async (key: string, payload: Shipment) => {
    if (failNext > 0) {
      failNext--;
      throw new Error('Odoo unavailable', {
        cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      });
    }
    effects.push({ key, payload });
    return { pickingId: effects.length };
  };
  /** The message handler, with the message's idempotency key. */
  const consume = (key: string, payload: Shipment) =>
    idempotent((p: Shipment) => applyShipment(key, p), { store, key: () => key })(payload);
  /** The replay handler: the original payload through the same idempotent handler, with the original key. */
  const replayHandler = (payload: unknown, context: ReplayContext) =>
    consume(context.key, payload as Shipment);
  const letter = (key: string, overrides: Partial<DeadLetterInput> = {}): DeadLetterInput => ({
    key,
    source: 'shipbob.webhook',
    payload: { shipmentId: key, qty: 2 } satisfies Shipment,
    headers: { 'x-shipbob-signature': 'sig' },
    error: new Error('ack failed'),
    attempts: 3,
    ...overrides,
  });
  return {
    deadLetters,
    effects,
    consume,
    replayHandler,
    letter,
    failTimes: (n: number) => {
      failNext = n;
    },
  };
}

describe('replayDeadLetters', () => {
  it('does not repeat the effect of a message that already succeeded, and marks the letter replayed', async () => {
    const { deadLetters, effects, consume, replayHandler, letter } = world();
    // The effect happened, then the consumer failed after it (say, acking) and dead-lettered the message.
    await consume('shp-1', { shipmentId: 'shp-1', qty: 2 });
    expect(effects).toHaveLength(1);
    const { id } = await deadLetters.record(letter('shp-1'));

    const report = await replayDeadLetters(deadLetters, [id], replayHandler);

    expect(effects).toHaveLength(1);
    expect(report).toEqual({ replayed: [id], failed: [], skipped: [] });
    const replayed = await deadLetters.get(id);
    expect(replayed?.status).toBe('replayed');
    expect(replayed?.replayedAt).toBe('2026-11-25T14:00:00.000Z');
  });

  it('applies a message that never succeeded, once, however often it is replayed', async () => {
    const { deadLetters, effects, replayHandler, letter } = world();
    const { id } = await deadLetters.record(letter('shp-2'));
    await replayDeadLetters(deadLetters, [id], replayHandler);
    await replayDeadLetters(deadLetters, [id], replayHandler);
    expect(effects).toEqual([{ key: 'shp-2', payload: { shipmentId: 'shp-2', qty: 2 } }]);
  });

  it('hands the handler the original payload, key, source, headers and correlation id', async () => {
    const { deadLetters, letter } = world();
    const { id } = await deadLetters.record(letter('shp-3', { correlationId: 'corr-9' }));
    const seen: { payload: unknown; context: ReplayContext }[] = [];
    const controller = new AbortController();
    await replayDeadLetters(
      deadLetters,
      [id],
      async (payload, context) => {
        seen.push({ payload, context });
      },
      { signal: controller.signal },
    );
    expect(seen).toEqual([
      {
        payload: { shipmentId: 'shp-3', qty: 2 },
        context: {
          key: 'shp-3',
          source: 'shipbob.webhook',
          headers: { 'x-shipbob-signature': 'sig' },
          correlationId: 'corr-9',
          signal: controller.signal,
        },
      },
    ]);
  });

  it('records the new error and one more attempt when a replay fails, and leaves the letter pending', async () => {
    const { deadLetters, effects, replayHandler, letter, failTimes } = world();
    const { id } = await deadLetters.record(letter('shp-4', { attempts: 3 }));
    failTimes(1);

    const report = await replayDeadLetters(deadLetters, [id], replayHandler);

    expect(report.replayed).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]?.id).toBe(id);
    expect(report.failed[0]?.error).toMatchObject({ message: 'Odoo unavailable' });
    const after = await deadLetters.get(id);
    expect(after?.status).toBe('pending');
    expect(after?.attempts).toBe(4);
    expect(after?.errors.map(({ name, message, code }) => ({ name, message, code }))).toEqual([
      { name: 'Error', message: 'Odoo unavailable', code: undefined },
      { name: 'Error', message: 'socket hang up', code: 'ECONNRESET' },
    ]);
    expect(effects).toEqual([]);

    // The failure released the key, so the next replay applies it.
    const retried = await replayDeadLetters(deadLetters, [id], replayHandler);
    expect(retried.replayed).toEqual([id]);
    expect(effects).toHaveLength(1);
    expect((await deadLetters.get(id))?.status).toBe('replayed');
  });

  it('skips letters that are not pending or do not exist, with the reason', async () => {
    const { deadLetters, replayHandler, letter } = world();
    const replayed = await deadLetters.record(letter('shp-5'));
    await deadLetters.markReplayed(replayed.id);
    const discarded = await deadLetters.record(letter('shp-6'));
    await deadLetters.discard(discarded.id, 'test order');
    let calls = 0;

    const report = await replayDeadLetters(
      deadLetters,
      [replayed.id, discarded.id, 'no-such-id'],
      async (...args) => {
        calls++;
        return replayHandler(...args);
      },
    );

    expect(calls).toBe(0);
    expect(report).toEqual({
      replayed: [],
      failed: [],
      skipped: [
        { id: replayed.id, reason: 'already replayed' },
        { id: discarded.id, reason: 'already discarded' },
        { id: 'no-such-id', reason: 'not found' },
      ],
    });
    expect((await deadLetters.get(discarded.id))?.status).toBe('discarded');
  });

  it('skips an id listed twice the second time', async () => {
    const { deadLetters, effects, replayHandler, letter } = world();
    const { id } = await deadLetters.record(letter('shp-7'));
    const report = await replayDeadLetters(deadLetters, [id, id], replayHandler);
    expect(report.replayed).toEqual([id]);
    expect(report.skipped).toEqual([{ id, reason: 'already replayed' }]);
    expect(effects).toHaveLength(1);
  });

  it('reports progress after each letter with running counts', async () => {
    const { deadLetters, replayHandler, letter, failTimes } = world();
    const failing = await deadLetters.record(letter('shp-8'));
    const ok = await deadLetters.record(letter('shp-9'));
    failTimes(1);
    const progress: ReplayProgress[] = [];

    await replayDeadLetters(deadLetters, [failing.id, 'missing', ok.id], replayHandler, {
      onProgress: (p) => progress.push(p),
    });

    expect(progress).toEqual([
      { done: 1, total: 3, replayed: 0, failed: 1, skipped: 0 },
      { done: 2, total: 3, replayed: 0, failed: 1, skipped: 1 },
      { done: 3, total: 3, replayed: 1, failed: 1, skipped: 1 },
    ]);
  });

  it('stops between letters when the signal aborts; the letter in hand finishes first', async () => {
    const { deadLetters, effects, replayHandler, letter } = world();
    const ids: string[] = [];
    for (const key of ['shp-10', 'shp-11', 'shp-12']) ids.push((await deadLetters.record(letter(key))).id);
    const controller = new AbortController();
    const reason = new Error('operator pressed ctrl-c');
    const handled: string[] = [];

    const thrown = await rejection(
      replayDeadLetters(
        deadLetters,
        ids,
        async (payload, context) => {
          handled.push(context.key);
          controller.abort(reason);
          return replayHandler(payload, context);
        },
        { signal: controller.signal },
      ),
    );

    expect(thrown).toBe(reason);
    expect(handled).toEqual(['shp-10']);
    expect(effects.map(({ key }) => key)).toEqual(['shp-10']);
    const statuses = await Promise.all(ids.map(async (id) => (await deadLetters.get(id))?.status));
    expect(statuses).toEqual(['replayed', 'pending', 'pending']);
  });

  it('does not start when the signal is already aborted', async () => {
    const { deadLetters, replayHandler, letter } = world();
    const { id } = await deadLetters.record(letter('shp-13'));
    const reason = new Error('cancelled');
    let calls = 0;
    const thrown = await rejection(
      replayDeadLetters(
        deadLetters,
        [id],
        async (...args) => {
          calls++;
          return replayHandler(...args);
        },
        { signal: AbortSignal.abort(reason) },
      ),
    );
    expect(thrown).toBe(reason);
    expect(calls).toBe(0);
    expect((await deadLetters.get(id))?.status).toBe('pending');
  });

  it('leaves no new dead letter behind when another operator marks the letter replayed first', async () => {
    const { deadLetters, effects, replayHandler, letter } = world();
    const { id } = await deadLetters.record(letter('shp-14'));
    let firstDone!: () => void;
    const firstFinished = new Promise<void>((resolve) => {
      firstDone = resolve;
    });

    // Both operators read the letter while it is pending; the second one's handler finishes last.
    const second = replayDeadLetters(deadLetters, [id], async (payload, context) => {
      await firstFinished;
      return replayHandler(payload, context);
    });
    const first = await replayDeadLetters(deadLetters, [id], replayHandler);
    firstDone();
    const late = await second;

    expect(first.replayed).toEqual([id]);
    expect(effects).toHaveLength(1);
    expect((await deadLetters.get(id))?.status).toBe('replayed');
    expect((await deadLetters.list()).items.map((item) => item.id)).toEqual([id]);
    expect(late.failed).toEqual([]);
  });

  it('reports nothing for an empty list', async () => {
    const { deadLetters, replayHandler } = world();
    const progress: ReplayProgress[] = [];
    expect(
      await replayDeadLetters(deadLetters, [], replayHandler, { onProgress: (p) => progress.push(p) }),
    ).toEqual({
      replayed: [],
      failed: [],
      skipped: [],
    });
    expect(progress).toEqual([]);
  });
});
