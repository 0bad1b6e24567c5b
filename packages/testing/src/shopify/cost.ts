/**
 * Shopify's calculated query cost, by the default rules of the GraphQL Admin API reference: a
 * scalar or enum costs 0, an object 1, a connection (a field with `first`/`last`) 2 plus its size
 * times the cost of one node, a mutation field 10; a single query may cost at most 1000. Fields
 * with a defined cost of their own are not modelled: real Shopify can answer a lower requested cost.
 *
 * @module
 */

/** The most a single query may request (`MAX_COST_EXCEEDED` above it), whatever the plan. */
export const SINGLE_QUERY_MAX_COST = 1000;

/** One field of a selection set. */
export interface SelectedField {
  readonly name: string;
  /** The key of the field in the answer (the alias when there is one). */
  readonly key: string;
  readonly args: Readonly<Record<string, unknown>>;
  readonly selections: readonly SelectedField[] | undefined;
}

/** A parsed operation: its kind and root selections. */
export interface ParsedOperation {
  readonly kind: 'query' | 'mutation';
  readonly name: string | undefined;
  readonly selections: readonly SelectedField[];
}

const VARIABLE = Symbol('variable');
type VariableRef = { readonly [VARIABLE]: string };

const TOKEN =
  /\s+|,|#[^\n]*|\.\.\.|"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_]\w*|[{}()[\]:$@!=]/gy;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const at = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (!match) throw new SyntaxError(`unexpected character at ${at}: ${source.slice(at, at + 10)}`);
    const token = match[0];
    if (/^\s/.test(token) || token === ',' || token.startsWith('#')) continue;
    tokens.push(token);
  }
  return tokens;
}

/**
 * Parses the first operation of a GraphQL document (enough of the grammar for the Admin API
 * queries a client sends: aliases, arguments, variables, directives; no fragments).
 *
 * @example parseOperation('query Orders($first: Int!) { orders(first: $first) { nodes { id } } }');
 */
export function parseOperation(source: string): ParsedOperation {
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const next = () => {
    const token = tokens[i];
    if (token === undefined) throw new SyntaxError('unexpected end of document');
    i += 1;
    return token;
  };
  const expect = (token: string) => {
    const got = next();
    if (got !== token) throw new SyntaxError(`expected ${token}, got ${got}`);
  };

  function value(): unknown {
    const token = next();
    if (token === '$') return { [VARIABLE]: next() } satisfies VariableRef;
    if (token === '[') {
      const list: unknown[] = [];
      while (peek() !== ']') list.push(value());
      expect(']');
      return list;
    }
    if (token === '{') {
      const object: Record<string, unknown> = {};
      while (peek() !== '}') {
        const key = next();
        expect(':');
        object[key] = value();
      }
      expect('}');
      return object;
    }
    if (token.startsWith('"')) return JSON.parse(token);
    if (/^-?\d/.test(token)) return Number(token);
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null') return null;
    return token; // an enum value
  }

  function args(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    if (peek() !== '(') return result;
    expect('(');
    while (peek() !== ')') {
      const name = next();
      expect(':');
      result[name] = value();
    }
    expect(')');
    return result;
  }

  function directives(): void {
    while (peek() === '@') {
      next();
      next();
      args();
    }
  }

  function selectionSet(): SelectedField[] {
    expect('{');
    const fields: SelectedField[] = [];
    while (peek() !== '}') {
      if (peek() === '...') throw new SyntaxError('fragments are not supported by the fake');
      const key = next();
      let name = key;
      if (peek() === ':') {
        next();
        name = next();
      }
      const fieldArgs = args();
      directives();
      const selections = peek() === '{' ? selectionSet() : undefined;
      fields.push({ name, key, args: fieldArgs, selections });
    }
    expect('}');
    return fields;
  }

  let kind: 'query' | 'mutation' = 'query';
  let name: string | undefined;
  if (peek() === 'query' || peek() === 'mutation') {
    kind = next() as 'query' | 'mutation';
    if (peek() !== '(' && peek() !== '{' && peek() !== '@') name = next();
    if (peek() === '(') {
      // variable definitions: skip to the matching parenthesis
      let depth = 0;
      do {
        const token = next();
        if (token === '(') depth += 1;
        if (token === ')') depth -= 1;
      } while (depth > 0);
    }
    directives();
  }
  return { kind, name, selections: selectionSet() };
}

