/**
 * The link-unfurl card of one operation: what it says and how it is laid out, as the element tree
 * satori lays out (flexbox, CSS in `style`). Pure: no fonts or files are read here (render.ts does).
 *
 * Spec text is untrusted and this is the only place it reaches the renderer: `cardText` bounds its
 * length and keeps only characters the card's fonts can draw, and the sizes below are chosen so that
 * the longest text still fits the 1200x630 card at a legible size (long paths wrap at `/`, then get
 * elided in the middle; long summaries shrink, then get an ellipsis).
 */

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const PADDING_X = 72;
const PADDING_TOP = 56;
const PADDING_BOTTOM = 64;
const CONTENT_WIDTH = CARD_WIDTH - 2 * PADDING_X;

export interface OperationCard {
  method: string;
  path: string;
  summary: string;
  tag: string;
  revision: string;
  /** Beta revisions (`YYYY-MM-DD.pre`) say so on the card. */
  beta: boolean;
  deprecated: boolean;
  siteName: string;
}

/** A satori node: an element with a style and children, or text. */
export type CardNode = string | { type: string; props: { style?: Record<string, unknown>; [key: string]: unknown } };

const METHOD_COLORS: Record<string, string> = {
  get: '#3fb950',
  post: '#58a6ff',
  put: '#d29922',
  patch: '#bc8cff',
  delete: '#f85149',
};

/** Longest text (in code points) any field may bring to the layout; the layout elides well below it. */
const MAX_FIELD_LENGTH = 400;
const ELLIPSIS = '…';

/** The code points a font family can draw, as inclusive [from, to] ranges. */
export type Coverage = readonly (readonly [number, number])[];

/** What the card's two families cover: satori draws a missing glyph as a box, it does not fall back. */
export interface CardCoverage {
  /** Inter: summary, tag, site name. */
  text: Coverage;
  /** JetBrains Mono: method and path. */
  code: Coverage;
}

/** Parses CSS `unicode-range` lists (`U+0000-00FF,U+0131`) into ranges. */
export function parseUnicodeRanges(ranges: string): [number, number][] {
  return ranges
    .split(',')
    .map((part) => /^U\+([0-9A-F]+)(?:-([0-9A-F]+))?$/i.exec(part.trim()))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => [parseInt(match[1]!, 16), parseInt(match[2] ?? match[1]!, 16)]);
}

const covered = (coverage: Coverage, codePoint: number) =>
  coverage.some(([from, to]) => codePoint >= from && codePoint <= to);

/**
 * Spec text as the card can show it: NFC, one line, no control, format (bidi overrides, zero-width
 * joiners), private-use or emoji characters, and each run of characters the fonts cannot draw (a
 * script they lack) shown as one ellipsis. Bounded to MAX_FIELD_LENGTH code points.
 */
export function cardText(text: string, coverage: Coverage): string {
  const cleaned = [...text.normalize('NFC').slice(0, MAX_FIELD_LENGTH * 2)]
    .slice(0, MAX_FIELD_LENGTH)
    .join('')
    .replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|[\u{FE00}-\u{FE0F}]/gu, '')
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}\p{Zs}]+/gu, ' ');
  let result = '';
  let inUnsupportedRun = false;
  for (const character of cleaned) {
    if (character === ' ' || covered(coverage, character.codePointAt(0)!)) {
      result += character;
      inUnsupportedRun = false;
    } else if (!inUnsupportedRun) {
      result += ELLIPSIS;
      inUnsupportedRun = true;
    }
  }
  return result.replace(/ {2,}/g, ' ').trim();
}

/** Monospace advance of the path font (JetBrains Mono), in em. */
const MONO_ADVANCE = 0.6;
const PATH_SIZES = [44, 40, 36, 32, 28];
const PATH_MAX_LINES = 3;
const METHOD_BADGE_WIDTH = 156;
const PATH_WIDTH = CONTENT_WIDTH - METHOD_BADGE_WIDTH - 24;

/** Lines a path takes at `charsPerLine` when it breaks after each `/` (and inside a segment only if it must). */
export function pathLines(path: string, charsPerLine: number): string[] {
  const pieces = path.split(/(?<=\/)/).flatMap((piece) => {
    const chunks: string[] = [];
    for (let start = 0; start < piece.length; start += charsPerLine)
      chunks.push(piece.slice(start, start + charsPerLine));
    return chunks;
  });
  const lines: string[] = [];
  for (const piece of pieces) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + piece.length <= charsPerLine) lines[last] += piece;
    else lines.push(piece);
  }
  return lines;
}

/** Largest path size at which it fits; at the smallest, the middle of the path is elided (its ends stay). */
export function fitPath(path: string): { fontSize: number; lines: string[] } {
  for (const fontSize of PATH_SIZES) {
    const lines = pathLines(path, Math.floor(PATH_WIDTH / (fontSize * MONO_ADVANCE)));
    if (lines.length <= (fontSize === PATH_SIZES[0] ? 2 : PATH_MAX_LINES)) return { fontSize, lines };
  }
  const fontSize = PATH_SIZES[PATH_SIZES.length - 1]!;
  const perLine = Math.floor(PATH_WIDTH / (fontSize * MONO_ADVANCE));
  const codePoints = [...path];
  // Breaking at `/` leaves lines short, so the budget shrinks until the elided path fits.
  for (let budget = perLine * PATH_MAX_LINES - 1; ; budget -= 4) {
    const tail = Math.floor(budget / 3);
    const elided = [...codePoints.slice(0, budget - tail - 1), ELLIPSIS, ...codePoints.slice(-tail)].join('');
    const lines = pathLines(elided, perLine);
    if (lines.length <= PATH_MAX_LINES) return { fontSize, lines };
  }
}

