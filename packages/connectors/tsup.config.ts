import { defineConfig } from 'tsup';
import { crossdockPreset } from '../../tsup.preset.ts';

export default defineConfig(
  crossdockPreset({
    entry: {
      index: 'src/index.ts',
      odoo: 'src/odoo/index.ts',
      shipbob: 'src/shipbob/index.ts',
      easypost: 'src/easypost/index.ts',
      shopify: 'src/shopify/index.ts',
      webhooks: 'src/webhooks/index.ts',
    },
  }),
);
