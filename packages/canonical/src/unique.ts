import type { z } from 'zod';

export interface UniqueTarget {
  /** Path of the list, e.g. `['lines']`. */
  readonly path: readonly PropertyKey[];
  /** The field that must be unique on each entry, e.g. `lineId`; omit for a list of plain values. */
  readonly field?: string;
  /** What an entry is called in the message, e.g. `hold`; defaults to `field`. */
  readonly noun?: string;
}

/** Reports every entry whose key was already used, e.g. two lines with the same `lineId`. */
export function uniqueBy<T>(
  entries: readonly T[],
  keyOf: (entry: T) => string,
  ctx: z.RefinementCtx,
  target: UniqueTarget,
) {
  const noun = target.noun ?? target.field ?? 'entry';
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    const key = keyOf(entry);
    if (seen.has(key)) {
      ctx.addIssue({
        code: 'custom',
        path: target.field ? [...target.path, index, target.field] : [...target.path, index],
        message: `"${key}" appears twice; each ${noun} must be unique`,
        params: { rule: `unique.${(target.field ?? noun).replace(/\s+/g, '_')}` },
      });
    }
    seen.add(key);
  });
}
