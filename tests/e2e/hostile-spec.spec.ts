import { expect, test, type Page } from '@playwright/test';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { unified } from 'unified';
import { visit as visitTree } from 'unist-util-visit';
import type { Root } from 'mdast';
import path from 'node:path';
import { build, copySite, serveSite } from '../site-copy';
import { writeHostileSpecs, XSS_PAYLOADS } from '../fixtures/hostile-spec';
import { cardSvgText, parseCard, pngSize } from './unfurl-card';
import { parseHtml } from '../../src/lib/built-html';

/**
 * A spec written by an attacker: every payload of the corpus in summaries, descriptions at every
 * depth, examples, enum values and tag descriptions. The portal built from it must render all of
 * it inert, wherever that text goes: pages, Markdown twins, llms-full.txt, Postman, the changelog
 * and search results.
 */
test.describe.configure({ mode: 'serial' });

const PAGES = [
  '/reference',
  '/reference/hostile',
  '/reference/send_hostile',
  '/reference/create_hostile',
  '/reference/v2026-04-15/send_hostile',
  '/reference/changelog',
  '/reference/changelog/2026-07-15',
];

let origin = '';
let stop = () => {};

test.beforeAll(async () => {
  test.setTimeout(600_000);
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30);
  const site = copySite();
  const env = { SPECS_DIR: writeHostileSpecs(path.join(site, 'specs')) };
  const built = await build(site, env);
  expect(built.code, built.output.slice(-3000)).toBe(0);
  const server = await serveSite(site, '/reference/send_hostile', env);
  origin = server.origin;
  stop = server.stop;
});

test.afterAll(() => stop());

function watchForScript(page: Page): string[] {
  const ran: string[] = [];
  page.on('dialog', (dialog) => {
    ran.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return ran;
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as { __pwned?: unknown }).__pwned);
}

/**
 * Clicks every link and button in the page's content. Links that the browser itself resolves to
 * http(s) are kept from navigating away (the click still happens); any other scheme gets its
 * default action, which is what an attacker's link would need.
 */
async function clickEverything(page: Page, scope = 'main'): Promise<number> {
  await page.evaluate(() => {
    document.addEventListener(
      'click',
      (event) => {
        const link = (event.target as Element).closest('a');
        if (link && (link.protocol === 'http:' || link.protocol === 'https:')) event.preventDefault();
      },
      true,
    );
  });
  const targets = page.locator(
    ['a', 'button', 'summary', '[role="tab"]', '[role="button"]'].map((target) => `${scope} ${target}`).join(', '),
  );
  const count = await targets.count();
  for (let index = 0; index < count; index++) {
    const target = targets.nth(index);
    if (!(await target.isVisible())) continue;
    await target.click({ timeout: 2_000, noWaitAfter: true }).catch(() => undefined);
  }
  await page.waitForTimeout(300);
  return count;
}

for (const pagePath of PAGES) {
  test(`${pagePath}: no payload runs on load, on hydration or on any click`, async ({ page }) => {
    const ran = watchForScript(page);
    await page.goto(`${origin}${pagePath}`);
    await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true', { timeout: 20_000 });
    const clicked = await clickEverything(page);
    expect(clicked).toBeGreaterThan(0);
    expect(page.url()).toContain(origin);
    expect(await pwned(page)).toBeUndefined();
    expect(ran).toEqual([]);
    // Nothing that could run script or load a document survives in the content.
    // (The Try it panel, opened by the clicks above, is the page's own form.)
    const live = await page
      .locator('main script, main iframe, main object, main embed, main form, main svg [onload]')
      .evaluateAll((elements) =>
        elements
          .filter((element) => !element.closest('[data-testid="try-it"]'))
          .filter((element) => !(element.tagName === 'SCRIPT' && (element as HTMLScriptElement).type.includes('json')))
          .map((element) => element.outerHTML.slice(0, 120)),
      );
    expect(live).toEqual([]);
    const hrefs = await page
      .locator('main a[href]')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).protocol));
    expect(hrefs.filter((protocol) => !['http:', 'https:', 'mailto:'].includes(protocol))).toEqual([]);
    // The unfurl card's text (title and description) is plain text.
    const card = await page
      .locator('meta[property="og:title"], meta[property="og:description"], meta[name="twitter:title"]')
      .evaluateAll((metas) => metas.map((meta) => meta.getAttribute('content') ?? ''));
    expect(card.length).toBeGreaterThan(0);
    expect(card.filter((text) => /[<>]/.test(text))).toEqual([]);
  });
}

