// Field anchors on operation pages (issue 18, point 1): a link to a parameter or a property, at any depth,
// opens what holds it, scrolls it into view and highlights it; each field copies its own absolute link.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { visit } from './support';

const PHONE = { width: 390, height: 844 };
const TARGET = 'tr.field-anchor-target';

async function expectRevealed(page: Page, id: string): Promise<void> {
  const row = page.locator(`tr[id="${id}"]`);
  await expect(row).toHaveClass(/field-anchor-target/, { timeout: 20_000 });
  await expect(row).toBeInViewport();
  await expect(page.locator(TARGET)).toHaveCount(1);
}

/** The ids of a page's anchored rows whose parents are open, read from the DOM. */
async function anchoredIds(page: Page): Promise<string[]> {
  return page.locator('tr[data-field-anchor]').evaluateAll((rows) => rows.map((row) => row.id));
}

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 800 }],
  ['390 px', PHONE],
] as const) {
  test.describe(`field anchors (${label})`, () => {
    test.use({ viewport });

    test('a parameter link scrolls to the row and highlights it', async ({ page }) => {
      const problems = await visit(page, '/reference/get_profiles#param-page-size');
      await expectRevealed(page, 'param-page-size');
      await expect(page.locator('#param-page-size td[kind]')).toHaveAttribute('title', 'page[size]');
      expect(problems.consoleErrors).toEqual([]);
    });

    test('a collapsed request field opens each parent with its toggle, then scrolls and highlights', async ({
      page,
    }) => {
      const id = 'request-data-attributes-send_strategy-options-is_local';
      const problems = await visit(page, '/reference/create_campaign');
      // As the page opens, send_strategy is folded: its fields are not in the DOM.
      await expect(page.locator('#request-data-attributes-send_strategy')).toBeAttached();
      await expect(page.locator('#request-data-attributes-send_strategy-options')).toHaveCount(0);

      await visit(page, `/reference/create_campaign#${id}`);
      await expectRevealed(page, id);
      // Each parent is open: the row after it holds its nested table, down to the field.
      for (const parent of ['request-data-attributes-send_strategy', 'request-data-attributes-send_strategy-options']) {
        await expect(page.locator(`[id="${parent}"] + tr [id="${id}"]`)).toBeVisible();
      }
      expect(problems.consoleErrors).toEqual([]);
    });
  });
}

test.describe('field anchors', () => {
  test('a field of a folded error response opens the response first', async ({ page }) => {
    await visit(page, '/reference/create_campaign#response-400-errors-source-pointer');
    await expectRevealed(page, 'response-400-errors-source-pointer');
  });

  test("a field of a one-of's second variant switches to that variant", async ({ page }) => {
    // get_event's `included` is a Profile or a Metric; `name` is a Metric attribute.
    await visit(page, '/reference/get_event#response-200-included-attributes-name');
    await expectRevealed(page, 'response-200-included-attributes-name');
  });

  test('changing the hash on the page reveals the new field; an unknown anchor does nothing', async ({ page }) => {
    const problems = await visit(page, '/reference/create_campaign');
    await page.evaluate(() => {
      window.location.hash = '#response-201-data-attributes-send_strategy-method';
    });
    await expectRevealed(page, 'response-201-data-attributes-send_strategy-method');

    const before = await anchoredIds(page);
    await page.evaluate(() => {
      window.location.hash = '#response-999-not-a-field';
    });
    await page.waitForTimeout(500);
    expect(await anchoredIds(page)).toEqual(before);
    await expect(page.locator(TARGET)).toHaveCount(1);
    expect(problems.consoleErrors).toEqual([]);
  });

  test('every anchored row has a unique id from the scheme, also after Expand all', async ({ page }) => {
    await visit(page, '/reference/create_campaign');
    const opened = await anchoredIds(page);
    expect(opened).toContain('param-revision');
    expect(opened).toContain('request-data-attributes-send_strategy');
    await page.getByTestId('expand-all').click();
    await expect(page.locator('[id="request-data-attributes-send_strategy-options-is_local"]')).toBeAttached();
    const all = await anchoredIds(page);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(opened.length);
    expect(all.every((id) => /^(param|request|response-\d+)-/.test(id))).toBe(true);
  });

  test('the highlighted row keeps AA contrast in light and dark mode', async ({ page }) => {
    for (const mode of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: mode });
      await visit(page, '/reference/get_profiles#param-filter');
      await expect(page.locator('html')).toHaveAttribute('data-theme', mode);
      await expectRevealed(page, 'param-filter');
      const results = await new AxeBuilder({ page }).include(TARGET).withRules(['color-contrast']).analyze();
      expect(
        results.violations.flatMap((violation) => violation.nodes.map((node) => `${mode}: ${node.failureSummary}`)),
      ).toEqual([]);
    }
  });
});

test.describe('field copy-link buttons', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  for (const [label, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['390 px', PHONE],
  ] as const) {
    test(`copy the absolute URL with the field's anchor (${label})`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await visit(page, '/reference/create_campaign');
      await page.evaluate(() => navigator.clipboard.writeText('nothing copied yet'));
      const origin = new URL((await page.locator('link[rel="canonical"]').getAttribute('href'))!).origin;

      const row = page.locator('[id="request-data-attributes-send_strategy"]');
      await row.hover();
      const button = row.getByRole('button', {
        name: 'Copy link to request body field data.attributes.send_strategy',
      });
      await expect(button).toBeVisible();
      await button.click();
      await expect(row.getByRole('status')).toHaveText('Link copied');
      await expect
        .poll(() => page.evaluate(() => navigator.clipboard.readText()))
        .toBe(`${origin}/reference/create_campaign#request-data-attributes-send_strategy`);
      // The copy button is not the expand toggle: the property stays folded.
      await expect(page.locator('[id="request-data-attributes-send_strategy-method"]')).toHaveCount(0);
    });
  }
});

test('the server-rendered HTML carries the ids and copy links of every open row, with no script run', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/reference/create_campaign');
  const ids = await anchoredIds(page);
  expect(ids).toContain('request-data-attributes-send_strategy');
  expect(ids).toContain('param-revision');
  const copy = page.locator('[data-field-copy="request-data-attributes-send_strategy"]');
  await expect(copy).toHaveAttribute(
    'data-copy-link',
    /^https:\/\/[^#]+\/reference\/create_campaign#request-data-attributes-send_strategy$/,
  );
  await context.close();
});
