// The recorded Odoo 18 and 19 exchanges kept in recordings/odoo/ at the repository root.
import { readFileSync } from 'node:fs';

export interface Exchange {
  note: string;
  request: { method: string; path: string; headers: Record<string, string>; body?: unknown };
  response: { status: number; headers: Record<string, string>; body: unknown };
}

const recordings = new URL('../../../recordings/odoo/', import.meta.url);

/** Every exchange of one file, e.g. `18.0/errors.json`, in recording order. */
export const load = (file: string): Exchange[] =>
  JSON.parse(readFileSync(new URL(file, recordings), 'utf8')) as Exchange[];
