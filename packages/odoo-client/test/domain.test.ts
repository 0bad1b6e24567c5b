import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type Domain,
  type DomainLeaf,
  domain,
  domainFor,
  FALSE_LEAF,
  type FieldPath,
  InvalidDomainError,
  type InvalidDomainReason,
  isInvalidDomainError,
  isOperator,
  isValidDomain,
  normalizeDomain,
  OPERATORS,
  type Operator,
  TRUE_LEAF,
  validateDomain,
  where,
} from '../src/domain/index.js';

/** Runs `fn`, expects an InvalidDomainError, and returns it. */
function refused(fn: () => unknown): InvalidDomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidDomainError);
    return error as InvalidDomainError;
  }
  throw new Error('expected an InvalidDomainError, nothing was thrown');
}

function expectRefused(
  value: unknown,
  reason: InvalidDomainReason,
  path: readonly number[],
): InvalidDomainError {
  const error = refused(() => validateDomain(value));
  expect(error.reason).toBe(reason);
  expect(error.path).toEqual(path);
  expect(error.index).toBe(path[0] ?? null);
  expect(isValidDomain(value)).toBe(false);
  return error;
}

const sampleValue: Record<Operator, unknown> = {
  '=': 'sale',
  '!=': false,
  '>': 10,
  '>=': 10.5,
  '<': '2024-10-05 00:00:00',
  '<=': '2024-10-05',
  '=?': false,
  '=like': 'S0%',
  '=ilike': 's0%',
  like: 'Desk',
  'not like': 'Desk',
  ilike: 'desk',
  'not ilike': 'desk',
  in: ['sale', 'done'],
  'not in': [],
  child_of: 1,
  parent_of: [1, 2],
  any: [['product_id.default_code', '=', 'FURN_7800']],
  'not any': [],
};

describe('operators', () => {
  it('lists exactly the 19 operators Odoo accepts in a leaf', () => {
    expect([...OPERATORS].sort()).toEqual(Object.keys(sampleValue).sort());
    expect(OPERATORS).toHaveLength(19);
  });

  for (const op of OPERATORS) {
    it(`accepts '${op}' in a leaf, through validateDomain and the builder`, () => {
      const leaf = ['state', op, sampleValue[op]] as const;
      expect(validateDomain([leaf])).toEqual([leaf]);
      expect(isOperator(op)).toBe(true);
      expect(where('state', op, sampleValue[op] as never)).toEqual([leaf]);
    });
  }
});

describe('validateDomain accepts well-formed domains unchanged', () => {
  const valid: [string, unknown][] = [
    ['the empty domain', []],
    ['one leaf', [['state', '=', 'sale']]],
    [
      'implicit & between top-level terms',
      [
        ['state', '=', 'sale'],
        ['amount_total', '>', 100],
      ],
    ],
    ['explicit &', ['&', ['a', '=', 1], ['b', '=', 2]]],
    ['the shape from the brief', ['&', ['a', '=', 1], '|', ['b', '=', 2], ['c', '=', 3]]],
    ['a & followed by more terms than it takes', ['&', ['a', '=', 1], ['b', '=', 2], ['c', '=', 3]]],
    ['nested prefix operators', ['|', '!', ['a', '=', 1], '&', ['b', '=', 2], ['c', '=', 3]]],
    ['double negation', ['!', '!', ['a', '=', 1]]],
    [
      'dotted paths as in the recordings',
      [
        ['id', '>', 0],
        ['location_id.usage', '=', 'internal'],
      ],
    ],
    ['a deep dotted path', [['partner_id.country_id.code', '=', 'BE']]],
    ['the true and false leaves', ['|', [1, '=', 1], [0, '=', 1]]],
    ['a nested any', [['order_line', 'any', ['|', ['qty', '>', 1], ['product_id.type', '=', 'consu']]]]],
    [
      'null and false values',
      [
        ['date_done', '=', null],
        ['carrier_id', '!=', false],
      ],
    ],
  ];
  for (const [what, d] of valid) {
    it(what, () => {
      expect(validateDomain(d)).toBe(d);
      expect(isValidDomain(d)).toBe(true);
    });
  }
});

