import { faults } from './faults.js';
import { baseMethods } from './methods.js';
import { isMailThread, MAIL_THREAD_METHODS } from './models/mail.js';
import { toIds } from './orm.js';
import type { Env, MethodSpec } from './registry.js';
import { specOf } from './registry.js';
import { type EngineCall, OdooFault } from './types.js';

function pyList(names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length <= 1) return quoted.join('');
  if (quoted.length === 2) return `${quoted[0]} and ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
}

/** Finds the public method a call names, raising what Odoo raises for unknown/private names. */
export function resolveMethod(env: Env, call: EngineCall): MethodSpec {
  const { model, method } = call;
  const named = call.style === 'named';
  if (!env.registry.fields[model]) {
    throw named
      ? faults.notFound(`the model '${model}' does not exist`)
      : faults.user(`Object ${model} doesn't exist`);
  }
  if (method.startsWith('_')) {
    const shown = env.version === 19 ? `'${model}.${method}'` : method;
    throw faults.access(`Private methods (such as ${shown}) cannot be called remotely.`);
  }
  const found =
    specOf(env, model).methods?.[method] ??
    baseMethods(env.version)[method] ??
    (isMailThread(env, model) ? MAIL_THREAD_METHODS[method] : undefined);
  if (!found) {
    if (named) throw faults.notFound(`The method '${model}.${method}' does not exist`);
    throw faults.attributeError(
      env.version === 19
        ? `The method '${model}.${method}' does not exist`
        : `The method '${method}' does not exist on the model '${model}'`,
    );
  }
  return found;
}

/** Binds a call's arguments to the method's parameters, by position (`execute_kw`) or by name (JSON-2). */
export function bindArguments(
  spec: MethodSpec,
  call: EngineCall,
): { ids: number[]; kw: Record<string, unknown> } {
  const owner = `${spec.owner ?? 'BaseModel'}.${call.method}()`;
  const kw: Record<string, unknown> = {};
  const required = spec.params.slice(0, spec.required ?? 0);
  if (call.style === 'named') {
    if (spec.api === 'model' && call.ids !== undefined) {
      throw faults.unprocessable(`cannot call ${call.model}.${call.method} with ids`);
    }
    for (const [key, value] of Object.entries(call.kwargs)) {
      if (key === 'context') continue;
      if (!spec.params.includes(key) && !spec.varKeywords)
        throw faults.unprocessable(`got an unexpected keyword argument '${key}'`);
      kw[key] = value;
    }
    const missing = required.find((p) => !(p in kw));
    if (missing !== undefined) throw faults.unprocessable(`missing a required argument: '${missing}'`);
    return { ids: spec.api === 'records' ? [...(call.ids ?? [])] : [], kw };
  }
  const args = [...call.args];
  let ids: number[] = [];
  if (spec.api === 'records') {
    if (args.length === 0) {
      throw faults.typeError(`${owner} missing 1 required positional argument: 'self'`);
    }
    ids = toIds(call.model, args.shift());
  }
  const positional = spec.keywordOnly ? 0 : spec.params.length;
  if (args.length > positional) {
    const takes = positional === 0 ? '1 positional argument' : `${positional + 1} positional arguments`;
    throw faults.typeError(`${owner} takes ${takes} but ${args.length + 1} were given`);
  }
  for (const [i, value] of args.entries()) {
    const name = spec.params[i];
    if (name !== undefined) kw[name] = value;
  }
  for (const [key, value] of Object.entries(call.kwargs)) {
    if (key === 'context') continue;
    if (!spec.params.includes(key) && !spec.varKeywords)
      throw faults.typeError(`${owner} got an unexpected keyword argument '${key}'`);
    if (key in kw) throw faults.typeError(`${owner} got multiple values for argument '${key}'`);
    kw[key] = value;
  }
  const missing = required.filter((p) => !(p in kw));
  if (missing.length > 0) {
    const s = missing.length === 1 ? '' : 's';
    throw faults.typeError(
      `${owner} missing ${missing.length} required positional argument${s}: ${pyList(missing)}`,
    );
  }
  return { ids, kw };
}

/** Rethrows non-Odoo errors as the `builtins` exception Odoo would answer with. */
export function asFault(error: unknown): OdooFault {
  if (error instanceof OdooFault) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new OdooFault(error instanceof TypeError ? 'builtins.TypeError' : 'builtins.ValueError', message);
}
