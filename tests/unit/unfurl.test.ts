import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sectionOf, sitePath, socialCardFor, SOCIAL_IMAGES } from '../../src/theme/SiteMetadata/social';
import { absoluteLink } from '../../src/theme/Heading/absoluteLink';
import { legacyDocRedirects, legacyPathsFor } from '../../src/plugins/legacy-redirects';
import { unfurlTags, withTargetCard } from '../../src/plugins/legacy-redirect-pages';
import createRedirectPageContent from '@docusaurus/plugin-client-redirects/lib/createRedirectPageContent';
import { loadReferenceModel } from '../../src/plugins/api-reference/spec';
import { cardProblems, parseCard, UNFURL_BYTES } from '../e2e/unfurl-card';
import { checkManifest, extractAnchors, readManifest, updateManifest } from '../../scripts/url-manifest';
import { redirectTarget } from '../../src/lib/built-html';
import { ROOT } from './helpers';

describe('social cards', () => {
  it('maps each path to its section, with or without baseUrl, trailing slash or .html', () => {
    expect(sectionOf('/')).toBe('home');
    expect(sectionOf('/search')).toBe('home');
    expect(sectionOf('/docs/api-overview')).toBe('guides');
    expect(sectionOf('/docs/guides/understanding-customer-data/')).toBe('guides');
    expect(sectionOf('/docs/community/code-of-conduct')).toBe('community');
    expect(sectionOf('/reference')).toBe('reference');
    expect(sectionOf('/reference/v2026-04-15/get_profiles')).toBe('reference');
    expect(sectionOf('/referencesomething')).toBe('home');
    expect(sectionOf('/blog/automating-sdks-from-openapi.html')).toBe('blog');
    expect(sectionOf('/portal/docs/sdks', '/portal/')).toBe('guides');
    expect(sitePath('/portal/', '/portal/')).toBe('/');
  });

  it('gives pages that only set a <title> their own og:title', () => {
    expect(socialCardFor('/search').fallbackTitle).toBe('Search the documentation');
    expect(socialCardFor('/docs/sdks').fallbackTitle).toBeUndefined();
    expect(socialCardFor('/docs/sdks').image).toBe('img/social/guides.png');
  });

  it('points to committed 1200x630 PNGs, one different image per section', () => {
    expect(new Set(SOCIAL_IMAGES).size).toBe(5);
    for (const image of SOCIAL_IMAGES) {
      const png = readFileSync(path.join(ROOT, 'static', image));
      expect(png.subarray(1, 4).toString('latin1'), image).toBe('PNG');
      // IHDR: width and height, big-endian, at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], image).toEqual([1200, 630]);
      expect(png.length, `${image} should stay small for crawlers`).toBeLessThan(300_000);
    }
  });
});

describe('copy link', () => {
  it('builds the absolute URL with the anchor', () => {
    expect(absoluteLink('https://developers.example.com', '/docs/api-overview', 'pagination')).toBe(
      'https://developers.example.com/docs/api-overview#pagination',
    );
    expect(absoluteLink('https://developers.example.com/', '/reference/get_profiles')).toBe(
      'https://developers.example.com/reference/get_profiles',
    );
  });
});

describe('unfurl card parser', () => {
  const page = (extra = '') =>
    `<!doctype html><html><head><title data-rh=true>Get Profiles · GET /api/profiles | Portal</title>` +
    `<meta data-rh=true name=twitter:card content=summary_large_image />` +
    `<meta data-rh=true property=og:image content=https://x.example/img/social/reference.png />` +
    `<meta data-rh=true property=og:url content=https://x.example/reference/get_profiles />` +
    `<meta data-rh=true property=og:site_name content="Portal"/>` +
    `<meta data-rh=true property=og:title content="Get Profiles · GET /api/profiles | Portal"/>` +
    `<meta data-rh=true name=description content="List the profiles &amp; their data."/>` +
    `<meta data-rh=true property=og:description content="List the profiles &amp; their data."/>` +
    `${extra}<link data-rh=true rel=canonical href=https://x.example/reference/get_profiles /></head><body></body></html>`;

  it('reads minified, unquoted attributes', () => {
    const card = parseCard(page());
    expect(card).toEqual({
      title: 'Get Profiles · GET /api/profiles | Portal',
      twitterCard: 'summary_large_image',
      ogImage: 'https://x.example/img/social/reference.png',
      ogUrl: 'https://x.example/reference/get_profiles',
      ogSiteName: 'Portal',
      ogTitle: 'Get Profiles · GET /api/profiles | Portal',
      description: 'List the profiles & their data.',
      ogDescription: 'List the profiles & their data.',
      canonical: 'https://x.example/reference/get_profiles',
    });
    expect(cardProblems(card)).toEqual([]);
  });

  it('ignores what comes after the first 32 KB, as Slack does', () => {
    const padding = `<style>${'a{}'.repeat(UNFURL_BYTES / 3)}</style>`;
    const card = parseCard(page(padding));
    expect(card.ogTitle).toBeDefined();
    expect(card.canonical).toBeUndefined();
    expect(cardProblems(card)).toContain('missing canonical');
  });

  it('flags relative URLs and a canonical that disagrees with og:url', () => {
    const card = parseCard(
      page().replace('content=https://x.example/img/social/reference.png', 'content=/img/social/reference.png'),
    );
    expect(cardProblems(card)).toEqual(['ogImage is not absolute: /img/social/reference.png']);
    const other = parseCard(page().replace('href=https://x.example/reference/get_profiles', 'href=https://x.example/'));
    expect(cardProblems(other)[0]).toMatch(/differs from canonical/);
  });
});

