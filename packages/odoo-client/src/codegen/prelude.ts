/**
 * The part every generated file starts with after its header: the zod import, the x2many command
 * type and the schema helpers the field schemas use. Written already formatted for biome.
 *
 * @example
 * const text = [header, PRELUDE].join('\n');
 */
export const PRELUDE = `import { z } from 'zod';

/**
 * One x2many write command: \`[0, 0, values]\` create, \`[1, id, values]\` update, \`[2, id]\` delete,
 * \`[3, id]\` unlink, \`[4, id]\` link, \`[5]\` unlink all, \`[6, 0, ids]\` replace with \`ids\`.
 */
export type X2ManyCommand<V = Record<string, unknown>> =
  | readonly [0, 0, V]
  | readonly [1, number, V]
  | readonly [2, number]
  | readonly [3, number]
  | readonly [4, number]
  | readonly [5]
  | readonly [6, 0, readonly number[]];

/** Odoo's empty value: \`false\` as sent, or \`null\` once normalised; parsed to \`null\`. */
const empty = z.union([z.null(), z.literal(false).transform(() => null)]);

/** \`schema\`, or Odoo's empty value parsed to \`null\`. */
function orNull<T extends z.ZodType>(schema: T) {
  return z.union([schema, empty]);
}

/** A many2one as sent (\`[id, name]\`) or normalised (\`{ id, name }\`), parsed to \`{ id, name } | null\`. */
const many2one = orNull(
  z.union([
    z.tuple([z.number(), z.string()]).transform(([id, name]) => ({ id, name })),
    z.object({ id: z.number(), name: z.string() }),
  ]),
);

/** A one2many or many2many: the related ids. */
const x2many = z.array(z.number());
`;
