import { andDomains, compileDomain } from './domain.js';
import { faults } from './faults.js';
import { pyRepr } from './pyrepr.js';
import { type Env, fieldOf, specOf } from './registry.js';
import type { FieldDef } from './schema/fields.js';
import type { Raw } from './store.js';
import { displayName, emptyValue, formatValue, rawValue, recordsWhere, sortRecords } from './values.js';

/** Options of `search`. */
export interface SearchOptions {
  readonly offset?: number;
  readonly limit?: number | false | null;
  readonly order?: string | false | null;
}

/** Ids as sent (an int or a list), checked like PostgreSQL would. */
export function toIds(model: string, ids: unknown): number[] {
  if (typeof ids === 'number') return [ids];
  if (typeof ids === 'string') throw faults.invalidInteger(model.replace(/\./g, '_'), [...ids]);
  if (!Array.isArray(ids)) return [];
  const bad = ids.filter((id) => typeof id !== 'number');
  if (bad.length > 0) throw faults.invalidInteger(model.replace(/\./g, '_'), ids);
  return ids as number[];
}

/** The existing records among `ids`, in the given order (missing ones dropped). */
export function browse(env: Env, model: string, ids: readonly number[]): Raw[] {
  const out: Raw[] = [];
  const seen = new Set<number>();
  for (const id of ids) {
    const rec = env.store.get(model, id);
    if (rec && !seen.has(id)) {
      out.push(rec);
      seen.add(id);
    }
  }
  return out;
}

/** The records of `ids`, or a `MissingError` naming the missing ones. */
export function browseStrict(env: Env, model: string, ids: readonly number[]): Raw[] {
  const missing = ids.filter((id) => !env.store.get(model, id));
  if (missing.length > 0) throw faults.missing(model, missing, env.uid);
  return browse(env, model, ids);
}

/** Records matching a domain, ordered, offset and limited. */
export function search(env: Env, model: string, domain: unknown, options: SearchOptions = {}): Raw[] {
  specOf(env, model).checkAccess?.(env, 'read', []);
  const predicate = compileDomain(env, model, domain);
  const activeField = fieldOf(env, model, 'active');
  // Odoo skips its implicit `active = True` only when a leaf names the `active` field itself.
  const mentionsActive = leafFields(domain).includes('active');
  // Filtered and sorted on the plain rows (no proxy per field read); the records are answered.
  const matching = env.store
    .scan(model)
    .filter((rec) =>
      activeField && !mentionsActive && env.context.active_test !== false ? rec.active !== false : true,
    )
    .filter(predicate);
  const sorted = sortRecords(env, model, matching, options.order || undefined);
  const offset = options.offset ?? 0;
  const limit = typeof options.limit === 'number' ? options.limit : undefined;
  return sorted
    .slice(offset, limit === undefined ? undefined : offset + limit)
    .map((row) => env.store.get(model, row.id) ?? row);
}

function checkFieldNames(env: Env, model: string, fields: readonly string[]): void {
  for (const name of fields) {
    if (!fieldOf(env, model, name))
      throw faults.valueError(`Invalid field ${pyRepr(name)} on model ${pyRepr(model)}`);
  }
}

/** `read`: records as dicts with `id` first; missing ids dropped silently. */
export function read(
  env: Env,
  model: string,
  ids: readonly number[],
  fields?: readonly string[] | null,
): unknown[] {
  specOf(env, model).checkAccess?.(env, 'read', ids);
  const names =
    fields && fields.length > 0
      ? fields.filter((f) => f !== 'id')
      : Object.keys(env.registry.fields[model] ?? {}).filter((f) => f !== 'id');
  checkFieldNames(env, model, names);
  return browse(env, model, ids).map((rec) => {
    const out: Record<string, unknown> = { id: rec.id };
    for (const name of names) {
      out[name] = formatValue(env, fieldOf(env, model, name), rawValue(env, model, rec, name));
    }
    return out;
  });
}

