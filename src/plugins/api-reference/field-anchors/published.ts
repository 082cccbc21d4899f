/**
 * The field anchors of every operation page, written into the build for the URL manifest guard
 * (scripts/url-manifest.ts): most fields are collapsed when a page opens, so its HTML cannot list them.
 */
import type { OperationField } from './ids';

/** Where the build publishes them, relative to the output folder. */
export const FIELD_ANCHORS_FILE = 'reference-data/field-anchors.json';

export interface PublishedFieldAnchors {
  /** Page path (with the baseUrl) → the field anchor ids of its operation. */
  pages: Record<string, string[]>;
  /** Page path → old anchor → the anchor that replaces it on that page. */
  redirects: Record<string, Record<string, string>>;
}

/** Option `fieldAnchorRedirects`: operationId → { old anchor: new anchor }. */
export type FieldAnchorRedirects = Record<string, Record<string, string>>;

/**
 * The redirects that apply on one operation page: those of its operationId whose old anchor the page does not
 * have any more (a revision that still has the field keeps its own anchor).
 */
export function pageFieldAnchorRedirects(
  redirects: FieldAnchorRedirects | undefined,
  operationId: string,
  fields: readonly OperationField[],
): Record<string, string> | undefined {
  const own = redirects?.[operationId];
  if (!own) return undefined;
  const ids = new Set(fields.map((field) => field.id));
  const applying = Object.entries(own).filter(([from]) => !ids.has(from));
  return applying.length > 0 ? Object.fromEntries(applying) : undefined;
}
