import { InvalidDomainError } from './errors.js';
import { normalizeDomain } from './normalize.js';
import { isPrefixOperator, type Operator } from './operators.js';
import type {
  AnyRecord,
  Domain,
  DomainLeaf,
  DomainTerm,
  FalseLeaf,
  FieldPath,
  TrueLeaf,
  ValueFor,
} from './types.js';
import { validateDomain } from './validate.js';

/**
 * Odoo's always-true leaf, `[1, '=', 1]`.
 *
 * @example
 * ```ts
 * domain.or([TRUE_LEAF], where('state', '=', 'sale')); // []
 * ```
 */
export const TRUE_LEAF: TrueLeaf = Object.freeze([1, '=', 1] as const);

/**
 * Odoo's always-false leaf, `[0, '=', 1]`.
 *
 * @example
 * ```ts
 * const nothing: Domain = [FALSE_LEAF];
 * ```
 */
export const FALSE_LEAF: FalseLeaf = Object.freeze([0, '=', 1] as const);

/**
 * A domain builder, bound to a record type `R` so that field names are checked at compile time. Every method
 * validates its input and throws {@link InvalidDomainError} before anything is sent; results are normalised
 * (a single prefix expression, or `[]`).
 *
 * @example
 * ```ts
 * interface SaleOrder { state: string; amount_total: number; partner_id: number }
 * const d = domainFor<SaleOrder>();
 * d.and(d.where('state', '=', 'sale'), d.or(d.where('amount_total', '>', 100), d.where('partner_id.country_id.code', '=', 'BE')));
 * ```
 */
export interface DomainBuilder<R extends object = AnyRecord> {
  /**
   * A one-leaf domain `[[field, operator, value]]`.
   *
   * @example
   * ```ts
   * domain.where('state', 'in', ['sale', 'done']); // [['state', 'in', ['sale', 'done']]]
   * ```
   */
  where<const F extends FieldPath<R>, const O extends Operator>(
    field: F,
    operator: O,
    value: ValueFor<O>,
  ): Domain<R>;
  /**
   * A single leaf `[field, operator, value]`, to use inside a hand-written domain or as a builder term.
   *
   * @example
   * ```ts
   * domain.leaf('order_line', 'any', domain.where('product_id.default_code', '=', 'FURN_7800'));
   * ```
   */
  leaf<const F extends FieldPath<R>, const O extends Operator>(
    field: F,
    operator: O,
    value: ValueFor<O>,
  ): DomainLeaf<R>;
  /**
   * All of the terms. `and()` is `[]` (every record); a false term makes the whole `FALSE`.
   *
   * @example
   * ```ts
   * domain.and(['state', '=', 'sale'], ['amount_total', '>', 100]); // ['&', [...], [...]]
   * ```
   */
  and(...terms: DomainTerm<R>[]): Domain<R>;
  /**
   * Any of the terms. `or()` is `[FALSE_LEAF]` (no record); a `[]` term makes the whole `[]`.
   *
   * @example
   * ```ts
   * domain.or(['state', '=', 'draft'], ['state', '=', 'sent']); // ['|', [...], [...]]
   * ```
   */
  or(...terms: DomainTerm<R>[]): Domain<R>;
  /**
   * The negation of a term: `['!', ...term]`; `not([])` is `[FALSE_LEAF]` and `not([FALSE_LEAF])` is `[]`.
   *
   * @example
   * ```ts
   * domain.not(['state', '=', 'cancel']); // ['!', ['state', '=', 'cancel']]
   * ```
   */
  not(term: DomainTerm<R>): Domain<R>;
  /**
   * The domain matching every record, `[]`.
   *
   * @example
   * ```ts
   * domain.all(); // []
   * ```
   */
  all(): Domain<R>;
  /**
   * The domain matching no record, `[[0, '=', 1]]`.
   *
   * @example
   * ```ts
   * domain.none(); // [[0, '=', 1]]
   * ```
   */
  none(): Domain<R>;
}