function checkSelection(model: string, field: FieldDef, value: unknown): void {
  if (field.type !== 'selection' || !field.selection || value === false || value === null) return;
  if (!field.selection.some(([key]) => key === value)) {
    throw faults.valueError(`Wrong value for ${model}.${field.name}: ${pyRepr(value)}`);
  }
}

type Command = readonly unknown[];

/** Applies x2many commands (or a plain id list) to a current id list (many2many semantics). */
function applyM2mCommands(
  env: Env,
  comodel: string,
  current: readonly number[],
  commands: unknown,
): number[] {
  let ids = [...current];
  if (!Array.isArray(commands)) return ids;
  if (commands.every((c) => typeof c === 'number')) return [...(commands as number[])];
  for (const cmd of commands as Command[]) {
    const [code, id, value] = cmd;
    switch (code) {
      case 0:
        ids.push(create(env, comodel, (value ?? {}) as Record<string, unknown>));
        break;
      case 1:
        write(env, comodel, [id as number], (value ?? {}) as Record<string, unknown>);
        break;
      case 2:
        unlink(env, comodel, [id as number]);
        ids = ids.filter((x) => x !== id);
        break;
      case 3:
        ids = ids.filter((x) => x !== id);
        break;
      case 4:
        if (!ids.includes(id as number)) ids.push(id as number);
        break;
      case 5:
        ids = [];
        break;
      case 6:
        ids = [...((value ?? []) as number[])];
        break;
    }
  }
  return ids;
}

/** Applies one2many commands for a parent record through the inverse many2one. */
function applyO2mCommands(env: Env, field: FieldDef, parentId: number, commands: unknown): void {
  const comodel = field.relation ?? '';
  const inverse = field.inverse ?? '';
  if (!Array.isArray(commands)) return;
  for (const cmd of commands as Command[]) {
    if (!Array.isArray(cmd)) continue;
    const [code, id, value] = cmd;
    const vals = (value ?? {}) as Record<string, unknown>;
    switch (code) {
      case 0:
        create(env, comodel, { ...vals, [inverse]: parentId });
        break;
      case 1:
        write(env, comodel, [id as number], vals);
        break;
      case 2:
        unlink(env, comodel, [id as number]);
        break;
      case 3:
        write(env, comodel, [id as number], { [inverse]: false });
        break;
      case 4:
        write(env, comodel, [id as number], { [inverse]: parentId });
        break;
      case 5:
      case 6: {
        const keep = code === 6 ? ((value ?? []) as number[]) : [];
        for (const rec of recordsWhere(env, comodel, inverse, parentId)) {
          if (!keep.includes(rec.id)) rec[inverse] = false;
        }
        for (const keepId of keep) write(env, comodel, [keepId], { [inverse]: parentId });
        break;
      }
    }
  }
}

/** Converts create/write values to raw stored values; one2many commands are returned apart. */
function convert(
  env: Env,
  model: string,
  vals: Record<string, unknown>,
  current: Raw | undefined,
): { raw: Record<string, unknown>; o2m: [FieldDef, unknown][] } {
  const raw: Record<string, unknown> = {};
  const o2m: [FieldDef, unknown][] = [];
  for (const [name, value] of Object.entries(vals)) {
    const field = fieldOf(env, model, name);
    if (!field) throw faults.valueError(`Invalid field ${pyRepr(name)} on model ${pyRepr(model)}`);
    if (name === 'id') continue;
    checkSelection(model, field, value);
    if (field.type === 'many2one') {
      raw[name] = Array.isArray(value) ? (value[0] ?? false) : typeof value === 'number' ? value : false;
    } else if (field.type === 'one2many' && field.inverse) {
      o2m.push([field, value]);
    } else if (field.type === 'one2many' || field.type === 'many2many') {
      const currentIds = (current?.[name] as number[] | undefined) ?? [];
      raw[name] = applyM2mCommands(env, field.relation ?? '', currentIds, value);
    } else if (value === null || value === undefined) {
      raw[name] = emptyValue(field);
    } else if ((field.type === 'char' || field.type === 'text') && value === '') {
      raw[name] = false;
    } else {
      raw[name] = value;
    }
  }
  return { raw, o2m };
}

