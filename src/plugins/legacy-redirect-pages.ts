/**
 * @docusaurus/plugin-client-redirects, plus the link-unfurl card of each redirect's target.
 *
 * Its redirect pages are minimal (a meta refresh, a relative canonical and a script), so a legacy
 * `/en/reference/...` link pasted in Slack unfurls blank: crawlers read the page they are given and do
 * not follow a meta refresh. This plugin runs the redirects plugin with the same options, then copies
 * into each page it wrote the target's <title>, description, og:* and twitter:* tags and its absolute
 * canonical, read from the target's built HTML: the page unfurls like the target.
 *
 * It relies on where plugin-client-redirects writes its pages and on their HTML (a <head> and a
 * `<link rel="canonical">`): README's table of other packages' internals names the guarding tests.
 */
import fs from 'node:fs';
import type { LoadContext, Plugin } from '@docusaurus/types';
import clientRedirects, { type PluginOptions } from '@docusaurus/plugin-client-redirects';
import { fileFor, parseHtml, redirectTarget } from '../lib/built-html';
import { withoutBaseUrl } from './api-reference/routes';

export { validateOptions } from '@docusaurus/plugin-client-redirects';

/** The head of a built page is in its first bytes; a page whose head is longer is read whole. */
const HEAD_BYTES = 64 * 1024;

function readHead(file: string): string {
  const handle = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const length = fs.readSync(handle, buffer, 0, HEAD_BYTES, 0);
    const start = buffer.subarray(0, length).toString('utf8');
    const end = start.indexOf('</head>');
    return end >= 0 ? start.slice(0, end) : fs.readFileSync(file, 'utf8');
  } finally {
    fs.closeSync(handle);
  }
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The unfurl tags of a built page's head (title, description, og:*, twitter:*, canonical), as HTML. */
export function unfurlTags(headHtml: string): string {
  const { tags, title } = parseHtml(headHtml);
  const lines: string[] = [];
  if (title !== undefined) lines.push(`<title>${escapeAttribute(title)}</title>`);
  for (const { name, attributes } of tags) {
    if (name === 'meta' && attributes.content !== undefined) {
      const key = attributes.property ? 'property' : 'name';
      const value = attributes[key] ?? '';
      if (value === 'description' || /^(og|twitter):/.test(value)) {
        lines.push(`<meta ${key}="${escapeAttribute(value)}" content="${escapeAttribute(attributes.content)}">`);
      }
    } else if (name === 'link' && attributes.rel === 'canonical' && attributes.href) {
      lines.push(`<link rel="canonical" href="${escapeAttribute(attributes.href)}">`);
    }
  }
  return lines.join('\n    ');
}

const REDIRECT_CANONICAL = /<link rel="canonical"[^>]*>\s*/;

/** A plugin-client-redirects page with the target's unfurl tags in place of its relative canonical. */
export function withTargetCard(redirectPage: string, targetTags: string): string {
  if (!REDIRECT_CANONICAL.test(redirectPage) || !redirectPage.includes('</head>')) {
    throw new Error('plugin-client-redirects wrote a redirect page without <link rel="canonical"> or </head>');
  }
  return redirectPage.replace(REDIRECT_CANONICAL, '').replace(/\s*<\/head>/, `\n    ${targetTags}\n  </head>`);
}

/** Redirect sources as plugin-client-redirects derives them from `options` and the site's routes. */
function redirectSources(options: PluginOptions, routes: string[]): string[] {
  const routeSet = new Set(routes);
  const sources = new Set<string>();
  for (const rule of options.redirects) for (const from of [rule.from].flat()) sources.add(from);
  for (const route of routes) for (const from of [options.createRedirects?.(route) ?? []].flat()) sources.add(from);
  // The redirects plugin writes no page over a real route.
  return [...sources].filter((source) => !routeSet.has(source));
}

export default function legacyRedirectPagesPlugin(context: LoadContext, options: PluginOptions): Plugin<void> | null {
  const redirects = clientRedirects(context, options);
  if (!redirects) return null;
  return {
    name: 'legacy-redirect-pages',
    async postBuild(props) {
      await redirects.postBuild!(props);
      const routes = props.routesPaths.map((route) => withoutBaseUrl(route, props.baseUrl));
      const tagsByTarget = new Map<string, string>();
      for (const source of redirectSources(options, routes)) {
        const file = fileFor(props.outDir, source);
        const page = file ? fs.readFileSync(file, 'utf8') : '';
        const target = redirectTarget(page);
        if (!file || target === undefined) {
          throw new Error(`legacy-redirect-pages: plugin-client-redirects wrote no redirect page for ${source}`);
        }
        const targetPath = withoutBaseUrl(new URL(target, 'https://site.invalid').pathname, props.baseUrl);
        let tags = tagsByTarget.get(targetPath);
        if (tags === undefined) {
          const targetFile = fileFor(props.outDir, targetPath);
          if (!targetFile) throw new Error(`legacy-redirect-pages: ${source} redirects to ${target}, not in the build`);
          tags = unfurlTags(readHead(targetFile));
          tagsByTarget.set(targetPath, tags);
        }
        fs.writeFileSync(file, withTargetCard(page, tags));
      }
    },
  };
}
