/**
 * Draws every operation's link-unfurl card at build time: satori lays the card out (design.ts) into
 * an SVG, resvg rasterizes it to a 1200x630 PNG. Cards are cached by a hash of what they show and of
 * the renderer (package versions, fonts, this folder's source), so a rebuild only draws changed cards.
 *
 * resvg runs as WebAssembly, not as the native addon: the addon (2.6) kept about 3 MB of every PNG it drew
 * outside V8's heap, over 1 GB for the 3 MB spec's 345 cards; freed explicitly, the WebAssembly build reuses
 * its memory, and draws the same bytes.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import satori, { type SatoriOptions } from 'satori';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { ReferenceModel } from '../spec';
import { WorkerPool } from '../worker-pool';
import { writeFileAtomically } from '../../../lib/write-atomically';
import { codeVersion } from '../../../lib/code-version';
import { isBetaRevision } from '../routes';
import { operationCardPaths } from '../artifacts/paths';
import {
  CARD_HEIGHT,
  CARD_WIDTH,
  cardText,
  operationCardTree,
  parseUnicodeRanges,
  type CardCoverage,
  type OperationCard,
} from './design';
import { encodeIndexedPng } from './png';

const packageRequire = createRequire(__filename);

// initWasm may run once per process (a second call throws), and every renderer shares it.
let resvgReady: Promise<void> | undefined;
export function loadResvg(): Promise<void> {
  resvgReady ??= initWasm(fs.readFileSync(packageRequire.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return resvgReady;
}

type Font = SatoriOptions['fonts'][number];

/** The fonts the cards use (npm packages, SIL Open Font License 1.1), and the scripts loaded of each. */
const FONT_FILES: {
  family: string;
  role: keyof CardCoverage;
  pkg: string;
  file: string;
  weights: (400 | 700)[];
  subsets: string[];
}[] = [
  {
    family: 'Inter',
    role: 'text',
    pkg: '@fontsource/inter',
    file: 'inter',
    weights: [400, 700],
    subsets: ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'vietnamese'],
  },
  {
    family: 'JetBrains Mono',
    role: 'code',
    pkg: '@fontsource/jetbrains-mono',
    file: 'jetbrains-mono',
    weights: [700],
    subsets: ['latin', 'latin-ext'],
  },
];

const RENDERER_PACKAGES = ['satori', '@resvg/resvg-wasm', ...FONT_FILES.map((font) => font.pkg)];

export interface CardRenderer {
  /** What every card's cache key starts with: renderer versions, fonts, design source, logo. */
  fingerprint: string;
  coverage: CardCoverage;
  render(card: OperationCard): Promise<{ png: Buffer; svg: string }>;
}

const packageDir = (name: string) => path.dirname(packageRequire.resolve(`${name}/package.json`));

function loadFonts(): { fonts: Font[]; coverage: CardCoverage } {
  const fonts: Font[] = [];
  const coverage: Record<keyof CardCoverage, [number, number][]> = { text: [], code: [] };
  for (const { family, role, pkg, file, weights, subsets } of FONT_FILES) {
    const dir = packageDir(pkg);
    const unicode = JSON.parse(fs.readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<string, string>;
    for (const subset of subsets) {
      coverage[role].push(...parseUnicodeRanges(unicode[subset] ?? ''));
      for (const weight of weights) {
        // WOFF, not WOFF2: satori reads TrueType, OpenType and WOFF.
        const data = fs.readFileSync(path.join(dir, 'files', `${file}-${subset}-${weight}-normal.woff`));
        fonts.push({ name: family, data, weight, style: 'normal' });
      }
    }
  }
  return { fonts, coverage };
}

/** Loads fonts and logo once; `siteDir` holds `static/img/logo.svg`. */
export function createCardRenderer(siteDir: string): CardRenderer {
  const { fonts, coverage } = loadFonts();
  const logoSvg = fs.readFileSync(path.join(siteDir, 'static/img/logo.svg'));
  const logo = `data:image/svg+xml;base64,${logoSvg.toString('base64')}`;
  const fingerprint = codeVersion(
    RENDERER_PACKAGES,
    fs
      .readdirSync(__dirname)
      .sort()
      .map((source) => path.join(__dirname, source)),
    [logoSvg],
  );
  const options = { width: CARD_WIDTH, height: CARD_HEIGHT, fonts };

  return {
    fingerprint,
    coverage,
    async render(card) {
      const tree = operationCardTree(card, logo) as Parameters<typeof satori>[0];
      // The PNG is drawn from the SVG whose glyphs are paths; the same layout with its text kept as
      // <text> runs (embedFont: false) is published beside it, so what each card says can be read back.
      const drawn = await satori(tree, options);
      const svg = await satori(tree, { ...options, embedFont: false });
      await loadResvg();
      const resvg = new Resvg(drawn, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } });
      const image = resvg.render();
      try {
        return { png: encodeIndexedPng(image.pixels, image.width, image.height) ?? Buffer.from(image.asPng()), svg };
      } finally {
        image.free();
        resvg.free();
      }
    },
  };
}

