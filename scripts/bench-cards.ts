// `npx tsx scripts/bench-cards.ts [specs folder]`: what the operation cards (og:image) cost a build
// of that folder (default specs/): every card drawn into an empty cache, then every card again from
// the cache, as postBuild does. Prints `name: value` lines; `npm run bench` runs it for each target.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadReferenceModel } from '../src/plugins/api-reference/spec';
import { writeOperationCards } from '../src/plugins/api-reference/cards/render';
import { isMain } from './lib/main';

const root = path.resolve(__dirname, '..');

export interface CardFigures {
  cards: number;
  coldSeconds: number;
  /** CPU time of the cold run (user + system): the cost without the other processes of a busy machine. */
  coldCpuSeconds: number;
  cachedSeconds: number;
  cachedRendered: number;
}

export async function measureCards(specsDir: string): Promise<CardFigures> {
  const model = await loadReferenceModel(specsDir, root);
  const scratch = mkdtempSync(path.join(tmpdir(), 'bench-cards-'));
  try {
    const run = () =>
      writeOperationCards({
        model,
        siteName: 'Klaviyo Developer Portal',
        siteDir: root,
        outDir: path.join(scratch, 'out'),
        cacheDir: path.join(scratch, 'cache'),
        // As a build draws them: in worker threads, which load their fonts (part of the cost).
      });
    const cpuBefore = process.cpuUsage();
    const cold = await run();
    const cpu = process.cpuUsage(cpuBefore);
    const cached = await run();
    return {
      cards: cold.cards,
      coldSeconds: cold.seconds,
      coldCpuSeconds: (cpu.user + cpu.system) / 1e6,
      cachedSeconds: cached.seconds,
      cachedRendered: cached.rendered,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

type Emit = (name: string, value: string | number) => void;
const printLine: Emit = (name, value) => console.log(`${name}: ${value}`);

export function printCardFigures(name: string, figures: CardFigures, emit: Emit = printLine): void {
  emit(`${name}.cards`, figures.cards);
  emit(`${name}.cards_cold_seconds`, figures.coldSeconds.toFixed(1));
  emit(`${name}.cards_cold_ms_per_card`, ((figures.coldSeconds * 1000) / figures.cards).toFixed(0));
  emit(`${name}.cards_cold_cpu_seconds`, figures.coldCpuSeconds.toFixed(1));
  emit(`${name}.cards_cached_seconds`, figures.cachedSeconds.toFixed(1));
  emit(`${name}.cards_cached_rendered`, figures.cachedRendered);
}

if (isMain(__filename)) {
  const specsDir = path.resolve(process.argv[2] ?? path.join(root, 'specs'));
  void measureCards(specsDir).then((figures) => printCardFigures(path.basename(specsDir), figures));
}
