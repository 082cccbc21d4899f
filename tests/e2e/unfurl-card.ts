import { Parser } from 'htmlparser2';
import { parseHtml } from '../../src/lib/built-html';

/**
 * Reads a link-unfurl card the way Slack's crawler does: from the first 32 KB of the HTML only,
 * with no JavaScript, looking at <title>, <meta name|property=… content=…> and <link rel=canonical>.
 */
export const UNFURL_BYTES = 32 * 1024;
export const SLACKBOT_HEADERS = {
  'User-Agent': 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)',
  Range: `bytes=0-${UNFURL_BYTES}`,
};

export interface UnfurlCard {
  title?: string;
  description?: string;
  ogTitle?: string;
  ogDescription?: string;
  ogUrl?: string;
  ogImage?: string;
  twitterImage?: string;
  ogSiteName?: string;
  twitterCard?: string;
  canonical?: string;
}

export const REQUIRED_FIELDS: (keyof UnfurlCard)[] = [
  'title',
  'description',
  'ogTitle',
  'ogDescription',
  'ogUrl',
  'ogImage',
  'ogSiteName',
  'twitterCard',
  'canonical',
];

/** The first `limit` bytes of `html` (a partial multi-byte character at the cut is dropped). */
export function firstBytes(html: string | Buffer, limit = UNFURL_BYTES): string {
  const buffer = typeof html === 'string' ? Buffer.from(html) : html;
  return buffer
    .subarray(0, limit)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
}

export function parseCard(html: string | Buffer, limit = UNFURL_BYTES): UnfurlCard {
  const head = firstBytes(html, limit);
  const card: UnfurlCard = {};
  const { tags, title } = parseHtml(head);
  if (title !== undefined) card.title = title;
  const fields: Record<string, keyof UnfurlCard> = {
    description: 'description',
    'og:title': 'ogTitle',
    'og:description': 'ogDescription',
    'og:url': 'ogUrl',
    'og:image': 'ogImage',
    'twitter:image': 'twitterImage',
    'og:site_name': 'ogSiteName',
    'twitter:card': 'twitterCard',
  };
  for (const { name, attributes } of tags) {
    if (name === 'meta') {
      const key = fields[attributes.property ?? attributes.name ?? ''];
      // First one wins, like most crawlers (and Docusaurus never emits two).
      if (key && attributes.content !== undefined && card[key] === undefined) card[key] = attributes.content;
    } else if (name === 'link' && attributes.rel === 'canonical' && attributes.href && card.canonical === undefined) {
      card.canonical = attributes.href;
    }
  }
  return card;
}

/** Problems of a card: missing fields and URLs that are not absolute http(s) URLs. */
export function cardProblems(card: UnfurlCard): string[] {
  const problems = REQUIRED_FIELDS.filter((field) => !card[field]?.trim()).map((field) => `missing ${field}`);
  for (const field of ['ogUrl', 'ogImage', 'canonical'] as const) {
    const value = card[field];
    if (value && !/^https?:\/\/[^/]+/.test(value)) problems.push(`${field} is not absolute: ${value}`);
  }
  if (card.ogUrl && card.canonical && card.ogUrl !== card.canonical) {
    problems.push(`og:url ${card.ogUrl} differs from canonical ${card.canonical}`);
  }
  return problems;
}

/**
 * What an operation card says, read from the SVG the build writes beside its PNG (the same satori
 * layout with its glyph runs kept as <text>): the text runs in document order, joined.
 */
export function cardSvgText(svg: string): string {
  let text = '';
  let inText = false;
  const parser = new Parser(
    {
      onopentag: (name) => (inText = inText || name === 'text'),
      ontext: (chunk) => {
        if (inText) text += chunk;
      },
      onclosetag: (name) => (inText = inText && name !== 'text'),
    },
    { decodeEntities: true, xmlMode: true },
  );
  parser.end(svg);
  return text;
}

/** Width and height of a PNG (its IHDR chunk), or undefined when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | undefined {
  if (!png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return undefined;
  if (png.subarray(12, 16).toString('latin1') !== 'IHDR') return undefined;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
