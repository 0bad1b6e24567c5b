import { decimal } from '@crossdock/canonical';

/** An Odoo record as the client hands it out. */
export type OdooRecord = Record<string, unknown>;

/**
 * The id of a many2one value, normalised (`{ id, name }`) or raw (`[id, name]`); undefined when empty.
 *
 * @example m2oId({ id: 8, name: 'WH/Stock' }); // 8
 */
export function m2oId(value: unknown): number | undefined {
  if (Array.isArray(value) && typeof value[0] === 'number') return value[0];
  if (value && typeof value === 'object' && 'id' in value && typeof value.id === 'number') return value.id;
  return typeof value === 'number' ? value : undefined;
}

/**
 * The display name of a many2one value; undefined when empty.
 *
 * @example m2oName([1, 'Units']); // 'Units'
 */
export function m2oName(value: unknown): string | undefined {
  if (Array.isArray(value) && typeof value[1] === 'string') return value[1];
  if (value && typeof value === 'object' && 'name' in value && typeof value.name === 'string')
    return value.name;
  return undefined;
}

/** A string field, or undefined for Odoo's `false`/`null`/empty. @example str(false); // undefined */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** A float field as an exact decimal string. @example qty(2.5); // '2.5' */
export function qty(value: unknown): string {
  return typeof value === 'number' ? decimal.fromNumber(value) : '0';
}

/** The ids of an x2many field. @example ids([1, 2]); // [1, 2] */
export function ids(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}

/** The unique values of a list, in first-seen order. @example unique([1, 1, 2]); // [1, 2] */
export function unique<T>(values: Iterable<T | undefined>): T[] {
  const seen = new Set<T>();
  for (const value of values) if (value !== undefined) seen.add(value);
  return [...seen];
}

/** Records by id. @example byId([{ id: 1 }]).get(1); */
export function byId(records: readonly OdooRecord[]): Map<number, OdooRecord> {
  return new Map(records.map((record) => [record.id as number, record]));
}

/**
 * Records grouped by the id their many2one `field` points at (`-1` for none).
 *
 * @example groupBy(moves, 'picking_id').get(21); // the moves of picking 21
 */
export function groupBy(records: readonly OdooRecord[], field: string): Map<number, OdooRecord[]> {
  const groups = new Map<number, OdooRecord[]>();
  for (const record of records) {
    const key = m2oId(record[field]) ?? -1;
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return groups;
}

/**
 * An Odoo datetime (normalised ISO `…Z` or naive UTC `YYYY-MM-DD HH:MM:SS`) as ISO 8601 with `Z`.
 *
 * @example isoTime('2026-11-25 13:48:35'); // '2026-11-25T13:48:35Z'
 */
export function isoTime(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  if (/[zZ]$|[+-]\d\d:\d\d$/.test(value)) return value;
  return `${value.replace(' ', 'T')}Z`;
}

/**
 * An Odoo datetime in Odoo's naive UTC form, for domains.
 *
 * @example naiveTime('2026-11-25T13:48:35Z'); // '2026-11-25 13:48:35'
 */
export function naiveTime(value: string): string {
  return value.replace('T', ' ').replace(/(\.\d+)?([zZ]|[+-]00:00)$/, '');
}

/** Odoo unit names mapped to UN/ECE Rec 20 codes. */
const UOM_CODES: Readonly<Record<string, string>> = {
  units: 'EA',
  unit: 'EA',
  dozens: 'DZN',
  dozen: 'DZN',
  kg: 'KGM',
  g: 'GRM',
  l: 'LTR',
  m: 'MTR',
  cm: 'CMT',
  mm: 'MMT',
  km: 'KMT',
  lb: 'LBR',
  lbs: 'LBR',
  oz: 'ONZ',
  t: 'TNE',
  hours: 'HUR',
  days: 'DAY',
};

/**
 * The unit code of an Odoo `uom.uom` (by its name): the Rec 20 code when known, else the name made safe.
 *
 * @example uomCode({ id: 1, name: 'Units' }); // 'EA'
 */
export function uomCode(value: unknown): string {
  const name = m2oName(value) ?? 'Units';
  const known = UOM_CODES[name.toLowerCase()];
  if (known) return known;
  const safe = name.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^[^A-Za-z0-9]+/, '');
  return safe.slice(0, 32) || 'EA';
}

/**
 * The item of a product record (a many2one value and the products read by id): its internal
 * reference as sku (`product.product:<id>` when it has none), its name and its ref.
 *
 * @example itemOf({ id: 17, name: 'Desk' }, products); // { sku: 'FURN_7777', name: 'Desk', refs: [odoo product.product:17] }
 */
export function itemOf(
  productValue: unknown,
  products: Map<number, OdooRecord>,
): { sku: string; name?: string; refs: { system: 'odoo'; id: string }[] } {
  const productId = m2oId(productValue) ?? 0;
  const product = products.get(productId);
  const name = str(product?.name);
  return {
    sku: str(product?.default_code) ?? `product.product:${productId}`,
    ...(name === undefined ? {} : { name }),
    refs: [odooRef('product.product', productId)],
  };
}

/** The canonical reference of an Odoo record. @example odooRef('stock.picking', 21); */
export function odooRef(model: string, id: number): { system: 'odoo'; id: string } {
  return { system: 'odoo', id: `${model}:${id}` };
}

/**
 * The numeric id in an Odoo ref id (`stock.picking:21`) or a plain number string.
 *
 * @example parseRefId('stock.picking:21', 'stock.picking'); // 21
 */
export function parseRefId(value: string | undefined, model: string): number | undefined {
  if (value === undefined) return undefined;
  const match = new RegExp(`^(?:${model.replace(/\./g, '\\.')}:)?(\\d+)$`).exec(value);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
