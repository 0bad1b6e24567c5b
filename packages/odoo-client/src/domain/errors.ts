import { OdooError } from '../errors/OdooError.js';
/**
 * Why a domain was refused.
 *
 * - `not-a-list`: the domain (or an `any` sub-domain) is not an array.
 * - `missing-operands`: a prefix operator (`&`, `|`, `!`) does not have enough terms after it.
 * - `malformed-term`: an item is neither a prefix operator nor a `[field, operator, value]` leaf.
 * - `malformed-leaf`: a leaf does not have exactly three items, or its field is not a string.
 * - `empty-field`: the field name, or one segment of a dotted path, is empty.
 * - `unknown-operator`: the operator (or a prefix operator) is not one Odoo knows.
 * - `list-required`: `in` / `not in` with a value that is not a list.
 * - `domain-required`: `any` / `not any` with a value that is not a domain.
 * - `missing-value`: the value is `undefined` (it would vanish from the JSON request).
 *
 * @example
 * ```ts
 * const reason: InvalidDomainReason = 'list-required';
 * ```
 */
export type InvalidDomainReason =
  | 'not-a-list'
  | 'missing-operands'
  | 'malformed-term'
  | 'malformed-leaf'
  | 'empty-field'
  | 'unknown-operator'
  | 'list-required'
  | 'domain-required'
  | 'missing-value';

/**
 * Where and why a domain is malformed.
 *
 * @example
 * ```ts
 * const details: InvalidDomainDetails = { reason: 'empty-field', path: [0], detail: 'the field name is empty' };
 * ```
 */
export interface InvalidDomainDetails {
  /** Why the domain was refused. @example 'unknown-operator' */
  readonly reason: InvalidDomainReason;
  /** Indices from the top-level domain to the offending item; `[]` for the domain itself. @example [2, 2, 0] */
  readonly path: readonly number[];
  /** A plain-words explanation, without any value from the domain. @example "unknown operator '<>'; use '!='" */
  readonly detail: string;
  /** The builder argument (1-based) the domain came from, when it came through `and`/`or`/`not`. @example 2 */
  readonly argument?: number;
}

function describe(path: readonly number[]): string {
  if (path.length === 0) return 'the domain';
  if (path.length === 1) return `term ${path[0]} (domain[${path[0]}])`;
  return `domain[${path.join('][')}]`;
}

/**
 * Thrown before any request when a domain is malformed. `index` is the position of the offending item in
 * the top-level domain (`null` when the domain itself is not a list); `path` goes down into `any`
 * sub-domains. Values from the domain never appear in the message.
 *
 * An `OdooError` like every error of this package; never retryable, and nothing was sent.
 *
 * @example
 * ```ts
 * try {
 *   validateDomain([['state', '<>', 'cancel']]);
 * } catch (error) {
 *   if (error instanceof InvalidDomainError) console.log(error.reason, error.index); // 'unknown-operator' 0
 * }
 * ```
 */
export class InvalidDomainError extends OdooError {
  override name = 'InvalidDomainError';
  protected static override readonly defaults = {
    retryable: false,
    executed: 'no' as const,
    fallback: 'Invalid domain',
  };
  /** Why the domain was refused. */
  readonly reason: InvalidDomainReason;
  /** Position of the offending item in the top-level domain, or `null` for the domain itself. */
  readonly index: number | null;
  /** Indices from the top-level domain down to the offending item. */
  readonly path: readonly number[];
  /** The plain-words explanation, without the location. */
  readonly detail: string;
  /** The builder argument (1-based) the domain came from, if any. */
  readonly argument: number | undefined;

  constructor(details: InvalidDomainDetails, options?: ErrorOptions) {
    super(options?.cause === undefined ? {} : { cause: options.cause });
    const from = details.argument === undefined ? '' : ` in argument ${details.argument}`;
    this.message = `Invalid domain${from}: ${describe(details.path)}: ${details.detail}.`;
    this.reason = details.reason;
    this.path = details.path;
    this.detail = details.detail;
    this.index = details.path[0] ?? null;
    this.argument = details.argument;
  }
}

/**
 * Whether `error` is an {@link InvalidDomainError}.
 *
 * @example
 * ```ts
 * if (isInvalidDomainError(error)) console.log(error.path);
 * ```
 */
export function isInvalidDomainError(error: unknown): error is InvalidDomainError {
  return error instanceof InvalidDomainError;
}