test('harmless Markdown still renders: https links, code spans and tables', async ({ page }) => {
  await page.goto(`${origin}/reference/send_hostile`);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  const redoc = page.locator('.redocusaurus-operation');
  await expect(redoc.locator('a[href="https://developers.example.com/guide"]').first()).toBeVisible();
  await expect(redoc.locator('code', { hasText: 'page[size]' }).first()).toBeVisible();
  await expect(redoc.locator('table td', { hasText: 'The address' }).first()).toBeVisible();
  // The neutralised links keep their text.
  await expect(redoc.getByText('m1', { exact: true }).first()).toBeVisible();
});

test('search results show the hostile text inert', async ({ page }) => {
  const ran = watchForScript(page);
  // An operation found by its path, and by a field name (its results carry the hostile summary as title).
  for (const query of ['hostile', 'label']) {
    await page.goto(`${origin}/search?q=${encodeURIComponent(query)}`);
    await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
    await expect(page.locator('article h2 a[href*="/reference/"]').first()).toBeVisible({ timeout: 20_000 });
    expect(await page.locator('article script, article img, article iframe').count()).toBe(0);
    expect(await clickEverything(page, 'article')).toBeGreaterThan(0);
  }
  expect(await pwned(page)).toBeUndefined();
  expect(ran).toEqual([]);
});

const markdown = unified().use(remarkParse).use(remarkGfm);

/** Every link, image and definition URL in a Markdown text whose scheme is not http(s), mailto or relative. */
function unsafeMarkdownUrls(text: string): string[] {
  const urls: string[] = [];
  visitTree(markdown.parse(text) as Root, (node) => {
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') urls.push(node.url);
  });
  return urls.filter(
    (url) => !['http:', 'https:', 'mailto:'].includes(new URL(url, 'https://portal.invalid/').protocol),
  );
}

/** Raw HTML in a Markdown text (outside code blocks and code spans, where it is only shown) that could run script. */
function dangerousRawHtml(text: string): string[] {
  const html: string[] = [];
  visitTree(markdown.parse(text) as Root, 'html', (node) => {
    html.push(node.value);
  });
  return html.filter((value) => /<script|\son\w+=|srcdoc|formaction|javascript:/i.test(value));
}

test('Markdown twins, llms-full.txt, Postman and the changelog feed carry no live dangerous link', async ({
  request,
}) => {
  for (const file of ['/reference/send_hostile.md', '/reference/hostile.md', '/llms.txt', '/llms-full.txt']) {
    const response = await request.get(`${origin}${file}`);
    expect(response.status(), file).toBe(200);
    const text = await response.text();
    if (file.endsWith('.md')) expect(text, file).toContain('m1');
    expect(unsafeMarkdownUrls(text), file).toEqual([]);
    expect(dangerousRawHtml(text), file).toEqual([]);
  }

  const collection = (await (await request.get(`${origin}/postman/2026-07-15/collection.json`)).json()) as unknown;
  const descriptions: string[] = [];
  JSON.stringify(collection, (key, value: unknown) => {
    if (key === 'description' && typeof value === 'string') descriptions.push(value);
    if (key === 'description' && value && typeof value === 'object' && 'content' in value)
      descriptions.push(String((value as { content: unknown }).content));
    return value;
  });
  expect(descriptions.length).toBeGreaterThan(0);
  for (const description of descriptions) {
    expect(unsafeMarkdownUrls(description)).toEqual([]);
    expect(dangerousRawHtml(description)).toEqual([]);
  }

  const feed = await (await request.get(`${origin}/reference/changelog/feed.xml`)).text();
  expect(feed).not.toMatch(/javascript:|<script|onerror=/i);
});

test("each hostile operation's unfurl card is drawn, with its summary as inert text", async () => {
  for (const urlPath of [
    '/reference/send_hostile',
    '/reference/create_hostile',
    '/reference/v2026-04-15/send_hostile',
  ]) {
    const card = parseCard(Buffer.from(await (await fetch(`${origin}${urlPath}`)).arrayBuffer()));
    const image = new URL(card.ogImage!).pathname;
    expect(image, urlPath).toMatch(/^\/img\/cards\/.+\.png$/);
    const png = Buffer.from(await (await fetch(`${origin}${image}`)).arrayBuffer());
    expect(pngSize(png), image).toEqual({ width: 1200, height: 630 });
    const svg = await (await fetch(`${origin}${image.replace(/\.png$/, '.svg')}`)).text();
    // Nothing in the card's source but shapes, text and the portal's own logo: spec text stays text.
    for (const { name, attributes } of parseHtml(svg).tags) {
      expect(['svg', 'mask', 'rect', 'path', 'text', 'image', 'g', 'defs', 'clippath', 'pattern'], name).toContain(
        name,
      );
      expect(Object.keys(attributes).filter((attribute) => attribute.startsWith('on'))).toEqual([]);
      if (attributes.href !== undefined) expect(attributes.href).toMatch(/^data:image\/svg\+xml;base64,/);
    }
    expect(cardSvgText(svg)).toContain('Hostile');
  }
});
