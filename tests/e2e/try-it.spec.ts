import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { seriousAxeViolations, setColorMode, visit } from './support';
import { startLoopbackApi, startMock, type MockServer } from './mock-server';

const LATEST = readdirSync(path.join(__dirname, '../../specs'))
  .filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name))
  .sort()
  .at(-1)!;
const PRIVATE_KEY = 'pk_e2e_do_not_store_7f3a9c';
const PUBLIC_KEY = 'AbC123';

let mock: MockServer;

test.beforeAll(async () => {
  mock = await startMock();
});

test.afterAll(async () => {
  await mock?.stop();
});

/** The Try it panel: field labels are scoped to it, since the field anchors' copy buttons name the same fields. */
function tryIt(page: Page) {
  return page.getByTestId('try-it');
}

async function openPanel(page: Page, path: string): Promise<void> {
  await visit(page, path);
  await page.getByTestId('try-it').locator('summary').click();
  await expect(page.getByTestId('try-it-form')).toBeVisible({ timeout: 20_000 });
}

async function chooseServer(page: Page, url: string): Promise<void> {
  await tryIt(page).getByLabel('Send to').selectOption({ label: 'Custom base URL…' });
  await tryIt(page).getByLabel('Custom base URL').fill(url);
}

/** Every place a page could keep the key: storage, cookies, the URL, history state and the markup. */
async function keyTraces(page: Page, key: string): Promise<string[]> {
  const found = await page.evaluate((secret) => {
    const places: Record<string, string> = {
      localStorage: JSON.stringify({ ...localStorage }),
      sessionStorage: JSON.stringify({ ...sessionStorage }),
      'document.cookie': document.cookie,
      'location.href': location.href,
      'history.state': JSON.stringify(history.state),
      markup: document.documentElement.outerHTML,
    };
    return Object.entries(places)
      .filter(([, value]) => value.includes(secret))
      .map(([place]) => place);
  }, key);
  const state = await page.context().storageState();
  if (JSON.stringify(state).includes(key)) found.push('context storage state (cookies, localStorage)');
  return found;
}

test('a client event reaches the mock with company_id and the revision header and gets 202', async ({ page }) => {
  await openPanel(page, '/reference/create_client_event');
  await expect(tryIt(page).getByLabel('revision')).toHaveValue(LATEST);
  await chooseServer(page, mock.url);
  await tryIt(page).getByLabel('Public key (company_id)').fill(PUBLIC_KEY);
  const sent = page.waitForRequest((request) => request.url().startsWith(`${mock.url}/client/events`));
  await page.getByTestId('try-it-send').click();
  const request = await sent;
  expect(new URL(request.url()).searchParams.get('company_id')).toBe(PUBLIC_KEY);
  expect(request.headers().revision).toBe(LATEST);
  expect(JSON.parse(request.postData()!).data.type).toBe('event');
  expect((await request.response())!.status()).toBe(202);
  await expect(page.getByTestId('try-it-status-code')).toHaveText(/^202/);
  await expect(page.getByTestId('try-it-time')).toHaveText(/^\d+ ms$/);
  expect(mock.log()).toMatch(/post \/client\/events[^\n]*Request received/);
});

test('get_profiles with a private key shows 200 and the body, and the key is kept nowhere', async ({ page }) => {
  const urls: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url());
  });
  await openPanel(page, '/reference/get_profiles');
  await chooseServer(page, mock.url);
  const key = tryIt(page).getByLabel('Private key');
  await expect(key).toHaveAttribute('type', 'password');
  await key.fill(PRIVATE_KEY);
  await tryIt(page).getByLabel('page[size]').fill('5');
  await tryIt(page).getByLabel('sort').selectOption('-created');
  const sent = page.waitForRequest((request) => request.url().startsWith(`${mock.url}/api/profiles`));
  await page.getByTestId('try-it-send').click();
  const request = await sent;
  expect(request.headers().authorization).toBe(`Klaviyo-API-Key ${PRIVATE_KEY}`);
  expect(request.url()).not.toContain(PRIVATE_KEY);
  await expect(page.getByTestId('try-it-status-code')).toHaveText(/^200/);
  const body = page.getByTestId('try-it-response-body');
  await expect(body).toContainText('"email": "sarah.mason@example.com"');
  // Highlighted: Prism tokens, not one text node.
  expect(await body.locator('.token').count()).toBeGreaterThan(10);
  await expect(page.getByTestId('try-it-schema-result')).toHaveText(/matches the documented 200 response schema/);
  await page
    .getByTestId('try-it-response')
    .getByText(/^Headers \(\d+\)$/)
    .click();
  await expect(page.getByTestId('try-it-response')).toContainText('content-type');

  // The share link, made after the call, carries the form but not the key.
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByTestId('try-it-share-link').inputValue();
  expect(Buffer.from(link.split('#try-it=')[1]!, 'base64url').toString()).not.toContain(PRIVATE_KEY);

  expect(await keyTraces(page, PRIVATE_KEY)).toEqual([]);
  expect(urls.filter((url) => url.includes(PRIVATE_KEY))).toEqual([]);
  // Client-side navigation keeps it in memory only; a reload (like closing the tab) forgets it.
  await page.reload();
  await page.getByTestId('try-it').locator('summary').click();
  await expect(tryIt(page).getByLabel('Private key')).toHaveValue('');
  expect(await keyTraces(page, PRIVATE_KEY)).toEqual([]);
});

