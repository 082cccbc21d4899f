import { expect, test, type Locator, type Page } from '@playwright/test';
import path from 'node:path';
import { loadReferenceModel } from '../../src/plugins/api-reference/spec';
import { visit } from './support';

const ROOT = path.join(__dirname, '../..');
const INDEX_REQUEST = /\/search-index[^/]*\.json(\?|$)/;

const searchBox = (page: Page): Locator => page.locator('input.navbar__search-input');
const results = (page: Page): Locator => page.locator('[role="listbox"] [role="option"]');

/** Types `query` in the navbar search box (index loaded first) and returns the result options. */
async function search(page: Page, query: string): Promise<Locator> {
  const box = searchBox(page);
  await box.focus();
  // The plugin turns the input into a combobox once its index is loaded.
  await expect(box).toHaveAttribute('role', 'combobox', { timeout: 20_000 });
  // Clear first, so that the previous query's results can't be read as this one's on a slow machine.
  await box.fill('');
  await expect(results(page)).toHaveCount(0);
  await box.fill(query);
  await expect(results(page).first()).toBeVisible();
  // Results update as the index answers each keystroke: read them once two reads agree.
  await expect
    .poll(async () => {
      const before = await results(page).allInnerTexts();
      await page.waitForTimeout(150);
      return JSON.stringify(before) === JSON.stringify(await results(page).allInnerTexts());
    })
    .toBe(true);
  return results(page);
}

/**
 * What a result shows: its title (or excerpt), its path, e.g. `Guides › Understanding customer data`, and for a
 * result of an operation page the operation's method and path, e.g. `GET /api/profiles`.
 */
async function describeResult(option: Locator): Promise<{ title: string; path: string[]; operation: string }> {
  const title = (await option.locator('[class*="hitTitle"]').innerText()).trim();
  const pathElement = option.locator('[class*="hitPath"]');
  const pathText = (await pathElement.count()) > 0 ? (await pathElement.innerText()).trim() : '';
  const badge = option.locator('[data-result-badge]');
  const operation = (await badge.count()) > 0 ? (await badge.innerText()).replace(/\s+/g, ' ').trim() : '';
  return { title, path: pathText ? pathText.split(' › ') : [], operation };
}

async function describeResults(options: Locator): Promise<{ title: string; path: string[]; operation: string }[]> {
  const described = [];
  for (let index = 0; index < (await options.count()); index++)
    described.push(await describeResult(options.nth(index)));
  return described;
}

interface Expectation {
  query: string;
  /** The result's title, or for a text excerpt the title of its page (last item of its path). */
  hit: string;
  /** Section label the result carries. */
  label: 'Guides' | 'Reference' | 'Blog' | 'Community';
  pathname: string;
  hash: string;
}

