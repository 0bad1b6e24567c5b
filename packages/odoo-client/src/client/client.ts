import { retry } from '@crossdock/idempotency';
import { EventEmitter } from 'eventemitter3';
import pLimit from 'p-limit';
import { isOdooError } from '../errors/index.js';
import { detectServer, fromFetchFailure } from '../transport/index.js';
import type { CallOptions, OdooCall, ServerVersion, Transport } from '../transport/types.js';
import { abortable } from './abortable.js';
import { createTransport } from './create-transport.js';
import type { ClientEvents } from './events.js';
import { type ModelRuntime, OdooModel } from './model.js';
import type { FieldTypes } from './normalize.js';
import type { OdooClientOptions } from './options.js';
import { READ_ONLY_METHODS } from './safe-methods.js';

/**
 * Whether a failed call may run again: only what the error says is transient, and then only a read,
 * or a call the error proves did not execute. A write whose outcome is unknown is never replayed.
 */
function retryable(error: unknown, method: string): boolean {
  if (!isOdooError(error) || !error.retryable) return false;
  return READ_ONLY_METHODS.has(method) || error.executed === 'no';
}

/**
 * An Odoo client: one call shape for every transport, typed models, safe retries, a concurrency
 * limit, events for logging and metrics.
 *
 * @example
 * const odoo = createOdooClient({ url: 'https://acme.odoo.com', db: 'acme', auth: { login: 'bot@acme.com', password } });
 * const pickings = await odoo.model('stock.picking').searchRead({ domain: [['state', '=', 'assigned']], fields: ['name'] });
 */
export class OdooClient<
  Models extends object = Record<string, Record<string, unknown>>,
