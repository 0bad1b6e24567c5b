import { describe, expect, it } from 'vitest';
import { MemoryAuditLog } from '../src/index.js';
import { describeAuditLogContract } from './conformance/audit-contract.js';

describeAuditLogContract('MemoryAuditLog', async (options) => ({ log: new MemoryAuditLog(options) }));

const entry = (correlationId: string, action: string) =>
  ({ correlationId, kind: 'decision', actor: 'crossdock.release', action }) as const;

describe('MemoryAuditLog bounds', () => {
  it('keeps at most maxEntries, evicting the entries appended first', async () => {
    const log = new MemoryAuditLog({ maxEntries: 3 });
    await log.append([entry('a', 'a1'), entry('b', 'b1'), entry('a', 'a2')]);
    await log.append(entry('b', 'b2'));
    await log.append(entry('c', 'c1'));
    // Five appended, three kept: a1 and b1 went first.
    expect((await log.trace('a')).items.map((item) => item.action)).toEqual(['a2']);
    expect((await log.trace('b')).items.map((item) => item.action)).toEqual(['b2']);
    expect((await log.list()).items.map((item) => item.action)).toEqual(['a2', 'b2', 'c1']);
  });

  it('applies the retention against its own clock, only when prune is called', async () => {
    let now = new Date('2025-06-01T00:00:00.000Z');
    const log = new MemoryAuditLog({ retentionMs: 3_600_000, now: () => now });
    await log.append(entry('a', 'first'));
    now = new Date('2025-06-01T02:00:00.000Z');
    await log.append(entry('a', 'second'));
    expect((await log.trace('a')).items).toHaveLength(2); // appending never prunes
    expect(await log.prune()).toBe(1);
    expect((await log.trace('a')).items.map((item) => item.at)).toEqual(['2025-06-01T02:00:00.000Z']);
  });

  it('refuses a maxEntries or retention that is not a positive integer', () => {
    expect(() => new MemoryAuditLog({ maxEntries: 0 })).toThrow(RangeError);
    expect(() => new MemoryAuditLog({ retentionMs: -1 })).toThrow(RangeError);
  });
});
