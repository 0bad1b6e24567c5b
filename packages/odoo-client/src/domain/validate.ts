import { InvalidDomainError, type InvalidDomainReason } from './errors.js';
import { isOperator, isPrefixOperator, OPERATORS, PREFIX_ARITY, type PrefixOperator } from './operators.js';
import type { AnyRecord, Domain } from './types.js';

const ALIASES: Readonly<Record<string, string>> = { '<>': '!=', '==': '=', '=<': '<=', '=>': '>=' };

function fail(reason: InvalidDomainReason, path: readonly number[], detail: string): never {
  throw new InvalidDomainError({ reason, path, detail });
}

function operatorHint(op: string): string {
  const alias = ALIASES[op];
  if (alias !== undefined) return `; use '${alias}'`;
  if (isOperator(op.toLowerCase())) return `; operators are lower case: '${op.toLowerCase()}'`;
  return `; expected one of ${OPERATORS.join(', ')}`;
}

function checkField(field: unknown, path: readonly number[]): void {
  if (typeof field !== 'string') {
    fail('malformed-leaf', path, `the field name must be a string, got ${typeof field}`);
  }
  if (field.trim() === '') fail('empty-field', path, 'the field name is empty');
  if (field.split('.').some((segment) => segment.trim() === '')) {
    fail('empty-field', path, `the dotted path '${field}' has an empty segment`);
  }
}

function checkLeaf(leaf: readonly unknown[], path: readonly number[]): void {
  if (leaf.length !== 3) {
    fail(
      'malformed-leaf',
      path,
      `a leaf has exactly 3 items [field, operator, value], this one has ${leaf.length}`,
    );
  }
  const [field, op, value] = leaf;
  if (field === 0 || field === 1) {
    // Odoo's TRUE_LEAF (1, '=', 1) and FALSE_LEAF (0, '=', 1).
    if (op === '=' && value === 1) return;
    fail(
      'malformed-leaf',
      path,
      'a numeric field is only allowed in [1, "=", 1] (true) or [0, "=", 1] (false)',
    );
  }
  checkField(field, path);
  if (!isOperator(op)) {
    const shown = typeof op === 'string' ? `'${op}'` : `a ${typeof op}`;
    fail(
      'unknown-operator',
      path,
      `unknown operator ${shown}${typeof op === 'string' ? operatorHint(op) : ''}`,
    );
  }
  if (value === undefined) fail('missing-value', path, `the value of '${field}' ${op} is undefined`);
  if ((op === 'in' || op === 'not in') && !Array.isArray(value)) {
    fail('list-required', path, `'${op}' needs a list of values for '${field}', got a ${typeOf(value)}`);
  }
  if (op === 'any' || op === 'not any') {
    if (!Array.isArray(value)) {
      fail('domain-required', path, `'${op}' needs a domain (a list) for '${field}', got a ${typeOf(value)}`);
    }
    checkDomain(value, [...path, 2]);
  }
}

function typeOf(value: unknown): string {
  return value === null ? 'null' : typeof value;
}

interface OpenOperator {
  readonly op: PrefixOperator;
  readonly at: number;
  missing: number;
}

function checkDomain(domain: unknown, base: readonly number[]): void {
  if (!Array.isArray(domain)) {
    fail('not-a-list', base, `a domain must be a list, got a ${typeOf(domain)}`);
  }
  const open: OpenOperator[] = [];
  domain.forEach((token: unknown, index) => {
    const path = [...base, index];
    if (typeof token === 'string') {
      if (!isPrefixOperator(token)) {
        fail('unknown-operator', path, `'${token}' is not a logical operator; use '&', '|' or '!'`);
      }
      open.push({ op: token, at: index, missing: PREFIX_ARITY[token] });
      return;
    }
    if (!Array.isArray(token)) {
      fail(
        'malformed-term',
        path,
        `expected '&', '|', '!' or a [field, operator, value] leaf, got a ${typeOf(token)}`,
      );
    }
    checkLeaf(token, path);
    // A completed term feeds the innermost open operator; a completed operator is itself a term.
    for (let top = open.at(-1); top !== undefined; top = open.at(-1)) {
      top.missing -= 1;
      if (top.missing > 0) break;
      open.pop();
    }
  });
  const unfinished = open.at(-1);
  if (unfinished !== undefined) {
    const arity = PREFIX_ARITY[unfinished.op];
    const got = arity - unfinished.missing;
    fail(
      'missing-operands',
      [...base, unfinished.at],
      `'${unfinished.op}' takes ${arity} term${arity === 1 ? '' : 's'} but only ${got} follow${got === 1 ? 's' : ''} it`,
    );
  }
}

/**
 * Checks a domain before it is sent and returns it unchanged, or throws an {@link InvalidDomainError}
 * naming the offending item: prefix operators without enough terms (top-level terms are joined by an
 * implicit `&`, as Odoo does), unknown operators, `in`/`not in` without a list, `any`/`not any` without a
 * domain (checked recursively), empty field names or path segments.
 *
 * @example
 * ```ts
 * validateDomain([['state', '=', 'sale'], '|', ['amount_total', '>', 100], ['partner_id.country_id.code', '=', 'BE']]);
 * validateDomain(['&', ['state', '=', 'sale']]); // throws InvalidDomainError (reason 'missing-operands', index 0)
 * ```
 */
export function validateDomain<const D extends Domain>(domain: D): D;
export function validateDomain<R extends object = AnyRecord>(domain: unknown): Domain<R>;
export function validateDomain(domain: unknown): Domain {
  checkDomain(domain, []);
  return domain as Domain;
}

/**
 * Whether `domain` is a well-formed domain (the same checks as {@link validateDomain}, without throwing).
 *
 * @example
 * ```ts
 * isValidDomain(['|', ['a', '=', 1]]); // false
 * ```
 */
export function isValidDomain<R extends object = AnyRecord>(domain: unknown): domain is Domain<R> {
  try {
    checkDomain(domain, []);
    return true;
  } catch (error) {
    if (error instanceof InvalidDomainError) return false;
    throw error;
  }
}
