import { expect, test, type Page } from '@playwright/test';
import { seriousAxeViolations, visit } from './support';

/** An operation page per HTTP method of the spec. */
const BY_METHOD = {
  GET: 'get_profiles',
  POST: 'create_campaign',
  PATCH: 'update_profile',
  DELETE: 'delete_campaign',
};
const REVIEWED = ['get_profiles', 'create_campaign', 'create_client_event'];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const MODES = ['light', 'dark'] as const;

/** Redoc's middle panel (description, parameters, bodies, responses) and its samples panel. */
const MIDDLE = '[data-section-id^="operation/"] > div:first-child';
const SAMPLES = '[data-section-id^="operation/"] > div:nth-child(2)';

async function open(page: Page, path: string, mode: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: mode });
  await visit(page, path);
  await expect(page.locator('html')).toHaveAttribute('data-theme', mode);
}

/** Content width of every visible description cell of Redoc's property tables, with the property's name. */
function descriptionColumns(page: Page): Promise<{ name: string; width: number; depth: number }[]> {
  return page.locator(MIDDLE).evaluate((panel) =>
    Array.from(panel.querySelectorAll('td'))
      .filter((cell) => cell.cellIndex === 1 && cell.getBoundingClientRect().width > 0)
      .map((cell) => {
        const style = getComputedStyle(cell);
        let depth = 0;
        for (let node: Element | null = cell; node; node = node.parentElement) if (node.tagName === 'TABLE') depth++;
        return {
          name: (cell.parentElement as HTMLTableRowElement).cells[0]!.textContent!.trim(),
          width: cell.getBoundingClientRect().width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
          depth,
        };
      }),
  );
}

