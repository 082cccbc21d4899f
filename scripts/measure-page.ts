// Loads a page in a fresh browser context (cold cache) and measures it in Chromium: bytes
// downloaded until the network is idle (prefetches included), DOM nodes, total blocking time (long
// tasks over 50 ms) and JS heap. Used by `npm run bench` and the scale test.
import type { Browser } from '@playwright/test';

export interface PageFigures {
  bytes: number;
  domNodes: number;
  tbt: number;
  heapMb: number;
}

declare global {
  interface Window {
    __longTasks: number[];
  }
}

export async function measurePage(browser: Browser, url: string): Promise<PageFigures> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => (bytes += event.encodedDataLength));
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('html[data-has-hydrated="true"]', { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const { domNodes, tbt } = await page.evaluate(() => ({
    domNodes: document.getElementsByTagName('*').length,
    tbt: window.__longTasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
  }));
  const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await context.close();
  return { bytes, domNodes, tbt: Math.round(tbt), heapMb: heap / 1024 / 1024 };
}
