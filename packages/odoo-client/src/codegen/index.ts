export { FetchFieldsError, FIELD_ATTRIBUTES, fetchFieldsGet, type LiveSource } from './fetch-fields.js';
export { readType, writeType, zodExpression } from './field-types.js';
export { generateModels } from './generate.js';
export { modelTypeName } from './naming.js';
export { parseFieldsGetDocument, readFieldsGetFile } from './read-fields-get-file.js';
export type {
  FieldDescription,
  FieldsGetResult,
  GeneratedFiles,
  GenerateInput,
  GenerateOptions,
} from './types.js';
