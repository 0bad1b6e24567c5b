import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'canonical', include: ['test/**/*.test.ts'] },
});
