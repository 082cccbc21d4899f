import { expect, test, type Page } from '@playwright/test';
import { fieldAnchorId } from '../../src/plugins/api-reference/field-anchors/ids';
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

/** Field anchors are the one scheme of field-anchors/ids.ts. */
const SECRET_KEY = fieldAnchorId({ kind: 'request', path: ['data', 'attributes', 'secret_key'] });
const SECRET_KEY_CHANGE = `change-create_webhook-request-property-required-${SECRET_KEY}`;

/** Loads `url` (path#anchor): the page answers 200 and shows the operation; its field anchor, once pages carry them, is there. */
async function expectFieldPage(page: Page, url: string, heading: RegExp): Promise<void> {
  const [pathname, anchor] = url.split('#');
  const response = await page.request.get(pathname!);
  expect(response.status(), pathname).toBe(200);
  await visit(page, url);
  await expect(page.locator('h1').first()).toHaveText(heading);
  // The field the link names is revealed (its parents opened) and highlighted by the field anchors.
  if (anchor) await expect(page.locator(`[id="${anchor}"]`)).toHaveClass(/field-anchor-target/, { timeout: 20_000 });
}

test.describe('operation history', () => {
  test('an operation page lists its changes, each linking the field in the old and the new revision and the changelog entry', async ({
    page,
  }) => {
    await expectCleanPage(page, '/reference/create_webhook');
    const history = page.getByTestId('operation-history');
    await expect(history.locator('h2')).toHaveText('History');
    const change = history.locator('li[data-kind="request-property-required"]');
    await expect(change).toContainText('2026-07-15: data.attributes.secret_key in the request body is now required.');
    await expect(history.locator('li[data-kind="since"]')).toContainText('2026-04-15');

    const before = await change.locator('a[data-link="before"]').getAttribute('href');
    const after = await change.locator('a[data-link="after"]').getAttribute('href');
    expect(before).toBe(`/reference/v2026-04-15/create_webhook#${SECRET_KEY}`);
    expect(after).toBe(`/reference/create_webhook#${SECRET_KEY}`);
    await expect(change.locator('a[data-link="changelog"]')).toHaveAttribute(
      'href',
      `/reference/changelog/2026-07-15#${SECRET_KEY_CHANGE}`,
    );
    await expectFieldPage(page, before!, /^Create Webhook/);
    await expect(page.getByTestId('old-revision-banner')).toBeVisible();
    await expectFieldPage(page, after!, /^Create Webhook/);

    // Back on the history, the changelog entry link lands on the entry.
    await page.getByTestId('operation-history').locator('a[data-link="changelog"]').click();
    await expect(page).toHaveURL(new RegExp(`/reference/changelog/2026-07-15#${SECRET_KEY_CHANGE}$`));
    await expect(page.locator(`li[id="${SECRET_KEY_CHANGE}"]`)).toBeInViewport();
  });

  test('an added parameter links the operation in the old revision and the parameter in the new one', async ({
    page,
  }) => {
    await visit(page, '/reference/get_segments');
    const change = page.getByTestId('operation-history').locator('li[data-kind="parameter-added"]');
    await expect(change).toContainText('2026-07-15: New optional query parameter filter.');
    await expect(change.locator('a[data-link="before"]')).toHaveAttribute(
      'href',
      '/reference/v2026-04-15/get_segments',
    );
    await expect(change.locator('a[data-link="after"]')).toHaveAttribute(
      'href',
      `/reference/get_segments#${fieldAnchorId({ kind: 'parameter', name: 'filter' })}`,
    );
  });

  test("an older revision's page shows the later history too: deprecations and the compare view", async ({ page }) => {
    await expectCleanPage(page, '/reference/v2026-04-15/update_flow');
    const history = page.getByTestId('operation-history');
    await expect(history.locator('li[data-kind="operation-deprecated"]')).toHaveText(/Deprecated in 2026-07-15/);
    await history.getByTestId('compare-link').click();
    await expect(page).toHaveURL(/\/reference\/changelog\/operations\/update_flow$/);
    await expect(page.getByTestId('compare-result').locator('li[data-kind="operation-deprecated"]')).toHaveCount(1);
  });
});

test.describe('changelog entries', () => {
  test('each change has its own anchor, in the server-rendered HTML, and links the old and the new revision', async ({
    page,
    request,
  }) => {
    const html = await (await request.get('/reference/changelog/2026-07-15')).text();
    // (The build's minifier drops the quotes around attribute values.)
    const hasId = (id: string) => new RegExp(`\\sid="?${id}[\\s">]`).test(html);
    expect(hasId(SECRET_KEY_CHANGE), SECRET_KEY_CHANGE).toBe(true);
    expect(hasId('change-get_flow_actions-operation-removed')).toBe(true);

    await expectCleanPage(page, `/reference/changelog/2026-07-15#${SECRET_KEY_CHANGE}`);
    const entry = page.locator(`li[id="${SECRET_KEY_CHANGE}"]`);
    await expect(entry).toBeInViewport();
    await expect(entry.locator('a[data-link="before"]')).toHaveAttribute(
      'href',
      `/reference/v2026-04-15/create_webhook#${SECRET_KEY}`,
    );
    await expect(entry.locator('a[data-link="after"]')).toHaveAttribute(
      'href',
      `/reference/create_webhook#${SECRET_KEY}`,
    );
    await expect(entry.getByRole('link', { name: 'Link to this change' })).toHaveAttribute(
      'href',
      `#${SECRET_KEY_CHANGE}`,
    );
    // A removed operation links only the revision that had it.
    const removed = page.locator('li[id="change-get_flow_actions-operation-removed"]');
    await expect(removed.locator('a[data-link="before"]')).toHaveAttribute(
      'href',
      '/reference/v2026-04-15/get_flow_actions',
    );
    await expect(removed.locator('a[data-link="after"]')).toHaveCount(0);
  });

  test("the overview's highlights link their entries on the revision page", async ({ page }) => {
    await visit(page, '/reference/changelog');
    await expect(
      page.locator(
        'section[data-revision="2026-07-15"] li[data-change-id="change-get_list_tags-operation-removed"] a',
        {
          hasText: '#',
        },
      ),
    ).toHaveAttribute('href', '/reference/changelog/2026-07-15#change-get_list_tags-operation-removed');
  });
});

