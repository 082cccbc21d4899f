/**
 * Every URL of the API reference: landing, tag and operation pages of each revision, the changelog
 * and its feeds, the page data the browser fetches, and (re-exported) the downloadable artifacts and
 * Markdown twins. Paths are site-relative, without the site's baseUrl: `withBaseUrl` and
 * `withoutBaseUrl` convert. Pure string functions: the plugin (Node) and the theme (browser) share them.
 */

export {
  LATEST_ALIAS,
  LLMS_FULL_TXT_PATH,
  LLMS_TXT_PATH,
  downloadFileNames,
  markdownTwinPath,
  postmanPaths,
  specDownloadPaths,
} from './artifacts/paths';

export const REFERENCE_BASE = '/reference';

/** A beta revision's folder and name: the date of the stable revision it previews, then `.pre`. */
export const BETA_SUFFIX = '.pre';

export function isBetaRevision(revision: string): boolean {
  return revision.endsWith(BETA_SUFFIX);
}

/** The stable revision a beta previews (`2026-07-15.pre` → `2026-07-15`); a stable revision itself. */
export function stableDateOf(revision: string): string {
  return isBetaRevision(revision) ? revision.slice(0, -BETA_SUFFIX.length) : revision;
}

/** URL segment of a revision's reference pages; the latest revision has none. */
export function revisionPathSegment(revision: string, latest: string): string {
  return revision === latest ? '' : `v${revision}`;
}

/** A revision's landing page: `/reference` for the latest, `/reference/v2026-04-15` for an older one. */
export function revisionBasePath(revision: string, latest: string): string {
  const segment = revisionPathSegment(revision, latest);
  return segment ? `${REFERENCE_BASE}/${segment}` : REFERENCE_BASE;
}

/** A landing (no slug), tag or operation page of the revision whose landing page is `basePath`. */
export function referencePageUrl(basePath: string, slug?: string): string {
  return slug ? `${basePath}/${slug}` : basePath;
}

export function operationUrl(basePath: string, operationId: string): string {
  return referencePageUrl(basePath, operationId);
}

/** A field of an operation page, by its anchor (field-anchors/ids.ts). */
export function operationFieldUrl(basePath: string, operationId: string, anchor: string): string {
  return `${operationUrl(basePath, operationId)}#${anchor}`;
}

export function tagUrl(basePath: string, tagSlug: string): string {
  return referencePageUrl(basePath, tagSlug);
}

export const CHANGELOG_SEGMENT = 'changelog';
export const CHANGELOG_BASE = `${REFERENCE_BASE}/${CHANGELOG_SEGMENT}`;

/** The changelog overview, or one revision's entry. */
export function changelogUrl(revision?: string): string {
  return revision ? `${CHANGELOG_BASE}/${revision}` : CHANGELOG_BASE;
}

/** One change's entry on its revision's changelog page (ids from changelog/diff.ts). */
export function changelogEntryUrl(revision: string, changeId: string): string {
  return `${changelogUrl(revision)}#${changeId}`;
}

/**
 * The compare view of one operation, optionally with the two revisions chosen. Under `operations/`, a
 * segment no revision can be named (revisions are dates) and no feed file takes, so no operationId can
 * collide with a revision's changelog page.
 */
export const OPERATION_CHANGES_BASE = `${CHANGELOG_BASE}/operations`;

export function operationChangesUrl(operationId: string, pair?: { from: string; to: string }): string {
  const url = `${OPERATION_CHANGES_BASE}/${operationId}`;
  return pair ? `${url}?${new URLSearchParams(pair).toString()}` : url;
}

/** The data of a compare view, fetched on client-side navigation. */
export function operationChangesDataPath(operationId: string): string {
  return `reference-data/changelog/operations/${operationId}.json`;
}

/** The one browser route that stands for every operation's compare view. */
export const OPERATION_CHANGES_ROUTE = `${OPERATION_CHANGES_BASE}/:operationId`;

export const CHANGELOG_FEEDS = { rss: `${CHANGELOG_BASE}/feed.xml`, atom: `${CHANGELOG_BASE}/atom.xml` } as const;

/** The data of one landing (empty slug), tag or operation page, fetched on client-side navigation. */
export function entryDataPath(revision: string, slug: string): string {
  return slug ? `reference-data/${revision}/pages/${slug}.json` : `reference-data/${revision}/landing.json`;
}

export function sidebarDataPath(revision: string): string {
  return `reference-data/${revision}/sidebar.json`;
}

/** The one browser route that stands for every landing, tag and operation page of a revision. */
export function foldedRoutePath(basePath: string): string {
  return `${basePath}/:slug?`;
}

/** `/portal/reference/x` → `/reference/x` under the baseUrl `/portal/`; other paths unchanged. */
export function withoutBaseUrl(pathname: string, baseUrl: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  if (base === '/') return pathname;
  if (pathname === base.slice(0, -1)) return '/';
  return pathname.startsWith(base) ? `/${pathname.slice(base.length)}` : pathname;
}

/** `/reference/x` → `/portal/reference/x` under the baseUrl `/portal/`. */
export function withBaseUrl(path: string, baseUrl: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl;
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}
