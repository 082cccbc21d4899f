import sanitizeHtml from 'sanitize-html';

/**
 * Spec text is untrusted Markdown that Redoc renders as HTML, on the server as well as in the
 * browser. Raw HTML in it is reduced to a small set of harmless tags: no scripts, no event
 * handler attributes, no javascript: URLs. Markdown syntax itself is left alone.
 */
const OPTIONS: sanitizeHtml.IOptions = {
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
  // Keep Markdown's `>` blockquotes and `a < b` comparisons readable.
  parser: { decodeEntities: false },
};

const TEXT_KEYS = new Set(['description', 'summary', 'title']);

export function sanitizeMarkdown(text: string): string {
  return text.includes('<') ? sanitizeHtml(text, OPTIONS) : text;
}

/** A copy of `node` with every description, summary and title string sanitized. */
export function sanitizeSpecText<T>(node: T): T {
  if (Array.isArray(node)) return node.map((item) => sanitizeSpecText(item)) as T;
  if (!node || typeof node !== 'object') return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    result[key] = TEXT_KEYS.has(key) && typeof value === 'string' ? sanitizeMarkdown(value) : sanitizeSpecText(value);
  }
  return result as T;
}
