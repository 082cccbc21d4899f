/**
 * What a site plugin can add to the pages of the search index (see `pageExtras` in ./index.ts), and how it is added:
 * in the plugin's own serialized format, so that its browser side searches and lists it like its own documents.
 *
 * - `sections` become heading documents of their page (the plugin's second index): a result lists the section's
 *   title under its page and leads to `page URL + hash`. Operation pages use them for their fields.
 * - `badge`, `detail` and `exact` ride on the page's title document (key `x`, which the plugin does not use): the
 *   results show them (./suggestion-template.ts) and a query equal to one of `exact` ranks the page first
 *   (./rank-results.ts).
 */
import { tokenize } from './query-tokenize';

export interface SearchPageSection {
  /** What is searched and shown, e.g. a field name. */
  title: string;
  /** `#anchor` on the page. */
  hash: string;
  /**
   * Listed after the other sections of every page that match as well, e.g. response fields after parameters and
   * request fields (lunr orders equal scores by document id, and these get the larger ids).
   */
  secondary?: boolean;
}

export interface SearchPageExtras {
  /** URL of an indexed page, baseUrl included (as the index stores it). */
  url: string;
  /** Short label shown before `detail` in each result of the page, e.g. an HTTP method. */
  badge?: string;
  /** Shown with each result of the page, e.g. an operation's path. */
  detail?: string;
  /** Queries that name the page exactly (an operationId, `GET /api/events`): such a query ranks it first. */
  exact?: string[];
  sections?: SearchPageSection[];
}

/** Stored on a page's title document as `x`. */
export interface PageBadge {
  /** Badge, e.g. `GET`. */
  m?: string;
  /** Detail, e.g. `/api/events`. */
  d?: string;
  /** The exact queries, tokenized as the search box tokenizes queries and joined with spaces. */
  q?: string[];
}

export interface IndexDocument {
  i: number;
  t: string;
  u: string;
  h?: string;
  p?: number;
  b?: string[];
  x?: PageBadge;
}

export interface SerializedIndex {
  documents: IndexDocument[];
  index: unknown;
}

/** The plugin's five indexes: titles, headings, descriptions, keywords, contents. */
export const TITLE_INDEX = 0;
export const HEADING_INDEX = 1;

/** How a query names a page exactly, in the form rank-results.ts compares. */
export function exactQueryKey(query: string): string {
  return tokenize(query).join(' ');
}

/**
 * Adds `extras` to the pages of `indexes` (pages not in the index are skipped: they were excluded on purpose) and
 * returns the heading documents, extra sections included, whose lunr index must be rebuilt. Ids continue after the
 * largest id in use, so every document keeps a unique id across the five indexes.
 */
export function addPageExtras(indexes: SerializedIndex[], extras: readonly SearchPageExtras[]): IndexDocument[] {
  const titles = indexes[TITLE_INDEX]?.documents ?? [];
  const headings = indexes[HEADING_INDEX]?.documents ?? [];
  const pages = new Map(titles.map((page) => [page.u, page]));
  let nextId = Math.max(0, ...indexes.flatMap((index) => index.documents.map((doc) => doc.i))) + 1;
  const added: IndexDocument[] = [];
  const secondary: [IndexDocument, SearchPageSection][] = [];
  for (const extra of extras) {
    const page = pages.get(extra.url);
    if (!page) continue;
    const badge: PageBadge = {};
    if (extra.badge) badge.m = extra.badge;
    if (extra.detail) badge.d = extra.detail;
    const exact = (extra.exact ?? []).map(exactQueryKey).filter(Boolean);
    if (exact.length > 0) badge.q = exact;
    if (Object.keys(badge).length > 0) page.x = badge;
    for (const section of extra.sections ?? []) {
      if (section.secondary) secondary.push([page, section]);
      else added.push({ i: nextId++, t: section.title, u: page.u, h: section.hash, p: page.i });
    }
  }
  for (const [page, section] of secondary) {
    added.push({ i: nextId++, t: section.title, u: page.u, h: section.hash, p: page.i });
  }
  return [...headings, ...added];
}
