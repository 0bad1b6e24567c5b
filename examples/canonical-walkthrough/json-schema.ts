import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * Validates documents against the JSON Schema files shipped in `@crossdock/canonical/json-schema/`,
 * the way a partner who does not write TypeScript would. Throws with ajv's errors on a mismatch.
 */
export function createSchemaValidator(): (file: string, document: unknown) => void {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return (file, document) => {
    const url = import.meta.resolve(`@crossdock/canonical/json-schema/${file}`);
    const schema = JSON.parse(readFileSync(new URL(url), 'utf8')) as { $id: string };
    const validate = ajv.getSchema(schema.$id) ?? ajv.compile(schema);
    if (!validate(document)) throw new Error(`${file}: ${ajv.errorsText(validate.errors)}`);
  };
}
