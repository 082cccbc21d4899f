// What `npm run bench` measures of `docusaurus start`: how long an edit of one operation takes to show in
// the page a reader has open (the budget is 5 s on the 3 MB fixture).
import type { Browser } from '@playwright/test';
import { startDevServer } from './lib/dev-server';

export interface DevReloadFigures {
  /** From `docusaurus start` to its first "compiled successfully". */
  readySeconds: number;
  /** Each edit, from the write to the new text in the open page's h1. */
  reloadSeconds: number[];
}

/**
 * Starts the dev server on `specsDir`, opens `pagePath`, then `edits` times calls `edit(marker)` (which must
 * put the marker into the page's h1) and waits for the marker to show. Edits are apart by `pauseMs`, so the
 * work each reload defers (the artifacts) is done before the next.
 */
export async function measureDevReload(options: {
  siteDir: string;
  specsDir: string;
  port: number;
  browser: Browser;
  pagePath: string;
  edit: (marker: string) => void;
  edits?: number;
  pauseMs?: number;
}): Promise<DevReloadFigures> {
  const { edits = 3, pauseMs = 10_000 } = options;
  const started = Date.now();
  const server = await startDevServer({ ...options, timeoutMs: 900_000 });
  const readySeconds = (Date.now() - started) / 1000;
  const page = await options.browser.newPage();
  try {
    await page.goto(server.url + options.pagePath, { timeout: 300_000 });
    await page.waitForSelector('html[data-has-hydrated="true"]', { timeout: 300_000 });
    await page.waitForTimeout(pauseMs);
    const reloadSeconds: number[] = [];
    for (let index = 1; index <= edits; index++) {
      const marker = `Reload ${index} at ${Date.now()}`;
      const written = Date.now();
      options.edit(marker);
      await page.locator('main h1').first().filter({ hasText: marker }).waitFor({ timeout: 120_000 });
      reloadSeconds.push((Date.now() - written) / 1000);
      await page.waitForTimeout(pauseMs);
    }
    return { readySeconds, reloadSeconds };
  } finally {
    await page.close();
    await server.stop();
  }
}
