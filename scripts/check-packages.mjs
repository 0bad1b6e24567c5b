// Packs every published workspace package exactly as `pnpm publish` would, then checks the tarball
// with publint (package.json and exports) and Are the Types Wrong (types resolve for every entry).
// Private packages are skipped: they are not published.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (command, args, cwd = root) => execFileSync(command, args, { cwd, stdio: 'inherit' });

const packages = readdirSync(join(root, 'packages'))
  .map((name) => join(root, 'packages', name))
  .filter((dir) => !JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).private);

const out = mkdtempSync(join(tmpdir(), 'crossdock-pack-'));
try {
  for (const [index, dir] of packages.entries()) {
    const { name } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    console.log(`check-packages [${index + 1}/${packages.length}] ${name}`);
    const before = new Set(readdirSync(out));
    run(bin('pnpm'), ['pack', '--pack-destination', out], dir);
    const tarball = readdirSync(out).find((file) => !before.has(file));
    if (!tarball) throw new Error(`pnpm pack wrote no tarball for ${name}`);
    run(bin('publint'), ['run', join(out, tarball), '--strict']);
    // ESM only on purpose (Node >= 22 can require() it), so CommonJS resolution is not checked.
    run(bin('attw'), [join(out, tarball), '--profile', 'esm-only', '--format', 'table-flipped']);
  }
  console.log(`check-packages: ${packages.length} published package(s) pass publint and attw`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
