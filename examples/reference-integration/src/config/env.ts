import type { Config } from './schema.ts';
import { ENVIRONMENT } from './schema.ts';

/**
 * The environment variables that configure a service like `config`: the inverse of `loadConfig`,
 * for starting `crossdock` as a child process (the crash tests, the soak bench).
 *
 * @example spawn('node', ['src/cli/main.ts', 'run'], { env: { ...process.env, ...toEnvironment(config) } });
 */
export function toEnvironment(config: Config): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, path] of Object.entries(ENVIRONMENT)) {
    let value: unknown = config;
    for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
    if (value === undefined) continue;
    env[name] =
      name === 'CROSSDOCK_ROUTING'
        ? Object.entries(value as Record<string, string>)
            .map(([warehouse, target]) => `${warehouse}=${target}`)
            .join(',')
        : Array.isArray(value)
          ? value.join(',')
          : String(value);
  }
  return env;
}
