import { expect, test } from '@playwright/test';
import { expectCleanPage, seriousAxeViolations, setColorMode, sitemapPaths, visit } from './support';

test.describe('every page of the sitemap', () => {
  test('loads, hydrates, and logs no console error or failed request', async ({ browser, baseURL }) => {
    test.setTimeout(600_000);
    const paths = await sitemapPaths(baseURL!);
    expect(paths.length).toBeGreaterThan(100);
    const context = await browser.newContext();
    const failures: string[] = [];
    for (const path of paths) {
      const page = await context.newPage();
      try {
        await expectCleanPage(page, path);
      } catch (error) {
        failures.push(`${path}: ${(error as Error).message.split('\n').slice(0, 4).join(' ')}`);
      }
      await page.close();
    }
    expect(failures).toEqual([]);
  });
});

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

const TEMPLATES = {
  home: '/',
  doc: '/docs/api-overview',
  'blog post': '/blog/automating-sdks-from-openapi',
  'blog list': '/blog',
  'reference landing': '/reference',
  'reference tag': '/reference/profiles',
  'reference operation': '/reference/get_profiles',
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