/** Default values from the spec and `default_<field>` context keys. */
export function defaultValues(
  env: Env,
  model: string,
  vals: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(specOf(env, model).defaults?.(env, vals) ?? {}) };
  for (const [key, value] of Object.entries(env.context)) {
    if (key.startsWith('default_') && fieldOf(env, model, key.slice(8))) out[key.slice(8)] = value;
  }
  return out;
}

/** Creates one record and answers its id. */
export function create(env: Env, model: string, input: Record<string, unknown>): number {
  const spec = specOf(env, model);
  spec.checkAccess?.(env, 'create', []);
  const vals: Record<string, unknown> = { ...input };
  const existing = spec.beforeCreate?.(env, vals);
  if (existing !== undefined) return existing;
  const all = { ...defaultValues(env, model, vals), ...vals };
  const { raw, o2m } = convert(env, model, all, undefined);
  const rec = env.store.insert(model, raw, env.uid);
  for (const [field, commands] of o2m) applyO2mCommands(env, field, rec.id, commands);
  spec.afterCreate?.(env, rec);
  return rec.id;
}

/** Writes values on records (MissingError if one is gone). */
export function write(env: Env, model: string, ids: readonly number[], vals: Record<string, unknown>): true {
  const spec = specOf(env, model);
  spec.checkAccess?.(env, 'write', ids);
  const recs = browseStrict(env, model, ids);
  const input = { ...vals };
  spec.beforeWrite?.(env, recs, input);
  for (const rec of recs) {
    const { raw, o2m } = convert(env, model, input, rec);
    Object.assign(rec, raw);
    for (const [field, commands] of o2m) applyO2mCommands(env, field, rec.id, commands);
    env.store.touch(rec, env.uid);
  }
  spec.afterWrite?.(env, recs, input);
  return true;
}

/** Deletes records (MissingError if one is gone). */
export function unlink(env: Env, model: string, ids: readonly number[]): true {
  const spec = specOf(env, model);
  spec.checkAccess?.(env, 'unlink', ids);
  const recs = browseStrict(env, model, ids);
  spec.beforeUnlink?.(env, recs);
  for (const rec of recs) env.store.remove(model, rec.id);
  return true;
}

