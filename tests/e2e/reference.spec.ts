import { expect, test } from '@playwright/test';
import path from 'node:path';
import { loadReferenceModel } from '../../src/plugins/api-reference/spec';
import { visit, watchPage } from './support';

const ROOT = path.join(__dirname, '../..');

test('operation HTML is server-rendered: readable with JavaScript off', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/reference/get_profiles');
  await expect(page).toHaveTitle(/^Get Profiles · GET \/api\/profiles/);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /profiles/i);
  await expect(page.getByTestId('endpoint')).toContainText('/api/profiles');
  await expect(page.getByTestId('operation-facts')).toContainText('revision: ');
  await expect(page.getByTestId('operation-facts')).toContainText('profiles:read');
  await expect(page.locator('.redocusaurus-operation')).toContainText('page[cursor]');
  // Redoc's CSS comes with the HTML: its samples panel already has its dark background (#1b2028).
  const panels = await page.evaluate(
    () =>
      Array.from(document.querySelectorAll('.redocusaurus-operation *')).filter(
        (element) => getComputedStyle(element).backgroundColor === 'rgb(27, 32, 40)',
      ).length,
  );
  expect(panels).toBeGreaterThan(0);
  await context.close();
});

test("Redoc's parts of an operation page are interactive once hydrated", async ({ page }) => {
  const problems = await visit(page, '/reference/get_profiles');
  const operation = page.locator('.redocusaurus-operation');
  const response = operation.getByRole('button', { name: /^400 / });
  // A collapsed response's schema is not rendered; Redoc renders it on click.
  await expect(operation.getByText('errors', { exact: true })).toHaveCount(0);
  await response.click();
  await expect(operation.getByText('errors', { exact: true }).first()).toBeVisible();
  expect(problems.consoleErrors).toEqual([]);
});

test('an operation page downloads no other operation data', async ({ page }) => {
  const urls: string[] = [];
  page.on('request', (request) => {
    const sameSite = request
      .url()
      .startsWith(new URL(page.url() === 'about:blank' ? request.url() : page.url()).origin);
    if (sameSite && ['document', 'script', 'fetch', 'xhr'].includes(request.resourceType())) urls.push(request.url());
  });
  await visit(page, '/reference/get_profiles');
  const bodies = await Promise.all(urls.map(async (url) => (await fetch(url)).text()));
  const all = bodies.join('\n');
  expect(all).toContain('get_profiles');
  // The sidebar lists every operation by name, but another operation's own data (its spec) must not ship.
  expect(all).toContain('"pointer":"#/paths/~1api~1profiles/get"');
  expect(all).not.toContain('"pointer":"#/paths/~1api~1catalog-items/post"');
});

test('a guide page downloads no reference route, sidebar or page data, even by prefetching', async ({ page }) => {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  await visit(page, '/docs/getting-started');
  await page.waitForLoadState('networkidle');
  const sameSite = urls.filter((url) => url.startsWith(new URL(page.url()).origin));
  const bodies = (await Promise.all(sameSite.map(async (url) => (await fetch(url)).text()))).join('\n');
  const model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
  // One folded route per revision stands for its landing, tag and operation pages.
  for (const revision of model.revisions) expect(bodies).toContain(`path:"${revision.basePath}/:slug?"`);
  const leaked = model.revisions.flatMap((revision) =>
    [
      '',
      ...revision.operations.map((operation) => `/${operation.operationId}`),
      ...revision.tags.map((tag) => `/${tag.slug}`),
    ]
      .map((slug) => `${revision.basePath}${slug}`)
      .filter((url) => bodies.includes(`path:"${url}"`) || bodies.includes(`"${url}-`)),
  );
  expect(leaked).toEqual([]);
  // The sidebar's data (every operation by id) and any page's data stay on the server until needed.
  expect(bodies).not.toContain('"operationId":"');
  expect(sameSite.filter((url) => url.includes('/reference-data/'))).toEqual([]);
});

