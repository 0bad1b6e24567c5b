#!/usr/bin/env node
// Runs a root script after making sure the workspace is installed, on any Node >= 18 with npm.
//
// `npm run demo` and `npm test` start here. The machine may have neither pnpm nor Node 22, so:
//   1. pnpm comes from the repo itself: the `pnpm` devDependency once installed, and before that
//      `npx pnpm@<the same pinned version>` (corepack is not relied on).
//   2. Node 24 comes from the `node` devDependency, which puts a real binary in node_modules/.bin;
//      pnpm puts that folder first on PATH for every script, so the packages run on Node 24.
// Plain JavaScript with no dependencies on purpose: it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const script = process.argv[2];
if (!script) {
  console.error('usage: node scripts/dev.mjs <root script> [args...]');
  process.exit(2);
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = manifest.devDependencies.pnpm;
const localPnpm = join(root, 'node_modules', '.bin', 'pnpm');

/** Runs a command in the repo root with inherited output; exits with its code when it fails. */
function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.error) {
    console.error(`crossdock: could not start ${command}: ${result.error.message}`);
    process.exit(1);
  }
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function pnpm(args) {
  if (existsSync(localPnpm)) run(localPnpm, args);
  else run('npx', ['--yes', `pnpm@${pnpmVersion}`, ...args]);
}

// CI installs exactly the lockfile; a developer's install may update it after editing a manifest.
const installArgs = ['install', process.env.CI ? '--frozen-lockfile' : '--prefer-offline'];
console.log(`crossdock: installing the workspace with pnpm ${pnpmVersion} (${installArgs.join(' ')})`);
pnpm(installArgs);

pnpm(['run', script, ...process.argv.slice(3)]);
