// Reads start tags out of HTML with a real parser (htmlparser2, the tokenizer cheerio uses), for
// the build and the checks that look at built pages the way crawlers and browsers do: the URL manifest's
// anchors and redirect pages (scripts/url-manifest.ts), the legacy redirect pages' unfurl tags
// (src/plugins/legacy-redirect-pages.ts) and link-unfurl cards (tests/e2e/unfurl-card.ts).
// Quoted, single-quoted and minified unquoted attributes, entities, comments and the raw text of
// <script>/<style> are handled as a browser would: a tag inside a comment or a script is not a tag.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';

export interface StartTag {
  /** Lowercased tag name. */
  name: string;
  /** Lowercased attribute names; values with entities decoded ('' for a bare attribute). The first of duplicates wins. */
  attributes: Record<string, string>;
}

export interface ParsedHtml {
  tags: StartTag[];
  /** Text of the first <title> element, entities decoded and trimmed; undefined when it is not closed. */
  title?: string;
}

/** Start tags of `html` in document order, and its title. A document cut short is read up to the cut. */
export function parseHtml(html: string): ParsedHtml {
  const tags: StartTag[] = [];
  let title: string | undefined;
  let titleText: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        tags.push({ name, attributes });
        if (name === 'title' && title === undefined) titleText = '';
      },
      ontext(text) {
        if (titleText !== null) titleText += text;
      },
      onclosetag(name, isImplied) {
        if (name !== 'title' || titleText === null) return;
        // A title the document was cut inside (only closed by the end of input) does not count.
        if (!isImplied) title = titleText.trim();
        titleText = null;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return { tags, title };
}

/** Target of a redirect page written by @docusaurus/plugin-client-redirects, or undefined for a real page. */
export function redirectTarget(html: string): string | undefined {
  for (const { name, attributes } of parseHtml(html).tags) {
    if (name !== 'meta' || (attributes['http-equiv'] ?? '').toLowerCase() !== 'refresh') continue;
    const url = /url=(.*)$/i.exec(attributes.content ?? '')?.[1]?.trim();
    if (url) return url;
  }
  return undefined;
}

/** The file that serves `urlPath` (as `docusaurus serve` and most static hosts resolve it), or undefined. */
export function fileFor(buildDir: string, urlPath: string): string | undefined {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]!).replace(/^\/+/, '');
  const candidates =
    clean === '' || clean.endsWith('/')
      ? [path.join(buildDir, clean, 'index.html')]
      : [path.join(buildDir, clean), path.join(buildDir, `${clean}.html`), path.join(buildDir, clean, 'index.html')];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}
