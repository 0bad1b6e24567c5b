import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderingStore } from '../../src/index.js';

export interface OrderingStoreUnderTest {
  readonly store: OrderingStore;
  readonly close?: () => Promise<void>;
}

let sequence = 0;
const uniqueEntity = (label: string) => `ordering:${process.pid}:${Date.now()}:${++sequence}:${label}`;

/** The ordering guard every store must keep: accept only what is strictly newer, atomically. */
export function describeOrderingContract(name: string, open: () => Promise<OrderingStoreUnderTest>): void {
  const withStore = (test: (store: OrderingStore) => Promise<void>) => async () => {
    const { store, close } = await open();
    try {
      await test(store);
    } finally {
      await close?.();
    }
  };

  describe(`${name} guards event order`, () => {
    it(
      'accepts the first event of an entity and every strictly newer one',
      withStore(async (store) => {
        const entity = uniqueEntity('newer');
        expect(await store.acceptIfNewer(entity, { version: 1 })).toEqual({ accepted: true });
        expect(await store.acceptIfNewer(entity, { version: 5 })).toEqual({ accepted: true });
      }),
    );

    it(
      'reports an older or equal event as stale, with the newest position seen',
      withStore(async (store) => {
        const entity = uniqueEntity('stale');
        await store.acceptIfNewer(entity, { version: 7 });
        expect(await store.acceptIfNewer(entity, { version: 3 })).toEqual({ accepted: false, current: 7n });
        expect(await store.acceptIfNewer(entity, { version: 7 })).toEqual({ accepted: false, current: 7n });
      }),
    );

    it(
      'orders by source timestamp when events carry no version',
      withStore(async (store) => {
        const entity = uniqueEntity('ts');
        const at = Date.parse('2026-11-25T14:00:00Z');
        expect(await store.acceptIfNewer(entity, { sourceTs: at })).toEqual({ accepted: true });
        expect(await store.acceptIfNewer(entity, { sourceTs: at - 1 })).toEqual({
          accepted: false,
          current: BigInt(at),
        });
        expect(await store.acceptIfNewer(entity, { sourceTs: at + 1 })).toEqual({ accepted: true });
      }),
    );

    it(
      'compares versions beyond 2^53 exactly',
      withStore(async (store) => {
        const entity = uniqueEntity('big');
        const big = 2n ** 63n - 10n;
        await store.acceptIfNewer(entity, { version: big });
        expect(await store.acceptIfNewer(entity, { version: big + 1n })).toEqual({ accepted: true });
        expect(await store.acceptIfNewer(entity, { version: big })).toEqual({
          accepted: false,
          current: big + 1n,
        });
        expect(await store.acceptIfNewer(entity, { version: 9_007_199_254_740_993n })).toMatchObject({
          accepted: false,
        });
      }),
    );

    it(
      'keeps entities independent',
      withStore(async (store) => {
        const a = uniqueEntity('a');
        const b = uniqueEntity('b');
        await store.acceptIfNewer(a, { version: 100 });
        expect(await store.acceptIfNewer(b, { version: 1 })).toEqual({ accepted: true });
      }),
    );

    it(
      'loses no update when 200 events arrive at once, and refuses each stale one against a newer position',
      withStore(async (store) => {
        const entity = uniqueEntity('race');
        const versions = Array.from({ length: 200 }, (_, index) => index + 1);
        const decisions = await Promise.all(
          versions.map((version) => store.acceptIfNewer(entity, { version })),
        );
        expect(decisions.some((decision) => decision.accepted)).toBe(true);
        decisions.forEach((decision, index) => {
          if (!decision.accepted)
            expect(decision.current).toBeGreaterThanOrEqual(BigInt(versions[index] ?? 0));
        });
        // Whatever interleaving happened, version 200 was either accepted or refused in favour of itself.
        expect(await store.acceptIfNewer(entity, { version: 200 })).toEqual({
          accepted: false,
          current: 200n,
        });
      }),
    );

    it(
      'ends in the in-order state whatever order 10,000 events per entity arrive in',
      withStore(async (store) => {
        await fc.assert(
          fc.asyncProperty(
            fc.shuffledSubarray(
              Array.from({ length: 10_000 }, (_, i) => i + 1),
              { minLength: 10_000 },
            ),
            async (order) => {
              const entity = uniqueEntity('shuffle');
              let state: number | undefined;
              for (const version of order) {
                const decision = await store.acceptIfNewer(entity, { version });
                if (decision.accepted) state = version; // the entity's state is the data of the event applied last
              }
              expect(state).toBe(10_000);
            },
          ),
          { numRuns: 3 },
        );
      }),
    );
  });
}