test('following the navbar from a guide to the reference fetches its landing data and sidebar once', async ({
  page,
}) => {
  const problems = await visit(page, '/docs/getting-started');
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/reference-data/')) fetched.push(new URL(request.url()).pathname);
  });
  await page.locator('.navbar').getByRole('link', { name: 'API Reference', exact: true }).click();
  await expect(page).toHaveURL(/\/reference$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('aside a[href="/reference/profiles"]')).toHaveCount(1);
  await page
    .locator('main')
    .getByRole('link', { name: /Profiles/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/reference\/profiles$/);
  await expect(page.locator('main table')).toContainText('/api/profiles');
  expect(fetched.sort()).toEqual(
    [
      '/reference-data/2026-07-15/landing.json',
      '/reference-data/2026-07-15/pages/profiles.json',
      '/reference-data/2026-07-15/sidebar.json',
    ].sort(),
  );
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.failedRequests).toEqual([]);
});

test("moving between reference pages in the browser fetches only the new page's data, with no reload", async ({
  page,
}) => {
  const problems = await visit(page, '/reference/get_profiles');
  const fetched: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/reference-data/')) fetched.push(new URL(request.url()).pathname);
  });
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  await page.locator('aside summary').getByText('Events', { exact: true }).click();
  await page.locator('aside a[href="/reference/get_events"]').click();
  await expect(page).toHaveURL(/\/reference\/get_events$/);
  await expect(page.getByTestId('endpoint')).toContainText('/api/events');
  await expect(page.locator('.redocusaurus-operation')).toContainText('revision');
  await expect(page).toHaveTitle(/events/i);

  await page.locator('aside a[href="/reference/events"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Events');
  await expect(page.locator('main table')).toContainText('/api/events');

  // Back to the first page: its data came with its HTML, so nothing is fetched.
  await page.goBack();
  await page.goBack();
  await expect(page.getByTestId('endpoint')).toContainText('/api/profiles');

  expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
  expect(fetched).toEqual([
    '/reference-data/2026-07-15/pages/get_events.json',
    '/reference-data/2026-07-15/pages/events.json',
  ]);
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.failedRequests).toEqual([]);
});

test('a sidebar operation link opened with a modifier is left to the browser: a new tab, this page stays', async ({
  page,
  context,
}) => {
  await visit(page, '/reference/get_profiles');
  await page.locator('aside summary').getByText('Events', { exact: true }).click();
  const [newTab] = await Promise.all([
    context.waitForEvent('page'),
    page.locator('aside a[href="/reference/get_events"]').click({ modifiers: ['ControlOrMeta'] }),
  ]);
  await newTab.waitForLoadState();
  expect(new URL(newTab.url()).pathname).toBe('/reference/get_events');
  await expect(page).toHaveURL(/\/reference\/get_profiles$/);
  await newTab.close();
});

test("an older revision's pages navigate within that revision", async ({ page }) => {
  const problems = await visit(page, '/reference/v2026-04-15/get_profiles');
  await expect(page.getByTestId('old-revision-banner')).toBeVisible();
  await page.locator('aside summary').getByText('Events', { exact: true }).click();
  await page.locator('aside a[href="/reference/v2026-04-15/get_events"]').click();
  await expect(page.getByTestId('endpoint')).toContainText('/api/events');
  await expect(page.getByTestId('old-revision-banner')).toBeVisible();
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.failedRequests).toEqual([]);
});

test('an unknown operation id gets the 404 page, hydrated without errors', async ({ page }) => {
  const problems = watchPage(page);
  const response = await page.goto('/reference/no_such_operation');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/not found/i);
  await page.waitForTimeout(250);
  // The browser reports the page's own 404 status; nothing else may fail.
  expect(problems.consoleErrors.filter((message) => !message.includes('status of 404'))).toEqual([]);
  expect(problems.failedRequests).toEqual([expect.stringContaining('/reference/no_such_operation (HTTP 404)')]);

  // Same browser route, another page: the 404 is not remembered for it.
  await page.getByTestId('not-found').locator('a[href="/reference"]').click();
  await expect(page).toHaveURL(/\/reference$/);
  await expect(page.locator('aside a[href="/reference/profiles"]')).toHaveCount(1);
  expect(problems.consoleErrors.filter((message) => !message.includes('status of 404'))).toEqual([]);
});