function resolve(value: unknown, variables: Readonly<Record<string, unknown>>): unknown {
  if (value !== null && typeof value === 'object' && VARIABLE in value) {
    return variables[(value as VariableRef)[VARIABLE]];
  }
  return value;
}

/**
 * A field's arguments with its variables resolved.
 *
 * @example argumentsOf(field, { first: 10 }); // { first: 10, after: null }
 */
export function argumentsOf(
  field: SelectedField | undefined,
  variables: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const resolved: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(field?.args ?? {})) resolved[name] = resolve(value, variables);
  return resolved;
}

/** The `first`/`last` size of a connection field, or undefined for a plain field. */
function sizeOf(field: SelectedField, variables: Readonly<Record<string, unknown>>): number | undefined {
  for (const arg of ['first', 'last']) {
    if (arg in field.args) {
      const size = resolve(field.args[arg], variables);
      return typeof size === 'number' ? size : 0;
    }
  }
  return undefined;
}

/** The selections of one node of a connection (`nodes { … }` or `edges { node { … } }`). */
function nodeSelections(field: SelectedField): readonly SelectedField[] {
  const nodes = field.selections?.find((f) => f.name === 'nodes')?.selections;
  const edgeNode = field.selections
    ?.find((f) => f.name === 'edges')
    ?.selections?.find((f) => f.name === 'node')?.selections;
  return [...(nodes ?? []), ...(edgeNode ?? [])];
}

function requestedField(field: SelectedField, variables: Readonly<Record<string, unknown>>): number {
  if (field.selections === undefined || field.name === 'pageInfo') return 0;
  const size = sizeOf(field, variables);
  if (size !== undefined) return 2 + size * (1 + requestedSet(nodeSelections(field), variables));
  return 1 + requestedSet(field.selections, variables);
}

function requestedSet(
  fields: readonly SelectedField[],
  variables: Readonly<Record<string, unknown>>,
): number {
  return fields.reduce((sum, field) => sum + requestedField(field, variables), 0);
}

/**
 * The requested cost of an operation, calculated before it runs.
 *
 * @example requestedCost(parseOperation(query), { first: 10 }); // 2 + 10 × node cost
 */
export function requestedCost(
  operation: ParsedOperation,
  variables: Readonly<Record<string, unknown>>,
): number {
  if (operation.kind === 'mutation') {
    return operation.selections.reduce(
      (sum, field) => sum + 10 + requestedSet(field.selections ?? [], variables),
      0,
    );
  }
  return requestedSet(operation.selections, variables);
}

function actualField(
  field: SelectedField,
  value: unknown,
  variables: Readonly<Record<string, unknown>>,
): number {
  if (field.selections === undefined || field.name === 'pageInfo' || value == null) return 0;
  if (sizeOf(field, variables) !== undefined) {
    const record = value as { nodes?: unknown[]; edges?: { node?: unknown }[] };
    const nodes = record.nodes ?? record.edges?.map((edge) => edge.node) ?? [];
    const selections = nodeSelections(field);
    return 2 + nodes.reduce<number>((sum, node) => sum + 1 + actualSet(selections, node, variables), 0);
  }
  if (Array.isArray(value))
    return value.length === 0 ? 0 : 1 + actualSet(field.selections, value[0], variables);
  return 1 + actualSet(field.selections, value, variables);
}

function actualSet(
  fields: readonly SelectedField[],
  value: unknown,
  variables: Readonly<Record<string, unknown>>,
): number {
  if (value == null || typeof value !== 'object') return 0;
  const record = value as Record<string, unknown>;
  return fields.reduce((sum, field) => sum + actualField(field, record[field.key], variables), 0);
}

/**
 * The actual cost of an answered operation: connections count the nodes they returned, `null`
 * objects nothing. The bucket is refunded the difference to the requested cost.
 *
 * @example actualCost(parseOperation(query), variables, result.data);
 */
export function actualCost(
  operation: ParsedOperation,
  variables: Readonly<Record<string, unknown>>,
  data: unknown,
): number {
  if (operation.kind === 'mutation') {
    const record = (data ?? {}) as Record<string, unknown>;
    return operation.selections.reduce(
      (sum, field) => sum + 10 + actualSet(field.selections ?? [], record[field.key], variables),
      0,
    );
  }
  return actualSet(operation.selections, data, variables);
}
