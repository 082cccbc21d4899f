/**
 * Ranking and display data of search results, browser side (pure: unit-tested without the plugin). The plugin's
 * worker finds results index by index (titles first, then headings, ... keywords) and lunr scores them by word
 * frequency, so `get_events` (stemmed to `get_event`) scores Get Event and Get Events alike. A result whose page is
 * named exactly by the query (its operationId or `METHOD /path`, see page-extras.ts) is moved first, so that Enter,
 * which picks the first result, opens it.
 */
import type { PageBadge } from './page-extras';

/** The plugin's document types (its `SearchDocumentType`). */
const TITLE = 0;
const KEYWORDS = 3;

export interface RankedResult {
  document: { x?: PageBadge };
  type: number;
  /** The page's title document, for results of its sections; `false` or absent for title results. */
  page?: { x?: PageBadge } | false;
  /** The query's words this result was found with (a shorter query when the whole one found too little). */
  tokens: string[];
}

/** The badge of the page a result belongs to. */
export function pageBadge(result: RankedResult): PageBadge | undefined {
  if (result.type === TITLE) return result.document.x;
  return result.page ? result.page.x : undefined;
}

/** Moves the first result that names its page exactly by the whole query to the top, in place. */
export function promoteExactMatch<T extends RankedResult>(results: T[]): void {
  const query = results
    .map((result) => result.tokens)
    .reduce<string[]>((longest, tokens) => (tokens.length > longest.length ? tokens : longest), [])
    .join(' ');
  if (!query) return;
  const at = results.findIndex(
    (result) => (result.type === TITLE || result.type === KEYWORDS) && pageBadge(result)?.q?.includes(query),
  );
  if (at > 0) results.unshift(...results.splice(at, 1));
}
