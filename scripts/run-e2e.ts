// Runs the Playwright suite against the production build, with the Chromium findChromium() picks.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium, NO_BROWSER_MESSAGE } from './browser';
import { isMain } from './lib/main';

async function main(): Promise<void> {
  const chromium = await findChromium();
  if (!chromium) {
    console.error(NO_BROWSER_MESSAGE);
    process.exit(1);
  }
  if (!existsSync('build/index.html')) {
    console.error('No production build in build/: run `npm run build` first (npm test does).');
    process.exit(1);
  }
  const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: chromium },
  });
  process.exit(result.status ?? 1);
}

if (isMain(__filename)) void main();
