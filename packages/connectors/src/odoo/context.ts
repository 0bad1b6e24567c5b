import type { OdooClient } from '@crossdock/odoo-client';

/** What every part of the Odoo connector shares. */
export interface OdooContext {
  readonly client: Pick<OdooClient, 'model'>;
  /** The server's major version (17, 18, 19), asked once. */
  readonly major: () => Promise<number>;
  /** The `stock.warehouse` id demand and stock are read for, when limited to one. */
  readonly warehouseId?: number;
}

/** Where each model method the connector calls takes its options (`signal` among them). */
const OPTIONS_AT: Readonly<Record<string, number>> = {
  searchRead: 0,
  search: 0,
  searchCount: 0,
  read: 1,
  create: 1,
  unlink: 1,
  call: 1,
  write: 2,
};

/** A model whose calls all carry `signal` in their options. */
function withSignal<M extends object>(model: M, signal: AbortSignal): M {
  return new Proxy(model, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      const at = typeof key === 'string' ? OPTIONS_AT[key] : undefined;
      // Bound to the model itself: its methods use private fields a proxy does not have.
      if (at === undefined) return value.bind(target);
      return (...args: unknown[]) => {
        const options = (args[at] ?? {}) as object;
        const withOptions = [...args];
        withOptions[at] = { ...options, signal };
        return value.apply(target, withOptions);
      };
    },
  });
}

/**
 * The context of one operation: every Odoo call it makes carries the caller's `signal`, so aborting
 * ends the operation at its current request.
 *
 * @example await readShipments(forCall(ctx, options.signal), query, options.correlationId);
 */
export function forCall(ctx: OdooContext, signal: AbortSignal | undefined): OdooContext {
  if (signal === undefined) return ctx;
  const { client } = ctx;
  const model = (name: string) => withSignal(client.model(name), signal);
  return { ...ctx, client: { model } as OdooContext['client'] };
}
