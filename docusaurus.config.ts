import path from 'node:path';
import { themes as prismThemes } from 'prism-react-renderer';
import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import type { ApiReferencePluginOptions } from './src/plugins/api-reference';

const siteUrl = process.env.SITE_URL ?? 'https://developers.example.com';
const specsDir = process.env.SPECS_DIR ? path.resolve(process.env.SPECS_DIR) : path.resolve(__dirname, 'specs');

const config = {
  title: 'Klaviyo Developer Portal',
  tagline: 'Build on the customer data and marketing automation API',
  favicon: 'img/favicon.svg',
  url: siteUrl,
  baseUrl: process.env.BASE_URL ?? '/',
  trailingSlash: false,

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' },
    // Explicit heading ids (`## FAQ {#faq}`) are what Slack answers link to; v4 turns this syntax off by default.
    mdx1Compat: { comments: true, admonitions: true, headingIds: true },
  },
  future: { v4: true },

  i18n: { defaultLocale: 'en', locales: ['en'] },

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
      } satisfies Preset.Options,
    ],
  ],

  themes: [
    // Redoc's own `sanitize` option needs a DOM and breaks server rendering; spec text is
    // sanitized by the spec pipeline instead (src/spec-pipeline/sanitize.ts).
    ['docusaurus-theme-redoc', { primaryColor: '#1f6feb' }],
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        indexDocs: true,
        indexBlog: true,
        indexPages: true,
        docsRouteBasePath: ['docs'],
        blogRouteBasePath: ['blog'],
        language: ['en'],
        highlightSearchTermsOnTargetPage: true,
        explicitSearchResultPath: true,
        searchResultLimits: 8,
        searchResultContextMaxLength: 80,
        searchBarShortcutHint: true,
      } satisfies import('@easyops-cn/docusaurus-search-local').PluginOptions,
    ],
  ],

  plugins: [['./src/plugins/api-reference/index.ts', { specsDir } satisfies ApiReferencePluginOptions]],

  themeConfig: {
    image: 'img/social/home.png',
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: 'Klaviyo Developers',
      logo: { alt: 'Klaviyo Developers logo', src: 'img/logo.svg' },
      items: [
        { type: 'doc', docId: 'getting-started', label: 'Guides', position: 'left' },
        { to: '/reference', label: 'API Reference', position: 'left', activeBaseRegex: '^/reference' },
        { type: 'doc', docId: 'sdks', label: 'SDKs', position: 'left' },
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
            { label: 'API reference', to: '/reference' },
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
      theme: prismThemes.github,
      darkTheme: prismThemes.dracula,
      additionalLanguages: ['php', 'ruby', 'bash'],
    },
  } satisfies Preset.ThemeConfig,
} satisfies Config;

export default config;
