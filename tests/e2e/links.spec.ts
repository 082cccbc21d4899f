import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadReferenceModel } from '../../src/plugins/api-reference/spec';
import {
  checkManifest,
  DEFAULT_MANIFEST,
  describeProblem,
  readManifest,
  resolveUrl,
  scanBuild,
} from '../../scripts/url-manifest';
import { redirectTarget } from '../../src/lib/built-html';
import { sitemapPaths } from './support';

const ROOT = path.join(__dirname, '../..');
const BUILD = path.join(ROOT, 'build');

/** Loads `urlPath` and waits for React to hydrate (the buttons work from then on). */
async function open(page: Page, urlPath: string): Promise<void> {
  await page.goto(urlPath);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true', { timeout: 20_000 });
}

test.describe('URL manifest', () => {
  test('every URL and anchor of the committed manifest still resolves in build/, directly or through a redirect', () => {
    const manifest = readManifest(DEFAULT_MANIFEST);
    expect(Object.keys(manifest.pages).length).toBeGreaterThan(100);
    const { baseUrl } = scanBuild(BUILD);
    const problems = checkManifest(manifest, BUILD, baseUrl).map(describeProblem);
    expect(
      problems,
      'Restore these URLs/anchors or add a redirect (docusaurus.config.ts); removing them from tests/url-manifest.json takes `npx tsx scripts/url-manifest.ts update --allow-removals`',
    ).toEqual([]);
  });

  test('the manifest lists every page and anchor of the build (run `npm run manifest:update` after adding some)', () => {
    const manifest = readManifest(DEFAULT_MANIFEST);
    const site = scanBuild(BUILD);
    const missing: string[] = [];
    for (const [page, anchors] of Object.entries(site.pages)) {
      const listed = manifest.pages[page];
      if (!listed) {
        missing.push(page);
        continue;
      }
      for (const anchor of anchors) if (!listed.includes(anchor)) missing.push(`${page}#${anchor}`);
    }
    for (const file of site.files) if (!manifest.files.includes(file)) missing.push(file);
    expect(missing).toEqual([]);
  });
});

test('robots.txt points to the sitemap, which lists every page of the build', async ({ baseURL }) => {
  const robots = await fetch(new URL('/robots.txt', baseURL));
  expect(robots.status).toBe(200);
  const text = await robots.text();
  const sitemapUrl = /^Sitemap:\s*(\S+)$/m.exec(text)?.[1];
  expect(sitemapUrl).toBeTruthy();
  const canonical = /<link[^>]*rel="?canonical"?[^>]*href="?([^"\s>]+)/.exec(
    readFileSync(path.join(BUILD, 'index.html'), 'utf8'),
  )?.[1];
  expect(sitemapUrl).toBe(new URL('sitemap.xml', canonical).toString());
  expect(text).not.toMatch(/^Disallow:\s*\/\s*$/m);

  const listed = new Set(await sitemapPaths(baseURL!));
  const unlisted = readdirSync(BUILD, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && file !== '404.html')
    .filter((file) => redirectTarget(readFileSync(path.join(BUILD, file), 'utf8')) === undefined)
    .map((file) => `/${file.split(path.sep).join('/')}`.replace(/(\/index)?\.html$/, '') || '/')
    .filter((page) => !listed.has(page));
  expect(unlisted).toEqual([]);
});