describe('validateDomain refuses malformed domains, naming the reason and the index', () => {
  it('refuses a domain that is not a list', () => {
    const error = expectRefused({ state: 'sale' }, 'not-a-list', []);
    expect(error.index).toBeNull();
    expectRefused('state = sale', 'not-a-list', []);
    expectRefused(null, 'not-a-list', []);
  });

  it("refuses '&' with one term", () => {
    const error = expectRefused(['&', ['a', '=', 1]], 'missing-operands', [0]);
    expect(error.message).toContain("'&' takes 2 terms but only 1 follows it");
  });
  it("refuses '|' with no term", () => {
    expectRefused([['a', '=', 1], '|'], 'missing-operands', [1]);
  });
  it("refuses '!' with no term", () => {
    expectRefused(['!'], 'missing-operands', [0]);
  });
  it('names the innermost operator left without enough terms', () => {
    expectRefused(['&', ['a', '=', 1], '|', ['b', '=', 2]], 'missing-operands', [2]);
    expectRefused(['|', '&', ['a', '=', 1], ['b', '=', 2]], 'missing-operands', [0]);
  });
  it('refuses an unknown prefix operator', () => {
    expectRefused(['AND', ['a', '=', 1], ['b', '=', 2]], 'unknown-operator', [0]);
  });
  it('refuses an unknown leaf operator and suggests the right one', () => {
    expect(
      expectRefused(
        [
          ['a', '=', 1],
          ['state', '<>', 'cancel'],
        ],
        'unknown-operator',
        [1],
      ).message,
    ).toContain("use '!='");
    expect(expectRefused([['state', 'IN', ['a']]], 'unknown-operator', [0]).message).toContain("'in'");
    expectRefused([['state', 'between', [1, 2]]], 'unknown-operator', [0]);
    expectRefused([['state', 5, 1]], 'unknown-operator', [0]);
  });
  it("refuses 'in' and 'not in' without a list", () => {
    expectRefused([['state', 'in', 'sale']], 'list-required', [0]);
    expectRefused(
      [
        ['a', '=', 1],
        ['id', 'not in', 7],
      ],
      'list-required',
      [1],
    );
  });
  it("refuses 'any' and 'not any' without a domain", () => {
    expectRefused([['order_line', 'any', 5]], 'domain-required', [0]);
    expectRefused(['!', ['order_line', 'not any', { product_id: 1 }]], 'domain-required', [1]);
  });
  it("checks the sub-domain of 'any' and gives the full path to the fault", () => {
    const error = expectRefused(
      [
        ['state', '=', 'sale'],
        [
          'order_line',
          'any',
          [
            ['qty', '>', 1],
            ['', '=', 1],
          ],
        ],
      ],
      'empty-field',
      [1, 2, 1],
    );
    expect(error.index).toBe(1);
    expect(error.message).toContain('domain[1][2][1]');
    expectRefused([['order_line', 'any', ['|', ['qty', '>', 1]]]], 'missing-operands', [0, 2, 0]);
  });
  it('refuses an empty field name or an empty path segment', () => {
    expectRefused([['', '=', 1]], 'empty-field', [0]);
    expectRefused([['  ', '=', 1]], 'empty-field', [0]);
    expectRefused([['partner_id..code', '=', 1]], 'empty-field', [0]);
    expectRefused([['partner_id.', '=', 1]], 'empty-field', [0]);
    expectRefused([['.code', '=', 1]], 'empty-field', [0]);
  });
  it('refuses leaves of the wrong length or with a non-string field', () => {
    expectRefused([['state', '=']], 'malformed-leaf', [0]);
    expectRefused([['state', '=', 1, 2]], 'malformed-leaf', [0]);
    expectRefused([[null, '=', 1]], 'malformed-leaf', [0]);
    expectRefused([[1, '=', 2]], 'malformed-leaf', [0]);
  });
  it('refuses items that are neither operators nor leaves', () => {
    expectRefused([['a', '=', 1], 42], 'malformed-term', [1]);
    expectRefused([{ field: 'a' }], 'malformed-term', [0]);
  });
  it('refuses an undefined value', () => {
    expectRefused([['a', '=', undefined]], 'missing-value', [0]);
  });
  it('never puts a value from the domain in the message', () => {
    const error = refused(() => validateDomain([['email', 'in', 'secret@example.com']]));
    expect(error.message).not.toContain('secret');
    expect(error.message).toMatch(/^Invalid domain: term 0 \(domain\[0\]\): 'in' needs a list/);
  });
  it('is a real Error with a name, recognised by isInvalidDomainError', () => {
    const error = refused(() => validateDomain(['!']));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('InvalidDomainError');
    expect(isInvalidDomainError(error)).toBe(true);
    expect(isInvalidDomainError(new Error('x'))).toBe(false);
  });
});

