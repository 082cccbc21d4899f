import type { ReferenceEntryData } from './types';

/**
 * The landing page, tag pages and operation pages of a revision are "entries" under
 * `{basePath}/{slug}` (the landing page has the empty slug); routes.ts says where each one's data lives.
 */
export function entrySlug(entry: ReferenceEntryData): string {
  if (entry.kind === 'operation' || entry.kind === 'removed') return entry.operation.operationId;
  return entry.kind === 'tag' ? entry.slug : '';
}
