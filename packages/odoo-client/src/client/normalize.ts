import { fromOdooDatetime, toOdooDatetime } from './datetime.js';

/** A field's type as `fields_get` reports it; what normalisation needs to know. */
export type FieldTypes = Readonly<Record<string, string>>;

/** A many2one as the client hands it out. */
export interface Many2one {
  readonly id: number;
  readonly name: string;
}

function readValue(value: unknown, type: string | undefined): unknown {
  if (type === 'boolean') return value;
  // Odoo writes an empty value of any non-boolean field as `false`.
  if (value === false) return type === undefined ? value : null;
  if (type === 'many2one' && Array.isArray(value) && value.length === 2) {
    return { id: value[0] as number, name: value[1] as string } satisfies Many2one;
  }
  if (type === 'datetime') return fromOdooDatetime(value);
  return value;
}

/**
 * A record as Odoo sends it → as the client hands it out: many2one `[id, "name"]` → `{ id, name }`,
 * `false` → `null` for every non-boolean field, datetimes → ISO 8601 with `Z`. Fields whose type is
 * unknown are left as they are.
 */
export function normalizeRecord(
  record: Readonly<Record<string, unknown>>,
  types: FieldTypes,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record)) out[name] = readValue(value, types[name]);
  return out;
}

/**
 * Values the caller writes → what Odoo expects: `null` → `false`, a `{ id }` many2one → its id,
 * `Date`s and ISO datetimes → naive UTC. x2many commands and everything else pass through.
 */
export function denormalizeValues(
  values: Readonly<Record<string, unknown>>,
  types: FieldTypes,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const type = types[name];
    if (value === null) out[name] = false;
    else if (type === 'many2one' && typeof value === 'object' && value !== null && 'id' in value)
      out[name] = value.id;
    else if (type === 'datetime' || value instanceof Date) out[name] = toOdooDatetime(value);
    else out[name] = value;
  }
  return out;
}