describe('legacy portal redirects', () => {
  it('maps reference routes of the latest and older revisions', () => {
    expect(legacyPathsFor('/reference/get_profiles', '2026-07-15')).toEqual([
      '/en/reference/get_profiles',
      '/en/v2026-07-15/reference/get_profiles',
    ]);
    expect(legacyPathsFor('/reference/v2026-04-15/get_profiles', '2026-07-15')).toEqual([
      '/en/v2026-04-15/reference/get_profiles',
    ]);
    expect(legacyPathsFor('/reference', '2026-07-15')).toEqual(['/en/reference', '/en/v2026-07-15/reference']);
  });

  it('keeps the old URLs of renamed operations working', () => {
    expect(legacyPathsFor('/reference/bulk_subscribe_profiles', '2026-07-15')).toEqual([
      '/en/reference/bulk_subscribe_profiles',
      '/en/reference/subscribe_profiles',
      '/en/v2026-07-15/reference/bulk_subscribe_profiles',
      '/en/v2026-07-15/reference/subscribe_profiles',
      '/reference/subscribe_profiles',
    ]);
    expect(legacyPathsFor('/reference/v2026-04-15/get_lists_for_profile', '2026-07-15')).toEqual([
      '/en/v2026-04-15/reference/get_lists_for_profile',
      '/en/v2026-04-15/reference/get_profile_lists',
      '/reference/v2026-04-15/get_profile_lists',
    ]);
  });

  it('maps doc ids and the old underscore slugs', () => {
    expect(legacyPathsFor('/docs/guides/understanding-customer-data', '2026-07-15')).toEqual([
      '/en/docs/guides/understanding-customer-data',
      '/en/docs/guides/understanding_customer_data',
      '/en/docs/understanding-customer-data',
      '/en/docs/understanding_customer_data',
    ]);
    expect(legacyPathsFor('/docs/api-overview', '2026-07-15')).toEqual([
      '/en/docs/api-overview',
      '/en/docs/api_overview',
    ]);
    expect(legacyPathsFor('/search', '2026-07-15')).toEqual([]);
  });

  it('covers every operation of the specs, with no duplicate or clashing source path', async () => {
    const model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
    const latest = model.latest;
    const docIds = readdirSync(path.join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.mdx?$/.test(file))
      .map((file) =>
        file
          .replace(/\.mdx?$/, '')
          .split(path.sep)
          .join('/'),
      );
    const routes = [
      '/',
      '/blog',
      '/search',
      ...docIds.map((id) => `/docs/${id}`),
      ...model.revisions.flatMap((revision) => [
        revision.basePath,
        ...revision.tags.map((tag) => `${revision.basePath}/${tag.slug}`),
        ...revision.operations.map((operation) => `${revision.basePath}/${operation.operationId}`),
      ]),
    ];
    const redirects = new Map<string, string>();
    const add = (from: string, to: string) => {
      expect(redirects.has(from), `two redirects from ${from}`).toBe(false);
      expect(routes.includes(from), `${from} is a real page`).toBe(false);
      redirects.set(from, to);
    };
    for (const route of routes) for (const from of legacyPathsFor(route, latest)) add(from, route);
    for (const rule of legacyDocRedirects(model.revisions.map((revision) => revision.revision))) {
      expect(routes, `target of ${rule.from[0]}`).toContain(rule.to.split('#')[0]);
      for (const from of rule.from) add(from, rule.to);
    }

    for (const revision of model.revisions) {
      expect(revision.operations.length).toBeGreaterThan(0);
      for (const { operationId } of revision.operations) {
        const target = `${revision.basePath}/${operationId}`;
        expect(redirects.get(`/en/v${revision.revision}/reference/${operationId}`)).toBe(target);
        if (revision.isLatest) expect(redirects.get(`/en/reference/${operationId}`)).toBe(target);
      }
    }
    expect(redirects.get('/en/docs/sdk_overview')).toBe('/docs/sdks');
    expect(redirects.get('/en/docs/api_overview')).toBe('/docs/api-overview');
  });
});

