import type {
  HierarchyOperator,
  ListOperator,
  Operator,
  PrefixOperator,
  ScalarOperator,
  SubdomainOperator,
} from './operators.js';

/**
 * The record type used when no model type is given: any field name is accepted.
 *
 * @example
 * ```ts
 * const d: Domain<AnyRecord> = [['whatever', '=', 1]];
 * ```
 */
export type AnyRecord = Record<string, unknown>;

/**
 * A field name of `R`, or a dotted path that starts with one (`partner_id.country_id.code`).
 * Only the first segment is checked; the rest belongs to related models.
 *
 * @example
 * ```ts
 * type F = FieldPath<{ state: string; partner_id: number }>; // 'state' | 'partner_id' | `state.${string}` | ...
 * const f: F = 'partner_id.country_id.code';
 * ```
 */
export type FieldPath<R extends object = AnyRecord> = (keyof R & string) | `${keyof R & string}.${string}`;

/**
 * A scalar value a leaf compares against (dates and datetimes are strings, `false` means empty).
 *
 * @example
 * ```ts
 * const v: DomainScalar = false;
 * ```
 */
export type DomainScalar = string | number | boolean | null;

/**
 * Odoo's always-true leaf `(1, '=', 1)`.
 *
 * @example
 * ```ts
 * const t: TrueLeaf = [1, '=', 1];
 * ```
 */
export type TrueLeaf = readonly [1, '=', 1];

/**
 * Odoo's always-false leaf `(0, '=', 1)`.
 *
 * @example
 * ```ts
 * const f: FalseLeaf = [0, '=', 1];
 * ```
 */
export type FalseLeaf = readonly [0, '=', 1];

/**
 * The value type a leaf operator takes: a list for `in`/`not in`, a domain for `any`/`not any`,
 * one value or a list for `child_of`/`parent_of`, one scalar otherwise.
 *
 * @example
 * ```ts
 * const ids: ValueFor<'in'> = [1, 2, 3];
 * ```
 */
export type ValueFor<O extends Operator> = O extends ListOperator
  ? readonly DomainScalar[]
  : O extends SubdomainOperator
    ? Domain
    : O extends HierarchyOperator
      ? DomainScalar | readonly DomainScalar[]
      : DomainScalar;

/**
 * One condition `[field, operator, value]`. With a record type, the field must be one of its keys or a
 * dotted path starting with one.
 *
 * @example
 * ```ts
 * const leaf: DomainLeaf = ['partner_id.country_id.code', '=', 'BE'];
 * ```
 */
export type DomainLeaf<R extends object = AnyRecord> =
  | readonly [FieldPath<R>, ScalarOperator, DomainScalar]
  | readonly [FieldPath<R>, ListOperator, readonly DomainScalar[]]
  | readonly [FieldPath<R>, HierarchyOperator, DomainScalar | readonly DomainScalar[]]
  | readonly [FieldPath<R>, SubdomainOperator, Domain]
  | TrueLeaf
  | FalseLeaf;

/**
 * One item of a domain: a leaf or a prefix operator.
 *
 * @example
 * ```ts
 * const t: DomainToken = '|';
 * ```
 */
export type DomainToken<R extends object = AnyRecord> = PrefixOperator | DomainLeaf<R>;

/**
 * An Odoo domain: leaves and prefix operators in Polish notation, with an implicit `&` between
 * top-level terms. `[]` matches every record.
 *
 * @example
 * ```ts
 * interface SaleOrder { state: string; partner_id: number }
 * const d: Domain<SaleOrder> = ['|', ['state', '=', 'sale'], ['partner_id.country_id.code', '=', 'BE']];
 * ```
 */
export type Domain<R extends object = AnyRecord> = readonly DomainToken<R>[];

/**
 * What the builder's `and`/`or`/`not` accept: a whole domain or a single leaf.
 *
 * @example
 * ```ts
 * const terms: DomainTerm[] = [['state', '=', 'sale'], [['amount_total', '>', 100]]];
 * ```
 */
export type DomainTerm<R extends object = AnyRecord> = Domain<R> | DomainLeaf<R>;
