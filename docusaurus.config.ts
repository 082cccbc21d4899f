import path from 'node:path';
import { themes as prismThemes } from 'prism-react-renderer';
import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import type { ApiReferencePluginOptions } from './src/plugins/api-reference';
import type { SearchPluginOptions } from './src/plugins/search-local';
import type { Options as ClientRedirectsOptions } from '@docusaurus/plugin-client-redirects';
import { discoverRevisions } from './src/plugins/api-reference/spec/revisions';
import { legacyDocRedirects, legacyPathsFor } from './src/plugins/legacy-redirects';
import { REFERENCE_BASE } from './src/plugins/api-reference/routes';
import { referenceSearchPages } from './src/plugins/api-reference/search-pages';

const siteUrl = process.env.SITE_URL ?? 'https://developers.example.com';
const specsDir = process.env.SPECS_DIR ? path.resolve(process.env.SPECS_DIR) : path.resolve(__dirname, 'specs');
// Revision folder names only (a directory listing): the specs themselves are parsed once, by the api-reference plugin.
const revisions = discoverRevisions(specsDir).map((source) => source.revision);

const config = {
  title: 'Klaviyo Developer Portal',
  tagline: 'Build on the customer data and marketing automation API',
  favicon: 'img/favicon.svg',
  url: siteUrl,
  baseUrl: process.env.BASE_URL ?? '/',
  trailingSlash: false,
  // generated/static: Postman collections, spec downloads, llms.txt and Markdown twins, written by the
  // api-reference plugin on every build and dev-server reload (gitignored, never committed).
  // generated/feeds: the API changelog's RSS and Atom feeds (generated/static is replaced as a whole by the artifacts step).
  staticDirectories: ['static', 'generated/static', 'generated/feeds'],

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' },
    // Explicit heading ids (`## FAQ {#faq}`) are what Slack answers link to; v4 turns this syntax off by default.
    mdx1Compat: { comments: true, admonitions: true, headingIds: true },
  },
  future: {
    v4: true,
    // Rspack's persistent cache saved no bundling time in a production build of the reference (its route data
    // changes with the spec) and held about 750 MB more until the build ended; the dev server keeps it.
    faster: { rspackPersistentCache: process.env.NODE_ENV !== 'production' },
  },

  i18n: { defaultLocale: 'en', locales: ['en'] },

  customFields: {
    // The reference's "Try it" panel (TryItConfig in src/plugins/api-reference/theme/ApiReference/TryIt/model.ts) sends to the spec's `servers` and to these (add a proxy you run here).
    // `npm run mock` serves the latest spec at this address.
    tryIt: {
      servers: [{ url: 'http://127.0.0.1:4010', description: 'Local mock server (npm run mock)' }],
    },
    // The developer community's Slack invite, shown on /docs/community/developer-slack. Slack's shared
    // invite links carry a token and expire: the workspace owner sets the current one (SLACK_INVITE_URL);
    // the default is a placeholder until then.
    slackInviteUrl: process.env.SLACK_INVITE_URL ?? 'https://join.slack.com/t/klaviyodevelopers/shared_invite',
    // The Run in Postman link of the published collection (https://app.getpostman.com/run-collection/<id>);
    // empty until the collection is published, and then the reference offers the download only.
    postmanRunUrl: process.env.POSTMAN_RUN_URL ?? '',
  },

  presets: [
    [
      'classic',
      {
        docs: {
          path: 'docs',
          routeBasePath: 'docs',
          sidebarPath: './sidebars.ts',
          showLastUpdateTime: false,
        },
        blog: {
          path: 'blog',
          routeBasePath: 'blog',
          blogTitle: 'Developer blog',
          blogDescription: 'Engineering notes from the team behind the API, its SDKs and this portal.',
          showReadingTime: true,
          showLastUpdateTime: true,
          onInlineAuthors: 'throw',
          onUntruncatedBlogPosts: 'throw',
          feedOptions: { type: ['rss', 'atom'], xslt: false },
        },
        theme: { customCss: './src/css/custom.css' },
        sitemap: { lastmod: null, changefreq: null, priority: null },
        // The dev-only debug plugin re-serializes every plugin's content (both bundled specs, MBs)
        // on each spec save, which doubles the recompiles of a live reload.
        debug: false,
      } satisfies Preset.Options,
    ],
  ],

  themes: [
    // Spec text is sanitized twice: as Markdown by the spec pipeline (src/plugins/api-reference/spec/sanitize.ts),
    // and as rendered HTML by Redoc's `untrustedSpec` (DOMPurify, on the server through jsdom).
    ['docusaurus-theme-redoc', { primaryColor: '#1f6feb' }],
    [
      // Offline search (@easyops-cn/docusaurus-search-local, wrapped to add section labels and path-friendly queries).
      // The index is fetched only when the reader hovers or focuses the search box (or presses Ctrl/Cmd+K).
      './src/plugins/search-local/index.ts',
      {
        hashed: true,
        indexDocs: true,
        indexBlog: true,
        // The API reference pages are custom routes, indexed as "pages": title (h1), meta description and
        // keywords (operationId, METHOD /path) and the text of <main>.
        indexPages: true,
        docsRouteBasePath: ['docs'],
        blogRouteBasePath: ['blog'],
        // Older and beta revisions would duplicate every operation; blog archive/author listings have no content of
        // their own.
        // Older and beta revisions, blog listings, and the per-operation compare views (they repeat the operation's
        // summary and path, and would outrank the operation page itself).
        ignoreFiles: [
          /^reference\/v\d{4}-\d{2}-\d{2}(\.pre)?(\/|$)/,
          /^blog\/(archive|authors)(\/|$)/,
          /^reference\/changelog\/operations\//,
        ],
        // Kept out of the index: button and "View as Markdown" labels; everything of Redoc's middle panel after the
        // title and description (parameter, request-body and response tables: their field names are indexed as
        // sections that lead to each field's anchor, see pageExtras) and its samples panel (code samples and
        // examples); an operation's facts and Try it panel, the same words on every page (the operationId, path and
        // scopes are in its keywords). The operation description stays.
        ignoreCssSelectors: [
          'button',
          '[data-testid="view-markdown"]',
          '[data-section-id^="operation/"] > div:first-child > :nth-child(n+3)',
          '[data-testid="try-it"]',
          '[data-testid="operation-facts"]',
          '[data-section-id^="operation/"] > div:nth-child(2)',
        ],
        language: ['en'],
        // Keep words such as "get", "what" and "is" searchable: they are part of operation names and FAQ questions.
        removeDefaultStopWordFilter: ['en'],
        highlightSearchTermsOnTargetPage: true,
        explicitSearchResultPath: true,
        searchResultLimits: 8,
        searchResultContextMaxLength: 80,
        searchBarShortcut: true,
        searchBarShortcutKeymap: 'mod+k',
        searchBarShortcutHint: true,
        sectionLabels: [
          { path: 'reference', label: 'Reference' },
          { path: 'docs/community', label: 'Community' },
          { path: 'docs', label: 'Guides' },
          { path: 'blog', label: 'Blog' },
        ],
        // Operation pages: their fields as sections (a field name leads to its anchor), their method and path shown
        // with each result, and their operationId and `METHOD /path` ranked first.
        pageExtras: referenceSearchPages,
      } satisfies SearchPluginOptions,
    ],
  ],

  plugins: [
    ['./src/plugins/api-reference/index.ts', { specsDir } satisfies ApiReferencePluginOptions],
    [
      // Links in the shape of the previous portal (/en/reference/..., /en/v{revision}/reference/..., /en/docs/...):
      // @docusaurus/plugin-client-redirects, whose pages then get their target's unfurl card.
      './src/plugins/legacy-redirect-pages.ts',
      {
        redirects: legacyDocRedirects(revisions),
        createRedirects: (routePath) => legacyPathsFor(routePath, revisions[0]!),
      } satisfies ClientRedirectsOptions,
    ],
    // The grammars of prism.additionalLanguages register on the code blocks' Prism, not Redoc's.
    './src/plugins/prism-grammars/index.ts',
    // Inert unless BUNDLE_STATS_FILE is set (npm run bench sets it).
    './src/plugins/bundle-report.ts',
    // A production build's peak memory: SSG worker threads replaced at 200 MB, V8's heap growth capped.
    './src/plugins/build-memory.ts',
  ],

  themeConfig: {
    image: 'img/social/home.png',
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: 'Klaviyo Developers',
      logo: { alt: 'Klaviyo Developers logo', src: 'img/logo.svg' },
      items: [
        // Guides and SDKs share the docs sidebar, so `type: 'doc'` items would both be highlighted on every
        // guide: each section is matched by its path instead (unanchored, so a base URL does not matter).
        {
          to: '/docs/getting-started',
          label: 'Guides',
          position: 'left',
          activeBaseRegex: '/docs/(?!sdks(/|$)|community/)',
        },
        { to: REFERENCE_BASE, label: 'API Reference', position: 'left', activeBaseRegex: `^${REFERENCE_BASE}` },
        { to: '/docs/sdks', label: 'SDKs', position: 'left', activeBaseRegex: '/docs/sdks(/|$)' },
        {
          type: 'dropdown',
          label: 'Community',
          position: 'left',
          items: [
            { type: 'doc', docId: 'community/developer-slack', label: 'Developer Slack' },
            { type: 'doc', docId: 'community/code-of-conduct', label: 'Code of conduct' },
          ],
        },
        { to: '/blog', label: 'Blog', position: 'left' },
        // API revision dropdown: src/theme/NavbarItem/ComponentTypes.tsx
        { type: 'custom-revisionSwitcher', position: 'right' },
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'Docs',
          items: [
            { label: 'Getting started', to: '/docs/getting-started' },
            { label: 'API overview', to: '/docs/api-overview' },
            { label: 'API reference', to: REFERENCE_BASE },
            { label: 'SDKs', to: '/docs/sdks' },
          ],
        },
        {
          title: 'Community',
          items: [
            { label: 'Developer Slack guide', to: '/docs/community/developer-slack' },
            { label: 'Code of conduct', to: '/docs/community/code-of-conduct' },
            { label: 'Blog', to: '/blog' },
          ],
        },
        {
          title: 'More',
          items: [
            {
              label: 'API guides on NBViewer',
              href: 'https://nbviewer.org/github/klaviyo-labs/klaviyo-api-guides-public',
            },
            { label: 'GitHub', href: 'https://github.com/klaviyo' },
          ],
        },
      ],
      copyright: `Copyright © ${new Date().getFullYear()} Klaviyo Developer Portal. API specification under the MIT license.`,
    },
    prism: {
      theme: prismThemes.vsLight,
      darkTheme: prismThemes.vsDark,
      additionalLanguages: ['php', 'ruby', 'bash'],
    },
  } satisfies Preset.ThemeConfig,
} satisfies Config;

export default config;