describe('legacy redirect pages', () => {
  const target =
    `<!doctype html><html><head><meta charset="UTF-8"><title data-rh=true>Create Campaign · POST /api/campaigns | Portal</title>` +
    `<meta data-rh=true name=twitter:card content=summary_large_image />` +
    `<meta data-rh=true property=og:image content=https://x.example/img/cards/2026-07-15/create_campaign.png />` +
    `<meta data-rh=true name=twitter:image content=https://x.example/img/cards/2026-07-15/create_campaign.png />` +
    `<meta data-rh=true property=og:url content=https://x.example/reference/create_campaign />` +
    `<meta data-rh=true property=og:site_name content="Portal"/>` +
    `<meta data-rh=true property=og:title content="Create Campaign · POST /api/campaigns | Portal"/>` +
    `<meta data-rh=true name=description content="Creates a campaign &quot;draft&quot; &amp; its audiences."/>` +
    `<meta data-rh=true property=og:description content="Creates a campaign &quot;draft&quot; &amp; its audiences."/>` +
    `<meta name=viewport content="width=device-width">` +
    `<link data-rh=true rel=canonical href=https://x.example/reference/create_campaign />` +
    `<link rel=stylesheet href=/assets/main.css></head><body>big page</body></html>`;

  it("turns plugin-client-redirects' own page into one that unfurls like its target and still redirects", () => {
    // The page the redirects plugin writes (its template, which this step depends on).
    const redirect = createRedirectPageContent({ toUrl: '/reference/create_campaign' });
    const page = withTargetCard(redirect, unfurlTags(target));
    const card = parseCard(page);
    expect(cardProblems(card)).toEqual([]);
    expect(card).toMatchObject({
      title: 'Create Campaign · POST /api/campaigns | Portal',
      ogTitle: 'Create Campaign · POST /api/campaigns | Portal',
      description: 'Creates a campaign "draft" & its audiences.',
      ogImage: 'https://x.example/img/cards/2026-07-15/create_campaign.png',
      canonical: 'https://x.example/reference/create_campaign',
    });
    expect(page).not.toContain('viewport');
    expect(page).not.toContain('stylesheet');
    expect(page.match(/rel="canonical"/g)).toHaveLength(1);
    expect(redirectTarget(page)).toBe('/reference/create_campaign');
    expect(page).toContain("window.location.href = '/reference/create_campaign'");
  });

  it('refuses a redirect page it does not recognise', () => {
    expect(() => withTargetCard('<html><body>moved</body></html>', unfurlTags(target))).toThrow(/canonical/);
  });
});

