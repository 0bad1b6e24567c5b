#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { fetchFieldsGet } from './codegen/fetch-fields.js';
import { generateModels } from './codegen/generate.js';
import { readFieldsGetFile } from './codegen/read-fields-get-file.js';
import type { GenerateInput } from './codegen/types.js';

/** Where the CLI writes and what it reads; injectable so tests need no process or network. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly fetch?: typeof fetch;
}

export const USAGE = `Usage:
  crossdock-odoo codegen --from-file <fields_get.json> --out <dir> [--file-name <name>] [--server-version <v>]
  crossdock-odoo codegen --url <url> --db <db> (--login <login> (--password-env <VAR> | --api-key-env <VAR>)
                         | --api-key-env <VAR>) --models a,b,c --out <dir> [--transport json-rpc|json-2]

Reads Odoo fields_get answers (a saved file: { model: fields_get }, { version, models } or recorded
exchanges; or a live server) and writes typed models with zod schemas to <dir>/<file-name>
(default models.generated.ts). Secrets are read only from the environment variables named.
With --login the server is read over /jsonrpc; with only --api-key-env over JSON-2 (Odoo 19+).
`;

const OPTIONS = {
  'from-file': { type: 'string' },
  url: { type: 'string' },
  db: { type: 'string' },
  login: { type: 'string' },
  'password-env': { type: 'string' },
  'api-key-env': { type: 'string' },
  models: { type: 'string' },
  out: { type: 'string' },
  'file-name': { type: 'string' },
  'server-version': { type: 'string' },
  transport: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

function quote(arg: string): string {
  return /^[\w./:,=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, "'\\''")}'`;
}

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function readSecret(values: Values, io: CliIo): { secret: string; kind: 'password' | 'api-key' } {
  const variable = values['password-env'] ?? values['api-key-env'];
  if (variable === undefined) throw new UsageError('--password-env or --api-key-env is required with --url');
  const secret = io.env[variable];
  if (secret === undefined || secret === '')
    throw new UsageError(`environment variable ${variable} is not set`);
  return { secret, kind: values['password-env'] !== undefined ? 'password' : 'api-key' };
}

async function readLive(values: Values, io: CliIo): Promise<GenerateInput> {
  const { url, db, login } = values;
  if (url === undefined) throw new UsageError('--url is required');
  const models = (values.models ?? '')
    .split(',')
    .map((model) => model.trim())
    .filter((model) => model !== '');
  if (models.length === 0) throw new UsageError('--models a,b,c is required with --url');
  const { secret, kind } = readSecret(values, io);
  const transport = values.transport ?? (login === undefined && kind === 'api-key' ? 'json-2' : 'json-rpc');
  if (transport !== 'json-rpc' && transport !== 'json-2')
    throw new UsageError('--transport is json-rpc or json-2');
  if (transport === 'json-rpc' && (db === undefined || login === undefined)) {
    throw new UsageError('--db and --login are required to read over /jsonrpc');
  }
  const erase = io.stderr.isTTY === true ? '\r\x1b[K' : '';
  const end = io.stderr.isTTY === true ? '' : '\n';
  const input = await fetchFieldsGet({
    url,
    transport,
    secret,
    models,
    ...(db === undefined ? {} : { db }),
    ...(login === undefined ? {} : { login }),
    ...(io.fetch === undefined ? {} : { fetch: io.fetch }),
    onProgress: (index, total, model) =>
      io.stderr.write(`${erase}fetching fields ${index}/${total} ${model}${end}`),
  });
  if (erase !== '') io.stderr.write(`${erase}`);
  return input;
}

async function codegen(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  if (values.help === true) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (values.out === undefined) throw new UsageError('--out <dir> is required');
  if ((values['from-file'] === undefined) === (values.url === undefined)) {
    throw new UsageError('give either --from-file or --url');
  }
  const fromFile = values['from-file'];
  const input =
    fromFile !== undefined ? await readFieldsGetFile(resolve(io.cwd, fromFile)) : await readLive(values, io);
  const version = values['server-version'] ?? input.version;
  const command = ['crossdock-odoo', 'codegen', ...args].map(quote).join(' ');
  const { files } = generateModels(
    { version, models: input.models },
    { command, fileName: values['file-name'] ?? 'models.generated.ts' },
  );
  const out = resolve(io.cwd, values.out);
  await mkdir(out, { recursive: true });
  for (const [name, contents] of Object.entries(files)) {
    await writeFile(join(out, name), contents);
    io.stderr.write(
      `wrote ${join(values.out, name)} (${Object.keys(input.models).length} models, Odoo ${version})\n`,
    );
  }
  return 0;
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and answers the exit code: 0 done,
 * 1 failed, 2 bad usage. Errors go to stderr as one line; secrets are never printed.
 *
 * @example
 * await main(['codegen', '--from-file', 'fields_get.json', '--out', 'src/models']);
 */
export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'codegen') return await codegen(rest, io);
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command ${command}`);
  } catch (error) {
    const usage =
      error instanceof UsageError || String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`crossdock-odoo: ${message}\n${usage ? `\n${USAGE}` : ''}`);
    return usage ? 2 : 1;
  }
}

function defaultIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/** Whether this module is the program being run (also through a `node_modules/.bin` symlink). */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = await main(process.argv.slice(2));
}
