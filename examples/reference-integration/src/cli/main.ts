import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/load.ts';
import { COMMANDS, type CommandContext, usage } from './commands.ts';

/** Exit codes: 0 done, 1 the command found a problem (a failed check, a variance), 2 bad usage or configuration. */
async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (command === undefined) {
    process.stderr.write(usage());
    return name === undefined || name === 'help' || name === '--help' ? 0 : 2;
  }
  const { values, positionals } = parseArgs({
    args: [...rest],
    options: command.options ?? {},
    allowPositionals: true,
  });
  const context: CommandContext = {
    args: positionals,
    flags: values as CommandContext['flags'],
    config: () => loadConfig(process.env),
    out: (line) => process.stdout.write(`${line}\n`),
    progress: (line) => process.stderr.write(process.stderr.isTTY ? `\r${line}\u001b[K` : `${line}\n`),
  };
  return command.run(context);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(
      `crossdock: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
