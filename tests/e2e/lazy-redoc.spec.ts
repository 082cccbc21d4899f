import { expect, test, type Page } from '@playwright/test';
import { visit } from './support';

// Operation pages show the build's Redoc markup; Redoc's code (and Try it's) arrives on the first interaction.

/** Text that only Redoc's own code holds (its Markdown block's class name). */
const REDOC_CODE = 'redoc-markdown';
/** Text that only Try it's code holds: its shell's no-JavaScript notice, and the panel's chunk name. */
const TRY_IT_CODE = 'try-it-no-js';
const TRY_IT_CHUNK = /\/assets\/js\/try-it\.[0-9a-f]+\.js$/;
const MIDDLE = '.redocusaurus-operation > div > div > div:first-child';
const SAMPLES = '.redocusaurus-operation > div > div > div:nth-child(2)';

interface Scripts {
  urls: string[];
  /** URLs of the scripts loaded so far whose code contains `text`. */
  holding(text: string): Promise<string[]>;
}

function watchScripts(page: Page): Scripts {
  const bodies = new Map<string, Promise<string>>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') {
      bodies.set(
        response.url(),
        response.text().catch(() => ''),
      );
    }
  });
  return {
    get urls() {
      return [...bodies.keys()];
    },
    async holding(text) {
      const entries = await Promise.all([...bodies].map(async ([url, body]) => [url, await body] as const));
      return entries.filter(([, body]) => body.includes(text)).map(([url]) => url);
    },
  };
}

/** Layout shifts since the page started, all of them (with or without recent input). */
async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: number[] = [];
    (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
const cumulativeShift = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { layoutShifts: number[] }).layoutShifts.reduce((sum, value) => sum + value, 0),
  );

const staticMarkup = (page: Page) => page.locator('[data-redoc-markup]');

test.use({ viewport: { width: 1280, height: 500 } });

test('an operation page loads no Redoc and no Try it code until the reader needs them', async ({ page }) => {
  const scripts = watchScripts(page);
  const problems = await visit(page, '/reference/get_profiles');
  await page.waitForTimeout(500);
  expect(await scripts.holding(REDOC_CODE)).toEqual([]);
  expect(await scripts.holding(TRY_IT_CODE)).not.toEqual([]);
  expect(scripts.urls.filter((url) => TRY_IT_CHUNK.test(url))).toEqual([]);
  await expect(staticMarkup(page)).toHaveCount(1);
  expect(problems.consoleErrors).toEqual([]);
});

test('tag and landing pages load no Redoc, no Try it and no operation page code, even when scrolled', async ({
  page,
}) => {
  const scripts = watchScripts(page);
  for (const pagePath of ['/reference', '/reference/profiles', '/reference/v2026-04-15/profiles']) {
    const problems = await visit(page, pagePath);
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(300);
    expect(problems.consoleErrors, pagePath).toEqual([]);
  }
  expect(await scripts.holding(REDOC_CODE)).toEqual([]);
  expect(await scripts.holding(TRY_IT_CODE)).toEqual([]);
  expect(scripts.urls.filter((url) => TRY_IT_CHUNK.test(url))).toEqual([]);
});

test('clicking a folded schema row loads Redoc, and that row ends up expanded, with no layout shift', async ({
  page,
}) => {
  await recordLayoutShifts(page);
  const scripts = watchScripts(page);
  const problems = await visit(page, '/reference/create_campaign');
  const middle = page.locator(MIDDLE);
  await expect(middle.getByText('included', { exact: true })).toHaveCount(0);
  const shiftBefore = await cumulativeShift(page);
  await middle.getByRole('button', { name: 'expand audiences' }).first().click();
  await expect(middle.getByText('included', { exact: true }).first()).toBeVisible();
  await expect(staticMarkup(page)).toHaveCount(0);
  expect(await scripts.holding(REDOC_CODE)).not.toEqual([]);
  // The row's own expansion is a shift the reader asked for; everything else stays put.
  expect(shiftBefore).toBeLessThanOrEqual(0.01);
  expect(problems.consoleErrors).toEqual([]);
});

test('Redoc arrives without moving anything: CLS over the load and the first interaction stays under 0.01', async ({
  page,
}) => {
  await recordLayoutShifts(page);
  const scripts = watchScripts(page);
  await visit(page, '/reference/create_campaign');
  // Clicking the tab that is already selected changes nothing by itself: any shift would be the swap's.
  const selected = page.locator(SAMPLES).getByRole('tab', { name: 'curl' });
  await expect(selected).toHaveAttribute('aria-selected', 'true');
  await selected.click();
  await expect(staticMarkup(page)).toHaveCount(0);
  expect(await scripts.holding(REDOC_CODE)).not.toEqual([]);
  await page.waitForTimeout(500);
  expect(await cumulativeShift(page)).toBeLessThanOrEqual(0.01);
});

test('clicking a second sample tab loads Redoc and selects that tab', async ({ page }) => {
  const problems = await visit(page, '/reference/get_profiles');
  const samples = page.locator(SAMPLES);
  const python = samples.getByRole('tab', { name: 'Python' });
  await expect(python).toHaveAttribute('aria-selected', 'false');
  await python.click();
  await expect(staticMarkup(page)).toHaveCount(0);
  await expect(python).toHaveAttribute('aria-selected', 'true');
  await expect(samples.getByRole('tabpanel', { name: 'Python' })).toContainText('klaviyo');
  expect(problems.consoleErrors).toEqual([]);
});

test('Expand all loads Redoc and expands everything; Collapse all folds it back', async ({ page }) => {
  const scripts = watchScripts(page);
  await visit(page, '/reference/create_campaign');
  const middle = page.locator(MIDDLE);
  expect(await scripts.holding(REDOC_CODE)).toEqual([]);
  await page.getByTestId('expand-all').click();
  await expect(middle.getByText('included', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('expand-all')).toHaveText('Collapse all');
  expect(await scripts.holding(REDOC_CODE)).not.toEqual([]);
  await page.getByTestId('expand-all').click();
  await expect(middle.getByText('channel', { exact: true })).toHaveCount(0);
});

test('in dark mode the markup has the dark theme before Redoc loads, and keeps it once Redoc is live', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await visit(page, '/reference/create_campaign');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const colourOf = (text: string) =>
    page
      .locator(MIDDLE)
      .getByText(text, { exact: true })
      .first()
      .evaluate((element) => getComputedStyle(element).color);
  const staticColour = await colourOf('channel');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const lightColour = await colourOf('channel');
  expect(staticColour).not.toBe(lightColour);

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  await page.locator(SAMPLES).getByRole('tab', { name: 'curl' }).click();
  await expect(staticMarkup(page)).toHaveCount(0);
  expect(await colourOf('channel')).toBe(staticColour);
});

test('with JavaScript off an operation page shows its parameters, request body, responses and samples', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/reference/create_campaign');
  const middle = page.locator(MIDDLE);
  await expect(middle.getByText('revision', { exact: true }).first()).toBeVisible();
  for (const attribute of ['name', 'channel', 'audiences']) {
    await expect(middle.getByText(attribute, { exact: true }).first()).toBeVisible();
  }
  await expect(middle.getByRole('button', { name: /^201 / })).toBeVisible();
  const samples = page.locator(SAMPLES);
  await expect(samples.getByRole('tabpanel').first()).toContainText('curl --request POST');
  await expect(samples).toContainText('"Summer Sale Launch"');
  await context.close();
});
