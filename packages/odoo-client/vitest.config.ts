import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'odoo-client', include: ['test/**/*.test.ts'] },
});
