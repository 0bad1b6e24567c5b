import { arrayLiteral, docComment, LINE_WIDTH, typeMember } from './emit.js';
import { readType, type SelectionLimit, selectionMembers, writeType, zodExpression } from './field-types.js';
import { commentText, modelTypeName, propertyKey, stringLiteral } from './naming.js';
import { PRELUDE } from './prelude.js';
import type {
  FieldDescription,
  FieldsGetResult,
  GeneratedFiles,
  GenerateInput,
  GenerateOptions,
} from './types.js';

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sortedFields(fields: FieldsGetResult): [string, FieldDescription][] {
  return Object.entries(fields).sort(([a], [b]) => byName(a, b));
}

function fieldDoc(field: FieldDescription, limit: SelectionLimit): string[] {
  const facts = [`\`${field.type}\``];
  if (field.relation !== undefined && field.relation !== '') facts[0] += ` → \`${field.relation}\``;
  if (field.required === true) facts.push('required');
  if (field.readonly === true) facts.push('readonly');
  const label = commentText(field.string ?? '');
  const lines = [`${label === '' ? '' : `${label} `}(${facts.join(', ')})`];
  const count = field.selection?.length ?? 0;
  if (field.type === 'selection' && count > limit && limit > 0) lines.push(`One of ${count} values.`);
  if (field.type === 'selection' && count > 0 && count <= limit) {
    const values = (field.selection ?? []).map(
      ([value, text]) => `\`${String(value)}\` ${commentText(text)}`,
    );
    lines.push(`Values: ${values.join(', ')}.`);
  }
  return lines;
}

function isWritable(field: FieldDescription, options: GenerateOptions): boolean {
  return field.readonly !== true || options.includeReadonlyInValues === true;
}

function recordInterface(model: string, fields: FieldsGetResult, limits: SelectionLimit): string {
  const name = modelTypeName(model);
  const members = sortedFields(fields).map(([key, field]) =>
    [
      docComment('  ', fieldDoc(field, limits)),
      typeMember('  ', propertyKey(key), false, readType(field, limits)),
    ].join('\n'),
  );
  return [
    `/** A \`${model}\` record as read through the client (normalised). */`,
    `export interface ${name} {`,
    ...members,
    '}',
  ].join('\n');
}

function valuesInterfaces(
  model: string,
  fields: FieldsGetResult,
  generated: ReadonlySet<string>,
  options: GenerateOptions,
  limits: SelectionLimit,
): string {
  const name = modelTypeName(model);
  const writable = sortedFields(fields).filter(([, field]) => isWritable(field, options));
  const member = (key: string, field: FieldDescription, optional: boolean): string => {
    const members = writeType(field, generated, limits).filter((type) => optional || type !== 'false');
    return [docComment('  ', fieldDoc(field, 0)), typeMember('  ', propertyKey(key), optional, members)].join(
      '\n',
    );
  };
  const values = [
    `/** Values to \`write\` on \`${model}\`: every writable field, optional; \`false\` clears a value. */`,
    `export interface ${name}Values {`,
    ...writable.map(([key, field]) => member(key, field, true)),
    '}',
  ].join('\n');
  const required = writable.filter(([, field]) => field.required === true && field.readonly !== true);
  const createDoc = `/** Values to \`create\` a \`${model}\`: the fields the server requires are required. */`;
  const create =
    required.length === 0
      ? [createDoc, `export type ${name}CreateValues = ${name}Values;`].join('\n')
      : [
          createDoc,
          `export interface ${name}CreateValues extends ${name}Values {`,
          ...required.map(([key, field]) => member(key, field, false)),
          '}',
        ].join('\n');
  return [values, create].join('\n\n');
}

/** `prefix + z.literal([...]) + suffix`, the array one element a line when it does not fit. */
function literalCall(prefix: string, members: readonly string[], suffix: string, indent: string): string {
  return arrayLiteral(`${prefix}z.literal(`, members, `)${suffix}`, indent);
}