describe('normalizeDomain makes the implicit & explicit', () => {
  it('leaves the empty domain and a single leaf alone', () => {
    expect(normalizeDomain([])).toEqual([]);
    expect(normalizeDomain([['a', '=', 1]])).toEqual([['a', '=', 1]]);
  });
  it('joins top-level terms with & in front, as Odoo does', () => {
    expect(
      normalizeDomain([
        ['a', '=', 1],
        ['b', '=', 2],
        ['c', '=', 3],
      ]),
    ).toEqual(['&', '&', ['a', '=', 1], ['b', '=', 2], ['c', '=', 3]]);
    expect(normalizeDomain(['&', ['a', '=', 1], '|', ['b', '=', 2], ['c', '=', 3]])).toEqual([
      '&',
      ['a', '=', 1],
      '|',
      ['b', '=', 2],
      ['c', '=', 3],
    ]);
    expect(normalizeDomain(['|', ['a', '=', 1], ['b', '=', 2], ['c', '=', 3]])).toEqual([
      '&',
      '|',
      ['a', '=', 1],
      ['b', '=', 2],
      ['c', '=', 3],
    ]);
  });
  it("normalises inside 'any' sub-domains", () => {
    expect(
      normalizeDomain([
        [
          'order_line',
          'any',
          [
            ['a', '=', 1],
            ['b', '=', 2],
          ],
        ],
      ]),
    ).toEqual([['order_line', 'any', ['&', ['a', '=', 1], ['b', '=', 2]]]]);
  });
  it('refuses a malformed domain', () => {
    expect(() => normalizeDomain(['|', ['a', '=', 1]])).toThrow(InvalidDomainError);
  });
  it('does not modify its input', () => {
    const input: Domain = [
      ['a', '=', 1],
      ['b', '=', 2],
    ];
    normalizeDomain(input);
    expect(input).toEqual([
      ['a', '=', 1],
      ['b', '=', 2],
    ]);
  });
});

describe('the builder', () => {
  const a = where('a', '=', 1);
  const b = where('b', '=', 2);
  const c = where('c', '=', 3);

  it('where builds a one-leaf domain and leaf a bare leaf', () => {
    expect(where('partner_id.country_id.code', '=', 'BE')).toEqual([
      ['partner_id.country_id.code', '=', 'BE'],
    ]);
    expect(domain.leaf('state', 'in', ['sale'])).toEqual(['state', 'in', ['sale']]);
  });
  it('and / or put the prefix operators in front', () => {
    expect(domain.and(a, b, c)).toEqual(['&', '&', ['a', '=', 1], ['b', '=', 2], ['c', '=', 3]]);
    expect(domain.or(a, domain.and(b, c))).toEqual(['|', ['a', '=', 1], '&', ['b', '=', 2], ['c', '=', 3]]);
  });
  it('accepts bare leaves and whole domains as terms, normalising the domains', () => {
    expect(
      domain.or(
        ['a', '=', 1],
        [
          ['b', '=', 2],
          ['c', '=', 3],
        ],
      ),
    ).toEqual(['|', ['a', '=', 1], '&', ['b', '=', 2], ['c', '=', 3]]);
  });
  it('not negates one term', () => {
    expect(domain.not(['state', '=', 'cancel'])).toEqual(['!', ['state', '=', 'cancel']]);
    expect(domain.not(domain.or(a, b))).toEqual(['!', '|', ['a', '=', 1], ['b', '=', 2]]);
  });
  it('handles the true and false domains like Odoo’s AND/OR', () => {
    expect(domain.and()).toEqual([]);
    expect(domain.or()).toEqual([FALSE_LEAF]);
    expect(domain.and(a, [])).toEqual(a);
    expect(domain.and(a, domain.none())).toEqual([FALSE_LEAF]);
    expect(domain.or(a, [])).toEqual([]);
    expect(domain.or(a, [TRUE_LEAF])).toEqual([]);
    expect(domain.or(a, domain.none())).toEqual(a);
    expect(domain.not(domain.all())).toEqual([FALSE_LEAF]);
    expect(domain.not(domain.none())).toEqual([]);
  });
  it('refuses malformed input before any request, naming the argument', () => {
    const error = refused(() => domain.and(a, ['&', ['x', '=', 1]] as unknown as Domain));
    expect(error.reason).toBe('missing-operands');
    expect(error.argument).toBe(2);
    expect(error.path).toEqual([0]);
    expect(error.message).toContain('argument 2');
    const leafError = refused(() => domain.or(a, b, ['state', 'in', 'sale'] as unknown as DomainLeaf));
    expect(leafError.reason).toBe('list-required');
    expect(leafError.argument).toBe(3);
    expect(leafError.path).toEqual([]);
    expect(refused(() => domain.not(7 as unknown as Domain)).reason).toBe('not-a-list');
  });
  it('refuses malformed leaves in where and leaf', () => {
    expect(refused(() => where('', '=', 1)).reason).toBe('empty-field');
    expect(refused(() => where('state', 'in', 'sale' as never)).reason).toBe('list-required');
    expect(refused(() => domain.leaf('order_line', 'any', 3 as never)).reason).toBe('domain-required');
    expect(refused(() => where('state', '<>' as Operator, 1)).reason).toBe('unknown-operator');
  });
  it('builds any sub-domains from other builders', () => {
    expect(domain.and(a, where('order_line', 'any', domain.and(b, c)))).toEqual([
      '&',
      ['a', '=', 1],
      ['order_line', 'any', ['&', ['b', '=', 2], ['c', '=', 3]]],
    ]);
  });
});

