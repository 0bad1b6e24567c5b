import { readFileSync } from 'node:fs';
import {
  createFakeOdooEngine,
  type FakeOdooEngineInstance,
  type FakeOdooVersion,
  OdooFault,
} from '../src/odoo/engine/index.js';

/** Where CI places the recordings: `shared/` beside the clone. */
export const RECORDINGS = new URL('../../../recordings/odoo/', import.meta.url);

/** One recorded exchange. */
export interface Exchange {
  readonly note: string;
  readonly request: { method: string; path: string; headers: Record<string, string>; body: unknown };
  readonly response: { status: number; headers: Record<string, string>; body: unknown };
}

/** The exchanges of a recording file. */
export function recording(version: '18.0' | '19.0', file: string): Exchange[] {
  return JSON.parse(readFileSync(new URL(`${version}/${file}.json`, RECORDINGS), 'utf8')) as Exchange[];
}

/** A fixed clock so dates are predictable. */
export function engineFor(
  version: FakeOdooVersion,
  seed: 'recordings' | 'empty' = 'recordings',
): FakeOdooEngineInstance {
  return createFakeOdooEngine({ version, seed, now: () => '2026-11-22 15:49:49' });
}

/** Calls a model method the `execute_kw` way (positional args, kwargs). */
export function kw(
  engine: FakeOdooEngineInstance,
  model: string,
  method: string,
  args: unknown[] = [],
  kwargs: Record<string, unknown> = {},
  uid = 2,
): unknown {
  return engine.execute({ model, method, style: 'positional', args, kwargs, uid });
}

/** Calls a model method the JSON-2 way (ids and named arguments). */
export function json2(
  engine: FakeOdooEngineInstance,
  model: string,
  method: string,
  body: Record<string, unknown> = {},
  uid = 2,
): unknown {
  const { ids, ...kwargs } = body;
  return engine.execute({
    model,
    method,
    style: 'named',
    args: [],
    ...(Array.isArray(ids) ? { ids: ids as number[] } : {}),
    kwargs,
    uid,
  });
}

/** The fault a call raises (fails the test when it does not raise one). */
export function faultOf(run: () => unknown): OdooFault {
  try {
    run();
  } catch (error) {
    if (error instanceof OdooFault) return error;
    throw error;
  }
  throw new Error('expected an OdooFault');
}

/** Replaces naive datetimes by a placeholder (the recordings' clocks are not ours). */
export function stripDates(value: unknown): unknown {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/.test(value)) return '<date>';
  if (Array.isArray(value)) return value.map(stripDates);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripDates(v)]));
  }
  return value;
}
