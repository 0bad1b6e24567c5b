import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'idempotency',
    include: ['test/**/*.test.ts'],
    // Store tests share one PostgreSQL and one Redis; each file uses its own schema and key prefix.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
