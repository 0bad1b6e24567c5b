import type { FakeOdooVersion } from '../types.js';
import type { CompactField } from './compact.js';
import { EXTRA_MODELS, ONE2MANY_INVERSES } from './extra.js';
import { FIELDS_18 } from './fields-18.js';
import { FIELDS_19 } from './fields-19.js';

/** One field of a model, as `fields_get` describes it plus what the engine needs. */
export interface FieldDef {
  readonly name: string;
  readonly type: string;
  readonly string: string;
  readonly required: boolean;
  readonly readonly: boolean;
  readonly store: boolean;
  readonly relation?: string;
  readonly selection?: readonly (readonly [string, string])[];
  /** For one2many fields: the many2one on the comodel pointing back. */
  readonly inverse?: string;
}

/** A model's fields by name. */
export type ModelFields = Readonly<Record<string, FieldDef>>;

function expand(model: string, name: string, c: CompactField): FieldDef {
  const [type, string, flags, extra] = c;
  const inverse = ONE2MANY_INVERSES[`${model}.${name}`];
  return {
    name,
    type,
    string,
    required: (flags & 1) !== 0,
    readonly: (flags & 2) !== 0,
    store: (flags & 4) !== 0,
    ...(typeof extra === 'string' ? { relation: extra } : {}),
    ...(Array.isArray(extra) ? { selection: extra as readonly (readonly [string, string])[] } : {}),
    ...(inverse !== undefined ? { inverse } : {}),
  };
}

/** Odoo 17 products: `detailed_type` instead of `is_storable`, `type` with `product`. */
function patch17(schema: Record<string, Record<string, CompactField>>): void {
  const product = schema['product.product'];
  if (!product) return;
  delete product.is_storable;
  const kinds: (readonly [string, string])[] = [
    ['consu', 'Consumable'],
    ['service', 'Service'],
    ['product', 'Storable Product'],
  ];
  product.detailed_type = ['selection', 'Product Type', 5, kinds];
  product.type = ['selection', 'Type', 5, kinds];
}

const cache = new Map<FakeOdooVersion, Readonly<Record<string, ModelFields>>>();

/** All models' fields for a version: the recorded `fields_get` plus the engine's extra models. */
export function schemaFor(version: FakeOdooVersion): Readonly<Record<string, ModelFields>> {
  const hit = cache.get(version);
  if (hit) return hit;
  const base = version === 19 ? FIELDS_19 : FIELDS_18;
  const merged: Record<string, Record<string, CompactField>> = {};
  for (const [model, fields] of Object.entries(base)) merged[model] = { ...fields };
  if (version === 17) patch17(merged);
  for (const [model, fields] of Object.entries(EXTRA_MODELS)) {
    merged[model] = { ...fields, ...(merged[model] ?? {}) };
  }
  delete merged[version === 19 ? 'stock.quant.package' : 'stock.package'];
  const out: Record<string, ModelFields> = {};
  for (const [model, fields] of Object.entries(merged)) {
    const defs: Record<string, FieldDef> = {};
    const common: Record<string, CompactField> = {
      id: ['integer', 'ID', 6],
      display_name: ['char', 'Display Name', 2],
      create_date: ['datetime', 'Created on', 6],
      write_date: ['datetime', 'Last Updated on', 6],
      create_uid: ['many2one', 'Created by', 6, 'res.users'],
      write_uid: ['many2one', 'Last Updated by', 6, 'res.users'],
    };
    const all: Record<string, CompactField> = { ...fields };
    for (const [name, c] of Object.entries(common)) if (!(name in all)) all[name] = c;
    for (const [name, c] of Object.entries(all)) defs[name] = expand(model, name, c);
    out[model] = defs;
  }
  cache.set(version, out);
  return out;
}
