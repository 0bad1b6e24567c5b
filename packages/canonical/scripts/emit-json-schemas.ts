// Writes the JSON Schema of every canonical document into dist/json-schema/, after tsup built dist/.
// Runs on Node >= 22.18 (type stripping); it imports the built package, so it ships what was tested.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jsonSchemas } from '../dist/index.js';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'json-schema');
const schemas = jsonSchemas();
for (const [path, schema] of Object.entries(schemas)) {
  const file = join(out, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
}
console.log(`json-schema: wrote ${Object.keys(schemas).length} schemas to dist/json-schema/`);
