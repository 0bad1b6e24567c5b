import { describe, expect, it } from 'vitest';
import type { AuditEntryInput, AuditLog, AuditLogOptions } from '../../src/index.js';

export interface AuditLogUnderTest {
  readonly log: AuditLog;
  readonly close?: () => Promise<void>;
}

let sequence = 0;
const unique = (label: string) => `audit:${process.pid}:${Date.now()}:${++sequence}:${label}`;
const DAY = 86_400_000;

/**
 * What every audit log keeps. `open` is called per test with the options under test and must
 * return an empty log (prune counts are exact).
 */
export function describeAuditLogContract(
  name: string,
  open: (options: AuditLogOptions) => Promise<AuditLogUnderTest>,
): void {
  const withLog =
    (test: (log: AuditLog) => Promise<void>, options: AuditLogOptions = {}) =>
    async () => {
      const { log, close } = await open(options);
      try {
        await test(log);
      } finally {
        await close?.();
      }
    };
  const entry = (correlationId: string, fields: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
    correlationId,
    kind: 'decision',
    actor: 'crossdock.release',
    action: 'order.released',
    ...fields,
  });
  const actions = (items: readonly { readonly action: string }[]) => items.map((item) => item.action);

  describe(`${name} keeps an audit log`, () => {
    it(
      "trace returns one order's entries in the order they happened, across actors",
      withLog(async (log) => {
        const order = unique('order');
        const other = unique('other');
        const t = (minute: number) => new Date(Date.UTC(2025, 5, 1, 9, minute));
        // Appended out of order: the webhook was logged after the release decision it caused.
        await log.append(
          entry(order, { kind: 'decision', actor: 'crossdock.release', action: 'release', at: t(2) }),
        );
        await log.append(entry(other, { action: 'unrelated', at: t(1) }));
        await log.append(
          entry(order, { kind: 'inbound', actor: 'shopify.webhook', action: 'orders/create', at: t(1) }),
        );
        await log.append([
          entry(order, { kind: 'outbound', actor: 'shipbob', action: 'order.create', at: t(3) }),
          entry(order, { kind: 'outbound', actor: 'odoo', action: 'stock.picking.write', at: t(4) }),
        ]);
        const { items, next } = await log.trace(order);
        expect(actions(items)).toEqual(['orders/create', 'release', 'order.create', 'stock.picking.write']);
        expect(items.map((item) => item.actor)).toEqual([
          'shopify.webhook',
          'crossdock.release',
          'shipbob',
          'odoo',
        ]);
        expect(items.every((item) => item.correlationId === order)).toBe(true);
        expect(next).toBeUndefined();
      }),
    );

    it(
      'keeps entries with the same timestamp in the order they were appended',
      withLog(async (log) => {
        const order = unique('order');
        const at = new Date('2025-06-01T09:00:00.000Z');
        await log.append([entry(order, { action: 'a', at }), entry(order, { action: 'b', at })]);
        await log.append(entry(order, { action: 'c', at }));
        await log.append([entry(order, { action: 'd', at }), entry(order, { action: 'e', at })]);
        expect(actions((await log.trace(order)).items)).toEqual(['a', 'b', 'c', 'd', 'e']);
      }),
    );

    it(
      'stores who, what, the subject and before/after of a write as JSON, with an id and a time',
      withLog(async (log) => {
        const order = unique('order');
        const before = { state: 'assigned', move_ids: [1, 2], note: null };
        const after = { state: 'done', date_done: new Date('2025-06-01T09:30:00.000Z'), label: 'é 日本 "q"' };
        const started = Date.now();
        const [stored] = await log.append({
          correlationId: order,
          kind: 'outbound',
          actor: 'crossdock.release',
          action: 'stock.picking.button_validate',
          subject: { type: 'stock.picking', id: 21 },
          before,
          after,
          detail: null,
        });
        expect(stored).toEqual({
          id: expect.any(String),
          correlationId: order,
          kind: 'outbound',
          actor: 'crossdock.release',
          action: 'stock.picking.button_validate',
          subject: { type: 'stock.picking', id: '21' },
          before,
          after: { ...after, date_done: '2025-06-01T09:30:00.000Z' },
          detail: null,
          at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        });
        // Stamped now (the database's clock may be a little off the test's).
        expect(Math.abs(Date.parse(stored?.at ?? '') - started)).toBeLessThan(5_000);
        expect((await log.trace(order)).items).toEqual([stored]);
        const [bare] = await log.append(entry(order));
        expect(Object.keys(bare ?? {}).sort()).toEqual([
          'action',
          'actor',
          'at',
          'correlationId',
          'id',
          'kind',
        ]);
      }),
    );

    it(
      'pages a long trace without losing or repeating an entry, also across equal timestamps',
      withLog(async (log) => {
        const order = unique('order');
        const at = (second: number) => new Date(Date.UTC(2025, 5, 1, 9, 0, second));
        const seconds = [5, 1, 3, 3, 3, 2, 3, 9];
        await log.append(
          seconds.map((second, index) => entry(order, { action: `e${index}`, at: at(second) })),
        );
        const seen: string[] = [];
        let page = await log.trace(order, { limit: 3 });
        seen.push(...actions(page.items));
        while (page.next) {
          page = await log.trace(order, { limit: 3, after: page.next });
          seen.push(...actions(page.items));
        }
        expect(seen).toEqual(['e1', 'e5', 'e2', 'e3', 'e4', 'e6', 'e0', 'e7']);
      }),
    );

    it(
      'lists by time window, actor and kind, in pages, in the order entries happened',
      withLog(async (log) => {
        const odoo = unique('odoo');
        const t = (hour: number) => new Date(Date.UTC(2025, 5, 1, hour));
        await log.append([
          entry(unique('o1'), { actor: odoo, kind: 'outbound', action: 'write-8', at: t(8) }),
          entry(unique('o2'), { actor: odoo, kind: 'error', action: 'error-9', at: t(9) }),
          entry(unique('o3'), { actor: odoo, kind: 'outbound', action: 'write-10', at: t(10) }),
          entry(unique('o4'), { actor: odoo, kind: 'outbound', action: 'write-11', at: t(11) }),
          entry(unique('o5'), { actor: unique('shipbob'), kind: 'outbound', action: 'other-9', at: t(9) }),
        ]);
        expect(actions((await log.list({ actor: odoo })).items)).toEqual([
          'write-8',
          'error-9',
          'write-10',
          'write-11',
        ]);
        expect(actions((await log.list({ actor: odoo, kind: 'error' })).items)).toEqual(['error-9']);
        // since is inclusive, until exclusive.
        const window = { actor: odoo, kind: 'outbound', since: t(8), until: t(11) } as const;
        const first = await log.list({ ...window, limit: 1 });
        expect(actions(first.items)).toEqual(['write-8']);
        const second = await log.list({ ...window, limit: 1, after: first.next });
        expect(actions(second.items)).toEqual(['write-10']);
        expect(second.next).toBeUndefined();
        expect(actions((await log.list({ since: t(9), until: t(10) })).items).sort()).toEqual([
          'error-9',
          'other-9',
        ]);
      }),
    );

    it(
      'prune removes entries older than the retention and keeps the rest',
      withLog(
        async (log) => {
          const order = unique('order');
          const now = Date.now();
          await log.append([
            entry(order, { action: 'three-days-ago', at: new Date(now - 3 * DAY) }),
            entry(order, { action: 'two-days-ago', at: new Date(now - 2 * DAY) }),
            entry(order, { action: 'an-hour-ago', at: new Date(now - 3_600_000) }),
            entry(order, { action: 'now' }),
          ]);
          expect(await log.prune()).toBe(2);
          expect(actions((await log.trace(order)).items)).toEqual(['an-hour-ago', 'now']);
          expect(await log.prune()).toBe(0);
        },
        { retentionMs: DAY },
      ),
    );

    it(
      'prune with olderThan removes only entries before that instant',
      withLog(async (log) => {
        const order = unique('order');
        const cut = new Date('2025-06-01T00:00:00.000Z');
        await log.append([
          entry(order, { action: 'before', at: new Date(cut.getTime() - 1) }),
          entry(order, { action: 'at-the-cut', at: cut }),
          entry(order, { action: 'after', at: new Date(cut.getTime() + 1) }),
        ]);
        expect(await log.prune({ olderThan: cut })).toBe(1);
        expect(actions((await log.trace(order)).items)).toEqual(['at-the-cut', 'after']);
      }),
    );

    it(
      'refuses to prune with neither olderThan nor a retention',
      withLog(async (log) => {
        await expect(log.prune()).rejects.toBeInstanceOf(RangeError);
      }),
    );

    it(
      'refuses an incomplete entry and stores nothing of a batch that holds one',
      withLog(async (log) => {
        const order = unique('order');
        for (const bad of [
          entry(order, { actor: '' }),
          entry(order, { action: '' }),
          entry('', {}),
          entry(order, { kind: 'shipped' as never }),
          entry(order, { at: new Date(Number.NaN) }),
        ]) {
          await expect(log.append([entry(order, { action: 'fine' }), bad])).rejects.toBeInstanceOf(TypeError);
        }
        expect((await log.trace(order)).items).toEqual([]);
      }),
    );

    it(
      'passes every entry through the redact hook before it is stored',
      withLog(
        async (log) => {
          const order = unique('order');
          await log.append(
            entry(order, {
              kind: 'inbound',
              detail: { headers: { authorization: 'Bearer sk_live_1', 'x-id': '7' } },
            }),
          );
          const [stored] = (await log.trace(order)).items;
          expect(stored?.detail).toEqual({ headers: { authorization: '[redacted]', 'x-id': '7' } });
          expect(JSON.stringify(stored)).not.toContain('sk_live_1');
        },
        {
          redact: (input) => {
            const detail = input.detail as { headers: Record<string, string> };
            return { ...input, detail: { headers: { ...detail.headers, authorization: '[redacted]' } } };
          },
        },
      ),
    );

    it(
      'refuses a page cursor that no page produced and a limit that is not a positive integer',
      withLog(async (log) => {
        await expect(log.trace('x', { after: "1' OR 1=1" })).rejects.toBeInstanceOf(RangeError);
        await expect(log.list({ limit: 0 })).rejects.toBeInstanceOf(RangeError);
      }),
    );
  });
}
