import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadReferenceModel } from '../../src/plugins/api-reference/spec';
import { fileFor, redirectTarget } from '../../src/lib/built-html';
import { operationCardPaths } from '../../src/plugins/api-reference/artifacts/paths';
import { cardProblems, cardSvgText, parseCard, SLACKBOT_HEADERS, UNFURL_BYTES, type UnfurlCard } from './unfurl-card';

const ROOT = path.join(__dirname, '../..');
const BUILD = path.join(ROOT, 'build');

interface BuiltPage {
  /** URL path the page is served at, e.g. /docs/sdks or / (404.html stays /404.html). */
  urlPath: string;
  file: string;
  html: Buffer;
}

/** Every real HTML page of build/ (redirect pages of the client-redirects plugin excluded). */
function builtPages(): BuiltPage[] {
  const pages: BuiltPage[] = [];
  const files = readdirSync(BUILD, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
  for (const relative of files) {
    const file = path.join(BUILD, relative);
    const html = readFileSync(file);
    if (redirectTarget(html.toString('utf8')) !== undefined) continue;
    const posix = relative.split(path.sep).join('/');
    const urlPath =
      posix === '404.html' ? '/404.html' : `/${posix.replace(/(^|\/)index\.html$/, '').replace(/\.html$/, '')}`;
    pages.push({ urlPath, file, html });
  }
  return pages.sort((a, b) => a.urlPath.localeCompare(b.urlPath));
}

function siteUrlOf(card: UnfurlCard): string {
  return new URL(card.canonical!).origin;
}

test('every HTML page has a complete, absolute unfurl card in its first 32 KB, with a unique og:title', () => {
  const pages = builtPages();
  expect(pages.length).toBeGreaterThan(100);
  const problems: string[] = [];
  const byTitle = new Map<string, string[]>();
  const byUrl = new Map<string, string[]>();
  const origins = new Set<string>();

  for (const page of pages) {
    const card = parseCard(page.html, UNFURL_BYTES);
    for (const problem of cardProblems(card)) problems.push(`${page.urlPath}: ${problem}`);
    if (!card.ogUrl || !card.ogImage || !card.ogTitle) continue;
    origins.add(new URL(card.ogUrl).origin);
    const ogUrl = new URL(card.ogUrl);
    if (ogUrl.pathname !== page.urlPath) problems.push(`${page.urlPath}: og:url points to ${ogUrl.pathname}`);
    const image = new URL(card.ogImage);
    if (!fileFor(BUILD, image.pathname)) problems.push(`${page.urlPath}: og:image ${image.pathname} not in build/`);
    byTitle.set(card.ogTitle, [...(byTitle.get(card.ogTitle) ?? []), page.urlPath]);
    byUrl.set(card.ogUrl, [...(byUrl.get(card.ogUrl) ?? []), page.urlPath]);
  }

  const duplicateTitles = [...byTitle].filter(([, urls]) => urls.length > 1).map(([t, urls]) => `${t}: ${urls}`);
  const duplicateUrls = [...byUrl].filter(([, urls]) => urls.length > 1).map(([u, urls]) => `${u}: ${urls}`);
  expect(problems).toEqual([]);
  expect(duplicateTitles, 'pages sharing an og:title').toEqual([]);
  expect(duplicateUrls, 'pages sharing an og:url').toEqual([]);
  expect([...origins], 'one site URL for all cards').toHaveLength(1);
});

test('each section unfurls with its own card image, and each operation with its own', () => {
  const expected: Record<string, string> = {
    '/': 'home',
    '/search': 'home',
    '/docs/getting-started': 'guides',
    '/docs/api-overview': 'guides',
    '/docs/guides/understanding-customer-data': 'guides',
    '/docs/community/developer-slack': 'community',
    '/docs/community/code-of-conduct': 'community',
    '/reference': 'reference',
    '/reference/profiles': 'reference',
    '/reference/changelog': 'reference',
    '/blog': 'blog',
    '/blog/automating-sdks-from-openapi': 'blog',
  };
  for (const [urlPath, section] of Object.entries(expected)) {
    const file = fileFor(BUILD, urlPath);
    expect(file, urlPath).toBeTruthy();
    const card = parseCard(readFileSync(file!));
    expect(new URL(card.ogImage!).pathname, urlPath).toBe(`/img/social/${section}.png`);
  }
  for (const [urlPath, revision, operationId] of [
    ['/reference/get_profiles', '2026-07-15', 'get_profiles'],
    ['/reference/v2026-04-15/get_profiles', '2026-04-15', 'get_profiles'],
  ] as const) {
    const card = parseCard(readFileSync(fileFor(BUILD, urlPath)!));
    expect(new URL(card.ogImage!).pathname, urlPath).toBe(operationCardPaths(revision, operationId).png);
  }
});

test('operation cards read "Summary · METHOD /path" with the first sentence as description and their own image', async () => {
  const model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
  const failures: string[] = [];
  let checked = 0;
  for (const revision of model.revisions) {
    for (const operation of revision.operations) {
      const urlPath = `${revision.basePath}/${operation.operationId}`;
      const card = parseCard(readFileSync(fileFor(BUILD, urlPath)!));
      const heading = `${operation.summary} · ${operation.method.toUpperCase()} ${operation.path}`;
      if (!card.ogTitle?.startsWith(heading)) failures.push(`${urlPath}: og:title ${card.ogTitle}`);
      if (card.ogDescription !== operation.firstSentence)
        failures.push(`${urlPath}: og:description ${card.ogDescription}`);
      const image = operationCardPaths(revision.revision, operation.operationId).png;
      for (const [field, url] of [
        ['og:image', card.ogImage],
        ['twitter:image', card.twitterImage],
      ] as const) {
        if (!url || new URL(url).pathname !== image) failures.push(`${urlPath}: ${field} ${url}, not ${image}`);
      }
      if (!fileFor(BUILD, image)) failures.push(`${urlPath}: ${image} is not in build/`);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(40);
  expect(failures).toEqual([]);
});

const SLACK_PAGES = [
  '/',
  '/docs/getting-started',
  // The fragment stays in the browser: a link to a guide's section unfurls with the guide's card.
  '/docs/api-overview#pagination',
  '/docs/community/developer-slack',
  '/reference/get_profiles',
  '/reference/v2026-04-15/create_event',
  '/reference/profiles',
  '/blog/automating-sdks-from-openapi',
];

test('fetched the way Slackbot does (first 32 KB, no JavaScript), pages unfurl into a full card', async ({
  baseURL,
}) => {
  for (const urlPath of SLACK_PAGES) {
    const response = await fetch(new URL(urlPath, baseURL), { headers: SLACKBOT_HEADERS });
    expect([200, 206], urlPath).toContain(response.status);
    const body = Buffer.from(await response.arrayBuffer());
    if (response.status === 206) expect(body.length, urlPath).toBeLessThanOrEqual(UNFURL_BYTES + 1);
    const card = parseCard(body);
    expect(cardProblems(card), urlPath).toEqual([]);
    expect(new URL(card.ogUrl!).pathname).toBe(urlPath.split('#')[0]);
    expect(card.ogSiteName).toBe('Klaviyo Developer Portal');
    expect(card.twitterCard).toBe('summary_large_image');

    // The image Slack would fetch next exists and is a PNG (served here from the local build).
    const image = await fetch(new URL(new URL(card.ogImage!).pathname, baseURL), {
      headers: { 'User-Agent': SLACKBOT_HEADERS['User-Agent'] },
    });
    expect(image.status, card.ogImage).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\/png/);
  }
});

test("curl with Slackbot's user agent and Range header gets the operation card", async ({ baseURL }) => {
  test.skip(!existsSync('/usr/bin/curl') && spawnSync('curl', ['--version']).status !== 0, 'curl is not installed');
  const result = spawnSync(
    'curl',
    [
      '--silent',
      '--show-error',
      '-A',
      SLACKBOT_HEADERS['User-Agent'],
      '-H',
      `Range: ${SLACKBOT_HEADERS.Range}`,
      new URL('/reference/get_profiles', baseURL).toString(),
    ],
    { encoding: 'buffer' },
  );
  expect(result.status, result.stderr.toString()).toBe(0);
  expect(result.stdout.length).toBeLessThanOrEqual(UNFURL_BYTES + 1);
  const card = parseCard(result.stdout);
  expect(cardProblems(card)).toEqual([]);
  expect(card.ogTitle).toMatch(/^Get Profiles · GET \/api\/profiles/);
  expect(card.description).toMatch(/profiles/i);
  expect(siteUrlOf(card)).toMatch(/^https?:\/\//);
  expect(new URL(card.ogImage!).pathname).toBe(operationCardPaths('2026-07-15', 'get_profiles').png);
});

test("two operations' cards are different 1200x630 PNGs, each showing its own method and path", async ({
  page,
  baseURL,
}) => {
  const operations = [
    { urlPath: '/reference/get_profiles', method: 'GET', path: '/api/profiles', summary: 'Get Profiles' },
    { urlPath: '/reference/create_campaign', method: 'POST', path: '/api/campaigns', summary: 'Create Campaign' },
  ];
  const images: string[] = [];
  for (const operation of operations) {
    const response = await fetch(new URL(operation.urlPath, baseURL), { headers: SLACKBOT_HEADERS });
    const card = parseCard(Buffer.from(await response.arrayBuffer()));
    expect(card.twitterImage, operation.urlPath).toBe(card.ogImage);
    const imagePath = new URL(card.ogImage!).pathname;
    images.push(imagePath);

    // Chromium decodes the PNG Slack would fetch: a whole image, 1200x630.
    const png = await fetch(new URL(imagePath, baseURL));
    expect(png.headers.get('content-type')).toMatch(/^image\/png/);
    await page.goto(new URL(imagePath, baseURL).toString());
    const size = await page.evaluate(async () => {
      const image = document.querySelector('img')!;
      await image.decode();
      return { width: image.naturalWidth, height: image.naturalHeight };
    });
    expect(size, imagePath).toEqual({ width: 1200, height: 630 });

    // What the card says, from the SVG it was drawn from (published beside it).
    const svg = await fetch(new URL(imagePath.replace(/\.png$/, '.svg'), baseURL));
    expect(svg.status).toBe(200);
    const text = cardSvgText(await svg.text());
    expect(text).toContain(`${operation.method}${operation.path}`);
    expect(text).toContain(operation.summary);
    for (const other of operations.filter((candidate) => candidate !== operation)) {
      expect(text).not.toContain(other.path);
    }
  }
  expect(new Set(images).size).toBe(2);
  const [first, second] = await Promise.all(
    images.map(async (image) => Buffer.from(await (await fetch(new URL(image, baseURL))).arrayBuffer())),
  );
  expect(first!.equals(second!)).toBe(false);
});

test('legacy redirect pages, fetched the way Slackbot does, unfurl like their target', async ({ baseURL }) => {
  const redirects: [legacy: string, target: string][] = [
    ['/en/reference/create_campaign', '/reference/create_campaign'],
    ['/en/v2026-04-15/reference/get_profiles', '/reference/v2026-04-15/get_profiles'],
    ['/en/docs/sdk_overview', '/docs/sdks'],
  ];
  const slackCard = async (urlPath: string) => {
    const response = await fetch(new URL(urlPath, baseURL), { headers: SLACKBOT_HEADERS, redirect: 'manual' });
    expect([200, 206], urlPath).toContain(response.status);
    return parseCard(Buffer.from(await response.arrayBuffer()));
  };
  for (const [legacy, target] of redirects) {
    const card = await slackCard(legacy);
    expect(cardProblems(card), legacy).toEqual([]);
    const targetCard = await slackCard(target);
    for (const field of ['title', 'ogTitle', 'description', 'ogDescription', 'ogImage', 'canonical'] as const) {
      expect(card[field], `${legacy} ${field}`).toBe(targetCard[field]);
    }
    expect(new URL(card.canonical!).pathname).toBe(target);
  }
});
