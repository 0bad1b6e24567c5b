import { faults } from './faults.js';
import { browse, read } from './orm.js';
import { type Env, fieldOf } from './registry.js';
import { displayName } from './values.js';

/** A `web_read` specification: per field, `{}` or `{ fields: <specification> }` (and `context`, `limit`, `order`). */
export type WebSpec = Readonly<Record<string, { readonly fields?: WebSpec; readonly limit?: number }>>;

/** The specification argument, checked like Odoo's `specification.items()` would. */
export function specOf(value: unknown): WebSpec {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw faults.attributeError(
      `'${Array.isArray(value) ? 'list' : typeof value}' object has no attribute 'items'`,
    );
  }
  return value as WebSpec;
}

/**
 * `web_read` (the web client's read, Odoo 17+): `read(load=None)` (a many2one as its id), then a
 * many2one with `fields` becomes the co-record's own `web_read` (with `display_name` when asked), an
 * x2many with `fields` a list of them; without `fields` they stay an id and a list of ids.
 */
export function webRead(
  env: Env,
  model: string,
  ids: readonly number[],
  spec: WebSpec,
): Record<string, unknown>[] {
  const names = Object.keys(spec).filter((name) => fieldOf(env, model, name) !== undefined);
  const rows: Record<string, unknown>[] =
    names.length === 0 || (names.length === 1 && names[0] === 'id')
      ? browse(env, model, ids).map((rec) => ({ id: rec.id }))
      : (read(env, model, ids, names) as Record<string, unknown>[]);
  for (const name of names) {
    const field = fieldOf(env, model, name);
    const nested = spec[name]?.fields;
    const relation = field?.relation;
    if (field?.type === 'many2one' && relation) {
      for (const row of rows) {
        const id = Array.isArray(row[name]) ? (row[name] as unknown[])[0] : false;
        if (typeof id !== 'number') {
          row[name] = false;
          continue;
        }
        if (nested === undefined) {
          row[name] = id;
          continue;
        }
        const { display_name: wantsName, ...rest } = nested;
        const [co] = webRead(env, relation, [id], rest);
        const target = env.store.get(relation, id);
        row[name] = {
          ...(co ?? { id }),
          ...(wantsName !== undefined && target ? { display_name: displayName(env, relation, target) } : {}),
        };
      }
    } else if (
      (field?.type === 'one2many' || field?.type === 'many2many') &&
      relation &&
      nested !== undefined
    ) {
      for (const row of rows) {
        const coIds = Array.isArray(row[name]) ? (row[name] as number[]) : [];
        const limit = spec[name]?.limit;
        const shown = limit === undefined ? coIds : coIds.slice(0, limit);
        const data = new Map(webRead(env, relation, shown, nested).map((v) => [v.id as number, v]));
        row[name] = coIds.map((id) => data.get(id) ?? { id });
      }
    }
  }
  return rows;
}
