import { faults } from './faults.js';
import { pyTuple } from './pyrepr.js';
import { type Env, fieldOf, specOf } from './registry.js';
import type { Raw } from './store.js';
import { displayName, rawValue } from './values.js';

/** The comparison operators Odoo accepts in a domain leaf. */
export const OPERATORS = new Set([
  '=',
  '!=',
  '<>',
  '>',
  '>=',
  '<',
  '<=',
  '=?',
  'like',
  'not like',
  'ilike',
  'not ilike',
  '=like',
  '=ilike',
  'in',
  'not in',
  'child_of',
  'parent_of',
  'any',
  'not any',
]);

/** A record predicate compiled from a domain. */
export type Predicate = (rec: Raw) => boolean;

type Node =
  | { readonly kind: 'and' | 'or'; readonly a: Node; readonly b: Node }
  | { readonly kind: 'not'; readonly a: Node }
  | { readonly kind: 'leaf'; readonly leaf: readonly unknown[] }
  | { readonly kind: 'const'; readonly value: boolean };

function isLeaf(item: unknown): item is readonly unknown[] {
  return Array.isArray(item);
}

/** Parses a prefix-notation domain with implicit `&` between top-level terms. */
function parse(domain: readonly unknown[]): Node {
  let pos = 0;
  const term = (): Node => {
    const item = domain[pos++];
    if (item === '&' || item === '|') {
      const a = term();
      const b = term();
      return { kind: item === '&' ? 'and' : 'or', a, b };
    }
    if (item === '!') return { kind: 'not', a: term() };
    if (item === true || item === false) return { kind: 'const', value: item };
    if (isLeaf(item)) {
      if (item.length === 3 && (item[0] === 1 || item[0] === 0) && item[1] === '=' && item[2] === 1) {
        return { kind: 'const', value: item[0] === 1 };
      }
      return { kind: 'leaf', leaf: item };
    }
    throw faults.valueError(`Invalid domain term ${String(item)}`);
  };
  if (domain.length === 0) return { kind: 'const', value: true };
  let node = term();
  while (pos < domain.length) node = { kind: 'and', a: node, b: term() };
  return node;
}

function invalidOperator(env: Env, leaf: readonly unknown[]) {
  return env.version === 19
    ? faults.valueError(`Invalid operator in condition ${pyTuple(leaf)}`)
    : faults.valueError(`Invalid leaf ${pyTuple(leaf)}`);
}

