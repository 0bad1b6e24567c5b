/**
 * Every comparison operator Odoo accepts in a domain leaf (`odoo.osv.expression.TERM_OPERATORS`, 18.0 and 19.0).
 *
 * @example
 * ```ts
 * OPERATORS.includes('ilike'); // true
 * ```
 */
export const OPERATORS = [
  '=',
  '!=',
  '>',
  '>=',
  '<',
  '<=',
  '=?',
  '=like',
  '=ilike',
  'like',
  'not like',
  'ilike',
  'not ilike',
  'in',
  'not in',
  'child_of',
  'parent_of',
  'any',
  'not any',
] as const;

/**
 * A comparison operator of a domain leaf.
 *
 * @example
 * ```ts
 * const op: Operator = 'not in';
 * ```
 */
export type Operator = (typeof OPERATORS)[number];

/**
 * Operators whose value must be a list: `in`, `not in`.
 *
 * @example
 * ```ts
 * const op: ListOperator = 'in';
 * ```
 */
export type ListOperator = 'in' | 'not in';

/**
 * Operators whose value must be a sub-domain on the related model: `any`, `not any`.
 *
 * @example
 * ```ts
 * const op: SubdomainOperator = 'any';
 * ```
 */
export type SubdomainOperator = 'any' | 'not any';

/**
 * Hierarchy operators, whose value is one id (or name) or a list of them: `child_of`, `parent_of`.
 *
 * @example
 * ```ts
 * const op: HierarchyOperator = 'child_of';
 * ```
 */
export type HierarchyOperator = 'child_of' | 'parent_of';

/**
 * Operators that compare against one scalar value (`=`, `ilike`, `>=`, ...).
 *
 * @example
 * ```ts
 * const op: ScalarOperator = '>=';
 * ```
 */
export type ScalarOperator = Exclude<Operator, ListOperator | SubdomainOperator | HierarchyOperator>;

/**
 * The prefix (Polish notation) logical operators of a domain and how many terms each takes.
 *
 * @example
 * ```ts
 * PREFIX_ARITY['!']; // 1
 * ```
 */
export const PREFIX_ARITY = { '&': 2, '|': 2, '!': 1 } as const;

/**
 * A prefix logical operator: `&` (and, 2 terms), `|` (or, 2 terms), `!` (not, 1 term).
 *
 * @example
 * ```ts
 * const op: PrefixOperator = '|';
 * ```
 */
export type PrefixOperator = keyof typeof PREFIX_ARITY;

const operatorSet: ReadonlySet<string> = new Set(OPERATORS);

/**
 * Whether `value` is one of Odoo's leaf operators (exact spelling, lower case).
 *
 * @example
 * ```ts
 * isOperator('not in'); // true
 * isOperator('<>'); // false
 * ```
 */
export function isOperator(value: unknown): value is Operator {
  return typeof value === 'string' && operatorSet.has(value);
}

/**
 * Whether `value` is one of the prefix logical operators `&`, `|`, `!`.
 *
 * @example
 * ```ts
 * isPrefixOperator('&'); // true
 * ```
 */
export function isPrefixOperator(value: unknown): value is PrefixOperator {
  return value === '&' || value === '|' || value === '!';
}
