import { defineConfig } from 'tsup';
import { crossdockPreset } from '../../tsup.preset.ts';

export default defineConfig(
  crossdockPreset({
    entry: { index: 'src/index.ts', contract: 'src/contract/index.ts' },
    external: ['msw', 'vitest'],
  }),
);
