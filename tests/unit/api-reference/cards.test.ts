import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-wasm';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { cardText, fitPath, pathLines, type OperationCard } from '../../../src/plugins/api-reference/cards/design';
import {
  createCardRenderer,
  loadResvg,
  writeOperationCards,
  type CardRenderer,
} from '../../../src/plugins/api-reference/cards/render';
import { encodeIndexedPng } from '../../../src/plugins/api-reference/cards/png';
import { operationCardPaths } from '../../../src/plugins/api-reference/artifacts/paths';
import { loadReferenceModel, type ReferenceModel } from '../../../src/plugins/api-reference/spec';
import { cardSvgText, pngSize } from '../../e2e/unfurl-card';
import { ROOT } from '../helpers';

const LATIN: [number, number][] = [[0x20, 0x7e]];

/** pngjs, an independent decoder, reads a PNG back. */
const decode = (png: Buffer) => PNG.sync.read(png);

describe('card text', () => {
  it('drops emoji, controls and bidi overrides, and marks what the fonts cannot draw', () => {
    expect(cardText('Create 🎉 event 👨‍👩‍👧 now', LATIN)).toBe('Create event now');
    expect(cardText('a\u202Eevil\u202C\u0000b\n\tc', LATIN)).toBe('a evil b c');
    expect(cardText('Hello مرحبا بالعالم there', LATIN)).toBe('Hello … … there');
    expect(cardText('  ', LATIN)).toBe('');
  });

  it('bounds the length of what reaches the renderer', () => {
    expect([...cardText('x'.repeat(1_000_000), LATIN)].length).toBeLessThanOrEqual(400);
  });
});

describe('card layout', () => {
  it('breaks paths after a slash, and inside a segment only when it must', () => {
    expect(pathLines('/api/profiles/{id}/lists', 15)).toEqual(['/api/profiles/', '{id}/lists']);
    expect(pathLines('/abcdefghij', 5)).toEqual(['/', 'abcde', 'fghij']);
  });

  it('keeps a short path large and on one line', () => {
    expect(fitPath('/api/profiles')).toEqual({ fontSize: 44, lines: ['/api/profiles'] });
  });

  it('shrinks a long path, then elides its middle, keeping both ends within three lines', () => {
    const long = `/api/${'segment/'.repeat(60)}{id}/end`;
    const { fontSize, lines } = fitPath(long);
    expect(fontSize).toBe(28);
    expect(lines.length).toBeLessThanOrEqual(3);
    const shown = lines.join('');
    expect(shown.startsWith('/api/segment/')).toBe(true);
    expect(shown.endsWith('{id}/end')).toBe(true);
    expect(shown).toContain('…');
  });
});