const EXPECTATIONS: Expectation[] = [
  // Operations: summary, operationId, path, description words.
  { query: 'Get Profiles', hit: 'Get Profiles', label: 'Reference', pathname: '/reference/get_profiles', hash: '' },
  { query: 'get_profiles', hit: 'Get Profiles', label: 'Reference', pathname: '/reference/get_profiles', hash: '' },
  {
    query: 'create_client_event',
    hit: 'Create Client Event',
    label: 'Reference',
    pathname: '/reference/create_client_event',
    hash: '',
  },
  { query: '/api/profiles', hit: 'Get Profiles', label: 'Reference', pathname: '/reference/get_profiles', hash: '' },
  { query: '/api/profiles/{id}', hit: 'Get Profile', label: 'Reference', pathname: '/reference/get_profile', hash: '' },
  {
    query: '/client/events',
    hit: 'Create Client Event',
    label: 'Reference',
    pathname: '/reference/create_client_event',
    hash: '',
  },
  {
    // From the middle of get_profile's description (not its first sentence, which is also the meta description).
    query: 'consent or predictions',
    hit: 'Get Profile',
    label: 'Reference',
    pathname: '/reference/get_profile',
    hash: '',
  },
  { query: 'Webhooks', hit: 'Webhooks', label: 'Reference', pathname: '/reference/webhooks', hash: '' },
  // FAQ questions of both guides.
  {
    query: 'What is pagination?',
    hit: 'What is pagination?',
    label: 'Guides',
    pathname: '/docs/guides/understanding-customer-data',
    hash: '#what-is-pagination',
  },
  {
    query: 'How can I filter events based on date?',
    hit: 'How can I filter events based on date?',
    label: 'Guides',
    pathname: '/docs/guides/understanding-customer-data',
    hash: '#how-can-i-filter-events-by-date',
  },
  {
    query: 'Why is my API response a 202?',
    hit: 'Why is my API response a 202?',
    label: 'Guides',
    pathname: '/docs/guides/understanding-client-side-requests',
    hash: '#why-a-202-response',
  },
  {
    query: "What's a client-side request?",
    hit: "What's a client-side request?",
    label: 'Guides',
    pathname: '/docs/guides/understanding-client-side-requests',
    hash: '#what-is-a-client-side-request',
  },
  // Community: Slack channels and the code of conduct.
  {
    query: '#api-help',
    hit: '#api-help',
    label: 'Community',
    pathname: '/docs/community/developer-slack',
    hash: '#api-help',
  },
  {
    query: '#integration-help',
    hit: '#integration-help',
    label: 'Community',
    pathname: '/docs/community/developer-slack',
    hash: '#integration-help',
  },
  {
    query: 'code of conduct',
    hit: 'Code of conduct',
    label: 'Community',
    pathname: '/docs/community/code-of-conduct',
    hash: '',
  },
  // Blog.
  {
    query: 'OpenAPI Generator',
    hit: 'Generating SDKs with OpenAPI Generator',
    label: 'Blog',
    pathname: '/blog/automating-sdks-from-openapi',
    hash: '#sdk-generation-with-openapi-generator',
  },
];

// One tab for every query: the index loads once, as for a reader who searches again and again.
test('each expected query lists its page in the top 3, and its result leads there with the words highlighted', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await visit(page, '/');
  const failures: string[] = [];
  for (const expected of EXPECTATIONS) {
    await test.step(`"${expected.query}" → ${expected.pathname}${expected.hash}`, async () => {
      try {
        // Each search starts from another page than its result's (moving there in the page, as a reader would), so
        // that the highlights found after the click are this result's.
        await page.locator('.navbar__brand').click();
        await expect(page).toHaveURL((url) => url.pathname === '/');
        const options = await search(page, expected.query);
        const top: { title: string; path: string[] }[] = [];
        const count = Math.min(3, await options.count());
        for (let index = 0; index < count; index++) top.push(await describeResult(options.nth(index)));
        const position = top.findIndex(
          (result) => result.title === expected.hit || result.path.at(-1) === expected.hit,
        );
        expect(position, `top 3: ${JSON.stringify(top)}`).toBeGreaterThanOrEqual(0);
        expect(top[position]!.path[0], 'section label').toBe(expected.label);

        await options.nth(position).click();
        await expect(page).toHaveURL((url) => url.pathname === expected.pathname && url.hash === expected.hash);
        if (expected.hash) await expect(page.locator(`[id="${expected.hash.slice(1)}"]`)).toBeInViewport();
        await expect.poll(() => page.locator('article mark').count()).toBeGreaterThan(0);
      } catch (error) {
        failures.push(`"${expected.query}": ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`);
        await visit(page, '/');
      }
    });
  }
  expect(failures).toEqual([]);
});

