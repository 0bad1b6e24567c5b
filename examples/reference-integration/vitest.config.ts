import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'reference-integration', include: ['test/**/*.test.ts'] },
});
