import { faults } from './faults.js';
import {
  browse,
  create,
  defaultValues,
  fieldsGet,
  nameSearch,
  read,
  readGroup,
  search,
  toIds,
  unlink,
  write,
} from './orm.js';
import type { MethodSpec } from './registry.js';
import { specOf, webRead } from './web-read.js';

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function strings(value: unknown): string[] | undefined {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

function limitOf(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function orderOf(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function valsOf(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw faults.typeError('The vals argument must be a dictionary');
  }
  return value as Record<string, unknown>;
}

/**
 * The ORM methods every model has, with the parameter names of Odoo's signatures (as JSON-2
 * binds them by name and `execute_kw` by position).
 */
export function baseMethods(version: number): Readonly<Record<string, MethodSpec>> {
  return {
    search: {
      api: 'model',
      params: ['domain', 'offset', 'limit', 'order'],
      required: 1,
      run: (env, _ids, kw) =>
        search(env, env.model, kw.domain, {
          offset: limitOf(kw.offset) ?? 0,
          limit: limitOf(kw.limit) ?? null,
          order: orderOf(kw.order) ?? null,
        }).map((r) => r.id),
    },
    search_read: {
      api: 'model',
      params: ['domain', 'fields', 'offset', 'limit', 'order'],
      required: 0,
      run: (env, _ids, kw) => {
        const model = env.model;
        const recs = search(env, model, kw.domain ?? [], {
          offset: limitOf(kw.offset) ?? 0,
          limit: limitOf(kw.limit) ?? null,
          order: orderOf(kw.order) ?? null,
        });
        return read(
          env,
          model,
          recs.map((r) => r.id),
          strings(kw.fields),
        );
      },
    },
    search_count: {
      api: 'model',
      params: ['domain', 'limit'],
      required: 1,
      run: (env, _ids, kw) => {
        const n = search(env, env.model, kw.domain).length;
        const limit = limitOf(kw.limit);
        return limit === undefined ? n : Math.min(n, limit);
      },
    },
    read: {
      api: 'records',
      params: ['fields', 'load'],
      required: 0,
      run: (env, ids, kw) => read(env, env.model, ids, strings(kw.fields)),
    },
    create: {
      api: 'model',
      params: ['vals_list'],
      required: 1,
      run: (env, _ids, kw) => {
        const model = env.model;
        if (Array.isArray(kw.vals_list)) return kw.vals_list.map((v) => create(env, model, valsOf(v)));
        return create(env, model, valsOf(kw.vals_list));
      },
    },
    write: {
      api: 'records',
      params: ['vals'],
      required: 1,
      run: (env, ids, kw) => write(env, env.model, ids, valsOf(kw.vals)),
    },
    unlink: {
      api: 'records',
      params: [],
      run: (env, ids) => unlink(env, env.model, ids),
    },
    exists: {
      api: 'records',
      params: [],
      run: (env, ids) => browse(env, env.model, ids).map((r) => r.id),
    },
    read_group: {
      api: 'model',
      params: ['domain', 'fields', 'groupby', 'offset', 'limit', 'orderby', 'lazy'],
      required: 3,
      run: (env, _ids, kw) =>
        readGroup(env, env.model, list(kw.domain), strings(kw.fields) ?? [], strings(kw.groupby) ?? [], {
          offset: limitOf(kw.offset) ?? 0,
          limit: limitOf(kw.limit) ?? null,
          lazy: kw.lazy !== false,
        }),
    },
    name_search: {
      api: 'model',
      params: ['name', version === 17 ? 'args' : 'domain', 'operator', 'limit'],
      required: 0,
      run: (env, _ids, kw) =>
        nameSearch(
          env,
          env.model,
          typeof kw.name === 'string' ? kw.name : '',
          list(kw.domain ?? kw.args),
          typeof kw.operator === 'string' ? kw.operator : 'ilike',
          limitOf(kw.limit) ?? 100,
        ),
    },
    web_search_read: {
      api: 'model',
      params: ['domain', 'specification', 'offset', 'limit', 'order', 'count_limit'],
      required: 2,
      run: (env, _ids, kw) => {
        const offset = limitOf(kw.offset) ?? 0;
        const limit = limitOf(kw.limit);
        const found = search(env, env.model, kw.domain, {
          offset,
          limit: limit ?? null,
          order: orderOf(kw.order) ?? null,
        });
        const records = webRead(
          env,
          env.model,
          found.map((r) => r.id),
          specOf(kw.specification),
        );
        // Odoo counts only when a page is full (`_format_web_search_read_results`).
        const length =
          limit !== undefined && records.length === limit
            ? search(env, env.model, kw.domain).length
            : records.length + (records.length > 0 ? offset : 0);
        return { length, records };
      },
    },
    web_read: {
      api: 'records',
      params: ['specification'],
      required: 1,
      run: (env, ids, kw) => webRead(env, env.model, ids, specOf(kw.specification)),
    },
    fields_get: {
      api: 'model',
      params: ['allfields', 'attributes'],
      required: 0,
      run: (env, _ids, kw) => fieldsGet(env, env.model, strings(kw.allfields), strings(kw.attributes)),
    },
    default_get: {
      api: 'model',
      params: ['fields_list'],
      required: 1,
      run: (env, _ids, kw) => {
        const model = env.model;
        const wanted = strings(kw.fields_list) ?? [];
        const defaults = defaultValues(env, model, {});
        return Object.fromEntries(Object.entries(defaults).filter(([k]) => wanted.includes(k)));
      },
    },
  };
}

export { toIds };
