import { expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { visit } from './support';

const BUILD = path.join(__dirname, '../../build');

function builtHtml(route: string): string {
  return readFileSync(path.join(BUILD, `${route.replace(/\/$/, '')}.html`), 'utf8');
}

function idsOf(html: string, tag: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}[^>]*\\sid=["']?([^"' >]+)`, 'g'))].map((match) => match[1]!);
}

/** Heading ids are the contract with every Slack answer that links to a FAQ: they never change. */
const FAQ_IDS = {
  '/docs/guides/understanding-customer-data': [
    'who-is-this-guide-for',
    'what-do-i-need-to-follow-along',
    'what-is-an-sdk',
    'what-is-an-api-private-key',
    'what-is-the-general-structure-of-api-responses',
    'how-is-profile-data-structured',
    'how-are-events-and-profiles-related',
    'what-is-a-klaviyo-id',
    'getting-profile-ids',
    'how-can-i-get-list-or-segment-ids',
    'what-is-pagination',
    'whats-a-simple-example-of-pagination',
    'what-does-the-links-argument-mean',
    'how-can-i-filter-events-by-date',
  ],
  '/docs/guides/understanding-client-side-requests': [
    'who-is-this-guide-for',
    'what-is-a-client-side-request',
    'what-do-i-need-to-follow-along',
    'what-is-an-sdk',
    'where-can-i-find-the-sdks',
    'why-python-and-not-javascript',
    'where-can-i-find-javascript-examples',
    'why-might-some-metrics-appear-twice',
    'how-are-metrics-and-events-related',
    'do-i-need-a-schema-for-new-event-types',
    'what-if-an-event-has-the-wrong-data-type',
    'how-can-event-data-be-used-in-flows-and-templates',
    'why-a-202-response',
    'why-a-none-response',
    'how-can-rate-limit-issues-be-mitigated',
    'why-may-klaviyo-reject-a-phone-number',
  ],
};

const PROSE_PAGES = [
  '/docs/getting-started',
  '/docs/api-overview',
  '/docs/sdks',
  ...Object.keys(FAQ_IDS),
  '/docs/community/developer-slack',
  '/docs/community/code-of-conduct',
  '/blog/automating-sdks-from-openapi',
];

test('every FAQ of both guides is its own section with its stable id', () => {
  for (const [route, ids] of Object.entries(FAQ_IDS)) {
    const h3 = idsOf(builtHtml(route), 'h3');
    for (const id of ids) expect(h3, `${route}#${id}`).toContain(id);
  }
  expect(FAQ_IDS['/docs/guides/understanding-customer-data']).toHaveLength(14);
  expect(FAQ_IDS['/docs/guides/understanding-client-side-requests']).toHaveLength(16);
});

test('code blocks of every language used are highlighted', () => {
  const seen = new Set<string>();
  for (const route of PROSE_PAGES) {
    const html = builtHtml(route);
    for (const match of html.matchAll(/<pre[^>]*class="?prism-code language-([a-z]+)[^>]*>([\s\S]*?)<\/pre>/g)) {
      const [, language, body] = match;
      if (language === 'text') continue;
      const tokens = new Set([...body!.matchAll(/class="?token ([a-z-]+)/g)].map((token) => token[1]));
      tokens.delete('plain');
      if (/\S/.test(body!.replace(/<[^>]+>/g, '')))
        expect(tokens.size, `${route}: ${language} block`).toBeGreaterThan(0);
      seen.add(language!);
    }
  }
  for (const language of ['python', 'js', 'php', 'ruby', 'bash', 'json']) expect([...seen]).toContain(language);
});

test('the browser highlights the added languages too, when it renders a page itself', async ({ page }) => {
  // A client-side navigation: no server-rendered tokens to keep, the browser's Prism does it all.
  await visit(page, '/docs/getting-started');
  await page.locator('.theme-doc-sidebar-menu').getByRole('link', { name: 'SDKs', exact: true }).click();
  await expect(page).toHaveURL(/\/docs\/sdks$/);
  for (const language of ['php', 'ruby', 'bash']) {
    await expect(page.locator(`pre.language-${language} .token:not(.plain)`).first(), language).toBeAttached();
  }
});

test('links from prose into the API reference land on built operation pages', () => {
  const targets = new Set<string>();
  for (const route of PROSE_PAGES) {
    for (const match of builtHtml(route).matchAll(/href="?(\/reference\/[^"# >]*)/g)) targets.add(match[1]!);
  }
  expect(targets.size).toBeGreaterThan(10);
  for (const target of targets) expect(existsSync(path.join(BUILD, `${target}.html`)), target).toBe(true);
});

test('examples never contain a real-looking key', () => {
  for (const route of PROSE_PAGES) {
    const html = builtHtml(route);
    expect(html, route).not.toMatch(/\bpk_[A-Za-z0-9]{16,}/);
    if (html.includes('Klaviyo-API-Key ')) expect(html, route).toContain('Klaviyo-API-Key YOUR_PRIVATE_API_KEY');
  }
});

test('the Slack guide has an anchored entry per channel and links the code of conduct', () => {
  const html = builtHtml('/docs/community/developer-slack');
  const ids = idsOf(html, 'h3');
  for (const channel of [
    'api-help',
    'channel-suggestions',
    'feedback-and-suggestions',
    'general-developers-chat',
    'general-help',
    'integration-help',
    'introduce-yourself',
    'product-launches',
    'random',
    'read-me',
    'meetups',
  ]) {
    expect(ids).toContain(channel);
  }
  expect(html).not.toContain('#general-developer-chat<');
  expect(html).toMatch(/href="?\/docs\/community\/code-of-conduct/);
  expect(builtHtml('/docs/community/code-of-conduct')).toMatch(/href="?\/docs\/community\/developer-slack/);
});

test('the blog post shows its publication and update dates and its author', () => {
  const html = builtHtml('/blog/automating-sdks-from-openapi');
  expect(html).toContain('January 1, 2026');
  expect(html).toContain('March 10, 2026');
  expect(html).toContain('Klaviyo Developer Experience');
});

test('community pages are reachable from the navbar and the footer', async ({ page }) => {
  await visit(page, '/');
  const footer = page.locator('footer');
  await expect(footer.getByRole('link', { name: /Slack/ })).toHaveAttribute('href', '/docs/community/developer-slack');
  await expect(footer.getByRole('link', { name: /Code of conduct/i })).toHaveAttribute(
    'href',
    '/docs/community/code-of-conduct',
  );
  await page.locator('.navbar').getByText('Community', { exact: true }).hover();
  await page.locator('.navbar').getByRole('link', { name: 'Code of conduct' }).click();
  await expect(page).toHaveURL(/\/docs\/community\/code-of-conduct$/);
});
