import { expect, test, type APIRequestContext } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { loadReferenceModel, type ReferenceModel } from '../../src/plugins/api-reference/spec';
import { operationParameters } from '../../src/plugins/api-reference/openapi';
import { sitemapPaths, visit } from './support';

const ROOT = path.join(__dirname, '../..');
const BUILD = path.join(ROOT, 'build');

let modelPromise: Promise<ReferenceModel> | undefined;
function projectModel(): Promise<ReferenceModel> {
  modelPromise ??= loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
  return modelPromise;
}

async function fetchText(request: APIRequestContext, url: string): Promise<string> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  return response.text();
}

test('every operation of the project spec has a Markdown twin naming its method, path and every parameter', async ({
  request,
}) => {
  test.setTimeout(300_000);
  const model = await projectModel();
  const failures: string[] = [];
  let checked = 0;
  for (const revision of model.revisions) {
    for (const operation of revision.operations) {
      const twin = `${revision.basePath}/${operation.operationId}.md`;
      if (!existsSync(path.join(BUILD, twin))) {
        failures.push(`${twin}: missing from build/`);
        continue;
      }
      const markdown = await fetchText(request, twin);
      const expected = [
        `${operation.method.toUpperCase()} ${operation.path}`,
        ...operationParameters(revision.spec, operation.path, operation.method).map(
          (parameter) => `\`${parameter.name}\``,
        ),
      ];
      const missing = expected.filter((text) => !markdown.includes(text));
      if (missing.length > 0) failures.push(`${twin}: lacks ${missing.join(', ')}`);
      checked++;
    }
  }
  expect(failures).toEqual([]);
  expect(checked).toBeGreaterThanOrEqual(100);
});

test('each spec download parses and equals the bundled spec', async ({ request }) => {
  const model = await projectModel();
  for (const revision of model.revisions) {
    const aliases = revision.isLatest ? [revision.revision, 'latest'] : [revision.revision];
    for (const alias of aliases) {
      expect(JSON.parse(await fetchText(request, `/specs/${alias}/openapi.json`))).toEqual(revision.spec);
      expect(load(await fetchText(request, `/specs/${alias}/openapi.yaml`))).toEqual(revision.spec);
    }
  }
});

test('the built Postman collection holds one request per operation with the revision header', async ({ request }) => {
  const model = await projectModel();
  for (const revision of model.revisions) {
    const collection = JSON.parse(await fetchText(request, `/postman/${revision.revision}/collection.json`)) as {
      item: { item: { request: { method: string; header: { key: string; value: string }[] } }[] }[];
    };
    const requests = collection.item.flatMap((folder) => folder.item);
    expect(requests).toHaveLength(revision.operations.length);
    for (const item of requests) {
      expect(item.request.header.find((header) => header.key === 'revision')?.value).toBe(revision.revision);
    }
    const environment = JSON.parse(await fetchText(request, `/postman/${revision.revision}/environment.json`)) as {
      values: { key: string }[];
    };
    expect(environment.values.map((value) => value.key)).toContain('base_url');
  }
});

test('llms.txt lists every operation and every guide, and every link in it resolves in build/', async ({
  request,
  baseURL,
}) => {
  const model = await projectModel();
  const text = await fetchText(request, '/llms.txt');
  expect(text).toMatch(/^# Klaviyo Developer Portal\n\n> /);
  const links = [...text.matchAll(/\]\((https?:\/\/[^)\s]+)\)/g)].map((match) => new URL(match[1]!));
  const paths = links.map((url) => url.pathname);

  for (const operation of model.revisions[0]!.operations) {
    expect(paths).toContain(`/reference/${operation.operationId}.md`);
  }
  const docs = (await sitemapPaths(baseURL!)).filter((page) => page.startsWith('/docs/'));
  expect(docs.length).toBeGreaterThanOrEqual(7);
  for (const doc of docs) expect(paths).toContain(`${doc}.md`);

  const unresolved = paths.filter((link) => !existsSync(path.join(BUILD, decodeURIComponent(link))));
  expect(unresolved).toEqual([]);

  const full = await fetchText(request, '/llms-full.txt');
  for (const doc of docs) {
    const twin = readFileSync(path.join(BUILD, `${doc}.md`), 'utf8');
    expect(full).toContain(twin.split('\n')[0]!);
  }
});

test.describe('Copy as Markdown', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  for (const pagePath of ['/docs/getting-started', '/reference/get_profiles', '/reference/v2026-04-15/create_event']) {
    test(`copies the Markdown twin of ${pagePath}`, async ({ page, request }) => {
      const problems = await visit(page, pagePath);
      const expected = await fetchText(request, `${pagePath}.md`);
      await page.evaluate(() => navigator.clipboard.writeText('clipboard before the click'));

      const button = page.getByRole('button', { name: 'Copy as Markdown' });
      await expect(button).toBeVisible();
      await button.click();
      await expect(page.getByTestId('copy-markdown')).toHaveAttribute('data-status', 'copied');
      await expect(page.getByRole('status').filter({ hasText: 'copied' })).toHaveCount(1);

      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(expected);
      expect(copied.startsWith('# ')).toBe(true);
      await expect(page.getByTestId('view-markdown')).toHaveAttribute('href', `${pagePath}.md`);
      expect(problems.consoleErrors).toEqual([]);
    });
  }
});

test('the reference landing and tag pages link to the Postman and spec downloads', async ({ page, request }) => {
  for (const pagePath of ['/reference', '/reference/profiles', '/reference/v2026-04-15']) {
    await visit(page, pagePath);
    const downloads = page.getByTestId('artifact-downloads').getByRole('link');
    await expect(downloads).toHaveCount(4);
    const hrefs = await downloads.evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    const revision = pagePath.includes('v2026-04-15') ? '2026-04-15' : (await projectModel()).latest;
    expect(hrefs).toEqual([
      `/postman/${revision}/collection.json`,
      `/postman/${revision}/environment.json`,
      `/specs/${revision}/openapi.json`,
      `/specs/${revision}/openapi.yaml`,
    ]);
    for (const href of hrefs) await fetchText(request, href);
  }
});

test.describe('Postman import link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copies the absolute URL of the revision collection, which serves the collection', async ({ page, request }) => {
    const revision = (await projectModel()).latest;
    await visit(page, '/reference');
    await page.evaluate(() => navigator.clipboard.writeText('clipboard before the click'));
    await page.getByTestId('copy-postman-import-link').click();
    await expect(page.getByTestId('copy-postman-import-link')).toHaveText('Import link copied');
    const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.protocol).toBe('https:');
    expect(copied.pathname).toBe(`/postman/${revision}/collection.json`);
    // The production host is not this test server: fetch the same path here.
    const collection = JSON.parse(await fetchText(request, copied.pathname)) as { info: { schema: string } };
    expect(collection.info.schema).toContain('collection/v2.1');
  });
});
