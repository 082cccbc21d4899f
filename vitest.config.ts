import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The theme's .tsx (rendered with react-dom/server by some tests): tsconfig says `jsx: preserve` for Docusaurus.
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default for a run is one worker fewer than the cores: one on a 2-core machine, where many tests
    // wait on child processes, browsers and worker threads.
    maxWorkers: '100%',
  },
});
