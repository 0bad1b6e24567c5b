import { z } from 'zod';
import { DecimalError } from '../errors.js';
import { DecimalSchema, decimal, NonNegativeDecimalSchema } from './decimal.js';

/**
 * A unit code: the UN/ECE Recommendation 20 code where one exists (`EA` each, `KGM` kilogram,
 * `GRM` gram, `LTR` litre, `MTR` metre, `DZN` dozen), otherwise a code both systems agree on.
 */
export const UomCodeSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, {
  error: 'must be a unit code such as "EA" or "KGM" (UN/ECE Rec 20 where one exists): letters, digits, _ . -',
});
export type UomCode = z.infer<typeof UomCodeSchema>;

/** An exact amount of something in a unit: `{ value: "12.5", uom: "KGM" }`. */
export const QuantitySchema = z
  .object({ value: DecimalSchema, uom: UomCodeSchema })
  .meta({ title: 'Quantity' });
export type Quantity = z.infer<typeof QuantitySchema>;

/** A quantity that cannot be negative: on hand, ordered, shipped. */
export const NonNegativeQuantitySchema = z.object({ value: NonNegativeDecimalSchema, uom: UomCodeSchema });

function sameUnit(operation: string, a: Quantity, b: Quantity): void {
  if (a.uom !== b.uom) {
    throw new DecimalError(
      `cannot ${operation} ${a.value} ${a.uom} and ${b.value} ${b.uom}: convert one to the other's unit first`,
    );
  }
}

/**
 * Arithmetic on quantities of the same unit. Mixing units throws instead of guessing;
 * convert with a `UomCatalog` first.
 *
 * @example
 * quantity.add({ value: '2', uom: 'EA' }, { value: '3', uom: 'EA' }); // { value: '5', uom: 'EA' }
 */
export const quantity = {
  of: (value: string, uom: string): Quantity => ({ value: decimal.normalize(value), uom }),
  add(a: Quantity, b: Quantity): Quantity {
    sameUnit('add', a, b);
    return { value: decimal.add(a.value, b.value), uom: a.uom };
  },
  sub(a: Quantity, b: Quantity): Quantity {
    sameUnit('subtract', a, b);
    return { value: decimal.sub(a.value, b.value), uom: a.uom };
  },
  compare(a: Quantity, b: Quantity): -1 | 0 | 1 {
    sameUnit('compare', a, b);
    return decimal.compare(a.value, b.value);
  },
  eq: (a: Quantity, b: Quantity): boolean => a.uom === b.uom && decimal.eq(a.value, b.value),
  isZero: (a: Quantity): boolean => decimal.isZero(a.value),
} as const;