describe('URL manifest', () => {
  const SITE = 'https://developers.example.com';

  function fixtureBuild(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'manifest-build-'));
    const write = (file: string, content: string) => {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), content);
    };
    const pagePaths = ['/', '/docs/a', '/docs/b'];
    write(
      'sitemap.xml',
      `<?xml version="1.0"?><urlset>${pagePaths.map((p) => `<url><loc>${SITE}${p}</loc></url>`).join('')}</urlset>`,
    );
    write('robots.txt', `Sitemap: ${SITE}/sitemap.xml\n`);
    write('index.html', '<html data-has-hydrated=false><body><h1>Home</h1></body></html>');
    write(
      'docs/a.html',
      '<html><body><h1>A</h1><h2 class="anchor" id=first>First<a class=hash-link href=#first></a></h2>' +
        '<h3 id="second-one">Second</h3><li id=tab_R_1>tab</li><div id=__docusaurus></div><a id="legacy"></a></body></html>',
    );
    write('docs/b.html', '<html><body><h1>B</h1><h2 id=only>Only</h2></body></html>');
    return dir;
  }

  const redirectPage = (to: string) =>
    `<!DOCTYPE html><html><head><meta charset="UTF-8"><meta http-equiv="refresh" content="0; url=${to}">` +
    `<link rel="canonical" href="${to}" /></head><script>window.location.href = '${to}';</script></html>`;

  it('finds heading and <a> anchors, not generated ids', () => {
    const html = readFileSync(path.join(fixtureBuild(), 'docs/a.html'), 'utf8');
    expect(extractAnchors(html)).toEqual(['first', 'legacy', 'second-one']);
    expect(redirectTarget(redirectPage('/docs/a'))).toBe('/docs/a');
    expect(redirectTarget(html)).toBeUndefined();
  });

  it('adds new pages, anchors and files, and then checks clean', () => {
    const build = fixtureBuild();
    const { manifest, added, problems } = updateManifest({ pages: {}, files: [] }, build);
    expect(problems).toEqual([]);
    expect(manifest.pages).toEqual({ '/': [], '/docs/a': ['first', 'legacy', 'second-one'], '/docs/b': ['only'] });
    expect(manifest.files).toEqual(['/robots.txt', '/sitemap.xml']);
    expect(added).toContain('/docs/a');
    expect(checkManifest(manifest, build)).toEqual([]);

    writeFileSync(path.join(build, 'docs/c.html'), '<h2 id=new>New</h2>');
    writeFileSync(
      path.join(build, 'sitemap.xml'),
      readFileSync(path.join(build, 'sitemap.xml'), 'utf8').replace(
        '</urlset>',
        `<url><loc>${SITE}/docs/c</loc></url></urlset>`,
      ),
    );
    const second = updateManifest(manifest, build);
    expect(second.added).toEqual(['/docs/c']);
    expect(second.manifest.pages['/docs/c']).toEqual(['new']);
  });

  it('fails on a removed page or anchor, unless a redirect lands on a page that has the anchors', () => {
    const build = fixtureBuild();
    const { manifest } = updateManifest({ pages: {}, files: [] }, build);

    // Anchor renamed: no redirect can cover it.
    writeFileSync(path.join(build, 'docs/b.html'), '<h1>B</h1><h2 id=renamed>Only</h2>');
    expect(checkManifest(manifest, build)).toEqual([
      { url: '/docs/b', anchor: 'only', reason: 'anchor #only is gone' },
    ]);

    // Page moved with a redirect to a page that has its anchors: fine.
    rmSync(path.join(build, 'docs/b.html'));
    writeFileSync(path.join(build, 'docs/b2.html'), '<h1>B</h1><h2 id=only>Only</h2>');
    mkdirSync(path.join(build, 'docs/b'), { recursive: true });
    writeFileSync(path.join(build, 'docs/b/index.html'), redirectPage('/docs/b2'));
    expect(checkManifest(manifest, build)).toEqual([]);

    // Redirect to a page without the anchor, or to nowhere: reported.
    writeFileSync(path.join(build, 'docs/b/index.html'), redirectPage('/docs/a'));
    expect(checkManifest(manifest, build)[0]).toMatchObject({ url: '/docs/b', anchor: 'only' });
    writeFileSync(path.join(build, 'docs/b/index.html'), redirectPage('/docs/nowhere'));
    expect(checkManifest(manifest, build)).toEqual([
      { url: '/docs/b', reason: 'redirect target is missing (redirected via /docs/b)' },
    ]);

    // Page gone with no redirect.
    rmSync(path.join(build, 'docs/b'), { recursive: true });
    expect(checkManifest(manifest, build)).toEqual([{ url: '/docs/b', reason: 'no page and no redirect at this URL' }]);
  });

  it('never drops an entry silently: the script keeps it and fails, or drops it with --allow-removals and says so', () => {
    const build = fixtureBuild();
    const manifestFile = path.join(build, 'manifest.json');
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(ROOT, 'scripts/url-manifest.ts'),
          ...args,
          '--build',
          build,
          '--manifest',
          manifestFile,
        ],
        {
          encoding: 'utf8',
        },
      );

    expect(run('update').status).toBe(0);
    expect(run('check').status).toBe(0);
    expect(Object.keys(readManifest(manifestFile).pages)).toEqual(['/', '/docs/a', '/docs/b']);

    writeFileSync(path.join(build, 'docs/a.html'), '<h1>A</h1><h2 id=first>First</h2>');
    const check = run('check');
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('/docs/a#legacy: anchor #legacy is gone');
    expect(check.stderr).toContain('/docs/a#second-one');

    const update = run('update');
    expect(update.status).toBe(1);
    expect(readManifest(manifestFile).pages['/docs/a']).toEqual(['first', 'legacy', 'second-one']);

    const removal = run('update', '--allow-removals');
    expect(removal.status).toBe(0);
    expect(removal.stdout).toContain('REMOVED  /docs/a#legacy');
    expect(removal.stdout).toContain('REMOVED  /docs/a#second-one');
    expect(readManifest(manifestFile).pages['/docs/a']).toEqual(['first']);
    expect(run('check').status).toBe(0);
  });
});
