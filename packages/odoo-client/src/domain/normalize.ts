import { isPrefixOperator, PREFIX_ARITY } from './operators.js';
import type { AnyRecord, Domain, DomainToken } from './types.js';
import { validateDomain } from './validate.js';

function normalizeToken(token: DomainToken): DomainToken {
  if (typeof token === 'string') return token;
  const [field, op, value] = token;
  if (op === 'any' || op === 'not any') return [field, op, normalizeValid(value as Domain)] as DomainToken;
  return token;
}

function normalizeValid(domain: Domain): Domain {
  const result: DomainToken[] = [];
  let expected = 1;
  for (const token of domain) {
    if (expected === 0) {
      result.unshift('&');
      expected = 1;
    }
    expected += isPrefixOperator(token) ? PREFIX_ARITY[token] - 1 : -1;
    result.push(normalizeToken(token));
  }
  return result;
}

/**
 * Validates a domain and makes Odoo's implicit `&` between top-level terms explicit (the same rewrite as
 * `odoo.osv.expression.normalize_domain`, applied inside `any` sub-domains too). The result is a single
 * prefix expression, or `[]` (every record). Normalising twice gives the same result as once.
 *
 * @example
 * ```ts
 * normalizeDomain([['a', '=', 1], ['b', '=', 2], ['c', '=', 3]]);
 * // ['&', '&', ['a', '=', 1], ['b', '=', 2], ['c', '=', 3]]
 * ```
 */
export function normalizeDomain<R extends object = AnyRecord>(domain: Domain<R>): Domain<R> {
  return normalizeValid(validateDomain(domain as Domain)) as Domain<R>;
}
