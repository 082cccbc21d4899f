import { expect, test } from '@playwright/test';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { measurePage } from '../../scripts/measure-page';
import { loadReferenceModel } from '../../src/plugins/api-reference/spec';
import { build, copySite, serveSite } from '../site-copy';
import { visit } from './support';
import { HAS_REAL_SPEC, REAL_SPEC_DIR, REAL_SPEC_SKIP_REASON } from '../real-spec-fixture';

const ROOT = path.join(__dirname, '../..');
const FIXTURE = REAL_SPEC_DIR;
const GUIDE = '/docs/guides/understanding-customer-data';

test('built from the 3 MB spec with the default heap: every operation pre-rendered, guide pages no heavier', async ({
  browser,
  baseURL,
}) => {
  test.skip(!HAS_REAL_SPEC, REAL_SPEC_SKIP_REASON);
  test.setTimeout(900_000);
  const latest = readdirSync(FIXTURE)
    .filter((name) => /^\d{4}-\d{2}-\d{2}$/.test(name))
    .sort()
    .at(-1)!;
  const specsDir = mkdtempSync(path.join(tmpdir(), 'scale-specs-'));
  symlinkSync(path.join(FIXTURE, latest), path.join(specsDir, latest));
  const site = copySite();
  // Node's default heap: no --max-old-space-size from the caller's environment.
  const env = { SPECS_DIR: specsDir, NODE_OPTIONS: '' };
  try {
    const built = await build(site, env);
    expect(built.code, built.output.slice(-3000)).toBe(0);

    const model = await loadReferenceModel(specsDir, ROOT);
    const operations = model.revisions[0]!.operations;
    expect(operations.length).toBeGreaterThan(300);
    const pages = new Set(readdirSync(path.join(site, 'build/reference')));
    expect(operations.filter((operation) => !pages.has(`${operation.operationId}.html`))).toEqual([]);

    const server = await serveSite(site, GUIDE, env);
    try {
      const project = (await measurePage(browser, `${baseURL}${GUIDE}`)).bytes;
      const fixture = (await measurePage(browser, `${server.origin}${GUIDE}`)).bytes;
      expect(Math.abs(fixture / project - 1), `guide page: ${fixture} bytes vs ${project}`).toBeLessThan(0.02);
      expect((await measurePage(browser, `${server.origin}/reference/get_profiles`)).domNodes).toBeLessThanOrEqual(
        5000,
      );

      const page = await browser.newPage();
      const problems = await visit(page, `${server.origin}/reference/get_profiles`);
      await expect(page.getByTestId('endpoint')).toContainText('/api/profiles');
      expect(problems.consoleErrors).toEqual([]);
      await page.close();
    } finally {
      server.stop();
    }
  } finally {
    rmSync(site, { recursive: true, force: true });
    rmSync(specsDir, { recursive: true, force: true });
  }
});
