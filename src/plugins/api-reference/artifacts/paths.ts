/**
 * Where the build publishes the downloadable artifacts. Pure string functions with no Node
 * imports: the pipeline uses them to name files, the React components to link to them.
 * Every path is relative to the site root, without the site's baseUrl.
 */

export const LATEST_ALIAS = 'latest';

export function specDownloadPaths(revision: string): { json: string; yaml: string } {
  return { json: `/specs/${revision}/openapi.json`, yaml: `/specs/${revision}/openapi.yaml` };
}

export function postmanPaths(revision: string): { collection: string; environment: string } {
  return {
    collection: `/postman/${revision}/collection.json`,
    environment: `/postman/${revision}/environment.json`,
  };
}

export const LLMS_TXT_PATH = '/llms.txt';
export const LLMS_FULL_TXT_PATH = '/llms-full.txt';

/**
 * The Markdown twin of a page: `/docs/sdks` -> `/docs/sdks.md`, `/docs/` -> `/docs/index.md`.
 * Works on permalinks with or without the baseUrl (it is kept as given).
 */
export function markdownTwinPath(pagePath: string): string {
  const clean = pagePath.split(/[?#]/)[0] ?? pagePath;
  return clean.endsWith('/') ? `${clean}index.md` : `${clean}.md`;
}

/** File names offered by the download links, so several revisions can sit side by side in a folder. */
export function downloadFileNames(revision: string) {
  return {
    collection: `klaviyo-api-${revision}.postman_collection.json`,
    environment: `klaviyo-api-${revision}.postman_environment.json`,
    json: `klaviyo-openapi-${revision}.json`,
    yaml: `klaviyo-openapi-${revision}.yaml`,
  };
}

/**
 * The link-unfurl card (og:image) of an operation, drawn by the build (cards/): a 1200x630 PNG,
 * and beside it the SVG it was rasterized from, with its text kept as text so it can be read back.
 */
export function operationCardPaths(revision: string, operationId: string): { png: string; svg: string } {
  const base = `/img/cards/${revision}/${operationId}`;
  return { png: `${base}.png`, svg: `${base}.svg` };
}
