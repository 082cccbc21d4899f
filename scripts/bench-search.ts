// `npx tsx scripts/bench-search.ts <build dir | http://host:port>` (or SEARCH_BENCH_TARGET=...): measures the offline
// search of a production build in Chromium, the way a reader meets it on a fresh visit:
//   search_index_bytes   bytes of search-index*.json the browser downloaded before the first result showed
//   search_ms_to_results time from pressing Ctrl+K and typing a query to the first result (median of cold runs,
//                        index download and parsing included)
// plus search_ms_to_results_warm (index already loaded) and search_index_loaded_on_page_load (must be 0).
// A build dir is served with `docusaurus serve`. bench.ts can import measureSearch() instead.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_BROWSER_MESSAGE } from './browser';
import { serveBuild } from './serve-build';
import { isMain } from './lib/main';
import { median } from './lib/bench';

const root = path.resolve(__dirname, '..');
const INDEX_URL = /\/search-index[^/]*\.json(\?|$)/;
const START_PAGE = '/docs/getting-started';
const COLD_QUERIES = ['get_profiles', '/api/profiles/{id}', 'pagination'];
const WARM_QUERY = 'code of conduct';

export interface SearchFigures {
  loadedOnPageLoad: number;
  indexBytes: number;
  indexFiles: number;
  msToResults: number;
  warmMs: number;
}

/** Enters `query` in the navbar search box and resolves with the ms until a result is listed. */
async function timeToResults(page: Page, query: string): Promise<number> {
  const input = page.locator('input.navbar__search-input');
  const started = await page.evaluate(() => performance.now());
  // One input event with the whole query, so the figure is the search's latency, not the typing speed.
  await input.fill(query);
  await page.locator('[role="listbox"] [role="option"]').first().waitFor({ state: 'visible', timeout: 60_000 });
  return (await page.evaluate(() => performance.now())) - started;
}

/** One fresh visit: no search-index request on load, then Ctrl+K, type, first result. */
async function coldRun(browser: Browser, baseUrl: string, query: string): Promise<SearchFigures> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // The plugin fetches its index from a Web Worker; Playwright reports worker requests on the page.
  const indexRequests: string[] = [];
  const indexSizes: Promise<number>[] = [];
  page.on('request', (request) => {
    if (INDEX_URL.test(request.url())) indexRequests.push(request.url());
  });
  page.on('requestfinished', (request) => {
    if (!INDEX_URL.test(request.url())) return;
    indexSizes.push(request.sizes().then((sizes) => sizes.responseBodySize + sizes.responseHeadersSize));
  });
  await page.goto(new URL(START_PAGE, baseUrl).href, { waitUntil: 'load' });
  await page.waitForSelector('html[data-has-hydrated="true"]', { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const loadedOnPageLoad = indexRequests.length;

  const started = await page.evaluate(() => performance.now());
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+k' : 'Control+k');
  const afterShortcut = await timeToResults(page, query);
  const shortcutMs = (await page.evaluate(() => performance.now())) - started - afterShortcut;
  // Results need the whole index, so every index request has finished by now (its event may still be queued).
  for (let i = 0; i < 50 && indexSizes.length < indexRequests.length; i++) await page.waitForTimeout(20);
  const bytesBeforeFirstResult = (await Promise.all(indexSizes)).reduce((sum, bytes) => sum + bytes, 0);

  // Warm: the index is in memory now.
  await page.locator('input.navbar__search-input').fill('');
  const warmMs = await timeToResults(page, WARM_QUERY);
  await context.close();
  return {
    loadedOnPageLoad,
    indexBytes: bytesBeforeFirstResult,
    indexFiles: indexRequests.length,
    msToResults: shortcutMs + afterShortcut,
    warmMs,
  };
}

/** Measures search on the site served at `baseUrl` with an already launched Chromium. */
export async function measureSearch(
  browser: Browser,
  baseUrl: string,
  runs = COLD_QUERIES.length,
): Promise<SearchFigures> {
  const results: SearchFigures[] = [];
  for (let i = 0; i < runs; i++) results.push(await coldRun(browser, baseUrl, COLD_QUERIES[i % COLD_QUERIES.length]!));
  return {
    indexBytes: Math.max(...results.map((result) => result.indexBytes)),
    indexFiles: Math.max(...results.map((result) => result.indexFiles)),
    msToResults: Math.round(median(results.map((result) => result.msToResults))),
    warmMs: Math.round(median(results.map((result) => result.warmMs))),
    loadedOnPageLoad: Math.max(...results.map((result) => result.loadedOnPageLoad)),
  };
}

async function main(): Promise<void> {
  const target = process.argv[2] ?? process.env.SEARCH_BENCH_TARGET ?? path.join(root, 'build');
  const executablePath = await findChromium();
  if (!executablePath) {
    console.error(NO_BROWSER_MESSAGE);
    process.exit(1);
  }
  let server: ChildProcess | null = null;
  let baseUrl = target;
  if (!/^https?:\/\//.test(target)) {
    const dir = path.resolve(target);
    if (!existsSync(path.join(dir, 'index.html'))) {
      console.error(`No production build in ${dir}: run \`npm run build\` first, or pass a build dir or URL.`);
      process.exit(1);
    }
    const port = Number(process.env.SEARCH_BENCH_PORT ?? 3950);
    server = await serveBuild(dir, port);
    baseUrl = `http://localhost:${port}/`;
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const figures = await measureSearch(browser, baseUrl);
    console.log(`search_index_bytes: ${figures.indexBytes}`);
    console.log(`search_ms_to_results: ${figures.msToResults}`);
    console.log(`search_ms_to_results_warm: ${figures.warmMs}`);
    console.log(`search_index_files: ${figures.indexFiles}`);
    console.log(`search_index_loaded_on_page_load: ${figures.loadedOnPageLoad}`);
  } finally {
    await browser.close();
    server?.kill();
  }
}

if (isMain(__filename)) void main();