/** `read_group`: groups by the first (lazy) or all groupbys, with counts and sums. */
export function readGroup(
  env: Env,
  model: string,
  domain: readonly unknown[],
  fields: readonly string[],
  groupby: readonly string[],
  options: { offset?: number; limit?: number | false | null; lazy?: boolean },
): unknown[] {
  const lazy = options.lazy !== false;
  const keys = lazy ? groupby.slice(0, 1) : [...groupby];
  const names = keys.map((k) => k.split(':')[0] ?? k);
  checkFieldNames(env, model, names);
  const aggregates: [string, string, string][] = [];
  for (const spec of fields) {
    const full = /^(\w+):(\w+)\((\w+)\)$/.exec(spec);
    const short = /^(\w+)(?::(\w+))?$/.exec(spec);
    const alias = full?.[1] ?? short?.[1];
    const name = full?.[3] ?? short?.[1];
    if (alias === undefined || name === undefined) continue;
    const field = fieldOf(env, model, name);
    if (!field) throw faults.valueError(`Invalid field ${pyRepr(name)} on model ${pyRepr(model)}`);
    if (names.includes(name)) continue;
    const agg =
      full?.[2] ?? short?.[2] ?? (['integer', 'float', 'monetary'].includes(field.type) ? 'sum' : undefined);
    if (agg) aggregates.push([alias, name, agg]);
  }
  const recs = search(env, model, domain);
  const groups = new Map<string, { values: unknown[]; recs: Raw[] }>();
  for (const rec of recs) {
    const values = names.map((n) => rawValue(env, model, rec, n));
    const key = JSON.stringify(values);
    const group = groups.get(key) ?? { values, recs: [] };
    group.recs.push(rec);
    groups.set(key, group);
  }
  const sortKey = (value: unknown, name: string): string | number => {
    const field = fieldOf(env, model, name);
    if (field?.type === 'many2one' && typeof value === 'number' && field.relation) {
      const target = env.store.get(field.relation, value);
      return target ? displayName(env, field.relation, target) : '';
    }
    return typeof value === 'number' ? value : String(value);
  };
  const ordered = [...groups.values()].sort((a, b) => {
    for (const [i, name] of names.entries()) {
      const x = a.values[i];
      const y = b.values[i];
      if (x === false && y !== false) return 1;
      if (y === false && x !== false) return -1;
      const kx = sortKey(x, name);
      const ky = sortKey(y, name);
      const c =
        typeof kx === 'number' && typeof ky === 'number' ? kx - ky : String(kx).localeCompare(String(ky));
      if (c !== 0) return c;
    }
    return 0;
  });
  const offset = options.offset ?? 0;
  const limit = typeof options.limit === 'number' ? options.limit : undefined;
  return ordered.slice(offset, limit === undefined ? undefined : offset + limit).map((group) => {
    const out: Record<string, unknown> = {};
    for (const [i, name] of names.entries()) {
      out[name] = formatValue(env, fieldOf(env, model, name), group.values[i]);
    }
    out[lazy && names[0] ? `${names[0]}_count` : '__count'] = group.recs.length;
    for (const [alias, name, agg] of aggregates) {
      const nums = group.recs.map((r) => Number(rawValue(env, model, r, name)) || 0);
      out[alias] =
        agg === 'max'
          ? Math.max(...nums)
          : agg === 'min'
            ? Math.min(...nums)
            : agg === 'count'
              ? nums.length
              : agg === 'avg'
                ? nums.reduce((s, n) => s + n, 0) / (nums.length || 1)
                : nums.reduce((s, n) => s + n, 0);
    }
    const leaves = names.map((name, i) => {
      const v = group.values[i];
      return [name, '=', Array.isArray(v) ? v : v];
    });
    out.__domain = andDomains([domain, ...leaves.map((l) => [l])]);
    return out;
  });
}

/** `name_search`: `[id, display_name]` pairs whose display name matches. */
export function nameSearch(
  env: Env,
  model: string,
  name: string,
  domain: readonly unknown[],
  operator: string,
  limit: number,
): [number, string][] {
  const base = search(env, model, domain);
  const predicate = name ? compileDomain(env, model, [['display_name', operator, name]]) : () => true;
  return base
    .filter(predicate)
    .slice(0, limit)
    .map((rec) => [rec.id, displayName(env, model, rec)]);
}

/** `fields_get`: field definitions, filtered by field names and attributes. */
export function fieldsGet(
  env: Env,
  model: string,
  allfields: readonly string[] | null | undefined,
  attributes: readonly string[] | null | undefined,
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, field] of Object.entries(env.registry.fields[model] ?? {})) {
    if (allfields && allfields.length > 0 && !allfields.includes(name)) continue;
    const desc: Record<string, unknown> = {
      readonly: field.readonly,
      required: field.required,
      store: field.store,
      string: field.string,
      type: field.type,
    };
    if (field.relation) desc.relation = field.relation;
    if (field.selection) desc.selection = field.selection.map(([k, v]) => [k, v]);
    const picked: Record<string, unknown> = {};
    for (const key of Object.keys(desc).sort()) {
      if (!attributes || attributes.length === 0 || attributes.includes(key)) picked[key] = desc[key];
    }
    out[name] = picked;
  }
  return out;
}

/** The field names of a domain's leaves (first path segment), at any depth of `any` sub-domains. */
function leafFields(domain: unknown): string[] {
  if (!Array.isArray(domain)) return [];
  return domain.flatMap((term) => {
    if (!Array.isArray(term) || typeof term[0] !== 'string') return [];
    const nested = term[1] === 'any' || term[1] === 'not any' ? leafFields(term[2]) : [];
    return [term[0].split('.')[0] ?? term[0], ...nested];
  });
}
