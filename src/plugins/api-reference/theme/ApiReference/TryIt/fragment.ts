/** Share links put the form in the URL fragment: `#try-it=<base64url JSON>` (never a key). */
export const SHARE_PREFIX = '#try-it=';

/** Kept apart from the form model so that the page's shell can check for a link without loading it. */
export function isShareFragment(hash: string): boolean {
  return hash.startsWith(SHARE_PREFIX);
}