describe('typed domains', () => {
  interface SaleOrder {
    id: number;
    state: 'draft' | 'sent' | 'sale' | 'cancel';
    partner_id: [number, string] | false;
    amount_total: number;
  }
  interface SaleOrderLine {
    product_id: [number, string];
    product_uom_qty: number;
  }

  it('restricts field names to the record’s keys, allowing dotted paths', () => {
    const so = domainFor<SaleOrder>();
    const line = domainFor<SaleOrderLine>();
    const d = so.and(
      so.where('state', '=', 'sale'),
      so.where('partner_id.country_id.code', '=', 'BE'),
      so.where('order_line' as 'id', 'any', line.where('product_uom_qty', '>', 1)),
    );
    expect(validateDomain(d)).toBe(d);
    expectTypeOf(d).toEqualTypeOf<Domain<SaleOrder>>();
    expectTypeOf<FieldPath<SaleOrder>>().toEqualTypeOf<
      | 'id'
      | 'state'
      | 'partner_id'
      | 'amount_total'
      | `${'id' | 'state' | 'partner_id' | 'amount_total'}.${string}`
    >();
    const literal: Domain<SaleOrder> = ['|', ['state', '=', 'sale'], ['partner_id.name', 'ilike', 'gemini']];
    expect(isValidDomain(literal)).toBe(true);

    // Compile-time checks only: this function is type-checked (pnpm typecheck) but never run.
    const compileOnly = () => {
      // @ts-expect-error 'nope' is not a field of SaleOrder
      so.where('nope', '=', 1);
      // @ts-expect-error a dotted path must start with a field of SaleOrder
      so.where('nope.name', '=', 1);
      // @ts-expect-error 'in' needs a list
      so.where('state', 'in', 'sale');
      // @ts-expect-error 'any' needs a domain
      so.where('partner_id', 'any', 1);
      // @ts-expect-error not an operator
      so.where('state', '<>', 'sale');
      // @ts-expect-error a literal domain is checked too
      const wrong: Domain<SaleOrder> = [['nope', '=', 1]];
      return wrong;
    };
    expectTypeOf(compileOnly).toBeFunction();
  });

  it('accepts any field name without a record type', () => {
    expectTypeOf(where('anything.at.all', '=', 1)).toEqualTypeOf<Domain>();
    expectTypeOf<FieldPath>().toEqualTypeOf<string>();
  });

  it('types validateDomain: keeps a known type, narrows unknown input', () => {
    const d: Domain<SaleOrder> = [['state', '=', 'sale']];
    expectTypeOf(validateDomain(d)).toEqualTypeOf<Domain<SaleOrder>>();
    expectTypeOf(validateDomain<SaleOrder>(JSON.parse('[]') as unknown)).toEqualTypeOf<Domain<SaleOrder>>();
  });
});

// ---------------------------------------------------------------------------------------------------------
// Property-based tests. Leaves compare boolean variables so domains can be evaluated.

type Env = Readonly<Record<string, boolean>>;
const VARS = ['x0', 'x1', 'x2', 'x3'] as const;

/** Evaluates one prefix expression starting at `at`; returns its value and the next index. */
function evalAt(d: Domain, at: number, env: Env): [boolean, number] {
  const token = d[at];
  if (token === undefined) throw new Error('ran out of tokens');
  if (token === '!') {
    const [v, next] = evalAt(d, at + 1, env);
    return [!v, next];
  }
  if (token === '&' || token === '|') {
    const [l, mid] = evalAt(d, at + 1, env);
    const [r, next] = evalAt(d, mid, env);
    return [token === '&' ? l && r : l || r, next];
  }
  const [field, , value] = token;
  if (field === 1) return [true, at + 1];
  if (field === 0) return [false, at + 1];
  return [env[field] === value, at + 1];
}

