import path from 'node:path';
import logger from '@docusaurus/logger';
import type { LoadContext } from '@docusaurus/types';
import type { ReferenceModel } from '../spec';
import { writeOperationCards, type CardStats } from './render';

/** Docusaurus's cache folder (the bundler's persistent cache lives there too): survives builds, not `npm ci`. */
export const CARD_CACHE_DIR = path.join('node_modules', '.cache', 'api-reference-cards');

/** Every operation's card into the build output, with the one log line that says how many were drawn. */
export async function writeBuildCards(context: LoadContext, model: ReferenceModel, outDir: string): Promise<CardStats> {
  const stats = await writeOperationCards({
    model,
    siteName: context.siteConfig.title,
    siteDir: context.siteDir,
    outDir,
    cacheDir: path.join(context.siteDir, CARD_CACHE_DIR),
  });
  logger.info(
    `Operation cards: ${stats.cards} cards, ${stats.rendered} rendered, ${stats.cards - stats.rendered} from cache, in ${stats.seconds.toFixed(1)} s`,
  );
  return stats;
}
