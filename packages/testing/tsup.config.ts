import { defineConfig } from 'tsup';
import { crossdockPreset } from '../../tsup.preset.ts';

export default defineConfig(
  crossdockPreset({
    entry: { index: 'src/index.ts', contract: 'src/contract/index.ts' },
    external: ['msw', 'vitest'],
    // Two entries, no chunks: nothing can go stale, and tests importing dist never see it missing mid-build.
    clean: false,
  }),
);
