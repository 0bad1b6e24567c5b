/**
 * One field as `fields_get` describes it (the attributes the codegen asks for).
 *
 * @example
 * const partnerId: FieldDescription = {
 *   type: 'many2one', string: 'Customer', required: true, readonly: false, relation: 'res.partner',
 * };
 */
export interface FieldDescription {
  /** Odoo field type: `char`, `many2one`, `selection`, … Unknown types are read as `unknown`. */
  readonly type: string;
  /** The field's label, e.g. `'Customer'`. */
  readonly string?: string;
  readonly required?: boolean;
  readonly readonly?: boolean;
  /** The related model of a relational field, e.g. `'res.partner'`. */
  readonly relation?: string;
  /** `[value, label]` pairs of a selection field. */
  readonly selection?: readonly (readonly [string | number | boolean, string])[];
  readonly store?: boolean;
}

/** The answer of `fields_get` for one model: field name → description. */
export type FieldsGetResult = Readonly<Record<string, FieldDescription>>;

/**
 * What `generateModels` reads.
 *
 * @example
 * const input: GenerateInput = { version: '18.0', models: { 'res.partner': { name: { type: 'char' } } } };
 */
export interface GenerateInput {
  /** The server version the descriptions came from, e.g. `'18.0'`; written into the header. */
  readonly version: string;
  /** Model name → its `fields_get` answer. */
  readonly models: Readonly<Record<string, FieldsGetResult>>;
}

/**
 * How `generateModels` writes its output.
 *
 * @example
 * const options: GenerateOptions = { fileName: 'odoo18.generated.ts', command: 'crossdock-odoo codegen --from-file f.json' };
 */
export interface GenerateOptions {
  /** Name of the emitted file. Default `'models.generated.ts'`. */
  readonly fileName?: string;
  /** The command that produced the file, written into the header. Default `'crossdock-odoo codegen'`. */
  readonly command?: string;
  /**
   * Whether readonly fields may appear in the `…Values` (write/create) types. Default `false`: only
   * fields the server marks writable, e.g. `state` is left out.
   */
  readonly includeReadonlyInValues?: boolean;
  /**
   * The most values a selection may have and still be typed as a literal union; longer ones (the
   * 600 time zones of `res.partner.tz`) are typed `string`. Default `50`.
   */
  readonly maxSelectionUnion?: number;
}

/** The output: file path (relative to the output directory) → contents. */
export interface GeneratedFiles {
  readonly files: Readonly<Record<string, string>>;
}
