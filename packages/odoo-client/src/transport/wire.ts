import type { OdooCall } from './types.js';

/** Positional `args` for `execute_kw` / `call_kw`: `[ids]` for a record method, `[]` otherwise. */
export function positionalArgs(call: OdooCall): unknown[] {
  return call.ids ? [[...call.ids]] : [];
}

/** Named arguments plus `context` (left out when empty, as Odoo then uses the user's own). */
export function namedArgs(call: OdooCall): Record<string, unknown> {
  return Object.keys(call.context).length > 0
    ? { ...call.params, context: call.context }
    : { ...call.params };
}

/** The JSON-2 body: `ids` first (record methods), the named arguments, then `context`. */
export function json2Body(call: OdooCall): Record<string, unknown> {
  return call.ids ? { ids: [...call.ids], ...namedArgs(call) } : namedArgs(call);
}

/** A model or method name as a URL path segment. */
export function segment(name: string): string {
  return encodeURIComponent(name);
}