test('a field name lists the operations that have it, with method and path, and leads to the field', async ({
  page,
}) => {
  await visit(page, '/docs/getting-started');
  const options = await search(page, 'send_strategy');
  const described = await describeResults(options);
  const position = described.findIndex((result) => result.path.at(-1) === 'Create Campaign');
  expect(position, JSON.stringify(described)).toBeGreaterThanOrEqual(0);
  expect(described[position]).toMatchObject({ title: 'send_strategy', operation: 'POST /api/campaigns' });
  expect(described[position]!.path[0]).toBe('Reference');
  // The request field of create_campaign ranks before the operations that only return it.
  expect(position, JSON.stringify(described)).toBe(0);

  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(
    (url) => url.pathname === '/reference/create_campaign' && url.hash === '#request-data-attributes-send_strategy',
  );
  await expect(page.locator('h1')).toHaveText('Create Campaign');
  const field = page.locator('[id="request-data-attributes-send_strategy"]');
  // The anchor itself comes with the field anchors of the operation pages.
  if ((await field.count()) > 0) await expect(field).toBeInViewport();

  // Clicking a result of another operation leads to that operation's field.
  const again = await search(page, 'send_strategy');
  const others = await describeResults(again);
  const update = others.findIndex((result) => result.path.at(-1) === 'Update Campaign');
  expect(update, JSON.stringify(others)).toBeGreaterThanOrEqual(0);
  await again.nth(update).click();
  await expect(page).toHaveURL(
    (url) => url.pathname === '/reference/update_campaign' && url.hash === '#request-data-attributes-send_strategy',
  );
});