test('an invalid body is caught before sending, with the error at its field', async ({ page }) => {
  const toMock: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(mock.url)) toMock.push(request.url());
  });
  await openPanel(page, '/reference/create_client_event');
  await chooseServer(page, mock.url);
  await tryIt(page).getByLabel('Public key (company_id)').fill(PUBLIC_KEY);
  const editor = tryIt(page).getByLabel('JSON body');
  const example = await editor.inputValue();
  await editor.fill(example.replace('"type": "event"', '"type": "evnt"'));
  const errors = page.getByTestId('try-it-body-errors');
  const line = example.split('\n').findIndex((text) => text.includes('"type": "event"')) + 1;
  await expect(errors).toContainText(`Line ${line} data.type must be one of "event"`);
  await expect(editor).toHaveAttribute('aria-invalid', 'true');
  await page.getByTestId('try-it-send').click();
  await expect(page.getByTestId('try-it-status')).toHaveText(/^Not sent: fix the error marked in the form first\./);
  // The error's line button puts the caret on the field.
  await errors.getByRole('button', { name: `Line ${line}` }).click();
  const caret = await editor.evaluate((element: HTMLTextAreaElement) => element.selectionStart);
  expect(example.slice(0, caret).split('\n').length).toBe(line);

  // Broken JSON is reported too, and not sent either.
  await editor.fill('{"data": ');
  await expect(errors).toContainText('body is not valid JSON');
  await page.getByTestId('try-it-send').click();
  await page.waitForTimeout(300);
  expect(toMock).toEqual([]);
});

test('a server that refuses CORS gets the curl command and SDK call of the filled-in form', async ({ page }) => {
  const refusing = await startLoopbackApi({ cors: false });
  try {
    await openPanel(page, '/reference/get_profiles');
    await chooseServer(page, refusing.url);
    await tryIt(page).getByLabel('Private key').fill(PRIVATE_KEY);
    await tryIt(page).getByLabel('filter').fill('equals(email,"sarah.mason@example.com")');
    await tryIt(page).getByLabel('sort').selectOption('-updated');
    await tryIt(page).getByLabel('page[size]').fill('7');
    await page.getByTestId('try-it-send').click();
    const blocked = page.getByTestId('try-it-blocked');
    await expect(blocked).toContainText(`could not read a response from ${refusing.url}`);
    await expect(blocked).toContainText('CORS');
    const curl = blocked.locator('[data-language="curl"]');
    await expect(curl).toContainText(
      `--url '${refusing.url}/api/profiles?filter=equals(email%2C%22sarah.mason%40example.com%22)&page%5Bsize%5D=7&sort=-updated'`,
    );
    await expect(curl).toContainText(`--header 'revision: ${LATEST}'`);
    await expect(curl).toContainText('Klaviyo-API-Key YOUR_PRIVATE_API_KEY');
    const node = (await blocked.locator('[data-language="node"] .token-line').allTextContents()).join('\n');
    expect(node).toContain(
      [
        'profilesApi.getProfiles({',
        '  filter: "equals(email,\\"sarah.mason@example.com\\")",',
        '  pageSize: 7,',
        '  sort: "-updated"',
        '})',
      ].join('\n'),
    );
    await expect(blocked.locator('[data-language="python"]')).toContainText('page_size=7');
    await expect(blocked).not.toContainText(PRIVATE_KEY);
    // The browser asked first (preflight, which carries no key) and stopped there.
    expect(refusing.requests.map((request) => request.method)).toEqual(['OPTIONS']);
    expect(JSON.stringify(refusing.requests)).not.toContain(PRIVATE_KEY);
  } finally {
    await refusing.stop();
  }
});

