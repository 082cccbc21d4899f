// Playwright against `docusaurus start` (npm run test:dev): the test starts its own dev server.
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/browser';

const chromium =
  process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((file) => existsSync(file));

export default defineConfig({
  testDir: './tests/e2e-dev',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: chromium,
      args: CHROMIUM_ARGS,
    },
  },
});