/** The card of each operation of each revision, its text cleaned for the renderer. */
export function operationCards(
  model: ReferenceModel,
  siteName: string,
  coverage: CardCoverage,
): { revision: string; operationId: string; card: OperationCard }[] {
  return model.revisions.flatMap((revision) =>
    revision.operations.map((operation) => ({
      revision: revision.revision,
      operationId: operation.operationId,
      card: {
        method: cardText(operation.method, coverage.code),
        path: cardText(operation.path, coverage.code),
        summary: cardText(operation.summary, coverage.text),
        tag: cardText(operation.tag, coverage.text),
        revision: revision.revision,
        beta: isBetaRevision(revision.revision),
        deprecated: operation.deprecated,
        siteName: cardText(siteName, coverage.text),
      },
    })),
  );
}

export interface CardStats {
  cards: number;
  /** Cards drawn by this run; the others came from the cache. */
  rendered: number;
  seconds: number;
}

/** What a worker of the cards' pool draws (card-worker.ts). */
export interface CardRequest {
  siteDir: string;
  card: OperationCard;
}

/** Draws `cards` in worker threads, in parallel and off the main thread (which meanwhile indexes the site). */
async function drawInWorkers(siteDir: string, cards: OperationCard[]): Promise<{ png: Buffer; svg: string }[]> {
  const pool = new WorkerPool<CardRequest, { png: Uint8Array; svg: string }>({
    workerFile: path.join(__dirname, 'card-worker.ts'),
    // A worker loads satori, resvg and the fonts first.
    requestsPerWorker: 16,
    // Cards cost about the same: all are queued at once, so the workers go on while this thread indexes the site.
    requestsInFlightPerWorker: Number.POSITIVE_INFINITY,
    describe: ({ card }) => `The card of ${card.method} ${card.path} could not be drawn`,
  });
  const drawn = await pool.runAll(cards.map((card) => ({ siteDir, card })));
  return drawn.map(({ png, svg }) => ({ png: Buffer.from(png.buffer, png.byteOffset, png.byteLength), svg }));
}

/** Draws `cards` one after the other in this thread. */
async function drawHere(renderer: CardRenderer, cards: OperationCard[]): Promise<{ png: Buffer; svg: string }[]> {
  const drawn: { png: Buffer; svg: string }[] = [];
  for (const card of cards) drawn.push(await renderer.render(card));
  return drawn;
}

/** Cache entries no build has used for this long are deleted. */
const CACHE_MAX_AGE_MS = 14 * 24 * 3600 * 1000;

function pruneCache(cacheDir: string, used: Set<string>): void {
  const cutoff = Date.now() - CACHE_MAX_AGE_MS;
  for (const name of fs.readdirSync(cacheDir)) {
    if (used.has(name)) continue;
    const file = path.join(cacheDir, name);
    if (fs.statSync(file).mtimeMs < cutoff) fs.rmSync(file, { force: true });
  }
}

/**
 * Writes every operation's card (PNG and its text SVG) into `outDir` at `operationCardPaths`,
 * drawing only those not in `cacheDir` yet: in worker threads, or in this thread with `renderer`.
 */
export async function writeOperationCards(options: {
  model: ReferenceModel;
  siteName: string;
  siteDir: string;
  outDir: string;
  cacheDir: string;
  renderer?: CardRenderer;
}): Promise<CardStats> {
  const started = performance.now();
  // The fingerprint and the fonts' coverage; the workers load their own.
  const renderer = options.renderer ?? createCardRenderer(options.siteDir);
  fs.mkdirSync(options.cacheDir, { recursive: true });
  const now = new Date();
  const cards = operationCards(options.model, options.siteName, renderer.coverage).map((entry) => {
    const key = createHash('sha256').update(renderer.fingerprint).update(JSON.stringify(entry.card)).digest('hex');
    const cached = { png: path.join(options.cacheDir, `${key}.png`), svg: path.join(options.cacheDir, `${key}.svg`) };
    return { ...entry, key, cached };
  });
  const missing = cards.filter(({ cached }) => !(fs.existsSync(cached.png) && fs.existsSync(cached.svg)));
  const drawn = options.renderer
    ? await drawHere(
        options.renderer,
        missing.map(({ card }) => card),
      )
    : await drawInWorkers(
        options.siteDir,
        missing.map(({ card }) => card),
      );
  missing.forEach(({ cached }, index) => {
    writeFileAtomically(cached.svg, drawn[index]!.svg);
    writeFileAtomically(cached.png, drawn[index]!.png);
  });
  const used = new Set<string>();
  for (const { revision, operationId, key, cached } of cards) {
    for (const file of Object.values(cached)) fs.utimesSync(file, now, now);
    used.add(`${key}.png`).add(`${key}.svg`);
    const target = operationCardPaths(revision, operationId);
    for (const kind of ['png', 'svg'] as const) {
      const file = path.join(options.outDir, ...target[kind].split('/').filter(Boolean));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.copyFileSync(cached[kind], file);
    }
  }
  pruneCache(options.cacheDir, used);
  return { cards: cards.length, rendered: missing.length, seconds: (performance.now() - started) / 1000 };
}