/** One schema property, wrapped the way biome wraps a long `z.literal([...])`. */
function schemaMember(key: string, field: FieldDescription, limit: SelectionLimit): string {
  const line = `  ${key}: ${zodExpression(field, limit)},`;
  const members = selectionMembers(field, limit);
  if (line.length <= LINE_WIDTH || field.type !== 'selection' || members[0] === 'string') return line;
  if (field.required === true) return literalCall(`  ${key}: `, members, ',', '  ');
  return [`  ${key}: orNull(`, literalCall('    ', members, ',', '    '), '  ),'].join('\n');
}

function schemaConst(model: string, fields: FieldsGetResult, limit: SelectionLimit): string {
  const name = modelTypeName(model);
  const members = sortedFields(fields).map(([key, field]) => schemaMember(propertyKey(key), field, limit));
  return [
    `/** Parses a \`${model}\` record as sent by Odoo or normalised into {@link ${name}}. */`,
    `export const ${name}Schema = z.object({`,
    ...members,
    `}) satisfies z.ZodType<${name}>;`,
  ].join('\n');
}

function modelMap(doc: string, name: string, models: readonly string[], suffix: string): string {
  const members = models.map((model) => `  ${stringLiteral(model)}: ${modelTypeName(model)}${suffix};`);
  return [`/** ${doc} */`, `export interface ${name} {`, ...members, '}'].join('\n');
}

/**
 * Generates TypeScript model types and zod schemas from `fields_get` answers. Pure and deterministic:
 * models and fields are sorted by name, and nothing depends on the clock or the environment.
 *
 * Per model it emits a record interface as read in normalised mode, a `…Values` interface for `write`,
 * a `…CreateValues` type for `create` and a `…Schema` (zod); then the `OdooModels`,
 * `OdooModelValues` and `OdooModelCreateValues` maps, `modelSchemas` and `modelNames`.
 *
 * @example
 * const { files } = generateModels(
 *   { version: '18.0', models: { 'res.partner': { name: { type: 'char', string: 'Name', required: true } } } },
 *   { fileName: 'odoo18.generated.ts' },
 * );
 * files['odoo18.generated.ts']; // 'export interface ResPartner { … name: string; … }'
 */
export function generateModels(input: GenerateInput, options: GenerateOptions = {}): GeneratedFiles {
  const models = Object.keys(input.models).sort(byName);
  const generated = new Set(models);
  const limits = options.maxSelectionUnion ?? 50;
  const command = options.command ?? 'crossdock-odoo codegen';
  const header = [
    '// This file is generated: do not edit it by hand.',
    `// Source: \`fields_get\` of ${models.length} models on Odoo ${commentText(input.version)}.`,
    `// Command: ${commentText(command)}`,
    '',
  ].join('\n');
  const sections = models.map((model) => {
    const fields = input.models[model] ?? {};
    return [
      `// ${model}`,
      recordInterface(model, fields, limits),
      valuesInterfaces(model, fields, generated, options, limits),
      schemaConst(model, fields, limits),
    ].join('\n\n');
  });
  const quoted = models.map((model) => stringLiteral(model));
  const footer = [
    `/** The Odoo version these models were generated from. */\nexport const serverVersion = ${stringLiteral(input.version)};`,
    modelMap('Model name → record type as read.', 'OdooModels', models, ''),
    modelMap('Model name → values type for `write`.', 'OdooModelValues', models, 'Values'),
    modelMap('Model name → values type for `create`.', 'OdooModelCreateValues', models, 'CreateValues'),
    [
      '/** Model name → zod schema of its record. */',
      'export const modelSchemas = {',
      ...models.map((model) => `  ${stringLiteral(model)}: ${modelTypeName(model)}Schema,`),
      '} as const;',
    ].join('\n'),
    `/** The generated model names, sorted. */\n${arrayLiteral('export const modelNames = ', quoted, ' as const;')}`,
    '/** One of the generated model names. */\nexport type ModelName = (typeof modelNames)[number];',
  ];
  const text = `${[header, PRELUDE, ...sections, ...footer].join('\n\n')}\n`.replace(/\n{3,}/g, '\n\n');
  return { files: { [options.fileName ?? 'models.generated.ts']: text } };
}
