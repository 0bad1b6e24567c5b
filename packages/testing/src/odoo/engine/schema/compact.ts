/** A model's field definitions as stored in the generated schema files. */
export type CompactField = readonly [
  type: string,
  string: string,
  flags: number,
  extra?: string | readonly (readonly [string, string])[],
];

/** `{ model: { field: CompactField } }`. */
export type CompactSchema = Readonly<Record<string, Readonly<Record<string, CompactField>>>>;
