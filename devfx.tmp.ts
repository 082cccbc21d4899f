import { chromium } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import { startDevServer } from './tests/e2e-dev/dev-server';
(async () => {
  const t0 = Date.now();
  const server = await startDevServer({ siteDir: process.cwd(), specsDir: '/tmp/fxdev', port: 3177, timeoutMs: 900_000 });
  console.log('dev server ready in', (Date.now() - t0) / 1000, 's');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  await page.goto(server.url + '/reference/get_profiles', { timeout: 300_000 });
  await page.waitForSelector('html[data-has-hydrated="true"]', { timeout: 300_000 });
  await page.waitForTimeout(15000);
  for (const marker of ['Edited Once', 'Edited Twice', 'Edited Thrice']) {
    const file = '/tmp/fxdev/2026-07-15/openapi.json';
    const spec = JSON.parse(readFileSync(file, 'utf8'));
    spec.paths['/api/profiles'].get.summary = `Get Profiles ${marker}`;
    const started = Date.now();
    writeFileSync(file, JSON.stringify(spec, null, 2));
    await page.locator('main h1').first().filter({ hasText: marker }).waitFor({ timeout: 120_000 });
    console.log(`edit visible after ${(Date.now() - started) / 1000} s`);
    await page.waitForTimeout(10000);
  }
  console.log(server.output().split('\n').filter((l) => /Redoc markup|Artifacts|compiled/.test(l)).slice(-9).join('\n'));
  await browser.close();
  await server.stop();
})();
