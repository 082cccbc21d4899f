import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { sidebarDataPath } from '../../src/plugins/api-reference/routes';
import { readSidebarMarkup } from '../../src/plugins/api-reference/theme/ApiReference/sidebar-markup';
import type { ReferenceSidebarData } from '../../src/plugins/api-reference/types';
import { visit } from './support';

const BUILD = path.join(__dirname, '../../build');
const BASE_URL = process.env.BASE_URL ?? '/';

/** The built reference pages with reference data (landing, tag and operation pages of every revision; not the
 * redirects of renamed operations nor the changelog). */
function referencePages(): string[] {
  return readdirSync(path.join(BUILD, 'reference'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => path.join(BUILD, 'reference', file))
    .concat(path.join(BUILD, 'reference.html'))
    .filter((file) => readFileSync(file, 'utf8').includes('id=reference-entry-data'));
}

test('every reference page embeds its sidebar once, as markup that reads back as the revision’s sidebar data', () => {
  const pages = referencePages();
  expect(pages.length).toBeGreaterThan(40);
  const sidebars = new Map<string, ReferenceSidebarData>();
  for (const file of pages) {
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    const embedded = JSON.parse(document.getElementById('reference-entry-data')!.textContent!) as {
      sidebar: { revision: string; basePath: string; tags?: unknown };
    };
    // The frame only: the tags and operations are in the nav.
    expect(Object.keys(embedded.sidebar).sort(), file).toEqual(['basePath', 'revision']);
    const { revision } = embedded.sidebar;
    if (!sidebars.has(revision)) {
      sidebars.set(
        revision,
        JSON.parse(readFileSync(path.join(BUILD, sidebarDataPath(revision)), 'utf8')) as ReferenceSidebarData,
      );
    }
    expect(readSidebarMarkup(document, embedded.sidebar, BASE_URL), file).toEqual(sidebars.get(revision));
  }
  expect(sidebars.size).toBeGreaterThanOrEqual(2);
});

test('an operation page hydrates its sidebar from the markup: no refetch, no console error, links still followed', async ({
  page,
}) => {
  const sidebarRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/reference-data/')) sidebarRequests.push(request.url());
  });
  const problems = await visit(page, '/reference/get_profiles');
  expect(problems.consoleErrors).toEqual([]);
  expect(sidebarRequests).toEqual([]);
  const sidebar = page.getByRole('navigation', { name: 'API reference' }).first();
  await sidebar.locator('summary', { hasText: /^Lists$/ }).click();
  await sidebar.locator('a[data-operation-link][href="/reference/get_lists"]').click();
  await expect(page).toHaveURL(/\/reference\/get_lists$/);
  await expect(page.locator('h1').first()).toContainText('Get Lists');
  expect(problems.consoleErrors).toEqual([]);
});
