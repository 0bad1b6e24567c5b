import { defineConfig } from 'tsup';
import { crossdockPreset } from '../../tsup.preset.ts';

export default defineConfig(
  crossdockPreset({
    entry: { index: 'src/index.ts', redis: 'src/redis/index.ts', postgres: 'src/postgres/index.ts' },
    external: ['ioredis', 'pg'],
  }),
);
