import { z } from 'zod';
import { DecimalError } from '../errors.js';
import { ISO_4217_CODES } from './currencies.js';
import { DecimalSchema, decimal } from './decimal.js';

/** An ISO 4217 currency code in use, e.g. `"EUR"`. */
export const CurrencyCodeSchema = z.enum(ISO_4217_CODES, {
  error: 'must be an ISO 4217 currency code such as "EUR" or "USD"',
});
export type CurrencyCode = z.infer<typeof CurrencyCodeSchema>;

/** An exact amount of money: `{ amount: "19.99", currency: "EUR" }`. */
export const MoneySchema = z
  .object({ amount: DecimalSchema, currency: CurrencyCodeSchema })
  .meta({ title: 'Money' });
export type Money = z.infer<typeof MoneySchema>;

function sameCurrency(operation: string, a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new DecimalError(
      `cannot ${operation} ${a.amount} ${a.currency} and ${b.amount} ${b.currency}: different currencies`,
    );
  }
}

/**
 * Arithmetic on money of one currency; mixing currencies throws.
 *
 * @example
 * money.add({ amount: '19.99', currency: 'EUR' }, { amount: '0.01', currency: 'EUR' }); // { amount: '20', currency: 'EUR' }
 */
export const money = {
  add(a: Money, b: Money): Money {
    sameCurrency('add', a, b);
    return { amount: decimal.add(a.amount, b.amount), currency: a.currency };
  },
  sub(a: Money, b: Money): Money {
    sameCurrency('subtract', a, b);
    return { amount: decimal.sub(a.amount, b.amount), currency: a.currency };
  },
  /** Unit price times a quantity value, unrounded. */
  times: (price: Money, factor: string): Money => ({
    amount: decimal.mul(price.amount, factor),
    currency: price.currency,
  }),
  compare(a: Money, b: Money): -1 | 0 | 1 {
    sameCurrency('compare', a, b);
    return decimal.compare(a.amount, b.amount);
  },
} as const;
