import type { ReferenceEntryData } from './types';

export function entrySlug(entry: ReferenceEntryData): string {
  return entry.kind === 'operation' ? entry.operation.operationId : entry.slug;
}

/** Where the build writes a page's data for client-side navigation, relative to the site's base URL. */
export function entryDataPath(revision: string, slug: string): string {
  return `reference-data/${revision}/${slug}.json`;
}
