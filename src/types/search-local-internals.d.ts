// Modules of @easyops-cn/docusaurus-search-local that src/plugins/search-local wraps (see README, internals table).
declare module '@easyops-cn/docusaurus-search-local/dist/client/client/utils/sortSearchResults' {
  export function sortSearchResults(results: unknown[]): void;
}
declare module '@easyops-cn/docusaurus-search-local/dist/client/client/theme/SearchBar/SuggestionTemplate' {
  export function SuggestionTemplate(suggestion: unknown): string;
}
declare module '@easyops-cn/docusaurus-search-local/dist/client/client/theme/SearchBar/SearchBar.module.css' {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
declare module '@easyops-cn/docusaurus-search-local/dist/server/server/utils/buildIndex' {
  export function buildIndex(
    allDocuments: unknown[][],
    config: { language: string[]; removeDefaultStopWordFilter: string[]; removeDefaultStemmer?: boolean },
  ): { documents: unknown[]; index: unknown }[];
}
declare module '@easyops-cn/docusaurus-search-local/dist/server/server/utils/processPluginOptions' {
  import type { LoadContext } from '@docusaurus/types';
  export function processPluginOptions(
    options: unknown,
    context: Pick<LoadContext, 'siteDir' | 'siteConfig'>,
  ): { language: string[]; removeDefaultStopWordFilter: string[]; removeDefaultStemmer?: boolean };
}
declare module '@easyops-cn/docusaurus-search-local/dist/client/client/utils/escapeHtml' {
  export function escapeHtml(unsafe: string): string;
}
