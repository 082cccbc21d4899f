import type { ReferenceEntryData } from './types';

/**
 * Where a reference page's data lives. The landing page, tag pages and operation pages of a
 * revision are "entries" under `{basePath}/{slug}` (the landing page has the empty slug); the build
 * writes each one's data, and each revision's sidebar, under `reference-data/` for client-side
 * navigation. Paths are relative to the site's base URL.
 */
export function entrySlug(entry: ReferenceEntryData): string {
  if (entry.kind === 'operation') return entry.operation.operationId;
  return entry.kind === 'tag' ? entry.slug : '';
}

export function entryDataPath(revision: string, slug: string): string {
  return slug ? `reference-data/${revision}/pages/${slug}.json` : `reference-data/${revision}/landing.json`;
}

export function sidebarDataPath(revision: string): string {
  return `reference-data/${revision}/sidebar.json`;
}

/** The one browser route that stands for every entry of a revision. */
export function foldedRoutePath(basePath: string): string {
  return `${basePath}/:slug?`;
}