/** Odoo semantics: top-level expressions joined by an implicit &; [] is true. */
function evaluate(d: Domain, env: Env): boolean {
  let result = true;
  for (let at = 0; at < d.length; ) {
    const [v, next] = evalAt(d, at, env);
    result &&= v;
    at = next;
  }
  return result;
}

/** Odoo's own arity check from normalize_domain, as the reference for validity. */
function odooArityOk(tokens: readonly unknown[]): boolean {
  let expected = 1;
  for (const token of tokens) {
    if (expected === 0) expected = 1;
    if (Array.isArray(token)) expected -= 1;
    else expected += token === '!' ? 0 : 1;
  }
  return tokens.length === 0 || expected === 0;
}

const leafArb: fc.Arbitrary<DomainLeaf> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...VARS), fc.constant('=' as const), fc.boolean()) },
  { weight: 1, arbitrary: fc.constant(TRUE_LEAF) },
  { weight: 1, arbitrary: fc.constant(FALSE_LEAF) },
);

/** Domains built only through the builder, as a tree of and/or/not/where calls. */
const builtArb = fc.letrec<{ node: Domain }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb.map((l) => [l] as Domain),
    fc.array(tie('node'), { maxLength: 4 }).map((terms) => domain.and(...terms)),
    fc.array(tie('node'), { maxLength: 4 }).map((terms) => domain.or(...terms)),
    tie('node').map((t) => domain.not(t)),
  ),
})).node;

/** Hand-written valid domains: several prefix expressions side by side (implicit &). */
const exprArb = fc.letrec<{ expr: Domain }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb.map((l) => [l] as Domain),
    tie('expr').map((e) => ['!', ...e] as Domain),
    fc
      .tuple(fc.constantFrom('&' as const, '|' as const), tie('expr'), tie('expr'))
      .map(([op, l, r]) => [op, ...l, ...r] as Domain),
  ),
})).expr;
const implicitArb = fc.array(exprArb, { maxLength: 4 }).map((parts) => parts.flat() as Domain);

const envArb = fc.record({ x0: fc.boolean(), x1: fc.boolean(), x2: fc.boolean(), x3: fc.boolean() });

describe('properties', () => {
  it('any domain built by the builder validates and is already normalised', () => {
    fc.assert(
      fc.property(builtArb, (d) => {
        expect(validateDomain(d)).toBe(d);
        expect(normalizeDomain(d)).toEqual(d);
      }),
    );
  });

  it('normalisation is idempotent and keeps the domain valid', () => {
    fc.assert(
      fc.property(fc.oneof(builtArb, implicitArb), (d) => {
        const once = normalizeDomain(d);
        expect(isValidDomain(once)).toBe(true);
        expect(normalizeDomain(once)).toEqual(once);
      }),
    );
  });

  it('normalisation keeps the meaning and yields a single expression', () => {
    fc.assert(
      fc.property(implicitArb, envArb, (d, env) => {
        const n = normalizeDomain(d);
        expect(evaluate(n, env)).toBe(evaluate(d, env));
        if (n.length > 0) expect(evalAt(n, 0, env)[1]).toBe(n.length);
      }),
    );
  });

  it('and / or / not mean what they say', () => {
    fc.assert(
      fc.property(fc.array(builtArb, { maxLength: 4 }), envArb, (terms, env) => {
        const values = terms.map((t) => evaluate(t, env));
        expect(evaluate(domain.and(...terms), env)).toBe(values.every(Boolean));
        expect(evaluate(domain.or(...terms), env)).toBe(values.some(Boolean));
        for (const [i, t] of terms.entries()) expect(evaluate(domain.not(t), env)).toBe(!values[i]);
      }),
    );
  });

  it('a token sequence is valid exactly when Odoo’s prefix arity works out', () => {
    const tokenArb = fc.oneof(fc.constantFrom('&' as const, '|' as const, '!' as const), leafArb);
    fc.assert(
      fc.property(fc.array(tokenArb, { maxLength: 10 }), (tokens) => {
        expect(isValidDomain(tokens)).toBe(odooArityOk(tokens));
        if (!odooArityOk(tokens)) {
          const error = refused(() => validateDomain(tokens));
          expect(error.reason).toBe('missing-operands');
          expect(['&', '|', '!']).toContain(tokens[error.index ?? -1]);
        }
      }),
    );
  });
});
