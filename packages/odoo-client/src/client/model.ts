import { type Domain, normalizeDomain, validateDomain } from '../domain/index.js';
import { isOdooError } from '../errors/index.js';
import type { CallOptions, OdooCall } from '../transport/types.js';
import { chunk } from './chunk.js';
import { denormalizeValues, type FieldTypes, type Many2one, normalizeRecord } from './normalize.js';
import { OdooPartialCreateError } from './partial-create-error.js';

/** What a model needs from its client. */
export interface ModelRuntime {
  invoke(
    call: Omit<OdooCall, 'context'> & { readonly context?: Record<string, unknown> },
    options?: CallOptions,
  ): Promise<unknown>;
  /** Field types of a model, read once with `fields_get` and cached, for normalisation. */
  fieldTypes(model: string, options?: CallOptions): Promise<FieldTypes>;
  readonly raw: boolean;
  readonly chunkSize: number;
  readonly createBatchSize: number;
}

/** A domain as Odoo takes it: leaves `[field, operator, value]` and the prefix operators. */
export type DomainInput = readonly unknown[];

export interface CallContextOptions extends CallOptions {
  /** Merged over the client's context for this call. @example { lang: 'fr_FR' } */
  readonly context?: Record<string, unknown>;
}

export interface SearchOptions extends CallContextOptions {
  readonly domain?: DomainInput;
  readonly order?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface SearchReadOptions<R> extends SearchOptions {
  readonly fields?: readonly (keyof R & string)[];
}

export interface StreamOptions<R> extends CallContextOptions {
  readonly domain?: DomainInput;
  readonly fields?: readonly (keyof R & string)[];
  /** Records per request. Default 500. */
  readonly pageSize?: number;
}

export interface ReadGroupOptions extends CallContextOptions {
  readonly domain?: DomainInput;
  /** Aggregates, e.g. `['quantity:sum']`. */
  readonly fields: readonly string[];
  readonly groupby: readonly string[];
  readonly limit?: number;
  readonly offset?: number;
  readonly orderby?: string;
  readonly lazy?: boolean;
}

/** A malformed domain is refused here, before any request, with an `InvalidDomainError`. */
const checked = (domain: DomainInput): Domain => validateDomain(domain as Domain);

const defined = (params: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));

/**
 * One Odoo model: the ORM methods with named arguments, normalised results (unless the client is
 * in raw mode), ids chunked and create batched so large calls stay within server limits.
 *
 * @example
 * const orders = client.model('sale.order');
 * const confirmed = await orders.searchRead({ domain: [['state', '=', 'sale']], fields: ['name', 'partner_id'], limit: 10 });
 */
export class OdooModel<R extends object = Record<string, unknown>, V extends object = Partial<R>> {
  readonly name: string;
  readonly #runtime: ModelRuntime;

  constructor(name: string, runtime: ModelRuntime) {
    this.name = name;
    this.#runtime = runtime;
  }

