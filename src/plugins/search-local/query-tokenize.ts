/**
 * Replaces `tokenize` of @easyops-cn/docusaurus-search-local in the browser (see ./index.ts): splits a query into
 * words like the plugin does (on whitespace and hyphens, lowercased), then trims leading and trailing punctuation
 * from each word, as lunr's trimmer did to the indexed words. So `/api/profiles/{id}` becomes `api/profiles/{id`,
 * `#api-help` becomes `api` + `help`, and `get_profiles` stays as it is.
 */
export function trimQueryToken(token: string): string {
  return token.replace(/^\W+/, '').replace(/\W+$/, '');
}

export function tokenize(text: string, _language?: string[]): string[] {
  return (text.toLowerCase().match(/[^-\s]+/g) ?? []).map(trimQueryToken).filter((token) => token.length > 0);
}
