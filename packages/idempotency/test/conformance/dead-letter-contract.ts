import { describe, expect, it } from 'vitest';
import { DeadLetterNotFoundError, DeadLetterStateError, type DeadLetterStore } from '../../src/index.js';

export interface DeadLetterStoreUnderTest {
  readonly store: DeadLetterStore;
  readonly close?: () => Promise<void>;
}

let sequence = 0;
const unique = (label: string) => `dlq:${process.pid}:${Date.now()}:${++sequence}:${label}`;

/** What every dead-letter store keeps. Each test uses its own `source`, so stores may be shared. */
export function describeDeadLetterContract(
  name: string,
  open: () => Promise<DeadLetterStoreUnderTest>,
): void {
  const withStore = (test: (store: DeadLetterStore) => Promise<void>) => async () => {
    const { store, close } = await open();
    try {
      await test(store);
    } finally {
      await close?.();
    }
  };
  const failure = () =>
    new Error('could not apply shipment', {
      cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
    });

  describe(`${name} keeps dead letters`, () => {
    it(
      'keeps the original payload, headers, error chain, attempts and correlation id',
      withStore(async (store) => {
        const source = unique('src');
        const payload = {
          shipment: { id: 'SHP-1', lines: [{ sku: 'FURN_6666', qty: '7' }] },
          note: 'é 日本 "q"',
        };
        const letter = await store.record({
          key: 'webhook:1',
          source,
          payload,
          headers: { 'x-shipbob-signature': 'abc' },
          error: failure(),
          correlationId: 'order-S00042',
          attempts: 3,
        });
        expect(letter).toMatchObject({
          key: 'webhook:1',
          source,
          payload,
          attempts: 3,
          status: 'pending',
          correlationId: 'order-S00042',
        });
        expect(letter.headers).toEqual({ 'x-shipbob-signature': 'abc' });
        expect(letter.errors.map((error) => [error.name, error.message, error.code])).toEqual([
          ['Error', 'could not apply shipment', undefined],
          ['Error', 'socket hang up', 'ECONNRESET'],
        ]);
        expect(Date.parse(letter.firstFailedAt)).not.toBeNaN();
        expect(await store.get(letter.id)).toEqual(letter);
      }),
    );

    it(
      'adds a repeated failure of the same message to its letter instead of a copy',
      withStore(async (store) => {
        const source = unique('src');
        const first = await store.record({ key: 'k', source, payload: { n: 1 }, error: new Error('first') });
        await new Promise((resolve) => setTimeout(resolve, 5));
        const second = await store.record({
          key: 'k',
          source,
          payload: { n: 1 },
          error: new Error('second'),
          attempts: 2,
        });
        expect(second.id).toBe(first.id);
        expect(second.attempts).toBe(3);
        expect(second.errors[0]?.message).toBe('second');
        expect(second.firstFailedAt).toBe(first.firstFailedAt);
        expect(Date.parse(second.lastFailedAt)).toBeGreaterThan(Date.parse(first.lastFailedAt));
        expect((await store.list({ source })).items).toHaveLength(1);
      }),
    );

    it(
      'keeps the same key from two sources apart',
      withStore(async (store) => {
        const a = unique('a');
        const b = unique('b');
        const first = await store.record({ key: 'k', source: a, payload: 1, error: new Error('x') });
        const second = await store.record({ key: 'k', source: b, payload: 2, error: new Error('y') });
        expect(second.id).not.toBe(first.id);
      }),
    );

    it(
      'lists by status, source, correlation id and key, in pages, in order of first failure',
      withStore(async (store) => {
        const source = unique('src');
        const ids: string[] = [];
        for (let index = 0; index < 5; index++) {
          const letter = await store.record({
            key: `k${index}`,
            source,
            payload: index,
            error: new Error(`e${index}`),
            correlationId: index % 2 === 0 ? 'even' : 'odd',
          });
          ids.push(letter.id);
        }
        const firstPage = await store.list({ source, limit: 2 });
        expect(firstPage.items.map((letter) => letter.id)).toEqual(ids.slice(0, 2));
        const secondPage = await store.list({ source, limit: 2, after: firstPage.next });
        expect(secondPage.items.map((letter) => letter.id)).toEqual(ids.slice(2, 4));
        const lastPage = await store.list({ source, limit: 2, after: secondPage.next });
        expect(lastPage.items.map((letter) => letter.id)).toEqual(ids.slice(4));
        expect(lastPage.next).toBeUndefined();
        expect(
          (await store.list({ source, correlationId: 'odd' })).items.map((letter) => letter.payload),
        ).toEqual([1, 3]);
        expect((await store.list({ source, key: 'k3' })).items.map((letter) => letter.id)).toEqual([ids[3]]);
        await store.discard(ids[0] as string, 'duplicate of k1');
        expect((await store.list({ source, status: 'pending' })).items).toHaveLength(4);
        expect(
          (await store.list({ source, status: 'discarded' })).items.map((letter) => letter.discardReason),
        ).toEqual(['duplicate of k1']);
      }),
    );

    it(
      'marks a replayed letter and refuses to replay or discard it again',
      withStore(async (store) => {
        const letter = await store.record({
          key: 'k',
          source: unique('src'),
          payload: 1,
          error: new Error('x'),
        });
        const replayed = await store.markReplayed(letter.id);
        expect(replayed.status).toBe('replayed');
        expect(Date.parse(replayed.replayedAt ?? '')).not.toBeNaN();
        await expect(store.markReplayed(letter.id)).rejects.toBeInstanceOf(DeadLetterStateError);
        await expect(store.discard(letter.id, 'late')).rejects.toBeInstanceOf(DeadLetterStateError);
      }),
    );

    it(
      'opens a new letter when a message that was replayed fails again later',
      withStore(async (store) => {
        const source = unique('src');
        const first = await store.record({ key: 'k', source, payload: 1, error: new Error('x') });
        await store.markReplayed(first.id);
        const again = await store.record({ key: 'k', source, payload: 1, error: new Error('y') });
        expect(again.id).not.toBe(first.id);
        expect(again.status).toBe('pending');
      }),
    );

    it(
      'says which id it does not know',
      withStore(async (store) => {
        expect(await store.get('999999999')).toBeUndefined();
        await expect(store.discard('999999999', 'x')).rejects.toBeInstanceOf(DeadLetterNotFoundError);
      }),
    );
  });
}