test.describe('compare view', () => {
  test('renders the default pair (previous → latest) without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto('/reference/changelog/operations/create_campaign');
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveText('Changes to Create Campaign');
    const result = page.getByTestId('compare-result');
    await expect(result).toHaveAttribute('data-from', '2026-04-15');
    await expect(result).toHaveAttribute('data-to', '2026-07-15');
    await expect(page.locator('select[name="from"]')).toHaveValue('2026-04-15');
    await expect(page.locator('select[name="to"]')).toHaveValue('2026-07-15');
    await expect(result.locator('li[data-kind="enum-value-removed"]')).toHaveCount(2);
    await expect(result).toContainText('no longer accepts throttled');
    await context.close();
  });

  test('the selects change the comparison and the URL, and a shared URL opens on that comparison', async ({ page }) => {
    await expectCleanPage(page, '/reference/changelog/operations/create_campaign');
    const result = page.getByTestId('compare-result');
    await page.locator('select[name="to"]').selectOption('2026-04-15');
    await expect(page).toHaveURL(/\/reference\/changelog\/operations\/create_campaign\?from=2026-04-15&to=2026-04-15$/);
    await expect(result).toContainText('Pick two different revisions');
    await page.locator('select[name="from"]').selectOption('2026-07-15');
    await expect(page).toHaveURL(/\?from=2026-07-15&to=2026-04-15$/);
    await expect(result.locator('h2')).toHaveText('From 2026-04-15 to 2026-07-15');
    await expect(result.locator('li[data-kind="enum-value-removed"]')).toHaveCount(2);

    await expectCleanPage(page, '/reference/changelog/operations/create_campaign?from=2026-07-15&to=2026-07-15');
    await expect(page.locator('select[name="from"]')).toHaveValue('2026-07-15');
    await expect(page.getByTestId('compare-result')).toContainText('Pick two different revisions');
  });

  test('a removed operation has a compare view, reached by client-side navigation too', async ({ page }) => {
    await visit(page, '/reference/changelog/operations/create_campaign');
    // The browser route is shared by every operation: the other page's data is fetched.
    await page.evaluate(() => {
      window.history.pushState({}, '', '/reference/changelog/operations/get_flow_actions');
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    await expect(page.locator('h1')).toHaveText('Changes to Get Flow Actions');
    await expect(page.getByTestId('compare-result').locator('li[data-kind="operation-removed"]')).toHaveCount(1);
  });
});

test.describe('removed operations', () => {
  test("a removed operation's latest URL says when it was removed and links the revision that has it", async ({
    page,
  }) => {
    const response = await page.request.get('/reference/get_flow_actions');
    expect(response.status()).toBe(200);
    await expectCleanPage(page, '/reference/get_flow_actions');
    await expect(page.locator('h1')).toHaveText('Get Flow Actions');
    const notice = page.getByTestId('removed-operation');
    await expect(notice).toContainText('was removed in revision 2026-07-15');
    await expect(page.getByTestId('operation-history').locator('li[data-kind="operation-removed"]')).toHaveText(
      /Removed in 2026-07-15/,
    );
    // The revision switcher offers the revision that still has it.
    await expect(page.locator('.navbar__items--right .dropdown__menu a[data-revision="2026-04-15"]')).toHaveAttribute(
      'href',
      '/reference/v2026-04-15/get_flow_actions',
    );

    await expect(page.getByTestId('changelog-entry-link')).toHaveAttribute(
      'href',
      '/reference/changelog/2026-07-15#change-get_flow_actions-operation-removed',
    );
    await page.getByTestId('last-revision-link').click();
    await expect(page).toHaveURL(/\/reference\/v2026-04-15\/get_flow_actions(#.*)?$/);
    await expect(page.getByTestId('endpoint')).toContainText('/api/flows/{id}/flow-actions');

    await visit(page, '/reference/get_flow_actions');
    await page.getByTestId('changelog-entry-link').click();
    await expect(page.locator('li[id="change-get_flow_actions-operation-removed"]')).toBeInViewport();
  });

  test('its page data is served for client-side navigation', async ({ request }) => {
    const data = await request.get('/reference-data/2026-07-15/pages/get_flow_actions.json');
    expect(data.status()).toBe(200);
    expect(((await data.json()) as { kind: string }).kind).toBe('removed');
  });
});
