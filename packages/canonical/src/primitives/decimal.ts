import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { DecimalError } from '../errors.js';

/**
 * Exact decimal numbers carried as strings (`"12.5"`), never binary floats.
 * Arithmetic runs on decimal.js in a private clone, so the application's own decimal.js settings
 * are never touched. 200 significant digits hold any sum or product of two 64-character values
 * exactly; only division, which may not terminate, is cut to 40 significant digits.
 */
const Exact = Decimal.clone({
  precision: 200,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -1000,
  toExpPos: 1000,
});
type Exact = InstanceType<typeof Exact>;
const DIVISION_DIGITS = 40;

const SIGNED = /^-?(0|[1-9]\d*)(\.\d+)?$/;
const NON_NEGATIVE = /^(0|[1-9]\d*)(\.\d+)?$/;
// A non-negative decimal that is not zero in any spelling ("0", "0.000").
const POSITIVE = /^(?!0(\.0+)?$)(0|[1-9]\d*)(\.\d+)?$/;

const EXAMPLE = 'like "12.5"';

/** A decimal number written as a string, sign allowed: `"-3"`, `"12.5"`. */
export const DecimalSchema = z
  .string()
  .max(64)
  .regex(SIGNED, { error: `must be a decimal number written as a string, ${EXAMPLE}` });

/** A decimal number >= 0 written as a string. */
export const NonNegativeDecimalSchema = z
  .string()
  .max(64)
  .regex(NON_NEGATIVE, {
    error: `must be a decimal number of zero or more, written as a string, ${EXAMPLE}`,
  });

/** A decimal number > 0 written as a string. */
export const PositiveDecimalSchema = z
  .string()
  .max(64)
  .regex(POSITIVE, { error: `must be a decimal number greater than zero, written as a string, ${EXAMPLE}` });

/** Odoo's rounding methods (`float_round`): `UP` and `DOWN` go away from / towards zero. */
export type RoundingMethod = 'UP' | 'DOWN' | 'HALF-UP' | 'HALF-EVEN';

const ROUNDING: Record<RoundingMethod, Decimal.Rounding> = {
  UP: Decimal.ROUND_UP,
  DOWN: Decimal.ROUND_DOWN,
  'HALF-UP': Decimal.ROUND_HALF_UP,
  'HALF-EVEN': Decimal.ROUND_HALF_EVEN,
};

function exact(value: string): Exact {
  if (!SIGNED.test(value))
    throw new DecimalError(`"${value}" is not a decimal number written as a string, ${EXAMPLE}`);
  return new Exact(value);
}

/** The shortest canonical spelling: no exponent, no trailing zeros, no negative zero. */
function text(value: Exact): string {
  return value.isZero() ? '0' : value.toFixed();
}

/**
 * Arithmetic and comparison on decimal strings. Every result is a canonical decimal string.
 *
 * @example
 * decimal.add('0.1', '0.2'); // '0.3'
 * decimal.roundTo('2.341', '0.01', 'UP'); // '2.35'
 */
export const decimal = {
  /** Parses and re-spells a decimal string: `"12.50"` → `"12.5"`, `"-0"` → `"0"`. */
  normalize: (value: string): string => text(exact(value)),
  /**
   * From a JSON number (Odoo sends floats), through its shortest round-trip spelling, so `0.1` becomes `"0.1"`.
   * Refuses NaN and infinities.
   */
  fromNumber(value: number): string {
    if (!Number.isFinite(value)) throw new DecimalError(`${value} is not a finite number`);
    return text(new Exact(value.toString()));
  },
  add: (...values: string[]): string =>
    text(values.reduce((sum, value) => sum.plus(exact(value)), new Exact(0))),
  sub: (a: string, b: string): string => text(exact(a).minus(exact(b))),
  mul: (a: string, b: string): string => text(exact(a).times(exact(b))),
  /** Divides to 40 significant digits; round the result with `roundTo` when it must fit a precision. */
  div(a: string, b: string): string {
    const divisor = exact(b);
    if (divisor.isZero()) throw new DecimalError(`cannot divide ${a} by zero`);
    return text(exact(a).dividedBy(divisor).toSignificantDigits(DIVISION_DIGITS));
  },
  negate: (value: string): string => text(exact(value).negated()),
  abs: (value: string): string => text(exact(value).abs()),
  /** -1, 0 or 1 as `a` is less than, equal to or greater than `b`; `"1.0"` equals `"1"`. */
  compare: (a: string, b: string): -1 | 0 | 1 => exact(a).comparedTo(exact(b)) as -1 | 0 | 1,
  eq: (a: string, b: string): boolean => exact(a).equals(exact(b)),
  lt: (a: string, b: string): boolean => exact(a).lessThan(exact(b)),
  lte: (a: string, b: string): boolean => exact(a).lessThanOrEqualTo(exact(b)),
  gt: (a: string, b: string): boolean => exact(a).greaterThan(exact(b)),
  gte: (a: string, b: string): boolean => exact(a).greaterThanOrEqualTo(exact(b)),
  isZero: (value: string): boolean => exact(value).isZero(),
  isNegative: (value: string): boolean => exact(value).isNegative() && !exact(value).isZero(),
  min: (first: string, ...rest: string[]): string => text(Exact.min(exact(first), ...rest.map(exact))),
  max: (first: string, ...rest: string[]): string => text(Exact.max(exact(first), ...rest.map(exact))),
  /**
   * Rounds to a multiple of `precision` the way Odoo's `float_round(precision_rounding=…)` does,
   * e.g. precision `"0.01"` for cents or `"0.5"` for half units. Exact: no float epsilon needed,
   * and the quotient is taken at full precision so nothing is rounded twice.
   */
  roundTo(value: string, precision: string, method: RoundingMethod = 'HALF-UP'): string {
    const step = exact(precision);
    if (step.lessThanOrEqualTo(0))
      throw new DecimalError(`rounding precision must be greater than zero, got ${precision}`);
    const steps = exact(value).dividedBy(step).toDecimalPlaces(0, ROUNDING[method]);
    return text(steps.times(step));
  },
  /** Fixed number of decimal places, e.g. money for display: `toFixed('3.1', 2)` → `"3.10"`. */
  toFixed: (value: string, places: number, method: RoundingMethod = 'HALF-UP'): string =>
    exact(value).toFixed(places, ROUNDING[method]),
} as const;
