import { defineConfig } from 'vitest/config';

/** Full production builds of throwaway site copies, each broken on purpose: slow, so a suite of their own. */
export default defineConfig({
  test: {
    include: ['tests/build-guards/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
