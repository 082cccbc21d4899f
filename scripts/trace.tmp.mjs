import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { CHROMIUM_ARGS, findChromium } from './browser.mjs';
import { serveBuild } from './serve-build.mjs';
const [dir, port, pagePath] = process.argv.slice(2);
const server = await serveBuild(dir, Number(port));
const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
for (let run = 0; run < 2; run++) {
const context = await browser.newContext();
const page = await context.newPage();
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'] });
await page.goto(`http://localhost:${port}${pagePath}`, { waitUntil: 'load' });
await page.waitForSelector('html[data-has-hydrated="true"]');
await page.waitForLoadState('networkidle');
const buf = await browser.stopTracing();
const events = JSON.parse(buf.toString()).traceEvents;
const main = events.filter((e) => e.name === 'RunTask' && e.dur > 50000);
console.log('--- run', run);
for (const task of main) {
  const inside = events.filter((e) => e.tid === task.tid && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur && e.dur > 5000 && e !== task);
  console.log(`task ${(task.dur / 1000).toFixed(0)}ms:`, inside.map((e) => `${e.name}${e.args?.data?.url ? '(' + e.args.data.url.split('/').pop() + ')' : ''}${e.args?.data?.functionName ? '[' + e.args.data.functionName + ']' : ''} ${(e.dur / 1000).toFixed(0)}`).slice(0, 12).join(' | '));
}
await context.close();
}
await browser.close(); server.kill();