for (const mode of MODES) {
  test.describe(`${mode} mode`, () => {
    test.describe('at 390×844', () => {
      test.use({ viewport: PHONE });

      for (const [method, operationId] of Object.entries(BY_METHOD)) {
        test(`${method} ${operationId}: title and method/path in the first viewport, nothing wider than the screen`, async ({
          page,
        }) => {
          await open(page, `/reference/${operationId}`, mode);
          for (const locator of [page.getByRole('heading', { level: 1 }), page.getByTestId('endpoint')]) {
            const box = (await locator.boundingBox())!;
            expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
          }
          await expect(page.getByTestId('endpoint')).toContainText(method);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
          // The sidebar column is not stacked above the page.
          await expect(page.locator('aside nav[aria-label="API reference"]')).toBeHidden();
        });
      }

      test('the navbar drawer lists the reference tags and leads to an operation', async ({ page }) => {
        await open(page, '/reference/get_profiles', mode);
        await page.getByRole('button', { name: /toggle navigation/i }).click();
        const drawer = page.locator('.navbar-sidebar');
        const menu = drawer.getByRole('navigation', { name: 'API reference' });
        await expect(menu).toBeVisible();
        for (const tag of ['Profiles', 'Events', 'Campaigns', 'Client']) {
          await expect(menu.locator('summary').getByText(tag, { exact: true })).toBeVisible();
        }
        await menu.locator('summary').getByText('Events', { exact: true }).click();
        await menu.locator('a[href="/reference/get_events"]').click();
        await expect(page).toHaveURL(/\/reference\/get_events$/);
        await expect(drawer).toBeHidden();
        await expect(page.getByTestId('endpoint')).toContainText('/api/events');
      });
    });

    test.describe('at 1280×800', () => {
      test.use({ viewport: DESKTOP });

      test('parameter and body description columns are at least 320 px wide', async ({ page }) => {
        for (const operationId of REVIEWED) {
          await open(page, `/reference/${operationId}`, mode);
          const columns = await descriptionColumns(page);
          expect(columns.length, operationId).toBeGreaterThan(0);
          // Parameters, body members and the first level of attributes (three tables deep).
          const narrow = columns.filter((column) => column.depth <= 3 && column.width < 320);
          expect(narrow, operationId).toEqual([]);
        }
      });

      test('the samples panel sits beside the parameters and stays in view down to the last one', async ({ page }) => {
        await open(page, '/reference/get_profiles', mode);
        const panel = page.locator(SAMPLES);
        const middle = page.locator(MIDDLE);
        const [panelBox, middleBox] = [(await panel.boundingBox())!, (await middle.boundingBox())!];
        expect(panelBox.x).toBeGreaterThanOrEqual(middleBox.x + middleBox.width);
        await expect(panel.getByRole('tab', { name: 'curl' })).toBeVisible();
        await expect(panel.getByRole('tab', { name: 'Python' })).toBeVisible();

        const lastParameter = page.locator(`${MIDDLE} table`).last().locator('tr').last();
        await lastParameter.scrollIntoViewIfNeeded();
        await page.mouse.wheel(0, 200);
        await page.waitForTimeout(200);
        const box = (await panel.boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y).toBeLessThan(DESKTOP.height / 2);
        await expect(panel.getByRole('tab', { name: 'curl' })).toBeInViewport();
        // The operation's description is shown once.
        const description = 'List the profiles in the account';
        await expect(page.locator('article').getByText(description)).toHaveCount(1);
      });

      test('a success without a body opens the response samples, before the error tabs, also once Redoc is live', async ({
        page,
      }) => {
        await open(page, '/reference/create_event', mode);
        const panel = page.locator(SAMPLES);
        const note = panel.locator('[data-bodiless-success]');
        const expectNoteFirst = async () => {
          await expect(note).toHaveCount(1);
          await expect(note).toHaveText('202 Accepted: the request was queued for processing. No response body.');
          await expect(note).toBeVisible();
          // Right under the heading, above Redoc's tabs of the error responses.
          expect(await note.evaluate((element) => element.previousElementSibling?.textContent?.trim() ?? '')).toBe(
            'Response samples',
          );
          const [noteBox, tabBox] = [
            await note.boundingBox(),
            await panel.getByRole('tab', { name: '400' }).boundingBox(),
          ];
          expect(noteBox!.y + noteBox!.height).toBeLessThanOrEqual(tabBox!.y);
        };
        await expectNoteFirst();
        expect(await seriousAxeViolations(page)).toEqual([]);
        // The first interaction mounts the live Redoc tree in place of the markup: the note is put back.
        await panel.getByRole('tab', { name: '401' }).click();
        await expect(panel.getByRole('tab', { name: '401' })).toHaveAttribute('aria-selected', 'true');
        await expect(page.locator('[data-redoc-markup]')).toHaveCount(0);
        await expectNoteFirst();
      });

      test('client endpoints offer a browser fetch sample', async ({ page }) => {
        await open(page, '/reference/create_client_event', mode);
        const panel = page.locator(SAMPLES);
        await panel.getByRole('tab', { name: 'Browser (fetch)' }).click();
        await expect(panel.getByRole('tabpanel', { name: 'Browser (fetch)' })).toContainText(
          "await fetch('https://a.klaviyo.com/client/events",
        );
      });
    });

    test('create_campaign shows the attributes of its request body without a click, and one control expands or collapses all', async ({
      page,
    }) => {
      await page.setViewportSize(DESKTOP);
      await open(page, '/reference/create_campaign', mode);
      const middle = page.locator(MIDDLE);
      for (const attribute of ['name', 'channel', 'audiences', 'send_strategy']) {
        await expect(middle.getByText(attribute, { exact: true }).first()).toBeVisible();
      }
      // Deeper levels stay folded until asked for.
      await expect(middle.getByText('included', { exact: true })).toHaveCount(0);
      await page.getByTestId('expand-all').click();
      await expect(middle.getByText('included', { exact: true }).first()).toBeVisible();
      await expect(page.getByTestId('expand-all')).toHaveText('Collapse all');
      await page.getByTestId('expand-all').click();
      await expect(middle.getByText('channel', { exact: true })).toHaveCount(0);
      // The request sample holds the whole example, nothing folded.
      await page.locator(SAMPLES).getByRole('tab', { name: 'Payload' }).click();
      await expect(page.locator(SAMPLES).getByRole('tabpanel', { name: 'Payload' })).toContainText(
        '"Summer Sale Launch"',
      );
    });

    for (const operationId of REVIEWED) {
      test(`screenshots and accessibility of ${operationId}`, async ({ page }, testInfo) => {
        for (const [label, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
          await page.setViewportSize(viewport);
          await open(page, `/reference/${operationId}`, mode);
          const file = testInfo.outputPath(`${operationId}-${viewport.width}-${mode}.png`);
          await page.screenshot({ path: file });
          await testInfo.attach(`${operationId} ${label} ${mode}`, { path: file, contentType: 'image/png' });
          expect(await seriousAxeViolations(page), `${operationId} at ${viewport.width} px`).toEqual([]);
        }
      });
    }
  });
}

test('Ctrl+K pressed before the page hydrates focuses the search box, which then searches', async ({ page }) => {
  let release!: () => void;
  const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/assets/js/**', async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto('/docs/getting-started', { waitUntil: 'commit' });
  const input = page.locator('input.navbar__search-input');
  await expect(input).toBeVisible();
  await expect(page.locator('html')).not.toHaveAttribute('data-has-hydrated', 'true');
  await page.keyboard.press('Control+k');
  await expect(input).toBeFocused();
  release();
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true', { timeout: 20_000 });
  await expect(input).toBeFocused();
  await page.keyboard.type('profiles');
  await expect(page.locator('[role="listbox"] [role="option"]').first()).toBeVisible({ timeout: 15_000 });
});

test('the navbar highlights only the current section', async ({ page }) => {
  for (const [path, active] of [
    ['/docs/getting-started', 'Guides'],
    ['/docs/guides/understanding-customer-data', 'Guides'],
    ['/docs/sdks', 'SDKs'],
    ['/reference/get_profiles', 'API Reference'],
  ] as const) {
    await visit(page, path);
    await expect(page.locator('.navbar__items .navbar__link--active'), path).toHaveText([active]);
  }
});

test('home page title, Slack invite and tag descriptions', async ({ page }) => {
  await visit(page, '/');
  await expect(page).toHaveTitle('Klaviyo Developer Portal');

  await visit(page, '/docs/community/developer-slack');
  await expect(page.getByRole('heading', { name: 'How to join' })).toBeVisible();
  await expect(page.getByTestId('slack-invite')).toHaveAttribute('href', /^https:\/\/join\.slack\.com\//);

  await visit(page, '/reference');
  const client = page.locator('main a[href="/reference/client"]');
  await expect(client.locator('code').getByText('company_id', { exact: true })).toBeVisible();
  await expect(client).not.toContainText('`');
});