test('parameter names and API keys find the operations that take them', async ({ page }) => {
  await visit(page, '/docs/getting-started');
  const clientOperations = (await describeResults(await search(page, 'company_id'))).filter(
    (result) => result.title === 'company_id',
  );
  expect(clientOperations.length, JSON.stringify(clientOperations)).toBeGreaterThanOrEqual(3);
  for (const result of clientOperations) expect(result.operation).toMatch(/^POST \/client\//);

  for (const query of ['page[size]', 'page_size']) {
    const described = await describeResults(await search(page, query));
    const getProfiles = described.find((result) => result.path.at(-1) === 'Get Profiles');
    expect(getProfiles, `${query}: ${JSON.stringify(described)}`).toMatchObject({
      title: 'page[size] (page_size)',
      operation: 'GET /api/profiles',
    });
  }

  const uniqueId = await describeResults(await search(page, 'unique_id'));
  expect(
    uniqueId.some((result) => result.path.at(-1) === 'Create Event'),
    JSON.stringify(uniqueId),
  ).toBe(true);
});

test('an exact operationId or METHOD /path ranks its operation first, and Enter opens it', async ({ page }) => {
  await visit(page, '/docs/getting-started');
  for (const query of ['get_events', 'GET /api/events', 'get /api/events']) {
    const first = await describeResult((await search(page, query)).first());
    expect(first, query).toMatchObject({ title: 'Get Events', operation: 'GET /api/events' });
  }
  const first = await describeResult((await search(page, 'get_event')).first());
  expect(first).toMatchObject({ title: 'Get Event', operation: 'GET /api/events/{id}' });

  await search(page, 'get_events');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL((url) => url.pathname === '/reference/get_events' && url.hash === '');
  await expect(page.locator('h1')).toHaveText('Get Events');
});

test('results of operation pages show the method and path; others show none', async ({ page }) => {
  await visit(page, '/docs/getting-started');
  const operations = await describeResults(await search(page, 'Get Profiles'));
  expect(operations[0]).toMatchObject({ title: 'Get Profiles', operation: 'GET /api/profiles' });
  const guides = await describeResults(await search(page, 'What is pagination?'));
  const guide = guides.find((result) => result.path[0] === 'Guides');
  expect(guide?.operation, JSON.stringify(guides)).toBe('');
});

test('the index is not downloaded until the reader uses search; Ctrl+K focuses the box and results come as you type', async ({
  page,
}) => {
  const indexRequests: string[] = [];
  page.on('request', (request) => {
    if (INDEX_REQUEST.test(request.url())) indexRequests.push(request.url());
  });
  for (const pagePath of ['/docs/guides/understanding-customer-data', '/reference/get_profiles', '/blog']) {
    await visit(page, pagePath);
    expect(indexRequests, `search index requested by loading ${pagePath}`).toEqual([]);
  }

  await page.keyboard.press('Control+k');
  await expect(searchBox(page)).toBeFocused();
  await expect.poll(() => indexRequests.length).toBe(1);
  // Partial words match while typing.
  await page.keyboard.type('pagin');
  await expect(results(page).first()).toBeVisible();
  const titles = await results(page).locator('[class*="hitTitle"]').allInnerTexts();
  expect(
    titles.some((title) => /pagination/i.test(title)),
    JSON.stringify(titles),
  ).toBe(true);
  await page.keyboard.type('ation');
  await expect(results(page).first()).toContainText(/pagination/i);
  expect(indexRequests).toHaveLength(1);
});

test('results are labelled with their section', async ({ page }) => {
  await visit(page, '/docs/getting-started');
  const cases: [string, string][] = [
    ['Get Profiles', 'Reference'],
    ['Sparse fieldsets', 'Guides'],
    ['#random', 'Community'],
    ['OpenAPI Generator', 'Blog'],
  ];
  for (const [query, label] of cases) {
    const options = await search(page, query);
    const first = await describeResult(options.first());
    expect(first.path[0], `label of the first result for "${query}"`).toBe(label);
    // Every result that shows a path starts it with a section label.
    const paths = await options.locator('[class*="hitPath"]').allInnerTexts();
    for (const text of paths) {
      const isPageTitleOnly = !text.includes(' › ') && !['Guides', 'Reference', 'Blog', 'Community'].includes(text);
      // Results nested under their page's result show only that page's title.
      if (!isPageTitleOnly) expect(['Guides', 'Reference', 'Blog', 'Community']).toContain(text.split(' › ')[0]);
    }
  }
});

test('the full results page finds an operation by path and links to it with its section', async ({ page }) => {
  await visit(page, `/search?q=${encodeURIComponent('/api/profiles/{id}')}`);
  const first = page
    .locator('article')
    .filter({ has: page.locator('h2 a') })
    .first();
  await expect(first.locator('h2 a')).toHaveAttribute('href', /^\/reference\/get_profile\?/);
  await expect(first).toContainText('Reference');
  await first.locator('h2 a').click();
  await expect(page).toHaveURL((url) => url.pathname === '/reference/get_profile');
});

test('the index covers every operation and tag page of the latest revision, labelled Reference, and no older revision', async ({
  request,
}) => {
  const model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
  const latest = model.revisions.find((revision) => revision.isLatest)!;
  const response = await request.get('/search-index.json');
  expect(response.ok()).toBe(true);
  type Doc = { i: number; t: string; u: string; b?: string[] };
  const [titles, , , keywords] = (await response.json()) as { documents: Doc[] }[];
  const byUrl = new Map(titles!.documents.map((doc) => [doc.u, doc]));

  const missing: string[] = [];
  for (const operation of latest.operations) {
    const url = `/reference/${operation.operationId}`;
    const title = byUrl.get(url);
    const keywordDoc = keywords!.documents.find((doc) => doc.u === url);
    if (!title || title.t !== operation.summary || title.b?.[0] !== 'Reference') missing.push(`${url} title`);
    if (!keywordDoc?.t.includes(operation.operationId) || !keywordDoc.t.includes(operation.path)) {
      missing.push(`${url} keywords`);
    }
  }
  for (const tag of latest.tags) {
    if (byUrl.get(`/reference/${tag.slug}`)?.b?.[0] !== 'Reference') missing.push(`/reference/${tag.slug}`);
  }
  expect(missing).toEqual([]);
  expect([...byUrl.keys()].filter((url) => /^\/reference\/v\d/.test(url))).toEqual([]);
  expect(byUrl.get('/docs/guides/understanding-customer-data')?.b).toEqual(['Guides']);
  expect(byUrl.get('/docs/community/developer-slack')?.b).toEqual(['Community']);
  expect(byUrl.get('/blog/automating-sdks-from-openapi')?.b).toEqual(['Blog']);
});
