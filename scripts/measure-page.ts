// Loads a page in a fresh browser context (cold cache) and measures it in Chromium until the network is
// idle after hydration: bytes transferred (prefetches included) and what gzip would make of them, the
// JavaScript executed, DOM nodes, total blocking time (long tasks over 50 ms), cumulative layout shift
// and JS heap. Optionally with the CPU throttled (CDP) and with a first interaction after the load.
// Used by `npm run bench` and the scale test.
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from '@playwright/test';

export interface InteractionFigures {
  /** What was clicked (a CSS selector), or null when the page had nothing of the kind. */
  target: string | null;
  /** The click did what it should (e.g. the schema row opened). */
  completed: boolean;
  /** From the click until it had done so. */
  ms: number;
  /** Bytes transferred because of the interaction. */
  bytes: number;
  /** Decoded size of the scripts the interaction loaded (Redoc's, for a first click on an operation page). */
  jsBytes: number;
}

export interface PageFigures {
  /** Bytes transferred as served (`docusaurus serve` does not compress), up to the end of the load. */
  bytes: number;
  /** The same responses, each gzipped: what a compressing server would send. */
  gzipBytes: number;
  /** Decoded size of the scripts the page loaded to run (not prefetches), before any interaction. */
  jsBytes: number;
  domNodes: number;
  /** Total blocking time of the load, before any interaction. */
  tbt: number;
  /** Cumulative layout shift of the whole visit, the interaction included (shifts right after an input excluded, as CLS defines). */
  cls: number;
  heapMb: number;
  interaction?: InteractionFigures;
}

export interface MeasureOptions {
  /** CPU slowdown factor through CDP (`Emulation.setCPUThrottlingRate`); 1 = none. */
  cpuThrottlingRate?: number;
  /** A first interaction once the page is idle. */
  interact?: (page: Page) => Promise<Omit<InteractionFigures, 'bytes' | 'jsBytes'>>;
}

declare global {
  interface Window {
    __longTasks: number[];
    __layoutShift: number;
  }
}

interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
}

export async function measurePage(browser: Browser, url: string, options: MeasureOptions = {}): Promise<PageFigures> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (options.cpuThrottlingRate && options.cpuThrottlingRate > 1) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuThrottlingRate });
  }
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
  let jsBytes = 0;
  const bodies: Promise<number>[] = [];
  page.on('response', (response) => {
    const script = response.request().resourceType() === 'script';
    bodies.push(
      response.body().then(
        (body) => {
          if (script) jsBytes += body.length;
          return gzipSync(body).length;
        },
        () => 0, // redirects and aborted prefetches have no body
      ),
    );
  });
  await page.addInitScript(() => {
    window.__longTasks = [];
    window.__layoutShift = 0;
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LayoutShift[])
        if (!entry.hadRecentInput) window.__layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForSelector('html[data-has-hydrated="true"]', { timeout: 120_000 });
  await page.waitForLoadState('networkidle');
  const { domNodes, tbt } = await page.evaluate(() => ({
    domNodes: document.getElementsByTagName('*').length,
    tbt: window.__longTasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
  }));
  // What the load cost, before an interaction adds its own (which is reported apart).
  const loadGzipBytes = (await Promise.all(bodies)).reduce((sum, size) => sum + size, 0);
  const load = { bytes, jsBytes, gzipBytes: loadGzipBytes };
  let interaction: InteractionFigures | undefined;
  if (options.interact) {
    const result = await options.interact(page);
    await page.waitForLoadState('networkidle');
    await Promise.all(bodies);
    interaction = { ...result, bytes: bytes - load.bytes, jsBytes: jsBytes - load.jsBytes };
  }
  // Layout shifts are reported a frame late: let one pass.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
  const cls = await page.evaluate(() => window.__layoutShift);
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await context.close();
  return {
    ...load,
    domNodes,
    tbt: Math.round(tbt),
    cls,
    heapMb: heap / 1024 / 1024,
    ...(interaction ? { interaction } : {}),
  };
}

/** Redoc's button on a schema property that has nested properties. */
export const SCHEMA_ROW_BUTTON = 'button[aria-label^="expand "]';
/** The same buttons, expanded or not: their order is the same in the build's markup and in live Redoc. */
const ANY_SCHEMA_ROW_BUTTON = `${SCHEMA_ROW_BUTTON}, button[aria-label^="collapse "]`;

/**
 * Clicks the first collapsed schema row, if any, and waits until its nested properties show. Redoc
 * server-renders some rows expanded; an expanded row is followed by the row of its nested properties
 * (one cell spanning the table). The click may replace the build's markup with live Redoc, so the row
 * is found again by its position among the schema rows.
 */
export async function expandSchemaRow(page: Page): Promise<Omit<InteractionFigures, 'bytes' | 'jsBytes'>> {
  const index = await page.evaluate(
    (selector) =>
      Array.from(document.querySelectorAll(selector)).findIndex((button) => {
        const next = button.closest('tr')?.nextElementSibling;
        return !next?.querySelector(':scope > td[colspan]');
      }),
    ANY_SCHEMA_ROW_BUTTON,
  );
  if (index < 0) return { target: null, completed: false, ms: 0 };
  const button = () => page.locator(ANY_SCHEMA_ROW_BUTTON).nth(index);
  const expanded = () =>
    button().evaluate(
      (element) => !!element.closest('tr')?.nextElementSibling?.querySelector(':scope > td[colspan]'),
      undefined,
      { timeout: 1000 },
    );
  const started = Date.now();
  await button().click();
  let completed = false;
  while (!completed && Date.now() - started < 30_000) {
    completed = await expanded().catch(() => false);
    if (!completed) await page.waitForTimeout(25);
  }
  return { target: `the first collapsed ${SCHEMA_ROW_BUTTON}`, completed, ms: Date.now() - started };
}