> extends EventEmitter<ClientEvents> {
  readonly #options: OdooClientOptions;
  readonly #limit: ReturnType<typeof pLimit>;
  readonly #fieldTypes = new Map<string, Promise<FieldTypes>>();
  readonly #runtime: ModelRuntime;
  #transport: Promise<{ transport: Transport; version: ServerVersion | undefined }> | undefined;
  #nextId = 1;

  constructor(options: OdooClientOptions) {
    super();
    this.#options = options;
    this.#limit = pLimit(options.concurrency ?? 4);
    this.#runtime = {
      invoke: (call, callOptions) => this.#invoke(call, callOptions),
      fieldTypes: (model, callOptions) => this.#typesOf(model, callOptions),
      raw: options.raw ?? false,
      chunkSize: options.chunkSize ?? 1_000,
      createBatchSize: options.createBatchSize ?? 100,
    };
  }

  /** The server's version (asked once; `auto` asks it anyway to choose a transport). */
  async version(options: CallOptions = {}): Promise<ServerVersion> {
    const resolved = await this.#resolve(options);
    if (resolved.version) return resolved.version;
    return detectServer(this.#options.url, this.#callOptions(options));
  }

  /** The transport in use, after `auto` has chosen. */
  async transportName(options: CallOptions = {}): Promise<Transport['name']> {
    return (await this.#resolve(options)).transport.name;
  }

  /** A model, typed by the generated map when the client is. */
  model<Name extends keyof Models & string>(name: Name): OdooModel<Models[Name] & object>;
  model(name: string): OdooModel;
  model(name: string): OdooModel {
    return new OdooModel(name, this.#runtime);
  }

  /** Forgets the session; the next call authenticates again. */
  async close(): Promise<void> {
    if (this.#transport) await (await this.#transport).transport.close();
  }

  /** The transport, detected once for all callers; each caller waits with its own signal only. */
  #resolve(options: CallOptions): Promise<{ transport: Transport; version: ServerVersion | undefined }> {
    this.#transport ??= createTransport(this.#options, this.#callOptions({})).catch((error: unknown) => {
      this.#transport = undefined; // a failed detection is tried again by the next call
      throw error;
    });
    return abortable(this.#transport, options.signal, { model: 'server', method: 'version' });
  }

  #callOptions(options: CallOptions): CallOptions {
    const signals = [this.#options.signal, options.signal].filter(
      (signal): signal is AbortSignal => signal !== undefined,
    );
    return {
      timeoutMs: options.timeoutMs ?? this.#options.timeoutMs ?? 30_000,
      ...(signals.length > 0
        ? { signal: signals.length === 1 ? (signals[0] as AbortSignal) : AbortSignal.any(signals) }
        : {}),
    };
  }

  async #invoke(
    request: Omit<OdooCall, 'context'> & { readonly context?: Record<string, unknown> },
    options: CallOptions = {},
  ): Promise<unknown> {
    const call: OdooCall = { ...request, context: { ...this.#options.context, ...request.context } };
    const callOptions = this.#callOptions(options);
    const id = this.#nextId++;
    const { model, method } = call;
    const policy = this.#options.retry === false ? { retries: 0 } : (this.#options.retry ?? {});
    return this.#limit(async () => {
      const { transport } = await this.#resolve(callOptions);
      try {
        return await retry(
          async (attempt) => {
            const started = performance.now();
            this.emit('request', { id, model, method, attempt, transport: transport.name });
            this.#options.logger?.debug?.('odoo request', {
              id,
              model,
              method,
              attempt,
              transport: transport.name,
            });
            const result = await transport.execute(call, callOptions);
            this.emit('response', { id, model, method, durationMs: performance.now() - started });
            return result;
          },
          {
            retries: policy.retries ?? 3,
            baseDelayMs: policy.baseDelayMs ?? 200,
            maxDelayMs: policy.maxDelayMs ?? 10_000,
            ...(policy.clock ? { clock: policy.clock } : {}),
            ...(policy.random ? { random: policy.random } : {}),
            ...(callOptions.signal ? { signal: callOptions.signal } : {}),
            classify: (error) =>
              isOdooError(error) && error.retryAfterMs !== undefined
                ? { retryable: retryable(error, method), delayMs: error.retryAfterMs }
                : { retryable: retryable(error, method) },
            onRetry: ({ attempt, delayMs, error }) => {
              this.emit('retry', { id, model, method, attempt, delayMs, error });
              this.#options.logger?.warn?.('odoo retry', {
                id,
                model,
                method,
                attempt,
                delayMs,
                error: String(error),
              });
            },
          },
        );
      } catch (caught) {
        // An abort surfaces from the retry loop as the signal's bare reason; keep every error an OdooError.
        const error =
          callOptions.signal?.aborted && !isOdooError(caught)
            ? fromFetchFailure(caught, { model, method }, callOptions.signal)
            : caught;
        this.emit('error', { id, model, method, error });
        throw error;
      }
    });
  }

  /** A model's field types, read once for all callers (without any one caller's signal). */
  #typesOf(model: string, options: CallOptions = {}): Promise<FieldTypes> {
    let types = this.#fieldTypes.get(model);
    if (!types) {
      types = this.#invoke({ model, method: 'fields_get', params: { attributes: ['type'] } }).then((fields) =>
        Object.fromEntries(
          Object.entries(fields as Record<string, { type?: string }>).map(([name, field]) => [
            name,
            field.type ?? '',
          ]),
        ),
      );
      types.catch(() => this.#fieldTypes.delete(model)); // a failed lookup is tried again next time
      this.#fieldTypes.set(model, types);
    }
    return abortable(types, this.#callOptions(options).signal, { model, method: 'fields_get' });
  }
}

/**
 * Creates a client. Nothing is sent until the first call.
 *
 * @example
 * import type { OdooModels } from '@crossdock/odoo-client';
 * const odoo = createOdooClient<OdooModels>({ url, db, auth: { apiKey: process.env.ODOO_API_KEY! } });
 * const [order] = await odoo.model('sale.order').read([42], { fields: ['name', 'partner_id'] });
 * order?.partner_id; // { id, name } | null
 */
export function createOdooClient<Models extends object = Record<string, Record<string, unknown>>>(
  options: OdooClientOptions,
): OdooClient<Models> {
  return new OdooClient<Models>(options);
}
