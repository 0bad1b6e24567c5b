import type { Options } from 'tsup';

/**
 * The build every published package shares: ESM only (Node >= 22 can `require()` it),
 * type declarations, source maps, one file per entry point.
 *
 * @example
 * export default defineConfig(crossdockPreset({ entry: { index: 'src/index.ts' } }));
 */
export function crossdockPreset(options: Pick<Options, 'entry'> & Partial<Options>): Options {
  return {
    format: ['esm'],
    target: 'node22',
    platform: 'node',
    dts: true,
    sourcemap: true,
    clean: true,
    // Shared chunks: one copy of each error class across entry points, so `instanceof` and the
    // `is…Error` guards work whichever subpath threw.
    splitting: true,
    treeshake: true,
    ...options,
  };
}
