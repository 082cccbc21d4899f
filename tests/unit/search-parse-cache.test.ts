import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { withParsedPageCache } from '../../src/plugins/search-local/parse-cache';

// The plugin's own page scan, and the parser it calls for each built page (README, internals table).
const pluginRequire = createRequire(__filename);
const UTILS = '@easyops-cn/docusaurus-search-local/dist/server/server/utils';
const parseModule = pluginRequire(`${UTILS}/parse`) as { parse: unknown };
const { scanDocuments } = pluginRequire(`${UTILS}/scanDocuments`) as {
  scanDocuments(pages: { filePath: string; url: string; type: string }[], config: object): Promise<unknown[][]>;
};
const CONFIG = { ignoreCssSelectors: ['.theme-edit-this-page'], forceIgnoreNoIndex: false };

/** A built page as Docusaurus minifies it; a reference page (type `page`) has the reference's sidebar. */
function page(type: string, title: string, body: string, bundle: string, sidebarLabel: string, css: string): string {
  const sidebar =
    type === 'page'
      ? `<nav class="sidebar"><ul><li><a href="/reference/get_profiles"><span>GET</span><span>${sidebarLabel}</span></a></ul></nav>`
      : '';
  // Redoc's styles, in a reference page's <main>.
  const redocCss = type === 'page' ? `<style>${css}</style>` : '';
  return `<!doctype html><html><head><title>${title} | Portal</title>
<meta name="description" content="About ${title}">
<link rel="stylesheet" href="/assets/css/styles.${bundle}.css"><link rel="preload" href="/assets/js/runtime~main.${bundle}.js" as="script">
<script src="/assets/js/runtime~main.${bundle}.js" defer></script><script src=/assets/js/main.${bundle}.js defer></script>
</head><body><div class="main-wrapper">${sidebar}<main>${redocCss}<article><header><h1>${title}</h1></header>
<p>${body}</p><h2 id="limits">Rate limits<a href="#limits" class="hash-link">#</a></h2><p>Burst and steady windows.</p>
<a class="theme-edit-this-page" href="https://example.test/edit">Edit this page</a></article></main></div></body></html>`;
}

const PAGES = [
  { url: '/reference/get_profiles', type: 'page', title: 'Get profiles', body: 'Pages through every profile.' },
  { url: '/reference/get_lists', type: 'page', title: 'Get lists', body: 'Pages through every list.' },
  {
    url: '/docs/guides/rate-limits',
    type: 'docs',
    title: 'Rate limits',
    body: 'Each endpoint has a burst and a steady limit.',
  },
  { url: '/community/slack', type: 'docs', title: 'Slack community', body: 'Ask in the help channel.' },
];

const pagesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-parse-pages-'));

/** Builds the pages, then scans them with the plugin's scanDocuments, as its postBuild does. */
async function scan(bundle: string, edited?: string, sidebarLabel = 'Get Profiles', css = '.sc-a{color:red}') {
  const files = PAGES.map(({ url, type, title, body }) => {
    const filePath = path.join(pagesDir, `${url.replaceAll('/', '_')}.html`);
    fs.writeFileSync(filePath, page(type, title, url === edited ? `${body} Edited.` : body, bundle, sidebarLabel, css));
    return { filePath, url, type };
  });
  const documents = await scanDocuments(files, CONFIG);
  // Document ids count up across scans: what the index says is the rest.
  return JSON.parse(JSON.stringify(documents, (key, value: unknown) => (key === 'i' || key === 'p' ? 0 : value)));
}

describe("the search plugin's page parser, answered from the last build", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-parse-cache-'));
  const cacheFile = path.join(dir, 'parsed-pages.json');
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(pagesDir, { recursive: true, force: true });
  });

  it('parses a page again only when its own HTML changed, not when the bundles did', async () => {
    const originalParse = parseModule.parse;
    const fresh = await scan('aaaa1111');
    expect(JSON.stringify(fresh)).toContain('Pages through every profile.');

    const first = await withParsedPageCache(cacheFile, () => scan('aaaa1111'));
    expect(first.stats).toEqual({ parsed: 4, cached: 0 });
    expect(first.result).toEqual(fresh);
    expect(parseModule.parse).toBe(originalParse);

    // New bundle file names on every page (any bundle changed): every page still comes from the cache.
    const second = await withParsedPageCache(cacheFile, () => scan('bbbb2222'));
    expect(second.stats).toEqual({ parsed: 0, cached: 4 });
    expect(second.result).toEqual(await scan('bbbb2222'));

    // An operation renamed: its name in the sidebar of every reference page does not make them new
    // (the parser reads a custom page's head, h1 and <main> only, so a fresh parse gives the same).
    const renamed = await withParsedPageCache(cacheFile, () => scan('bbbb2222', undefined, 'Get Profiles (renamed)'));
    expect(renamed.stats).toEqual({ parsed: 0, cached: 4 });
    expect(renamed.result).toEqual(await scan('bbbb2222', undefined, 'Get Profiles (renamed)'));

    // Other CSS in a page's <main> (Redoc's styles): the parser reads no style sheet's text.
    const restyled = await withParsedPageCache(cacheFile, () =>
      scan('bbbb2222', undefined, 'Get Profiles', '.sc-b{color:blue}'),
    );
    expect(restyled.stats).toEqual({ parsed: 0, cached: 4 });
    expect(restyled.result).toEqual(await scan('bbbb2222', undefined, 'Get Profiles', '.sc-b{color:blue}'));

    // One page's text changed: that page alone is parsed, and the index gets its new text.
    const third = await withParsedPageCache(cacheFile, () => scan('bbbb2222', '/docs/guides/rate-limits'));
    expect(third.stats).toEqual({ parsed: 1, cached: 3 });
    expect(JSON.stringify(third.result)).toContain('Edited.');
    expect(third.result).toEqual(await scan('bbbb2222', '/docs/guides/rate-limits'));

    // The cache holds this build's pages only: the unedited text of that page is gone.
    const fourth = await withParsedPageCache(cacheFile, () => scan('cccc3333'));
    expect(fourth.stats).toEqual({ parsed: 1, cached: 3 });

    // A reference page's own text changed: parsed again.
    const fifth = await withParsedPageCache(cacheFile, () => scan('cccc3333', '/reference/get_lists'));
    expect(fifth.stats).toEqual({ parsed: 1, cached: 3 });
    expect(JSON.stringify(fifth.result)).toContain('Pages through every list. Edited.');
  });

  it('puts the parser back when the plugin fails, and keeps the last good results', async () => {
    const originalParse = parseModule.parse;
    const before = fs.readFileSync(cacheFile, 'utf8');
    await expect(
      withParsedPageCache(cacheFile, async () => {
        await scan('dddd4444');
        throw new Error('index write failed');
      }),
    ).rejects.toThrow('index write failed');
    expect(parseModule.parse).toBe(originalParse);
    expect(fs.readFileSync(cacheFile, 'utf8')).toBe(before);
  });
});
