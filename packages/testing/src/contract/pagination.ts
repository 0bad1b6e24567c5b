import { describe, expect } from 'vitest';
import { check } from './check.js';
import { invoke, methodOf } from './invoke.js';
import type { ContractSubject } from './types.js';

const defaultIdOf = (item: unknown): string => String((item as { readonly id?: unknown }).id);

/**
 * Registers the pagination check: listing page by page while records are inserted between pages
 * sees every record that existed before the listing exactly once, and no record twice.
 *
 * @example
 * paginationChecks(subject);
 */
export function paginationChecks(subject: ContractSubject): void {
  const pagination = subject.fake.pagination;
  if (pagination === undefined || methodOf(subject.connector, pagination.list.operation) === undefined)
    return;
  const idOf = pagination.idOf ?? defaultIdOf;
  const op = { correlationId: `contract-${subject.name}` };
  const [query = {}, ...rest] = pagination.list.args ?? [];

  async function listAll(between?: () => Promise<void> | void): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 1000; pages++) {
      const args = [{ ...(query as object), ...(cursor === undefined ? {} : { cursor }) }, ...rest];
      const page = (await invoke(
        subject.connector,
        { operation: pagination?.list.operation ?? '', args },
        op,
      )) as {
        readonly items: readonly unknown[];
        readonly next?: string;
      };
      ids.push(...page.items.map(idOf));
      cursor = page.next;
      if (cursor === undefined) return ids;
      await between?.();
    }
    throw new Error('pagination did not end within 1000 pages');
  }

  describe('pagination', () => {
    check(
      subject,
      'pagination.concurrent',
      `${pagination.list.operation} pages completely under concurrent inserts`,
      async () => {
        await pagination.insert(7);
        const before = await listAll();
        expect(before.length).toBeGreaterThanOrEqual(7);
        let gaps = 0;
        // One record between each of the first three pages: the listing must still end.
        const during = await listAll(() => (++gaps <= 3 ? pagination.insert(1) : undefined));
        const seen = new Map<string, number>();
        for (const id of during) seen.set(id, (seen.get(id) ?? 0) + 1);
        const duplicates = [...seen].filter(([, count]) => count > 1).map(([id]) => id);
        expect(duplicates).toEqual([]);
        expect(before.filter((id) => !seen.has(id))).toEqual([]);
      },
    );
  });
}