  /** `search_read`: records matching a domain. */
  async searchRead(options: SearchReadOptions<R> = {}): Promise<R[]> {
    const { domain = [], fields, order, limit, offset, context, ...call } = options;
    const records = await this.#invoke(
      'search_read',
      { domain: checked(domain), fields, order, limit, offset },
      { context, ...call },
    );
    return this.#normalize(records as Record<string, unknown>[], call);
  }

  /** `search`: ids matching a domain. */
  async search(options: SearchOptions = {}): Promise<number[]> {
    const { domain = [], order, limit, offset, context, ...call } = options;
    return (await this.#invoke(
      'search',
      { domain: checked(domain), order, limit, offset },
      { context, ...call },
    )) as number[];
  }

  /** `search_count`. */
  async searchCount(
    options: Pick<SearchOptions, 'domain' | 'context' | 'signal' | 'timeoutMs'> = {},
  ): Promise<number> {
    const { domain = [], context, ...call } = options;
    return (await this.#invoke('search_count', { domain: checked(domain) }, { context, ...call })) as number;
  }

  /** `read`; ids that no longer exist are left out, as Odoo does. Long id lists are read in chunks. */
  async read(
    ids: readonly number[],
    options: { readonly fields?: readonly (keyof R & string)[] } & CallContextOptions = {},
  ): Promise<R[]> {
    const { fields, context, ...call } = options;
    const pages = await Promise.all(
      chunk(ids, this.#runtime.chunkSize).map((slice) =>
        this.#invoke('read', { fields }, { context, ids: slice, ...call }),
      ),
    );
    return this.#normalize(pages.flat() as Record<string, unknown>[], call);
  }

  /** `create`: one record or many; always answers the new ids, in order, batched for large lists. */
  async create(values: V | readonly V[], options: CallContextOptions = {}): Promise<number[]> {
    const { context, ...call } = options;
    const list = Array.isArray(values) ? (values as readonly V[]) : [values as V];
    const types = await this.#types(call);
    const ids: number[] = [];
    for (const batch of chunk(list, this.#runtime.createBatchSize)) {
      const valsList = batch.map((vals) => denormalizeValues(vals as Record<string, unknown>, types));
      let created: unknown;
      try {
        created = await this.#invoke('create', { vals_list: valsList }, { context, ...call });
      } catch (error) {
        if (ids.length > 0 && isOdooError(error)) throw new OdooPartialCreateError(this.name, ids, error);
        throw error;
      }
      // Odoo 17/18 answer a bare id for a single dict over some routes; a list always through JSON-2.
      ids.push(...(Array.isArray(created) ? (created as number[]) : [created as number]));
    }
    return ids;
  }

  /** `write` on every id, in chunks. */
  async write(ids: readonly number[], values: V, options: CallContextOptions = {}): Promise<true> {
    const { context, ...call } = options;
    const vals = denormalizeValues(values as Record<string, unknown>, await this.#types(call));
    for (const slice of chunk(ids, this.#runtime.chunkSize))
      await this.#invoke('write', { vals }, { context, ids: slice, ...call });
    return true;
  }

  /** `unlink` every id, in chunks. */
  async unlink(ids: readonly number[], options: CallContextOptions = {}): Promise<true> {
    const { context, ...call } = options;
    for (const slice of chunk(ids, this.#runtime.chunkSize))
      await this.#invoke('unlink', {}, { context, ids: slice, ...call });
    return true;
  }

  /** `read_group`, answered as Odoo sends it. */
  async readGroup(options: ReadGroupOptions): Promise<Record<string, unknown>[]> {
    const { domain = [], fields, groupby, limit, offset, orderby, lazy, context, ...call } = options;
    return (await this.#invoke(
      'read_group',
      { domain: checked(domain), fields, groupby, limit, offset, orderby, lazy },
      { context, ...call },
    )) as Record<string, unknown>[];
  }

  /** `name_search`, as `{ id, name }` pairs. */
  async nameSearch(
    name: string,
    options: {
      readonly domain?: DomainInput;
      readonly operator?: string;
      readonly limit?: number;
    } & CallContextOptions = {},
  ): Promise<Many2one[]> {
    const { domain, operator, limit, context, ...call } = options;
    const pairs = (await this.#invoke(
      'name_search',
      { name, domain: domain && checked(domain), operator, limit },
      { context, ...call },
    )) as [number, string][];
    return pairs.map(([id, label]) => ({ id, name: label }));
  }

  /** `fields_get`: the model's field definitions. */
  async fieldsGet(
    options: { readonly attributes?: readonly string[] } & CallContextOptions = {},
  ): Promise<Record<string, Record<string, unknown>>> {
    const { attributes, context, ...call } = options;
    return (await this.#invoke('fields_get', { attributes }, { context, ...call })) as Record<
      string,
      Record<string, unknown>
    >;
  }

  /**
   * Any public method, with named arguments; `ids` for record methods.
   *
   * @example
   * await client.model('sale.order').call('action_confirm', { ids: [42] });
   * const action = await client.model('stock.picking').call('button_validate', { ids: [53] });
   */
  call(
    method: string,
    options: {
      readonly ids?: readonly number[];
      readonly params?: Record<string, unknown>;
    } & CallContextOptions = {},
  ): Promise<unknown> {
    const { ids, params = {}, context, ...call } = options;
    return this.#invoke(method, params, { context, ...(ids ? { ids } : {}), ...call });
  }

  /**
   * Every matching record exactly once, by keyset (`id > cursor`, `order: 'id asc'`), one page in
   * memory at a time: records inserted while streaming are either seen once or not at all, never twice.
   *
   * @example
   * for await (const quant of client.model('stock.quant').stream({ domain: [['location_id.usage', '=', 'internal']], pageSize: 1000 })) { … }
   */
  async *stream(options: StreamOptions<R> = {}): AsyncGenerator<R, void, undefined> {
    const { domain = [], fields, pageSize = 500, ...rest } = options;
    let cursor = 0;
    for (;;) {
      rest.signal?.throwIfAborted();
      const page = await this.searchRead({
        ...rest,
        // The caller's domain as one term under the keyset `&`: its implicit `&`s made explicit.
        domain:
          domain.length > 0
            ? ['&', ['id', '>', cursor], ...normalizeDomain(domain as Domain)]
            : [['id', '>', cursor]],
        // The keyset needs every record's id, whatever fields were asked for.
        ...(fields ? { fields: withId(fields) } : {}),
        order: 'id asc',
        limit: pageSize,
      });
      for (const record of page) yield record;
      if (page.length < pageSize) return;
      cursor = (page.at(-1) as { id?: number } | undefined)?.id ?? cursor;
    }
  }

  #invoke(
    method: string,
    params: Record<string, unknown>,
    options: {
      readonly context?: Record<string, unknown> | undefined;
      readonly ids?: readonly number[];
    } & CallOptions,
  ): Promise<unknown> {
    const { context, ids, signal, timeoutMs } = options;
    return this.#runtime.invoke(
      {
        model: this.name,
        method,
        params: defined(params),
        ...(ids ? { ids } : {}),
        ...(context ? { context } : {}),
      },
      { ...(signal ? { signal } : {}), ...(timeoutMs !== undefined ? { timeoutMs } : {}) },
    );
  }

  async #types(options: CallOptions): Promise<FieldTypes> {
    return this.#runtime.raw ? {} : this.#runtime.fieldTypes(this.name, options);
  }

  async #normalize(records: Record<string, unknown>[], options: CallOptions): Promise<R[]> {
    if (this.#runtime.raw) return records as R[];
    const types = await this.#runtime.fieldTypes(this.name, options);
    return records.map((record) => normalizeRecord(record, types) as R);
  }
}

function withId<F extends string>(fields: readonly F[]): F[] {
  return (fields as readonly string[]).includes('id') ? [...fields] : ([...fields, 'id'] as F[]);
}
