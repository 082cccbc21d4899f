import { expect, type Page, type Request } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
}

/** Starts recording console errors, page errors and failed or 4xx/5xx requests of `page`. */
export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], failedRequests: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.consoleErrors.push(`uncaught: ${error.message}`));
  // Only requests made while watching: one an earlier document left in flight (a favicon, say) is aborted by
  // the next navigation, which is not a failure of the page being watched.
  const made = new WeakSet<Request>();
  page.on('request', (request) => made.add(request));
  page.on('requestfailed', (request) => {
    if (made.has(request)) problems.failedRequests.push(`${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
  });
  return problems;
}

/** Loads `path`, waits for React to hydrate, and returns what went wrong on the way. */
export async function visit(page: Page, path: string): Promise<PageProblems> {
  const problems = watchPage(page);
  await page.goto(path, { waitUntil: 'load' });
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true', { timeout: 20_000 });
  // Effects that run right after hydration (and the requests they make).
  await page.waitForTimeout(250);
  return problems;
}

export async function expectCleanPage(page: Page, path: string): Promise<void> {
  const problems = await visit(page, path);
  expect(problems.consoleErrors, `console errors on ${path}`).toEqual([]);
  expect(problems.failedRequests, `failed requests on ${path}`).toEqual([]);
}

/** Splits `items` into `count` interleaved shards, so that each shard can be its own parallel test. */
export function shard<T>(items: T[], index: number, count: number): T[] {
  return items.filter((_, position) => position % count === index);
}

/** All page paths listed in the built sitemap. */
export async function sitemapPaths(baseURL: string): Promise<string[]> {
  const xml = await (await fetch(new URL('/sitemap.xml', baseURL))).text();
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
}

export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id}: ${violation.nodes
          .map((node) => node.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

export async function setColorMode(page: Page, mode: 'light' | 'dark'): Promise<void> {
  // The site follows the reader's system preference (respectPrefersColorScheme).
  await page.emulateMedia({ colorScheme: mode });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', mode);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
}
