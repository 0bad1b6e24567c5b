import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config/schema.ts';
import { demoCommand } from './demo.ts';
import { dlqCommand } from './dlq.ts';
import { reconcileCommand } from './reconcile.ts';
import { releaseCommand } from './release.ts';
import { runCommand } from './run.ts';
import { statusCommand } from './status.ts';
import { syncCommand } from './sync.ts';
import { traceCommand } from './trace.ts';

/** What a command gets: its arguments, flags, the configuration (read on demand) and output. */
export interface CommandContext {
  readonly args: readonly string[];
  readonly flags: Readonly<Record<string, string | boolean | undefined>>;
  config(): Config;
  /** A result line (stdout). */
  out(line: string): void;
  /** A progress line (stderr, rewritten in place on a terminal). */
  progress(line: string): void;
}

export interface Command {
  readonly summary: string;
  readonly options?: NonNullable<ParseArgsConfig['options']>;
  run(context: CommandContext): Promise<number>;
}

export const COMMANDS: Readonly<Record<string, Command>> = {
  run: runCommand,
  release: releaseCommand,
  sync: syncCommand,
  reconcile: reconcileCommand,
  dlq: dlqCommand,
  trace: traceCommand,
  status: statusCommand,
  demo: demoCommand,
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(
    ([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`,
  );
  return `usage: crossdock <command> [options]\n\n${lines.join('\n')}\n\nConfiguration comes from environment variables (ODOO_URL, …) and an optional JSON file (CROSSDOCK_CONFIG).\n`;
}
