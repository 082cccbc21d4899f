import {
  expect,
  type BrowserContext,
  type ConsoleMessage,
  type Page,
  type Request,
  type Response,
} from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  /** Requests made while watching that have not ended yet. */
  inFlight(): number;
  /** Ends the recording. */
  stop(): void;
}

/** Starts recording console errors, page errors and failed or 4xx/5xx requests of `page`. */
export function watchPage(page: Page): PageProblems {
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];
  // Only requests made while watching: one an earlier document left in flight (a favicon, say) is aborted by
  // the next navigation, which is not a failure of the page being watched.
  const made = new WeakSet<Request>();
  const pending = new Set<Request>();
  const listeners = {
    console: (message: ConsoleMessage) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    },
    pageerror: (error: Error) => consoleErrors.push(`uncaught: ${error.message}`),
    request: (request: Request) => {
      made.add(request);
      pending.add(request);
    },
    requestfinished: (request: Request) => pending.delete(request),
    requestfailed: (request: Request) => {
      pending.delete(request);
      if (made.has(request)) failedRequests.push(`${request.url()} (${request.failure()?.errorText})`);
    },
    response: (response: Response) => {
      if (response.status() >= 400) failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
    },
  };
  page.on('console', listeners.console);
  page.on('pageerror', listeners.pageerror);
  page.on('request', listeners.request);
  page.on('requestfinished', listeners.requestfinished);
  page.on('requestfailed', listeners.requestfailed);
  page.on('response', listeners.response);
  return {
    consoleErrors,
    failedRequests,
    inFlight: () => pending.size,
    stop: () => {
      page.off('console', listeners.console);
      page.off('pageerror', listeners.pageerror);
      page.off('request', listeners.request);
      page.off('requestfinished', listeners.requestfinished);
      page.off('requestfailed', listeners.requestfailed);
      page.off('response', listeners.response);
    },
  };
}

/** Loads `path`, waits for React to hydrate, and returns what went wrong on the way. */
export async function visit(page: Page, path: string): Promise<PageProblems> {
  const problems = watchPage(page);
  await page.goto(path, { waitUntil: 'load' });
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true', { timeout: 20_000 });
  // Effects that run right after hydration, and what they load (route prefetches, say), until the page is idle.
  await settled(page, problems);
  return problems;
}

const idle = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1_000 })));

/** Waits until the page's main thread is idle with no request of it in flight, twice in a row. */
async function settled(page: Page, problems: PageProblems): Promise<void> {
  for (let quiet = 0; quiet < 2;) {
    await idle(page);
    quiet = problems.inFlight() === 0 ? quiet + 1 : 0;
    if (quiet === 0) await page.waitForTimeout(20);
  }
}

export async function expectCleanPage(page: Page, path: string): Promise<void> {
  const problems = await visit(page, path);
  expectNoProblems(problems, path);
}

function expectNoProblems(problems: PageProblems, path: string): void {
  expect(problems.consoleErrors, `console errors on ${path}`).toEqual([]);
  expect(problems.failedRequests, `failed requests on ${path}`).toEqual([]);
}

/**
 * Visits each path in turn, in one tab, runs `check` on it after the clean-page checks, and returns a line for
 * each path that failed. One tab for all: a new tab per page starts a new renderer process each time, which made
 * a page cost three times as much.
 */
export async function failuresAcrossPages(
  context: BrowserContext,
  paths: string[],
  check: (page: Page, path: string) => Promise<void> = async () => {},
): Promise<string[]> {
  const failures: string[] = [];
  let page = await context.newPage();
  for (const path of paths) {
    let problems: PageProblems | undefined;
    try {
      problems = await visit(page, path);
      expectNoProblems(problems, path);
      await check(page, path);
    } catch (error) {
      failures.push(`${path}: ${(error as Error).message.split('\n').slice(0, 4).join(' ')}`);
      // A fresh tab, so that nothing of a failed page carries over to the next.
      await page.close();
      page = await context.newPage();
    } finally {
      problems?.stop();
    }
  }
  await page.close();
  return failures;
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
  // Legacy mode runs axe in the page itself; the default opens a blank tab to merge results across origins, which
  // doubled each run's time here, and the site has no iframe from another origin to merge.
  const results = await new AxeBuilder({ page }).setLegacyMode().analyze();
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
