import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { type Config, ConfigSchema, ENVIRONMENT } from './schema.ts';

/** The configuration is missing or wrong; `problems` names every setting, never a value. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.problems = problems;
  }
}

const ENV_BY_PATH = new Map(Object.entries(ENVIRONMENT).map(([name, path]) => [path.join('.'), name]));

function set(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    node[key] = typeof next === 'object' && next !== null ? next : {};
    node = node[key] as Record<string, unknown>;
  }
  node[path.at(-1) as string] = value;
}

/** "SHIPBOB_TOKEN (shipbob.token): required", naming the variable a user would set. */
function describe(issue: z.core.$ZodIssue, input: Record<string, unknown>): string {
  const path = issue.path.map(String).join('.');
  const variable =
    ENV_BY_PATH.get(path) ?? [...ENV_BY_PATH].find(([known]) => path.startsWith(`${known}.`))?.[1];
  const where = variable === undefined ? path || '(root)' : `${variable} (${path})`;
  let given: unknown = input;
  for (const key of issue.path) given = (given as Record<PropertyKey, unknown> | undefined)?.[key];
  // A custom rule at a set path (Odoo's "API key or password") keeps its own message.
  const message = given === undefined && issue.code !== 'custom' ? 'required' : issue.message;
  return `${where}: ${message}`;
}

/**
 * Reads the configuration from an optional JSON file (`CROSSDOCK_CONFIG` or `file`) and the
 * environment, which wins, and validates it. Throws a `ConfigError` naming every missing or wrong
 * setting at once.
 *
 * @example
 * const config = loadConfig(process.env);
 */
export function loadConfig(env: NodeJS.ProcessEnv, file = env.CROSSDOCK_CONFIG): Config {
  let input: Record<string, unknown> = {};
  if (file !== undefined && file !== '') {
    try {
      input = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError([`CROSSDOCK_CONFIG (${file}): ${(error as Error).message}`]);
    }
  }
  for (const [name, path] of Object.entries(ENVIRONMENT)) {
    const value = env[name];
    if (value !== undefined && value !== '') set(input, path, value);
  }
  // Required sections start empty, so a missing one is reported field by field (ODOO_URL, ODOO_DB, …).
  for (const section of ['odoo', 'shipbob']) input[section] ??= {};
  const result = ConfigSchema.safeParse(input);
  if (!result.success) throw new ConfigError(result.error.issues.map((issue) => describe(issue, input)));
  return result.data;
}
