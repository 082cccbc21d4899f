import { expect, test } from '@playwright/test';
import { expectCleanPage, visit } from './support';

test.describe('API changelog', () => {
  test('the overview lists every revision with its counts and highlights', async ({ page }) => {
    await expectCleanPage(page, '/reference/changelog');
    await expect(page.locator('h1')).toHaveText('API changelog');
    const latest = page.locator('section[data-revision="2026-07-15"]');
    await expect(latest.getByTestId('changelog-counts')).toContainText('3 operations added');
    await expect(latest.getByTestId('changelog-counts')).toContainText('2 operations removed');
    await expect(latest.locator('li[data-kind="operation-removed"]')).toHaveCount(2);
    await expect(page.locator('section[data-revision="2026-04-15"]')).toContainText('first revision');
    await expect(
      page.locator('link[rel="alternate"][type="application/rss+xml"][href="/reference/changelog/feed.xml"]'),
    ).toHaveCount(1);
  });

  test('a revision page lists breaking changes first and links each operation page', async ({ page }) => {
    await expectCleanPage(page, '/reference/changelog/2026-07-15');
    const breaking = page.getByTestId('breaking-changes');
    await expect(breaking.locator('li')).toHaveCount(5);
    await expect(breaking.locator('li').first()).toHaveAttribute('data-kind', 'operation-removed');
    await expect(breaking).toContainText('data.attributes.secret_key');
    await expect(breaking.locator('li[data-breaking="false"]')).toHaveCount(0);
    // Everything after the breaking section is non-breaking.
    const other = page.getByTestId('other-changes');
    await expect(other.locator('li[data-breaking="true"]')).toHaveCount(0);
    await expect(other.locator('li[data-kind="parameter-added"]')).toHaveCount(3);

    // A removed operation links its page in the older revision; an added one the page in this revision.
    await expect(breaking.getByRole('link', { name: 'get_list_tags' })).toHaveAttribute(
      'href',
      '/reference/v2026-04-15/get_list_tags',
    );
    await other.getByRole('link', { name: 'render_template' }).click();
    await expect(page).toHaveURL(/\/reference\/render_template$/);
    await expect(page.locator('h1')).toContainText('Render');
  });

  test('the oldest revision page says there is nothing to compare', async ({ page }) => {
    await expectCleanPage(page, '/reference/changelog/2026-04-15');
    await expect(page.locator('article')).toContainText('first revision');
  });

  test('RSS and Atom feeds are served', async ({ request }) => {
    const rss = await request.get('/reference/changelog/feed.xml');
    expect(rss.status()).toBe(200);
    const rssText = await rss.text();
    expect(rssText).toContain('<rss version="2.0"');
    expect(rssText).toMatch(/<link>https?:\/\/[^<]+\/reference\/changelog\/2026-07-15<\/link>/);
    const atom = await request.get('/reference/changelog/atom.xml');
    expect(atom.status()).toBe(200);
    expect(await atom.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  });

  test('the reference landing page and sidebar link the changelog', async ({ page }) => {
    await visit(page, '/reference');
    await expect(page.locator('main').getByRole('link', { name: 'API changelog' })).toHaveAttribute(
      'href',
      '/reference/changelog',
    );
    await page.getByRole('navigation', { name: 'API reference' }).getByRole('link', { name: 'Changelog' }).click();
    await expect(page).toHaveURL(/\/reference\/changelog$/);
  });
});

test.describe('revision switcher', () => {
  const switcher = (page: import('@playwright/test').Page) => page.locator('.navbar__items--right .revision-switcher');
  const item = (page: import('@playwright/test').Page, revision: string) =>
    page.locator(`.navbar__items--right .dropdown__menu a[data-revision="${revision}"]`);

  test('keeps the reader on the same operation', async ({ page }) => {
    await visit(page, '/reference/get_profiles');
    await expect(switcher(page)).toHaveText('API 2026-07-15');
    await expect(item(page, '2026-04-15')).toHaveAttribute('href', '/reference/v2026-04-15/get_profiles');
    await switcher(page).hover();
    await item(page, '2026-04-15').click();
    // (Redoc may add a #tag/... hash of its own.)
    await expect(page).toHaveURL(/\/reference\/v2026-04-15\/get_profiles(#.*)?$/);
    await expect(switcher(page)).toHaveText('API 2026-04-15');
    await expect(page.getByTestId('old-revision-banner')).toBeVisible();
    await expect(item(page, '2026-07-15')).toHaveAttribute('href', '/reference/get_profiles');
  });

  test("goes to the revision's landing page when the operation does not exist there", async ({ page }) => {
    await visit(page, '/reference/render_template');
    await expect(item(page, '2026-04-15')).toHaveAttribute('href', '/reference/v2026-04-15');
    await expect(item(page, '2026-04-15')).toContainText('(overview)');

    await visit(page, '/reference/v2026-04-15/get_list_tags');
    await expect(item(page, '2026-07-15')).toHaveAttribute('href', '/reference');
    await switcher(page).hover();
    await item(page, '2026-07-15').click();
    await expect(page).toHaveURL(/\/reference(#.*)?$/);
  });

  test('moves between changelog pages and shows the landing pages elsewhere', async ({ page }) => {
    await visit(page, '/reference/changelog/2026-07-15');
    await expect(item(page, '2026-04-15')).toHaveAttribute('href', '/reference/changelog/2026-04-15');
    await visit(page, '/docs/getting-started');
    await expect(switcher(page)).toHaveText('API 2026-07-15');
    await expect(item(page, '2026-04-15')).toHaveAttribute('href', '/reference/v2026-04-15');
    await visit(page, '/reference/v2026-04-15/profiles');
    await expect(switcher(page)).toHaveText('API 2026-04-15');
  });
});
