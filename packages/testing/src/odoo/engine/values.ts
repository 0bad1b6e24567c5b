import { type Env, fieldOf, specOf } from './registry.js';
import type { FieldDef } from './schema/fields.js';
import type { Raw } from './store.js';

/** The value of an unset field, as Odoo reads it: `false`, `0` for numbers, `[]` for x2many. */
export function emptyValue(field: FieldDef | undefined): unknown {
  if (!field) return false;
  if (field.type === 'one2many' || field.type === 'many2many') return [];
  if (field.type === 'integer' || field.type === 'float' || field.type === 'monetary') return 0;
  return false;
}

/** The display name of a record (the spec's, else `name`). */
export function displayName(env: Env, model: string, rec: Raw): string {
  const spec = specOf(env, model);
  if (spec.displayName) return spec.displayName(env, rec);
  const name = rec.name ?? rec.key;
  return typeof name === 'string' ? name : `${model},${rec.id}`;
}

/**
 * The records of `model` whose `field` is `id` (a many2one pointing back), by id, from the store's index.
 *
 * @example
 * recordsWhere(env, 'sale.order.line', 'order_id', order.id); // the order's lines
 */
export function recordsWhere(env: Env, model: string, field: string, id: number): Raw[] {
  const out: Raw[] = [];
  for (const recId of env.store.idsWhere(model, field, id)) {
    const rec = env.store.get(model, recId);
    if (rec) out.push(rec);
  }
  return out;
}

/** Ids of `comodel` records whose `inverse` many2one points at `id`, in the comodel's order. */
export function inverseIds(env: Env, comodel: string, inverse: string, id: number): number[] {
  const recs = recordsWhere(env, comodel, inverse, id);
  return sortRecords(env, comodel, recs).map((r) => r.id);
}

/** The chatter of a `mail.thread` record (`message_ids`): its messages, newest first, without user notifications. */
function threadMessageIds(env: Env, model: string, id: number): number[] {
  const messages = recordsWhere(env, 'mail.message', 'res_id', id).filter(
    (m) => m.model === model && m.message_type !== 'user_notification',
  );
  return sortRecords(env, 'mail.message', messages).map((m) => m.id);
}

/**
 * A field's raw value: computed, inverse one2many, stored, or the empty value. Many2one raw
 * values are ids (or `false`), x2many id lists.
 */
export function rawValue(env: Env, model: string, rec: Raw, name: string): unknown {
  const compute = specOf(env, model).computes?.[name];
  if (compute) return compute(env, rec);
  if (name === 'display_name') return displayName(env, model, rec);
  if (name === 'id') return rec.id;
  const field = fieldOf(env, model, name);
  if (name === 'message_ids' && field?.relation === 'mail.message')
    return threadMessageIds(env, model, rec.id);
  if (field?.type === 'one2many' && field.inverse && field.relation) {
    return inverseIds(env, field.relation, field.inverse, rec.id);
  }
  const value = rec[name];
  if (value === undefined || value === null) return emptyValue(field);
  return value;
}

/** A raw value as `read` answers it: many2one as `[id, display_name]`. */
export function formatValue(env: Env, field: FieldDef | undefined, raw: unknown): unknown {
  if (field?.type === 'many2one' && field.relation) {
    if (typeof raw !== 'number') return false;
    const target = env.store.get(field.relation, raw);
    return target ? [raw, displayName(env, field.relation, target)] : false;
  }
  if (Array.isArray(raw)) return [...raw];
  return raw;
}

type OrderKey = { readonly field: string; readonly desc: boolean };

/** Parses `"name desc, id"` into keys. */
export function parseOrder(order: string): OrderKey[] {
  return order
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const [field = 'id', dir = 'asc'] = part.split(/\s+/);
      return { field, desc: dir.toLowerCase() === 'desc' };
    });
}

function sortable(env: Env, model: string, rec: Raw, name: string): unknown {
  const field = fieldOf(env, model, name);
  const raw = rawValue(env, model, rec, name);
  if (field?.type === 'many2one' && field.relation && typeof raw === 'number') {
    const target = env.store.get(field.relation, raw);
    return target ? displayName(env, field.relation, target) : null;
  }
  if (raw === false && field?.type !== 'boolean') return null;
  return raw;
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
  return String(a).localeCompare(String(b), 'en');
}

/**
 * Sorts records by an `order` string (the model's `_order` by default), NULLs last ascending and
 * first descending as in PostgreSQL, `id` as the last tiebreak.
 */
export function sortRecords(env: Env, model: string, recs: readonly Raw[], order?: string): Raw[] {
  const keys = parseOrder(order ?? specOf(env, model).order ?? 'id');
  if (!keys.some((k) => k.field === 'id')) keys.push({ field: 'id', desc: false });
  const decorated = recs.map((rec) => ({ rec, values: keys.map((k) => sortable(env, model, rec, k.field)) }));
  decorated.sort((x, y) => {
    for (const [i, key] of keys.entries()) {
      const a = x.values[i];
      const b = y.values[i];
      const aNull = a === null || a === undefined;
      const bNull = b === null || b === undefined;
      if (aNull && bNull) continue;
      if (aNull) return key.desc ? -1 : 1;
      if (bNull) return key.desc ? 1 : -1;
      const c = compare(a, b);
      if (c !== 0) return key.desc ? -c : c;
    }
    return 0;
  });
  return decorated.map((d) => d.rec);
}
