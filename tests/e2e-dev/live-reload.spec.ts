/**
 * Live reload of the API reference in `docusaurus start` (run with `npm run test:dev`): spec
 * edits reach the open browser, a broken save prints one clear error and keeps the last good
 * reference, and fixing it recovers. The dev server runs on a temp copy of specs/.
 */
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { copySpecs, editSpec, removeDir, startDevServer, type DevServer } from '../../scripts/lib/dev-server';

const ROOT = path.resolve(__dirname, '../..');
const PORT = Number(process.env.DEV_E2E_PORT ?? 3140);
/** The budget for an edit to reach the open page; slow machines can raise it. */
const RELOAD_BUDGET_MS = Number(process.env.DEV_RELOAD_BUDGET_MS ?? 5000);
/** New routes (added operations and revisions) only have to appear. */
const STRUCTURE_BUDGET_MS = 60_000;

test.describe.configure({ mode: 'serial' });

let server: DevServer;
let specsDir: string | undefined;

test.beforeAll(async () => {
  test.setTimeout(480_000);
  specsDir = copySpecs(path.join(ROOT, 'specs'));
  server = await startDevServer({ siteDir: ROOT, specsDir, port: PORT });
});

test.afterAll(async () => {
  await server?.stop();
  if (specsDir) removeDir(specsDir);
});

async function open(page: Page, pagePath: string): Promise<void> {
  await page.goto(server.url + pagePath);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true', { timeout: 60_000 });
}

const h1 = (page: Page) => page.locator('main h1').first();

const PING = `get:
  operationId: get_ping
  summary: Ping The API
  description: Answers with an empty document when the key is valid. Useful to check a new key.
  tags:
    - Accounts
  security:
    - Klaviyo-API-Key: []
  parameters:
    - $ref: ../components/parameters.yaml#/Revision
  responses:
    "200":
      description: The key works.
    "401":
      $ref: ../components/responses.yaml#/Unauthorized
`;

test('an edited summary shows in the open page within the budget', async ({ page }) => {
  await open(page, '/reference/get_profiles');
  await expect(h1(page)).toHaveText('Get Profiles');
  const started = Date.now();
  editSpec(
    server.specsDir,
    '2026-07-15/paths/api_profiles.yaml',
    'summary: Get Profiles\n',
    'summary: List Every Profile\n',
  );
  await expect(h1(page)).toHaveText('List Every Profile', { timeout: RELOAD_BUDGET_MS });
  console.log(`summary edit visible after ${((Date.now() - started) / 1000).toFixed(1)}s`);
});

test('an operation in a new file the entry $refs appears, and disappears when deleted', async ({ page }) => {
  await open(page, '/reference/get_accounts');
  writeFileSync(path.join(server.specsDir, '2026-07-15/paths/api_ping.yaml'), PING);
  editSpec(
    server.specsDir,
    '2026-07-15/openapi.yaml',
    'paths:\n',
    'paths:\n  /api/ping:\n    $ref: ./paths/api_ping.yaml\n',
  );

  const sidebar = page.getByRole('navigation', { name: 'API reference' });
  await expect(sidebar.getByRole('link', { name: /Ping The API/ })).toBeVisible({ timeout: STRUCTURE_BUDGET_MS });
  await sidebar.getByRole('link', { name: /Ping The API/ }).click();
  await expect(page).toHaveURL(/\/reference\/get_ping$/);
  await expect(h1(page)).toHaveText('Ping The API');

  await open(page, '/reference/get_accounts');
  editSpec(server.specsDir, '2026-07-15/openapi.yaml', '  /api/ping:\n    $ref: ./paths/api_ping.yaml\n', '');
  await expect(sidebar.getByRole('link', { name: /Ping The API/ })).toHaveCount(0, { timeout: STRUCTURE_BUDGET_MS });
  await open(page, '/reference/get_ping');
  await expect(page.locator('main h1')).toHaveText(/not found/i);
});

test('a new revision folder gets its pages and a place in the switcher', async ({ page }) => {
  await open(page, '/reference/get_profiles');
  const mark = server.output().length;
  cpSync(path.join(server.specsDir, '2026-04-15'), path.join(server.specsDir, '2026-01-15'), { recursive: true });
  const switcherEntry = page.locator('.navbar__items--right .dropdown__menu a[data-revision="2026-01-15"]');
  await expect(switcherEntry).toHaveAttribute('href', '/reference/v2026-01-15/get_profiles', {
    timeout: STRUCTURE_BUDGET_MS,
  });
  // Copying a folder is one file-system event per file, and Docusaurus reloads the plugin on each: the burst
  // must share its renders (once it rendered every operation 43 times over, and a reload took four minutes).
  const renders =
    server
      .output()
      .slice(mark)
      .match(/Redoc markup: \d+ operations/g) ?? [];
  expect(renders.length).toBeGreaterThan(0);
  expect(renders.length).toBeLessThanOrEqual(3);
  await open(page, '/reference/v2026-01-15/get_profiles');
  await expect(h1(page)).toHaveText('Get Profiles');
  await expect(page.getByTestId('old-revision-banner')).toBeVisible();

  await open(page, '/reference/get_profiles');
  removeDir(path.join(server.specsDir, '2026-01-15'));
  await expect(switcherEntry).toHaveCount(0, { timeout: STRUCTURE_BUDGET_MS });
});

test('a broken save prints one clear error, keeps the last good page, and a fix recovers', async ({ page }) => {
  await open(page, '/reference/get_profiles');
  await expect(h1(page)).toHaveText('List Every Profile');
  const mark = server.output().length;

  editSpec(
    server.specsDir,
    '2026-07-15/paths/api_profiles.yaml',
    'summary: List Every Profile\n',
    'summary: [List Every Profile\n',
  );
  await expect.poll(() => server.output().slice(mark), { timeout: 30_000 }).toContain('API reference not updated');
  // Let a second, late report (if any) arrive before counting.
  await page.waitForTimeout(1500);
  const printed = server.output().slice(mark);
  expect(printed.match(/API reference not updated/g)).toHaveLength(1);
  // File, line and column, and the JSON pointer of the $ref that pulls the file in.
  expect(printed).toMatch(/paths\/api_profiles\.yaml:\d+:\d+ at #\/paths\/~1api~1profiles: syntax error/);
  expect(printed).not.toContain('Site plugin reload failure');
  expect(printed).not.toContain('problems:');
  // No spec dump: a few lines at most, and none of the file's content.
  expect(printed.length).toBeLessThan(1500);
  expect(printed).not.toContain('Klaviyo-API-Key');

  // The last good reference is still served, also to a fresh page load.
  await expect(h1(page)).toHaveText('List Every Profile');
  await open(page, '/reference/get_profiles');
  await expect(h1(page)).toHaveText('List Every Profile');

  const started = Date.now();
  editSpec(
    server.specsDir,
    '2026-07-15/paths/api_profiles.yaml',
    'summary: [List Every Profile\n',
    'summary: Profiles Are Back\n',
  );
  await expect(h1(page)).toHaveText('Profiles Are Back', { timeout: RELOAD_BUDGET_MS });
  console.log(`recovered after ${((Date.now() - started) / 1000).toFixed(1)}s`);
});
