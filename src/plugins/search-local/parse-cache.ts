import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { writeFileAtomically } from '../../lib/write-atomically';
import { codeVersion } from '../../lib/code-version';

/**
 * When the plugin writes its index it parses every built page with cheerio (scanDocuments → `parse`), the
 * slowest part of its postBuild, although after an edit of one operation almost every page is the same.
 * While the plugin's postBuild runs, its `parse` is answered from the last build's results for a page whose
 * input is unchanged: a hash of what the parser reads of the page, of its URL and type, of the parse options
 * and of the plugin's version. What it reads is the page's HTML without its asset tags (the bundles' file
 * names change with any bundle); of a custom page (type `page`, as the API reference's are) it reads only the
 * head, the first h1 and `<main>` (utils/parsePage.js), so the reference's sidebar, which lists every
 * operation's name, does not make every reference page new when one operation is renamed, and the parser is
 * given only those (less to parse, the same result). The results of this build replace the last build's in
 * one file in Docusaurus's cache folder.
 */

type ParseResult = unknown;
type Parse = (html: string, type: string, url: string, config: object) => ParseResult;

const nodeRequire = createRequire(__filename);
const PARSE_MODULE = '@easyops-cn/docusaurus-search-local/dist/server/server/utils/parse';
/** Script tags that load a bundle (no text of their own), and link tags (stylesheets, preloads); quoted or not. */
const ASSET_TAGS = /<script\b[^>]*\ssrc=[^>]*><\/script>|<link\b[^>]*>/g;

export interface ParseCacheStats {
  parsed: number;
  cached: number;
}

const PLUGIN_CODE_VERSION = codeVersion(['@easyops-cn/docusaurus-search-local'], []);

/** A style sheet's text: the parser never reads it (its text extraction skips style elements). */
const STYLE_TEXT = /(<style\b[^>]*>)[\s\S]*?(<\/style>)/g;

/**
 * What `parse` reads of a page, as HTML. Of a custom page whose first h1 is in its `<main>`, that is its head
 * and its `<main>`, the text of its style elements left out (the elements stay, for the ignored selectors'
 * `:nth-child`): the reference's pages are parsed without their sidebar, their data and Redoc's CSS, which are
 * two thirds of each page. The page is cut first, so that only those parts are searched for asset tags.
 */
function parsedInput(html: string, type: string): string {
  if (type !== 'page') return html.replace(ASSET_TAGS, '');
  const head = /<head\b[\s\S]*?<\/head>/.exec(html);
  const mainStart = html.search(/<main\b/);
  const mainEnd = html.lastIndexOf('</main>');
  const firstH1 = html.search(/<h1\b/);
  if (!head || mainStart === -1 || mainEnd < mainStart || (firstH1 !== -1 && firstH1 < mainStart)) {
    return html.replace(ASSET_TAGS, '');
  }
  const main = html.slice(mainStart, mainEnd + '</main>'.length);
  return `<!doctype html><html>${head[0].replace(ASSET_TAGS, '')}<body>${main.replace(ASSET_TAGS, '').replace(STYLE_TEXT, '$1$2')}</body></html>`;
}

function pageKey(input: string, type: string, url: string, configKey: string): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify([PLUGIN_CODE_VERSION, type, url, configKey]))
    .update(input)
    .digest('hex');
}

function readResults(file: string): Map<string, ParseResult> {
  try {
    return new Map(Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, ParseResult>));
  } catch {
    return new Map();
  }
}

/** Runs `postBuild` (the plugin's) with its page parser answered from `cacheFile` where it can be. */
export async function withParsedPageCache<T>(
  cacheFile: string,
  postBuild: () => Promise<T>,
): Promise<{ result: T; stats: ParseCacheStats }> {
  const parseModule = nodeRequire(PARSE_MODULE) as { parse: Parse };
  const parse = parseModule.parse;
  if (typeof parse !== 'function') throw new Error(`search-local: ${PARSE_MODULE} exports no parse()`);
  const previous = readResults(cacheFile);
  const current = new Map<string, ParseResult>();
  const stats: ParseCacheStats = { parsed: 0, cached: 0 };
  parseModule.parse = (html, type, url, config) => {
    const { ignoreCssSelectors, forceIgnoreNoIndex } = config as Record<string, unknown>;
    const input = parsedInput(html, type);
    const key = pageKey(input, type, url, JSON.stringify([ignoreCssSelectors, forceIgnoreNoIndex]));
    if (previous.has(key)) {
      stats.cached += 1;
      const known = previous.get(key);
      current.set(key, known);
      // Each page gets its own copy, as a fresh parse would give it.
      return structuredClone(known);
    }
    stats.parsed += 1;
    const parsed = parse(input, type, url, config);
    current.set(key, structuredClone(parsed));
    return parsed;
  };
  let result: T;
  try {
    result = await postBuild();
  } finally {
    parseModule.parse = parse;
  }
  fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
  writeFileAtomically(cacheFile, JSON.stringify(Object.fromEntries(current)));
  return { result, stats };
}