test.describe('links in the shape of the previous portal', () => {
  test('every operation of every revision has its /en/... redirect, built from the spec', async () => {
    const model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
    const failures: string[] = [];
    for (const revision of model.revisions) {
      for (const { operationId } of revision.operations) {
        const target = `${revision.basePath}/${operationId}`;
        const legacy = [`/en/v${revision.revision}/reference/${operationId}`];
        if (revision.isLatest) legacy.push(`/en/reference/${operationId}`);
        const expected = resolveUrl(BUILD, target);
        const expectedFile = expected.kind === 'missing' ? undefined : expected.file;
        for (const from of legacy) {
          const resolved = resolveUrl(BUILD, from);
          if (resolved.kind !== 'page' || resolved.via.length !== 1 || resolved.file !== expectedFile) {
            failures.push(`${from} does not redirect to ${target}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });

  const LANDINGS: [from: string, to: string, heading: RegExp][] = [
    ['/en/reference/get_profiles', '/reference/get_profiles', /^Get Profiles/],
    ['/en/v2026-07-15/reference/create_event', '/reference/create_event', /^Create Event/],
    ['/en/v2026-04-15/reference/get_profiles', '/reference/v2026-04-15/get_profiles', /^Get Profiles/],
    ['/en/reference', '/reference', /./],
    ['/en/docs/api_overview#pagination', '/docs/api-overview#pagination', /API overview/i],
    ['/en/v2026-07-15/reference/api-overview#sparse-fieldsets', '/docs/api-overview#sparse-fieldsets', /API/],
    ['/en/docs/sdk_overview', '/docs/sdks', /SDK/],
    ['/en/docs/getting_started', '/docs/getting-started', /./],
    ['/en/docs/understanding_customer_data', '/docs/guides/understanding-customer-data', /./],
    ['/en/docs/community/code-of-conduct', '/docs/community/code-of-conduct', /./],
  ];

  for (const [from, to, heading] of LANDINGS) {
    test(`${from} lands on ${to}`, async ({ page }) => {
      await page.goto(from);
      await page.waitForURL((url) => url.pathname + url.hash === to, { timeout: 15_000 });
      await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true', { timeout: 20_000 });
      await expect(page.locator('h1').first()).toHaveText(heading);
      const hash = to.split('#')[1];
      if (hash) await expect(page.locator(`[id="${hash}"]`)).toBeInViewport();
    });
  }
});

test.describe('copy link buttons', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  async function siteUrl(page: Page): Promise<string> {
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    return new URL(canonical!).origin;
  }

  /** Opens `urlPath` with an emptied clipboard, so that an earlier copy cannot pass for this one. */
  async function openClean(page: Page, urlPath: string): Promise<void> {
    await open(page, urlPath);
    await page.evaluate(() => navigator.clipboard.writeText('nothing copied yet'));
  }

  async function clipboard(page: Page): Promise<string> {
    return page.evaluate(() => navigator.clipboard.readText());
  }

  test('a guide heading copies its absolute URL with the anchor', async ({ page }) => {
    await openClean(page, '/docs/api-overview');
    const heading = page.locator('h2#pagination');
    await heading.hover();
    const button = heading.getByRole('button', { name: 'Copy link to Pagination' });
    await expect(button).toBeVisible();
    await button.click();
    await expect(heading.getByRole('status')).toHaveText('Link copied');
    await expect.poll(() => clipboard(page)).toBe(`${await siteUrl(page)}/docs/api-overview#pagination`);

    // Keyboard users get the same thing.
    const other = page.locator('h2#rate-limits').getByRole('button');
    await other.focus();
    await expect(other).toBeVisible();
    await page.keyboard.press('Enter');
    await expect.poll(() => clipboard(page)).toBe(`${await siteUrl(page)}/docs/api-overview#rate-limits`);
  });

  test('a blog heading copies its absolute URL with the anchor', async ({ page }) => {
    await openClean(page, '/blog/automating-sdks-from-openapi');
    const heading = page.locator('article h2[id]').first();
    const id = await heading.getAttribute('id');
    await heading.hover();
    await heading.getByRole('button', { name: /^Copy link to / }).click();
    await expect.poll(() => clipboard(page)).toBe(`${await siteUrl(page)}/blog/automating-sdks-from-openapi#${id}`);
  });

  test('an operation copies its absolute reference URL, in the latest and older revisions', async ({ page }) => {
    for (const urlPath of ['/reference/get_profiles', '/reference/v2026-04-15/get_profiles']) {
      await openClean(page, urlPath);
      const button = page.getByRole('button', { name: 'Copy link to Get Profiles' });
      await expect(button).toBeVisible();
      await expect(button).toHaveText(/Copy link/);
      await button.click();
      // The confirmation shows for a few seconds, so check it first.
      await expect(button).toHaveText(/Copied/);
      await expect.poll(() => clipboard(page)).toBe(`${await siteUrl(page)}${urlPath}`);
    }
  });

  test('the button adds no text to headings: the search index and table of contents stay clean', async ({ page }) => {
    await open(page, '/docs/api-overview');
    await expect(page.locator('h2#pagination')).toHaveText(/^Pagination\W*$/);
    await expect(page.locator('.table-of-contents')).not.toContainText('Copy');
  });
});

test('the 404 page offers search and the main sections', async ({ page }) => {
  const response = await page.goto('/en/no-such-page/anywhere');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true', { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');

  const main = page.getByTestId('not-found');
  for (const href of ['/docs/getting-started', '/docs/api-overview', '/reference', '/docs/sdks', '/blog']) {
    await expect(main.locator(`a[href="${href}"]`)).toBeVisible();
  }
  await expect(main.locator('a[href="/search"]')).toBeVisible();

  const box = main.getByRole('searchbox', { name: 'Search the portal' });
  await box.fill('pagination');
  await box.press('Enter');
  await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'pagination');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search results for "pagination"');
  await expect(page.locator('article a[href^="/docs/api-overview"]').first()).toBeVisible({ timeout: 20_000 });
});

test('the 404 page search works without JavaScript too', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/missing-page');
  await page.getByRole('searchbox', { name: 'Search the portal' }).fill('rate limits');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'rate limits');
  await context.close();
});
