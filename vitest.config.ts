import { defineConfig } from 'vitest/config';

// Each package with tests has its own vitest.config.ts; the root runs them all as projects.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'examples/*/vitest.config.ts'],
    reporters: ['default', './scripts/plain-summary-reporter.ts'],
  },
});
