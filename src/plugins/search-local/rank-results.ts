/**
 * Ranking and display data of search results, browser side (pure: unit-tested without the plugin). The plugin's
 * worker finds results index by index (titles first, then headings, ... keywords) and lunr scores them by word
 * frequency, so `get_events` (stemmed to `get_event`) scores Get Event and Get Events alike. A result whose page is
 * named exactly by the query (by its title, or by one of its exact queries such as an operationId or `METHOD /path`,
 * see page-extras.ts) is moved first, so that Enter, which picks the first result, opens it.
 */
import type { PageBadge } from './page-extras';
import { tokenize } from './query-tokenize';

/** The plugin's document types (its `SearchDocumentType`). */
const TITLE = 0;
const KEYWORDS = 3;

interface PageDocument {
  /** The page's title. */
  t: string;
  x?: PageBadge;
}

export interface RankedResult {
  document: { t: string; x?: PageBadge };
  type: number;
  /** The page's title document, for results of its sections; `false` or absent for title results. */
  page?: PageDocument | false;
  /** The query's words this result was found with (a shorter query when the whole one found too little). */
  tokens: string[];
}

function pageOf(result: RankedResult): PageDocument | undefined {
  if (result.type === TITLE) return result.document;
  return result.page || undefined;
}

/** The badge of the page a result belongs to. */
export function pageBadge(result: RankedResult): PageBadge | undefined {
  return pageOf(result)?.x;
}

/** Whether the result stands for its whole page (its title or keywords matched) and the query names that page. */
function namesPage(result: RankedResult, query: string): boolean {
  if (result.type !== TITLE && result.type !== KEYWORDS) return false;
  const page = pageOf(result);
  return !!page && (tokenize(page.t).join(' ') === query || !!page.x?.q?.includes(query));
}

/** Moves the first result whose page the whole query names exactly to the top, in place. */
export function promoteExactMatch<T extends RankedResult>(results: T[]): void {
  const query = results
    .map((result) => result.tokens)
    .reduce<string[]>((longest, tokens) => (tokens.length > longest.length ? tokens : longest), [])
    .join(' ');
  if (!query) return;
  const at = results.findIndex((result) => namesPage(result, query));
  if (at > 0) results.unshift(...results.splice(at, 1));
}
