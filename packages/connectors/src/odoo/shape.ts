import type { OdooRecord } from './records.js';

/**
 * What a field read from Odoo holds: `number` (integer, float), `text` (char, text, html,
 * selection), `m2o` (many2one: `{ id, name }` or `[id, name]`), `ids` (x2many), `bool`, `time`
 * (datetime). A trailing `!` marks a field that must not be empty (`false`/`null`).
 */
export type FieldKind = 'number' | 'text' | 'm2o' | 'ids' | 'bool' | 'time';
export type FieldSpec = FieldKind | `${FieldKind}!`;

/** A record Odoo answered that does not have the shape its fields promise. */
export class MalformedRecordError extends Error {
  override name = 'MalformedRecordError';
  readonly model: string;
  readonly recordId: unknown;
  readonly field: string;

  constructor(model: string, recordId: unknown, field: string, problem: string) {
    super(`Odoo answered a malformed ${model} ${String(recordId)}: ${field} ${problem}`);
    this.model = model;
    this.recordId = recordId;
    this.field = field;
  }
}

export function isMalformedRecordError(error: unknown): error is MalformedRecordError {
  return error instanceof MalformedRecordError;
}

/** The fields to ask for and the check of what comes back, for one model. */
export interface RecordShape {
  readonly model: string;
  /** The field names, for `fields:` of `read` / `search_read`. */
  readonly fields: string[];
  /** The records, once every field has its kind; a `MalformedRecordError` names the first that has not. */
  check(records: readonly OdooRecord[]): OdooRecord[];
}

const isEmpty = (value: unknown) => value === false || value === null;

function fits(kind: FieldKind, value: unknown): boolean {
  switch (kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'text':
    case 'time':
      return typeof value === 'string';
    case 'bool':
      return typeof value === 'boolean';
    case 'ids':
      return Array.isArray(value) && value.every((id) => Number.isInteger(id));
    case 'm2o':
      if (Array.isArray(value)) return Number.isInteger(value[0]) && typeof value[1] === 'string';
      return (
        typeof value === 'object' &&
        value !== null &&
        Number.isInteger((value as { id?: unknown }).id) &&
        typeof (value as { name?: unknown }).name === 'string'
      );
  }
}

const WORDS: Readonly<Record<FieldKind, string>> = {
  number: 'a number',
  text: 'a string',
  time: 'a datetime string',
  bool: 'a boolean',
  ids: 'a list of ids',
  m2o: 'a many2one ([id, name])',
};

/** What is wrong with one value, or undefined when it fits. Odoo never sends a number or an x2many empty. */
function problemOf(spec: FieldSpec, value: unknown): string | undefined {
  const required = spec.endsWith('!');
  const kind = (required ? spec.slice(0, -1) : spec) as FieldKind;
  if (value === undefined) return 'is missing';
  if (isEmpty(value) && kind !== 'bool') {
    return required || kind === 'number' || kind === 'ids' ? `is empty, expected ${WORDS[kind]}` : undefined;
  }
  return fits(kind, value) ? undefined : `is ${JSON.stringify(value)?.slice(0, 80)}, expected ${WORDS[kind]}`;
}

/**
 * The shape of the records read from one model: the field list to ask Odoo for and the check of
 * the answer, kept together so they cannot drift apart.
 *
 * @example
 * const MOVE = recordShape('stock.move', { product_id: 'm2o!', product_uom_qty: 'number' });
 * const moves = MOVE.check(await client.model('stock.move').read(ids, { fields: MOVE.fields }));
 */
export function recordShape(model: string, spec: Readonly<Record<string, FieldSpec>>): RecordShape {
  const entries = Object.entries(spec);
  return {
    model,
    fields: entries.map(([name]) => name),
    check(records) {
      for (const record of records) {
        if (!Number.isInteger(record.id))
          throw new MalformedRecordError(model, record.id, 'id', 'is not an id');
        for (const [name, kind] of entries) {
          const problem = problemOf(kind, record[name]);
          if (problem !== undefined) throw new MalformedRecordError(model, record.id, name, problem);
        }
      }
      return [...records];
    },
  };
}