/** Average advance of Inter Bold over mixed text, in em: enough to pick a size, the clamp catches the rest. */
const SUMMARY_ADVANCE = 0.58;
const SUMMARY_SIZES = [68, 60, 52, 44];

export function summarySize(summary: string): number {
  const width = [...summary].length * SUMMARY_ADVANCE;
  return SUMMARY_SIZES.find((size) => width * size <= 2 * CONTENT_WIDTH * 0.9) ?? SUMMARY_SIZES.at(-1)!;
}

const element = (type: string, style: Record<string, unknown>, ...children: CardNode[]): CardNode => ({
  type,
  props: { style, children: children.length === 1 ? children[0] : children },
});

const pill = (text: string, color: string, background: string): CardNode =>
  element(
    'div',
    {
      display: 'flex',
      fontSize: 24,
      fontWeight: 700,
      color,
      background,
      padding: '6px 16px',
      borderRadius: 10,
      marginLeft: 12,
    },
    text,
  );

/**
 * The card's element tree. `card` must already be cleaned with `cardText`; `logo` is an image URL
 * (a data: URL of the portal's logo).
 */
export function operationCardTree(card: OperationCard, logo: string): CardNode {
  const method = card.method.toLowerCase();
  const accent = METHOD_COLORS[method] ?? '#ffd166';
  const path = fitPath(card.path);
  const summary = card.summary || card.path;
  const summaryFontSize = summarySize(summary);
  const badges = [
    ...(card.deprecated ? [pill('Deprecated', '#0b1733', '#f2cc60')] : []),
    ...(card.beta ? [pill('Beta', '#0b1733', '#c3a6ff')] : []),
    pill(`revision ${card.revision}`, '#d7e3ff', '#15244a'),
  ];
  return element(
    'div',
    {
      // Satori sizes boxes without their padding (content-box).
      width: CONTENT_WIDTH,
      height: CARD_HEIGHT - PADDING_TOP - PADDING_BOTTOM,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: `${PADDING_TOP}px ${PADDING_X}px ${PADDING_BOTTOM}px`,
      background: '#0b1733',
      color: '#ffffff',
      fontFamily: 'Inter',
      // No `overflow: hidden` here: the card is the whole canvas, and satori would mask every element with it,
      // which made resvg draw each into a canvas-sized layer (4 times the drawing time, the same pixels).
      position: 'relative',
    },
    element(
      'div',
      { display: 'flex', alignItems: 'center', justifyContent: 'space-between' },
      element(
        'div',
        { display: 'flex', alignItems: 'center', fontSize: 30, fontWeight: 700 },
        { type: 'img', props: { src: logo, width: 56, height: 56, style: { marginRight: 18 } } },
        card.siteName,
      ),
      element('div', { display: 'flex' }, ...badges),
    ),
    element(
      'div',
      { display: 'flex', flexDirection: 'column' },
      ...(card.tag
        ? [
            element(
              'div',
              {
                display: 'flex',
                fontSize: 26,
                fontWeight: 700,
                letterSpacing: 2,
                textTransform: 'uppercase',
                color: accent,
                marginBottom: 8,
                maxWidth: CONTENT_WIDTH,
                overflow: 'hidden',
                whiteSpace: 'nowrap',
                textOverflow: 'ellipsis',
              },
              card.tag,
            ),
          ]
        : []),
      element(
        'div',
        {
          display: 'block',
          fontSize: summaryFontSize,
          fontWeight: 700,
          lineHeight: 1.12,
          letterSpacing: -1,
          lineClamp: 2,
          marginBottom: 36,
        },
        summary,
      ),
      element(
        'div',
        { display: 'flex', alignItems: 'flex-start' },
        element(
          'div',
          {
            display: 'flex',
            justifyContent: 'center',
            width: METHOD_BADGE_WIDTH,
            flexShrink: 0,
            marginRight: 24,
            padding: '6px 0',
            borderRadius: 12,
            background: accent,
            color: '#0b1733',
            fontFamily: 'JetBrains Mono',
            fontSize: 36,
            fontWeight: 700,
          },
          card.method.toUpperCase(),
        ),
        element(
          'div',
          {
            display: 'flex',
            flexDirection: 'column',
            width: PATH_WIDTH,
            fontFamily: 'JetBrains Mono',
            fontSize: path.fontSize,
            fontWeight: 700,
            lineHeight: 1.25,
            color: '#d7e3ff',
          },
          ...path.lines.map((line) => element('div', { display: 'flex', whiteSpace: 'pre' }, line)),
        ),
      ),
    ),
    element('div', { position: 'absolute', left: 0, right: 0, bottom: 0, height: 14, background: accent }),
  );
}
