import type { UnionMembers } from './field-types.js';

/** Biome's line width for this repository; the emitter writes code biome leaves unchanged. */
export const LINE_WIDTH = 110;

/**
 * A `key: type;` member of an interface, one union member a line when it does not fit, as biome does.
 *
 * @example
 * typeMember('  ', 'state', false, ["'draft'", 'null']); // "  state: 'draft' | null;"
 */
export function typeMember(indent: string, key: string, optional: boolean, members: UnionMembers): string {
  const head = `${indent}${key}${optional ? '?' : ''}:`;
  const line = `${head} ${members.join(' | ')};`;
  if (line.length <= LINE_WIDTH || members.length < 2) return line;
  const body = members.map(
    (member, index) => `${indent}  | ${member}${index === members.length - 1 ? ';' : ''}`,
  );
  return [head, ...body].join('\n');
}

/**
 * A `[a, b, c]` array literal, broken one element a line (with a trailing comma) when it does not fit
 * after `prefix` and before `suffix`.
 *
 * @example
 * arrayLiteral('export const names = ', ["'a'", "'b'"], ' as const;'); // "export const names = ['a', 'b'] as const;"
 */
export function arrayLiteral(
  prefix: string,
  elements: readonly string[],
  suffix: string,
  indent = '',
): string {
  const line = `${prefix}[${elements.join(', ')}]${suffix}`;
  if (line.length <= LINE_WIDTH) return line;
  return [`${prefix}[`, ...elements.map((element) => `${indent}  ${element},`), `${indent}]${suffix}`].join(
    '\n',
  );
}

/**
 * A JSDoc block: one line when it fits and has one line of text, else one line of text per line.
 *
 * @example
 * docComment('  ', ['Customer']); // '  /** Customer *\/'
 */
export function docComment(indent: string, lines: readonly string[]): string {
  const [first] = lines;
  if (lines.length === 1 && first !== undefined) return `${indent}/** ${first} */`;
  return [
    `${indent}/**`,
    ...lines.map((line) => (line === '' ? `${indent} *` : `${indent} * ${line}`)),
    `${indent} */`,
  ].join('\n');
}