function isLeafTerm(term: readonly unknown[]): boolean {
  return term.length > 0 && !Array.isArray(term[0]) && !isPrefixOperator(term[0]);
}

function isTrueDomain(d: Domain): boolean {
  return d.length === 0 || (d.length === 1 && isConstantLeaf(d[0], 1));
}

function isFalseDomain(d: Domain): boolean {
  return d.length === 1 && isConstantLeaf(d[0], 0);
}

function isConstantLeaf(token: unknown, field: 0 | 1): boolean {
  return (
    Array.isArray(token) && token.length === 3 && token[0] === field && token[1] === '=' && token[2] === 1
  );
}

/** Validates and normalises one builder argument, naming it (1-based) in any error. */
function termToDomain(term: unknown, argument: number): Domain {
  try {
    if (!Array.isArray(term)) return validateDomain(term);
    return normalizeDomain((isLeafTerm(term) ? [term] : term) as Domain);
  } catch (error) {
    if (!(error instanceof InvalidDomainError)) throw error;
    // A bare leaf was wrapped in a list: drop that extra level from the path.
    const path = Array.isArray(term) && isLeafTerm(term) ? error.path.slice(1) : error.path;
    throw new InvalidDomainError(
      { reason: error.reason, path, detail: error.detail, argument },
      { cause: error },
    );
  }
}

function combine(operator: '&' | '|', terms: readonly unknown[]): Domain {
  const unit = operator === '&' ? isTrueDomain : isFalseDomain;
  const zero = operator === '&' ? isFalseDomain : isTrueDomain;
  const domains = terms.map((term, index) => termToDomain(term, index + 1));
  if (domains.some(zero)) return operator === '&' ? [FALSE_LEAF] : [];
  const parts = domains.filter((d) => !unit(d));
  if (parts.length === 0) return operator === '&' ? [] : [FALSE_LEAF];
  return [...Array.from({ length: parts.length - 1 }, () => operator), ...parts.flat()];
}

function makeLeaf(field: unknown, operator: unknown, value: unknown): DomainLeaf {
  const leaf = [field, operator, value] as const;
  validateDomain([leaf]);
  return leaf as unknown as DomainLeaf;
}

/**
 * Creates a domain builder whose field names are checked against the record type `R` (top-level keys, or
 * dotted paths starting with one). Without `R`, any field name is accepted.
 *
 * @example
 * ```ts
 * interface StockQuant { location_id: number; quantity: number }
 * const q = domainFor<StockQuant>();
 * q.and(q.where('location_id.usage', '=', 'internal'), q.where('quantity', '>', 0));
 * // q.where('nope', '=', 1) does not compile
 * ```
 */
export function domainFor<R extends object = AnyRecord>(): DomainBuilder<R> {
  const builder: DomainBuilder = {
    where: (field, operator, value) => [makeLeaf(field, operator, value)],
    leaf: (field, operator, value) => makeLeaf(field, operator, value),
    and: (...terms) => combine('&', terms),
    or: (...terms) => combine('|', terms),
    not: (term) => {
      const d = termToDomain(term, 1);
      if (isTrueDomain(d)) return [FALSE_LEAF];
      if (isFalseDomain(d)) return [];
      return ['!', ...d];
    },
    all: () => [],
    none: () => [FALSE_LEAF],
  };
  return builder as unknown as DomainBuilder<R>;
}

/**
 * The untyped domain builder (any field name).
 *
 * @example
 * ```ts
 * domain.or(domain.where('state', '=', 'draft'), domain.not(['invoice_status', '=', 'invoiced']));
 * ```
 */
export const domain: DomainBuilder = domainFor();

/**
 * A one-leaf domain, untyped; for a typed one use `domainFor<R>().where`.
 *
 * @example
 * ```ts
 * where('partner_id.country_id.code', '=', 'BE'); // [['partner_id.country_id.code', '=', 'BE']]
 * ```
 */
export const where: DomainBuilder['where'] = domain.where;
