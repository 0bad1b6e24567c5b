import { z } from 'zod';
import { UomConversionError } from '../errors.js';
import { parseCanonical } from '../issues.js';
import { decimal, PositiveDecimalSchema, type RoundingMethod } from './decimal.js';
import { type Quantity, UomCodeSchema } from './quantity.js';

/**
 * A unit of measure with Odoo's `uom.uom` semantics: every unit belongs to a category with one
 * `reference` unit; a `bigger` unit holds `ratio` reference units (a dozen holds 12 units), a
 * `smaller` unit fits `ratio` times in the reference unit (a kilogram holds 1000 grams). Results
 * are rounded to a multiple of the target unit's `rounding`, like `uom.uom.rounding`.
 */
export const UnitOfMeasureSchema = z
  .object({
    code: UomCodeSchema,
    name: z.string().min(1),
    category: z.string().min(1),
    type: z.enum(['reference', 'bigger', 'smaller']),
    ratio: PositiveDecimalSchema,
    rounding: PositiveDecimalSchema,
  })
  .superRefine((unit, ctx) => {
    if (unit.type === 'reference' && !decimal.eq(unit.ratio, '1')) {
      ctx.addIssue({
        code: 'custom',
        path: ['ratio'],
        message: `a reference unit has ratio "1", got "${unit.ratio}"`,
        params: { rule: 'uom.reference_ratio' },
      });
    }
  })
  .meta({ title: 'UnitOfMeasure' });
export type UnitOfMeasure = z.infer<typeof UnitOfMeasureSchema>;

function unit(
  code: string,
  name: string,
  category: string,
  type: UnitOfMeasure['type'],
  ratio: string,
  rounding: string,
) {
  return { code, name, category, type, ratio, rounding } as const satisfies UnitOfMeasure;
}

/** The units Odoo ships by default, under their UN/ECE Rec 20 codes, with Odoo's ratios and roundings. */
export const standardUnits: readonly UnitOfMeasure[] = [
  unit('EA', 'Units', 'unit', 'reference', '1', '0.01'),
  unit('DZN', 'Dozens', 'unit', 'bigger', '12', '0.01'),
  unit('KGM', 'kg', 'weight', 'reference', '1', '0.01'),
  unit('GRM', 'g', 'weight', 'smaller', '1000', '0.01'),
  unit('TNE', 't', 'weight', 'bigger', '1000', '0.01'),
  unit('LBR', 'lb', 'weight', 'smaller', '2.20462', '0.01'),
  unit('ONZ', 'oz', 'weight', 'smaller', '35.274', '0.01'),
  unit('LTR', 'L', 'volume', 'reference', '1', '0.01'),
  unit('MLT', 'mL', 'volume', 'smaller', '1000', '0.01'),
  unit('MTQ', 'm³', 'volume', 'bigger', '1000', '0.01'),
  unit('GLL', 'gal (US)', 'volume', 'bigger', '3.78541', '0.01'),
  unit('MTR', 'm', 'length', 'reference', '1', '0.01'),
  unit('CMT', 'cm', 'length', 'smaller', '100', '0.01'),
  unit('MMT', 'mm', 'length', 'smaller', '1000', '0.01'),
  unit('KMT', 'km', 'length', 'bigger', '1000', '0.01'),
  unit('INH', 'in', 'length', 'smaller', '39.3701', '0.01'),
  unit('FOT', 'ft', 'length', 'smaller', '3.28084', '0.01'),
];

export interface ConvertOptions {
  /** Round to the target unit's precision. Default `true`, as Odoo's `_compute_quantity`. */
  readonly round?: boolean;
  /** How to round. Default `'UP'`, Odoo's default, so a conversion never promises less than was asked. @example 'HALF-UP' */
  readonly method?: RoundingMethod;
}

/** A set of units that converts quantities between units of one category. */
export interface UomCatalog {
  readonly units: readonly UnitOfMeasure[];
  /** The unit for a code; throws `UomConversionError` for an unknown code. */
  get(code: string): UnitOfMeasure;
  /** Converts `amount` to `to`; throws `UomConversionError` across categories or for unknown codes. */
  convert(amount: Quantity, to: string, options?: ConvertOptions): Quantity;
}

function toReference(value: string, from: UnitOfMeasure): string {
  if (from.type === 'bigger') return decimal.mul(value, from.ratio);
  if (from.type === 'smaller') return decimal.div(value, from.ratio);
  return value;
}

function fromReference(value: string, to: UnitOfMeasure): string {
  if (to.type === 'bigger') return decimal.div(value, to.ratio);
  if (to.type === 'smaller') return decimal.mul(value, to.ratio);
  return value;
}

/**
 * Builds a catalog from unit definitions, checking that codes are unique and that each category
 * has exactly one reference unit.
 *
 * @example
 * const uom = createUomCatalog([...standardUnits, { code: 'BX6', name: 'Box of 6', category: 'unit', type: 'bigger', ratio: '6', rounding: '1' }]);
 * uom.convert({ value: '14', uom: 'EA' }, 'BX6'); // { value: '3', uom: 'BX6' } (rounded UP)
 */
export function createUomCatalog(units: readonly UnitOfMeasure[] = standardUnits): UomCatalog {
  const byCode = new Map<string, UnitOfMeasure>();
  const references = new Map<string, string>();
  for (const candidate of units) {
    const parsed = parseCanonical(UnitOfMeasureSchema, candidate);
    if (byCode.has(parsed.code))
      throw new UomConversionError(`unit "${parsed.code}" is defined twice`, parsed.code, parsed.code);
    byCode.set(parsed.code, parsed);
    if (parsed.type === 'reference') {
      const existing = references.get(parsed.category);
      if (existing) {
        throw new UomConversionError(
          `category "${parsed.category}" has two reference units: ${existing} and ${parsed.code}`,
          existing,
          parsed.code,
        );
      }
      references.set(parsed.category, parsed.code);
    }
  }
  for (const defined of byCode.values()) {
    if (!references.has(defined.category)) {
      throw new UomConversionError(
        `category "${defined.category}" has no reference unit`,
        defined.code,
        defined.code,
      );
    }
  }

  const get = (code: string): UnitOfMeasure => {
    const found = byCode.get(code);
    if (!found) throw new UomConversionError(`unknown unit of measure "${code}"`, code, code);
    return found;
  };

  return {
    units: [...byCode.values()],
    get,
    convert(amount, to, options = {}) {
      const source = get(amount.uom);
      const target = get(to);
      if (source.category !== target.category) {
        throw new UomConversionError(
          `cannot convert ${source.code} (${source.category}) to ${target.code} (${target.category}): units of different categories`,
          source.code,
          target.code,
        );
      }
      // Like Odoo's _compute_quantity, a conversion to the same unit is still rounded to its precision.
      const converted =
        source.code === target.code ? amount.value : fromReference(toReference(amount.value, source), target);
      const value =
        options.round === false
          ? converted
          : decimal.roundTo(converted, target.rounding, options.method ?? 'UP');
      return { value, uom: target.code };
    },
  };
}