test('a response that does not match its schema has the mismatching fields marked', async ({ page }) => {
  const api = await startLoopbackApi({
    cors: true,
    body: JSON.stringify({ data: [{ type: 'profile', id: 42, attributes: { email: 'sarah.mason@example.com' } }] }),
  });
  try {
    await openPanel(page, '/reference/get_profiles');
    await chooseServer(page, api.url);
    await tryIt(page).getByLabel('Private key').fill(PRIVATE_KEY);
    await page.getByTestId('try-it-send').click();
    await expect(page.getByTestId('try-it-status-code')).toHaveText(/^200/);
    const result = page.getByTestId('try-it-schema-result');
    await expect(result).toContainText('do not match the documented 200 response schema');
    await expect(result).toContainText('Line 5: data.0.id must be string');
    await expect(result).toContainText('links is required');
    const marked = page.getByTestId('try-it-response-body').locator('[data-invalid="true"]');
    await expect(marked.filter({ hasText: '"id": 42' })).toHaveCount(1);
    // The missing `links` is marked on the object that lacks it.
    await expect(marked.filter({ hasText: /^\{\s*$/ })).toHaveCount(1);
  } finally {
    await api.stop();
  }
});

test('a shared link restores every field except the key', async ({ page, context }) => {
  await openPanel(page, '/reference/get_profiles');
  await chooseServer(page, mock.url);
  await tryIt(page).getByLabel('Private key').fill(PRIVATE_KEY);
  await tryIt(page).getByLabel('filter').fill('equals(email,"ü@example.com")');
  await tryIt(page).getByLabel('sort').selectOption('-created');
  await tryIt(page).getByLabel('additional-fields[profile]').selectOption(['subscriptions', 'predictive_analytics']);
  await tryIt(page).getByLabel('revision').fill('2026-04-15');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByTestId('try-it-share-link').inputValue();
  expect(link).not.toContain(PRIVATE_KEY);

  const other = await context.newPage();
  await visit(other, link.replace(/^https?:\/\/[^/]+/, ''));
  await expect(other.getByTestId('try-it-form')).toBeVisible({ timeout: 20_000 });
  await expect(tryIt(other).getByLabel('Send to')).toHaveValue('custom');
  await expect(tryIt(other).getByLabel('Custom base URL')).toHaveValue(mock.url);
  await expect(tryIt(other).getByLabel('filter')).toHaveValue('equals(email,"ü@example.com")');
  await expect(tryIt(other).getByLabel('sort')).toHaveValue('-created');
  expect(
    await tryIt(other)
      .getByLabel('additional-fields[profile]')
      .evaluate((select: HTMLSelectElement) => Array.from(select.selectedOptions).map((option) => option.value)),
  ).toEqual(['subscriptions', 'predictive_analytics']);
  await expect(tryIt(other).getByLabel('revision')).toHaveValue('2026-04-15');
  await expect(tryIt(other).getByLabel('Private key')).toHaveValue('');
});

test('without JavaScript the page keeps its static samples and the panel offers no form', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/reference/get_profiles');
  await expect(page.locator('.redocusaurus-operation pre').first()).toContainText('curl --request GET');
  const panel = page.getByTestId('try-it');
  await expect(panel.locator('input, select, textarea, form, button')).toHaveCount(0);
  await panel.locator('summary').click();
  await expect(page.getByTestId('try-it-no-js')).toHaveText(
    /needs JavaScript\. The code samples above work without it\./,
  );
  await context.close();
});

test("the panel's code is a separate chunk, loaded on operation pages only when the panel is opened or scrolled into view", async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 500 } });
  const page = await context.newPage();
  const chunks: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/js\/try-it\.[0-9a-f]+\.js$/.test(request.url())) chunks.push(request.url());
  });
  for (const other of ['/', '/docs/api-overview', '/reference', '/reference/profiles']) {
    await visit(page, other);
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(300);
  }
  expect(chunks).toEqual([]);

  await visit(page, '/reference/get_profiles');
  await page.waitForTimeout(500);
  expect(chunks, 'not fetched while the panel is out of view').toEqual([]);
  await page.getByTestId('try-it').scrollIntoViewIfNeeded();
  await expect.poll(() => chunks.length).toBe(1);
  await page.getByTestId('try-it').locator('summary').click();
  await expect(page.getByTestId('try-it-form')).toBeVisible();
  await context.close();
});

for (const mode of ['light', 'dark'] as const) {
  test(`accessibility: the Try it panel with a response in ${mode} mode has no serious or critical violation`, async ({
    page,
  }) => {
    await visit(page, '/reference/get_profiles');
    await setColorMode(page, mode);
    await page.getByTestId('try-it').locator('summary').click();
    await chooseServer(page, mock.url);
    await tryIt(page).getByLabel('Private key').fill(PRIVATE_KEY);
    await page.getByTestId('try-it-send').click();
    await expect(page.getByTestId('try-it-status-code')).toHaveText(/^200/);
    await page
      .getByTestId('try-it-response')
      .getByText(/^Headers/)
      .click();
    await page.getByText('This request as curl or an SDK call').click();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // And the form's error states.
    await tryIt(page).getByLabel('Private key').fill('');
    await tryIt(page).getByLabel('page[size]').fill('1000');
    await page.getByTestId('try-it-send').click();
    await expect(page.getByTestId('try-it-status')).toHaveText(/^Not sent/);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
}
