import { expect, test } from '@playwright/test';
import path from 'node:path';
import { loadReferenceModel } from '../../src/plugins/api-reference/spec';
import {
  expectCleanPage,
  failuresAcrossPages,
  seriousAxeViolations,
  setColorMode,
  shard,
  sitemapPaths,
  visit,
} from './support';

const SHARDS = 6;
const ROOT = path.join(__dirname, '../..');

/** The latest revision's operation pages, parsed from the project's spec: URL → method and path. */
async function latestOperationPages(): Promise<Map<string, { method: string; path: string }>> {
  const model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
  return new Map(
    model.revisions[0]!.operations.map((operation) => [
      `/reference/${operation.operationId}`,
      { method: operation.method, path: operation.path },
    ]),
  );
}

test('the sitemap lists every kind of page', async ({ baseURL }) => {
  const paths = await sitemapPaths(baseURL!);
  expect(paths.length).toBeGreaterThan(100);
  for (const expected of ['/', '/docs/api-overview', '/blog/automating-sdks-from-openapi', '/reference/get_profiles']) {
    expect(paths).toContain(expected);
  }
  const operationPages = [...(await latestOperationPages()).keys()];
  expect(operationPages.length).toBeGreaterThanOrEqual(40);
  expect(operationPages.filter((url) => !paths.includes(url))).toEqual([]);
});

for (let index = 0; index < SHARDS; index++) {
  test(`sitemap pages (part ${index + 1}/${SHARDS}) load, hydrate, and log no console error or failed request; operation pages show their method, path and parameters`, async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(600_000);
    const paths = shard(await sitemapPaths(baseURL!), index, SHARDS);
    const context = await browser.newContext();
    const operationPages = await latestOperationPages();
    const failures = await failuresAcrossPages(context, paths, async (page, url) => {
      const operation = operationPages.get(url);
      if (!operation) return;
      await expect(page.getByTestId('endpoint')).toContainText(operation.method.toUpperCase());
      await expect(page.getByTestId('endpoint')).toContainText(operation.path);
      // Redoc's parameter list: every operation has at least the revision header.
      await expect(
        page.locator('.redocusaurus-operation').getByText('revision', { exact: true }).first(),
      ).toBeVisible();
    });
    await context.close();
    expect(failures).toEqual([]);
  });
}

test('the page check catches a page that logs a console error', async ({ page }) => {
  await page.route('**/e2e-console-error-probe', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<html data-has-hydrated="true"><body><script>console.error("boom")</script></body></html>',
    }),
  );
  const problems = await visit(page, '/e2e-console-error-probe');
  expect(problems.consoleErrors).toEqual(['boom']);
  await expect(expectCleanPage(page, '/e2e-console-error-probe')).rejects.toThrow(/console errors/);
});

test('the check across pages blames only the page that failed, and checks the pages after it', async ({ browser }) => {
  const context = await browser.newContext();
  await context.route('**/e2e-failing-probe', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<html data-has-hydrated="true"><body><script>console.error("boom"); setTimeout(() => console.error("late"), 300)</script><img src="/e2e-missing.png"></body></html>',
    }),
  );
  const checked: string[] = [];
  const failures = await failuresAcrossPages(
    context,
    ['/', '/e2e-failing-probe', '/docs/api-overview'],
    async (_, path) => {
      checked.push(path);
    },
  );
  expect(failures).toHaveLength(1);
  expect(failures[0]).toMatch(/^\/e2e-failing-probe: console errors/);
  expect(checked).toEqual(['/', '/docs/api-overview']);
  await context.close();
});

const TEMPLATES = {
  home: '/',
  doc: '/docs/api-overview',
  'blog post': '/blog/automating-sdks-from-openapi',
  'blog list': '/blog',
  'reference landing': '/reference',
  'reference tag': '/reference/profiles',
  // Operation pages: layout.spec.ts runs axe on three of them, at 390 and 1280 px, in both modes.
};

for (const [template, path] of Object.entries(TEMPLATES)) {
  for (const mode of ['light', 'dark'] as const) {
    test(`accessibility: ${template} in ${mode} mode has no serious or critical violation`, async ({ page }) => {
      await visit(page, path);
      await setColorMode(page, mode);
      expect(await seriousAxeViolations(page)).toEqual([]);
    });
  }
}
