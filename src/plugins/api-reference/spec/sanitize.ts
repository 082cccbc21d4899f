import sanitizeHtml from 'sanitize-html';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { visit } from 'unist-util-visit';
import type { Root } from 'mdast';

/**
 * Spec text is untrusted Markdown. It reaches readers rendered by Redoc (which also runs DOMPurify
 * over the HTML it renders, on the server and in the browser: `untrustedSpec`), and as Markdown in
 * the `.md` twins, llms-full.txt, Postman descriptions and changelog entries. So it is made safe here,
 * once, before anything uses it:
 * - raw HTML is reduced to a small set of harmless tags (sanitize-html);
 * - every Markdown link, image and link definition whose URL is not http(s), mailto or relative
 *   loses its URL (the link's text stays), whatever the spelling of the scheme.
 */
const HTML_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'a',
    'b',
    'strong',
    'i',
    'em',
    'code',
    'pre',
    'br',
    'p',
    'ul',
    'ol',
    'li',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'blockquote',
    'h3',
    'h4',
    'span',
  ],
  allowedAttributes: { a: ['href', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Keep Markdown's `>` blockquotes and `a < b` comparisons readable.
  parser: { decodeEntities: false },
};

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const RELATIVE_BASE = 'https://relative.invalid/';

/**
 * True for http(s) and mailto URLs and for relative ones (`#x`, `/path`, `page`). The WHATWG URL
 * parser reads the scheme as a browser does: leading control characters and spaces dropped, tabs
 * and newlines inside ignored, any letter case.
 */
export function isSafeUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url, RELATIVE_BASE);
  } catch {
    return false;
  }
  return SAFE_PROTOCOLS.has(parsed.protocol);
}

const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '_' });

const MAX_PASSES = 4;

/**
 * Removes unsafe URLs from Markdown links, images and definitions; `text` is returned as is when it
 * has none. Re-serializing can move text so that it parses as a new link (a definition that now
 * starts a line), so passes repeat until one changes nothing; text that never settles is escaped whole.
 */
export function neutralizeMarkdownLinks(text: string): string {
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const next = neutralizeOnce(current);
    if (next === current) return current;
    current = next;
  }
  return markdown.stringify({
    type: 'root',
    children: [{ type: 'paragraph', children: [{ type: 'text', value: text }] }],
  });
}

function neutralizeOnce(text: string): string {
  // Cheap exit: no link syntax, or no scheme separator (literal or entity-encoded).
  if (!/[[<]/.test(text) || !/[:&]/.test(text)) return text;
  const tree = markdown.parse(text) as Root;
  let changed = false;
  visit(tree, (node, index, parent) => {
    if (node.type === 'link' || node.type === 'definition') {
      if (!isSafeUrl(node.url)) {
        node.url = '#';
        changed = true;
      }
    } else if (node.type === 'image' && !isSafeUrl(node.url)) {
      // An image without a safe source is its alt text.
      parent!.children.splice(index!, 1, { type: 'text', value: node.alt ?? '' });
      changed = true;
    }
  });
  return changed ? markdown.stringify(tree).trimEnd() : text;
}

/**
 * Texts sanitized already, and what they became. A spec repeats its descriptions (a shared parameter in every
 * operation; most of a revision in the next one), and the dev server sanitizes the whole spec again on each save:
 * parsing every description of the 3 MB spec took about 1.4 s of each reload.
 */
const sanitized = new Map<string, string>();
/** About four times the text of the 3 MB spec; past it, everything remembered is forgotten. */
const MAX_REMEMBERED_CHARACTERS = 20_000_000;
let rememberedCharacters = 0;

export function sanitizeMarkdown(text: string): string {
  let result = sanitized.get(text);
  if (result === undefined) {
    const withoutHtml = text.includes('<') ? sanitizeHtml(text, HTML_OPTIONS) : text;
    result = neutralizeMarkdownLinks(withoutHtml);
    if (rememberedCharacters + text.length > MAX_REMEMBERED_CHARACTERS) {
      sanitized.clear();
      rememberedCharacters = 0;
    }
    sanitized.set(text, result);
    rememberedCharacters += text.length;
  }
  return result;
}

const TEXT_KEYS = new Set(['description', 'summary', 'title']);
/** Keys whose string value Redoc renders as a link (externalDocs, contact, license, x-logo). */
const URL_KEYS = new Set(['url', 'termsOfService', 'href']);

/** A copy of `node` with every description, summary and title string sanitized, and unsafe link URLs removed. */
export function sanitizeSpecText<T>(node: T): T {
  if (Array.isArray(node)) return node.map((item) => sanitizeSpecText(item)) as T;
  if (!node || typeof node !== 'object') return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (typeof value === 'string' && TEXT_KEYS.has(key)) result[key] = sanitizeMarkdown(value);
    else if (typeof value === 'string' && URL_KEYS.has(key)) result[key] = isSafeUrl(value) ? value : '#';
    else result[key] = sanitizeSpecText(value);
  }
  return result as T;
}