function likeRegex(pattern: string, wrap: boolean, insensitive: boolean): RegExp {
  let body = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? '';
    if (ch === '\\' && i + 1 < pattern.length)
      body += (pattern[++i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (ch === '%' && !wrap) body += '.*';
    else if (ch === '_' && !wrap) body += '.';
    else body += ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(wrap ? body : `^${body}$`, insensitive ? 'is' : 's');
}

function isEmpty(value: unknown): boolean {
  return (
    value === false || value === null || value === undefined || (Array.isArray(value) && value.length === 0)
  );
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Ids of a relational leaf's right side: ids as given, names resolved through `ilike`. */
function resolveIds(env: Env, comodel: string, value: unknown): number[] {
  const out: number[] = [];
  for (const v of asList(value)) {
    if (typeof v === 'number') out.push(v);
    else if (typeof v === 'string') {
      const needle = v.toLowerCase();
      for (const rec of env.store.scan(comodel)) {
        if (displayName(env, comodel, rec).toLowerCase().includes(needle)) out.push(rec.id);
      }
    }
  }
  return out;
}

/** `ids` and all their descendants (`child_of`) or ancestors (`parent_of`) through `_parent_name`. */
function hierarchy(env: Env, comodel: string, ids: readonly number[], down: boolean): Set<number> {
  const parentName = specOf(env, comodel).parentName ?? 'parent_id';
  const result = new Set(ids);
  const all = env.store.scan(comodel);
  let changed = true;
  while (changed) {
    changed = false;
    for (const rec of all) {
      const parent = rec[parentName];
      if (down && typeof parent === 'number' && result.has(parent) && !result.has(rec.id)) {
        result.add(rec.id);
        changed = true;
      }
      if (!down && result.has(rec.id) && typeof parent === 'number' && !result.has(parent)) {
        result.add(parent);
        changed = true;
      }
    }
  }
  return result;
}

function compareScalar(op: string, value: unknown, right: unknown): boolean {
  switch (op) {
    case '=':
      if (isEmpty(right)) return isEmpty(value) || value === 0;
      return value === right;
    case '!=':
    case '<>':
      if (isEmpty(right)) return !isEmpty(value);
      return value !== right;
    case '=?':
      return isEmpty(right) ? true : value === right;
    case '>':
    case '>=':
    case '<':
    case '<=': {
      if (isEmpty(value) && typeof value !== 'number') return false;
      if (right === false || right === null) return false;
      const a = value as number | string;
      const b = right as number | string;
      if (op === '>') return a > b;
      if (op === '>=') return a >= b;
      if (op === '<') return a < b;
      return a <= b;
    }
    case 'like':
    case 'ilike':
    case '=like':
    case '=ilike': {
      if (isEmpty(value)) return false;
      return likeRegex(String(right), !op.startsWith('='), op.includes('ilike')).test(String(value));
    }
    case 'not like':
    case 'not ilike':
      if (isEmpty(value)) return true;
      return !likeRegex(String(right), true, op === 'not ilike').test(String(value));
    case 'in': {
      const list = asList(right);
      if (isEmpty(value)) return list.includes(false) || list.includes(null);
      return list.includes(value);
    }
    case 'not in': {
      const list = asList(right);
      if (isEmpty(value)) return !(list.includes(false) || list.includes(null));
      return !list.includes(value);
    }
    default:
      return false;
  }
}

/**
 * Compiles a domain for `model` into a predicate, validating fields and operators first and
 * raising the `ValueError`s Odoo raises for them.
 */
export function compileDomain(env: Env, model: string, domain: unknown): Predicate {
  if (domain === undefined || domain === null || domain === false) return () => true;
  if (!Array.isArray(domain)) throw faults.valueError(`Invalid domain ${String(domain)}`);
  const node = parse(domain);
  return compileNode(env, model, node);
}

function compileNode(env: Env, model: string, node: Node): Predicate {
  switch (node.kind) {
    case 'const':
      return () => node.value;
    case 'not': {
      const a = compileNode(env, model, node.a);
      return (r) => !a(r);
    }
    case 'and':
    case 'or': {
      const a = compileNode(env, model, node.a);
      const b = compileNode(env, model, node.b);
      return node.kind === 'and' ? (r) => a(r) && b(r) : (r) => a(r) || b(r);
    }
    case 'leaf':
      return compileLeaf(env, model, node.leaf);
  }
}

function compileLeaf(env: Env, model: string, leaf: readonly unknown[]): Predicate {
  const [left, rawOp, right] = leaf;
  if (leaf.length !== 3 || typeof left !== 'string' || typeof rawOp !== 'string')
    throw invalidOperator(env, leaf);
  const op = rawOp.toLowerCase();
  if (!OPERATORS.has(op)) throw invalidOperator(env, leaf);
  const [head = '', ...rest] = left.split('.');
  const field = fieldOf(env, model, head);
  if (!field) throw faults.valueError(`Invalid field ${model}.${head} in leaf ${pyTuple(leaf)}`);
  const relational =
    field.relation !== undefined && ['many2one', 'one2many', 'many2many'].includes(field.type);
  const idsOf = (rec: Raw): number[] => {
    const v = rawValue(env, model, rec, head);
    if (Array.isArray(v)) return v.filter((x): x is number => typeof x === 'number');
    return typeof v === 'number' ? [v] : [];
  };
  // Dotted path or any / not any: evaluate on the related records.
  if ((rest.length > 0 || op === 'any' || op === 'not any') && relational && field.relation) {
    const comodel = field.relation;
    const sub =
      rest.length > 0
        ? compileLeaf(env, comodel, [rest.join('.'), rawOp, right])
        : compileDomain(env, comodel, right);
    const anyMatch = (rec: Raw) =>
      idsOf(rec).some((id) => {
        const target = env.store.get(comodel, id);
        return target !== undefined && sub(target);
      });
    return op === 'not any' ? (rec) => !anyMatch(rec) : anyMatch;
  }
  if (rest.length > 0) throw faults.valueError(`Invalid field ${model}.${left} in leaf ${pyTuple(leaf)}`);
  if (op === 'child_of' || op === 'parent_of') {
    const comodel = head === 'id' ? model : (field.relation ?? model);
    const matchIds = hierarchy(env, comodel, resolveIds(env, comodel, right), op === 'child_of');
    if (head === 'id') return (rec) => matchIds.has(rec.id);
    return (rec) => idsOf(rec).some((id) => matchIds.has(id));
  }
  if (relational && field.relation) {
    const comodel = field.relation;
    const stringy =
      typeof right === 'string' || (Array.isArray(right) && right.some((v) => typeof v === 'string'));
    if (
      ['like', 'ilike', '=like', '=ilike', 'not like', 'not ilike'].includes(op) ||
      (stringy && op !== '=?')
    ) {
      // Compare on the related records' display names.
      return (rec) => {
        const names = idsOf(rec).map((id) => {
          const t = env.store.get(comodel, id);
          return t ? displayName(env, comodel, t) : false;
        });
        if (op.startsWith('not') || op === '!=' || op === '<>') {
          const positive = op === 'not in' ? 'in' : op === '!=' || op === '<>' ? '=' : op.slice(4);
          return !names.some((n) => compareScalar(positive, n, right));
        }
        if (names.length === 0) return compareScalar(op, false, right);
        return names.some((n) => compareScalar(op, n, right));
      };
    }
    if (field.type !== 'many2one') {
      return (rec) => {
        const ids = idsOf(rec);
        switch (op) {
          case '=':
          case 'in':
            if (isEmpty(right) || (Array.isArray(right) && right.includes(false) && ids.length === 0)) {
              return ids.length === 0;
            }
            return ids.some((id) => asList(right).includes(id));
          case '!=':
          case '<>':
          case 'not in':
            if (isEmpty(right)) return ids.length > 0;
            return !ids.some((id) => asList(right).includes(id));
          default:
            return ids.some((id) => compareScalar(op, id, right));
        }
      };
    }
  }
  return (rec) => compareScalar(op, rawValue(env, model, rec, head), right);
}

/**
 * `AND` of domains in Odoo's normalized prefix form, as `read_group` builds `__domain`:
 * `[]` terms dropped, a single domain kept as is.
 */
export function andDomains(domains: readonly (readonly unknown[])[]): unknown[] {
  const parts = domains.filter((d) => d.length > 0).map((d) => normalize(d));
  if (parts.length === 0) return [];
  const out: unknown[] = [];
  for (let i = 1; i < parts.length; i++) out.push('&');
  for (const p of parts) out.push(...p);
  return out;
}

/** Adds the implicit `&` operators of a domain. */
export function normalize(domain: readonly unknown[]): unknown[] {
  let expected = 1;
  const out: unknown[] = [];
  for (const item of domain) {
    if (expected === 0) {
      out.unshift('&');
      expected = 1;
    }
    if (item === '&' || item === '|') expected += 1;
    else if (item !== '!') expected -= 1;
    out.push(item);
  }
  return out;
}
