import type { z } from 'zod';
import { CanonicalParseError } from './errors.js';

/** One reason an input was refused, in words a support engineer can act on. */
export interface ParseIssue {
  /** Where in the document, e.g. `lines[2].ledger.shipped`; empty for the document itself. */
  readonly path: string;
  /** The rule that failed: a zod issue code (`invalid_type`, `too_small`, …) or a named business rule (`ledger.over_shipped`). */
  readonly rule: string;
  /** What is wrong, e.g. `must be a decimal number written as a string, like "12.5"`. */
  readonly message: string;
}

/** Writes a path the way people read it: `lines[2].ledger.shipped`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${String(segment)}` : String(segment);
  }
  return out;
}

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'an object';
  return `a ${typeof input}`;
}

/** "a string", "an object": the article English wants before a type name. */
function withArticle(noun: string): string {
  if (noun === 'array') return 'a list';
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

// zod's own English messages; any other message was written by the schema and is kept as is.
const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too (big|small)|Unrecognized)/;

function limitWords(
  origin: string,
  limit: unknown,
  inclusive: boolean | undefined,
  bound: 'at most' | 'at least',
) {
  const comparison = inclusive === false ? (bound === 'at most' ? 'less than' : 'more than') : bound;
  switch (origin) {
    case 'string':
      if (bound === 'at least' && String(limit) === '1' && inclusive !== false) return 'must not be empty';
      return `must be ${comparison} ${String(limit)} character${String(limit) === '1' ? '' : 's'} long`;
    case 'array':
    case 'set':
      return bound === 'at least' && String(limit) === '1' && inclusive !== false
        ? 'must not be empty'
        : `must have ${comparison} ${String(limit)} entries`;
    default:
      return `must be ${comparison} ${String(limit)}`;
  }
}

function describe(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined) return 'is required';
  if (!ZOD_DEFAULT_MESSAGE.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      // Without `reportInput` zod leaves the input out, and then a wrong type is not a missing one.
      if (!('input' in issue)) return `must be ${withArticle(issue.expected)}`;
      return `must be ${withArticle(issue.expected)}, got ${describeInput(issue.input)}`;
    case 'too_big':
      return limitWords(issue.origin, issue.maximum, issue.inclusive, 'at most');
    case 'too_small':
      return limitWords(issue.origin, issue.minimum, issue.inclusive, 'at least');
    case 'invalid_value':
      return `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'unrecognized_keys':
      return `has fields this schema does not know: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'matches none of the allowed shapes';
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return issue.message;
  }
}

function ruleOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom' && typeof issue.params?.rule === 'string') return issue.params.rule;
  if (issue.code === 'invalid_format') return `format.${issue.format}`;
  return issue.code;
}

/** Turns zod issues into `ParseIssue`s. Exported for connectors that validate vendor payloads with zod. */
export function formatIssues(issues: readonly z.core.$ZodIssue[]): ParseIssue[] {
  return issues.map((issue) => ({
    path: formatPath(issue.path),
    rule: ruleOf(issue),
    message: describe(issue),
  }));
}

export type SafeParseResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: CanonicalParseError };

/**
 * Validates `input` against `schema` without throwing.
 *
 * @example
 * const result = safeParseCanonical(ShipmentSchema, body);
 * if (!result.success) console.error(result.error.issues);
 */
export function safeParseCanonical<S extends z.ZodType>(
  schema: S,
  input: unknown,
): SafeParseResult<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { success: true, data: result.data };
  const name = schemaName(schema);
  return { success: false, error: new CanonicalParseError(name, formatIssues(result.error.issues)) };
}

/**
 * Validates `input` against `schema` and returns the typed value, or throws `CanonicalParseError`.
 *
 * @example
 * const request = parseCanonical(FulfillmentRequestSchema, JSON.parse(body));
 */
export function parseCanonical<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = safeParseCanonical(schema, input);
  if (!result.success) throw result.error;
  return result.data;
}

function schemaName(schema: z.ZodType): string {
  const title = schema.meta()?.title;
  return typeof title === 'string' ? title : 'input';
}
