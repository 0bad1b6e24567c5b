import { describe, expect, it } from 'vitest';
import { CursorConflictError, type CursorStore, isIdempotencyError } from '../../src/index.js';

export interface CursorStoreUnderTest {
  readonly store: CursorStore;
  /** Another instance over the same cursors (for a store that cannot be shared, the same one). */
  readonly peer: CursorStore;
  readonly close?: () => Promise<void>;
}

let sequence = 0;
const unique = (label: string) => `cursor:${process.pid}:${Date.now()}:${++sequence}:${label}`;

/** What every cursor store keeps. Each test uses its own cursor names, so stores may be shared. */
export function describeCursorContract(name: string, open: () => Promise<CursorStoreUnderTest>): void {
  const withStores = (test: (stores: CursorStoreUnderTest) => Promise<void>) => async () => {
    const stores = await open();
    try {
      await test(stores);
    } finally {
      await stores.close?.();
    }
  };

  describe(`${name} keeps cursors`, () => {
    it(
      'reads a cursor that was never set as undefined',
      withStores(async ({ store }) => {
        expect(await store.get(unique('never'))).toBeUndefined();
      }),
    );

    it(
      'starts a cursor at version 1, adds one per move and returns the value exactly',
      withStores(async ({ store }) => {
        const cursor = unique('odoo.stock.picking');
        const started = Date.now();
        const first = await store.set(cursor, '2025-06-01 09:30:00|4711', { expectedVersion: 0 });
        expect(first).toEqual({
          name: cursor,
          value: '2025-06-01 09:30:00|4711',
          version: 1,
          updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        });
        expect(Math.abs(Date.parse(first.updatedAt) - started)).toBeLessThan(5_000);
        const opaque = `eyJwYWdlIjoy fé 日本 "q" ${'x'.repeat(2_000)}`;
        const second = await store.set(cursor, opaque, { expectedVersion: 1 });
        expect(second.version).toBe(2);
        expect(await store.get(cursor)).toEqual(second);
        expect((await store.get(cursor))?.value).toBe(opaque);
      }),
    );

    it(
      'a cursor moved by another instance is refused, naming both versions',
      withStores(async ({ store, peer }) => {
        const cursor = unique('shipbob.orders');
        await store.set(cursor, 'page-1');
        const read = await store.get(cursor);
        await peer.set(cursor, 'page-2', { expectedVersion: 1 });
        const refused = await store
          .set(cursor, 'page-1b', { expectedVersion: read?.version ?? 0 })
          .catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(CursorConflictError);
        expect(isIdempotencyError(refused)).toBe(true);
        expect(refused).toMatchObject({ cursor, expectedVersion: 1, actualVersion: 2 });
        expect((refused as Error).message).toContain(cursor);
        expect((refused as Error).message).toMatch(/version 2, not 1/);
        expect((refused as Error).message).not.toContain('page-');
        expect(await store.get(cursor)).toMatchObject({ value: 'page-2', version: 2 });
      }),
    );

    it(
      'refuses to create a cursor that exists and to move one that does not',
      withStores(async ({ store, peer }) => {
        const existing = unique('existing');
        await peer.set(existing, 'a', { expectedVersion: 0 });
        await expect(store.set(existing, 'b', { expectedVersion: 0 })).rejects.toMatchObject({
          name: 'CursorConflictError',
          expectedVersion: 0,
          actualVersion: 1,
        });
        const missing = unique('missing');
        await expect(store.set(missing, 'b', { expectedVersion: 3 })).rejects.toMatchObject({
          name: 'CursorConflictError',
          expectedVersion: 3,
          actualVersion: 0,
        });
        expect(await store.get(missing)).toBeUndefined();
      }),
    );

    it(
      'lets exactly one of several writers that read the same version move the cursor',
      withStores(async ({ store, peer }) => {
        const cursor = unique('race');
        await store.set(cursor, 'start');
        const outcomes = await Promise.allSettled(
          Array.from({ length: 12 }, (_, index) =>
            (index % 2 === 0 ? store : peer).set(cursor, `writer-${index}`, { expectedVersion: 1 }),
          ),
        );
        const winners = outcomes.filter((outcome) => outcome.status === 'fulfilled');
        expect(winners).toHaveLength(1);
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(CursorConflictError);
        }
        expect(await store.get(cursor)).toMatchObject({ version: 2, value: winners[0]?.value.value });
      }),
    );

    it(
      'moves a cursor unconditionally when no expected version is given',
      withStores(async ({ store, peer }) => {
        const cursor = unique('reset');
        await peer.set(cursor, 'a');
        await peer.set(cursor, 'b');
        expect(await store.set(cursor, 'resync-from-start')).toMatchObject({
          value: 'resync-from-start',
          version: 3,
        });
      }),
    );

    it(
      'lists every cursor by name with its value, version and update time',
      withStores(async ({ store }) => {
        const prefix = unique('list');
        await store.set(`${prefix}:b`, 'vb');
        await store.set(`${prefix}:a`, 'va1');
        await store.set(`${prefix}:a`, 'va2');
        const mine = (await store.list()).filter((cursor) => cursor.name.startsWith(prefix));
        expect(mine.map(({ name, value, version }) => ({ name, value, version }))).toEqual([
          { name: `${prefix}:a`, value: 'va2', version: 2 },
          { name: `${prefix}:b`, value: 'vb', version: 1 },
        ]);
        expect(mine.every((cursor) => !Number.isNaN(Date.parse(cursor.updatedAt)))).toBe(true);
      }),
    );

    it(
      'refuses an empty name and an expected version that is not a whole number',
      withStores(async ({ store }) => {
        await expect(store.set('', 'x')).rejects.toBeInstanceOf(TypeError);
        await expect(store.set(unique('bad'), 'x', { expectedVersion: -1 })).rejects.toBeInstanceOf(
          RangeError,
        );
        await expect(store.set(unique('bad'), 'x', { expectedVersion: 1.5 })).rejects.toBeInstanceOf(
          RangeError,
        );
      }),
    );
  });
}
