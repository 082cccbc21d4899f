import { expect, test } from '@playwright/test';
import path from 'node:path';
import { loadReferenceModel } from '../../src/spec-pipeline';
import { shard, visit } from './support';

const ROOT = path.join(__dirname, '../..');

/** The operations of the latest revision, parsed from the project's spec. */
async function latestOperations(): Promise<{ id: string; method: string; path: string }[]> {
  const model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
  return model.revisions[0]!.operations.map((operation) => ({
    id: operation.operationId,
    method: operation.method,
    path: operation.path,
  }));
}

const SHARDS = 3;

for (let index = 0; index < SHARDS; index++) {
  test(`operation pages (part ${index + 1}/${SHARDS}) render method, path and parameters with no console error`, async ({
    browser,
  }) => {
    test.setTimeout(600_000);
    const all = await latestOperations();
    expect(all.length).toBeGreaterThanOrEqual(40);
    const operations = shard(all, index, SHARDS);
    const context = await browser.newContext();
    const failures: string[] = [];
    for (const operation of operations) {
      const page = await context.newPage();
      try {
        const problems = await visit(page, `/reference/${operation.id}`);
        await expect(page.getByTestId('endpoint')).toContainText(operation.method.toUpperCase());
        await expect(page.getByTestId('endpoint')).toContainText(operation.path);
        // Redoc's parameter list: every operation has at least the revision header.
        await expect(
          page.locator('.redocusaurus-operation').getByText('revision', { exact: true }).first(),
        ).toBeVisible();
        expect(problems.consoleErrors).toEqual([]);
      } catch (error) {
        failures.push(`${operation.id}: ${(error as Error).message.split('\n')[0]}`);
      }
      await page.close();
    }
    expect(failures).toEqual([]);
  });
}

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
  await context.close();
});

test('an operation page downloads no other operation data', async ({ page }) => {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  await visit(page, '/reference/get_profiles');
  const bodies = await Promise.all(
    urls.filter((url) => url.endsWith('.js')).map(async (url) => (await fetch(url)).text()),
  );
  const all = bodies.join('\n');
  expect(all).toContain('get_profiles');
  // The sidebar lists every operation by name, but another operation's own data (its spec) must not ship.
  expect(all).toContain('"pointer":"#/paths/~1api~1profiles/get"');
  expect(all).not.toContain('"pointer":"#/paths/~1api~1catalog-items/post"');
});