describe('card PNG encoding', () => {
  /** Draws `body` (SVG elements) on a 300x200 canvas, with resvg as the cards are drawn. */
  let draw: (body: string) => { pixels: Uint8Array; width: number; height: number };
  beforeAll(async () => {
    await loadResvg();
    draw = (body) => {
      const resvg = new Resvg(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200">${body}</svg>`);
      const image = resvg.render();
      const drawn = { pixels: new Uint8Array(image.pixels), width: image.width, height: image.height };
      image.free();
      resvg.free();
      return drawn;
    };
  });

  it('stores an opaque image of few colours losslessly, one byte a pixel', () => {
    // Anti-aliased curves and text-like strokes in three colours on a flat fill: about the cards' kind of image.
    const drawn = draw(
      '<rect width="300" height="200" fill="#0d1117"/><circle cx="80" cy="90" r="57.3" fill="#3fb950"/>' +
        '<path d="M150 20 L290 180 M160 180 Q220 10 290 60" stroke="#58a6ff" stroke-width="3.5" fill="none"/>',
    );
    const png = encodeIndexedPng(drawn.pixels, drawn.width, drawn.height);
    expect(png).toBeDefined();
    const decoded = decode(png!);
    expect({ width: decoded.width, height: decoded.height }).toEqual({ width: 300, height: 200 });
    // IHDR's colour type, byte 25 of the file: 3, indexed colour.
    expect(png![25]).toBe(3);
    expect(Buffer.from(decoded.data).equals(Buffer.from(drawn.pixels))).toBe(true);
  });

  it('declines an image with transparency or more than 256 colours, which resvg encodes instead', () => {
    // No background: everything around the circle is transparent.
    const translucent = draw('<circle cx="80" cy="90" r="50" fill="#0d1117"/>');
    expect(encodeIndexedPng(translucent.pixels, translucent.width, translucent.height)).toBeUndefined();
    const gradient = draw(
      '<defs><linearGradient id="red"><stop offset="0" stop-color="#000"/><stop offset="1" stop-color="#f00"/></linearGradient>' +
        '<linearGradient id="green"><stop offset="0" stop-color="#000"/><stop offset="1" stop-color="#0f0"/></linearGradient></defs>' +
        '<rect width="300" height="100" fill="url(#red)"/><rect y="100" width="300" height="100" fill="url(#green)"/>',
    );
    expect(encodeIndexedPng(gradient.pixels, gradient.width, gradient.height)).toBeUndefined();
  });
});

describe('card rendering', () => {
  let renderer: CardRenderer;
  let model: ReferenceModel;
  beforeAll(async () => {
    renderer = createCardRenderer(ROOT);
    model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
  }, 60_000);

  const card = (overrides: Partial<OperationCard>): OperationCard => ({
    method: 'get',
    path: '/api/profiles',
    summary: 'Get Profiles',
    tag: 'Profiles',
    revision: '2026-07-15',
    beta: false,
    deprecated: false,
    siteName: 'Klaviyo Developer Portal',
    ...overrides,
  });

  it('draws a 1200x630 PNG whose SVG source says the method, path, summary and revision', async () => {
    const { png, svg } = await renderer.render(
      card({ method: 'post', path: '/api/campaigns', summary: 'Create Campaign' }),
    );
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    // A card is drawn in few enough colours for the indexed encoding.
    expect(png[25]).toBe(3);
    expect(decode(png).width).toBe(1200);
    const text = cardSvgText(svg);
    expect(text).toContain('POST');
    expect(text).toContain('/api/campaigns');
    expect(text).toContain('Create Campaign');
    expect(text).toContain('revision 2026-07-15');
    expect(text).toContain('Klaviyo Developer Portal');
  });

  it('masks only what it clips, never the whole card', async () => {
    const { svg } = await renderer.render(card({}));
    // Satori masks every descendant of an \`overflow: hidden\` box; on the card's root box that is every element,
    // and resvg drew each masked one through a canvas-sized layer: four times the drawing time, the same pixels.
    // (Satori defines a mask for every box; only those of clipping boxes are used.)
    const masked = svg.match(/ mask="url\(#[^)]+\)"/g) ?? [];
    expect(masked).not.toContain(' mask="url(#satori_om-id)"');
    // At most the tag (its ellipsis) and the logo.
    expect(masked.length).toBeLessThanOrEqual(2);
  });

  it('renders hostile spec text (huge strings, emoji, RTL, bidi overrides) without failing', async () => {
    const hostile = `Emoji 🎉🔥 مرحبا שלום \u202Ereversed\u202C 中文 <script>alert(1)</script> ${'word '.repeat(50_000)}`;
    const cleaned = (text: string) => cardText(text, renderer.coverage.text);
    const { png, svg } = await renderer.render(
      card({
        summary: cleaned(hostile),
        tag: cleaned('x'.repeat(10_000)),
        path: cardText(`/api/${'{very_long_parameter_name}/'.repeat(500)}тест`, renderer.coverage.code),
      }),
    );
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    // Markup in spec text is text on the card, escaped in its SVG.
    expect(svg).not.toContain('<script');
    expect(cardSvgText(svg)).toContain('<script>alert(1)</script>');
  }, 30_000);

  it('draws each operation once: a second run renders nothing, a changed summary renders one card', async () => {
    // Three operations of the project spec are enough to show the cache at work.
    const revision = model.revisions[0]!;
    const small = (summary?: string): ReferenceModel => ({
      ...model,
      revisions: [
        {
          ...revision,
          operations: revision.operations
            .slice(0, 3)
            .map((operation, index) => (index === 1 && summary ? { ...operation, summary } : operation)),
        },
      ],
    });
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'cards-cache-'));
    const run = (input: ReferenceModel) =>
      writeOperationCards({
        model: input,
        siteName: 'Klaviyo Developer Portal',
        siteDir: ROOT,
        outDir: mkdtempSync(path.join(tmpdir(), 'cards-out-')),
        cacheDir,
        renderer,
      });

    expect((await run(small())).rendered).toBe(3);
    const second = await run(small());
    expect(second).toMatchObject({ cards: 3, rendered: 0 });
    expect((await run(small('A summary that changed'))).rendered).toBe(1);

    const outDir = mkdtempSync(path.join(tmpdir(), 'cards-out-'));
    await writeOperationCards({
      model: small(),
      siteName: 'Klaviyo Developer Portal',
      siteDir: ROOT,
      outDir,
      cacheDir,
      renderer,
    });
    const operation = revision.operations[0]!;
    const files = operationCardPaths(revision.revision, operation.operationId);
    expect(pngSize(readFileSync(path.join(outDir, files.png)))).toEqual({ width: 1200, height: 630 });
    expect(cardSvgText(readFileSync(path.join(outDir, files.svg), 'utf8'))).toContain(operation.path);
  }, 60_000);

  it("draws in worker threads, as builds do, the same cards as in the build's own thread", async () => {
    const revision = model.revisions[0]!;
    const four: ReferenceModel = {
      ...model,
      revisions: [{ ...revision, operations: revision.operations.slice(0, 4) }],
    };
    const draw = async (inThisThread: boolean) => {
      const outDir = mkdtempSync(path.join(tmpdir(), 'cards-out-'));
      const stats = await writeOperationCards({
        model: four,
        siteName: 'Klaviyo Developer Portal',
        siteDir: ROOT,
        outDir,
        cacheDir: mkdtempSync(path.join(tmpdir(), 'cards-cache-')),
        ...(inThisThread && { renderer }),
      });
      expect(stats).toMatchObject({ cards: 4, rendered: 4 });
      return revision.operations.slice(0, 4).map((operation) => {
        const files = operationCardPaths(revision.revision, operation.operationId);
        return [readFileSync(path.join(outDir, files.png)), readFileSync(path.join(outDir, files.svg), 'utf8')];
      });
    };
    const inWorkers = await draw(false);
    expect(inWorkers).toEqual(await draw(true));
    expect(pngSize(inWorkers[0]![0] as Buffer)).toEqual({ width: 1200, height: 630 });
  }, 60_000);
});
