/**
 * Replaces `utils/sortSearchResults` of @easyops-cn/docusaurus-search-local in the browser (see ./index.ts): moves
 * the page that the query names exactly to the top, then lets the plugin group each page's sections under it.
 */
import { sortSearchResults as sortByPage } from '@easyops-cn/docusaurus-search-local/dist/client/client/utils/sortSearchResults';
import { promoteExactMatch, type RankedResult } from './rank-results';

export function sortSearchResults(results: RankedResult[]): void {
  promoteExactMatch(results);
  sortByPage(results);
}
