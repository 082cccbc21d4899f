/**
 * Replaces `SearchBar/SuggestionTemplate` of @easyops-cn/docusaurus-search-local in the browser (see ./index.ts):
 * the plugin's own result, plus the badge line of its page (`GET /api/profiles` for an operation) when the result
 * shows its path, i.e. is not listed under its page's own result.
 */
import { SuggestionTemplate as pluginTemplate } from '@easyops-cn/docusaurus-search-local/dist/client/client/theme/SearchBar/SuggestionTemplate';
import pluginStyles from '@easyops-cn/docusaurus-search-local/dist/client/client/theme/SearchBar/SearchBar.module.css';
import { badgeLineHtml, insertBeforeMarker } from './result-badge';
import { pageBadge, type RankedResult } from './rank-results';
import styles from './results.module.css';
import badgeStyles from '../api-reference/theme/ApiReference/method-badge.module.css';

type Suggestion = RankedResult & { isInterOfTree?: boolean; isLastOfTree?: boolean };

const CLASSES = {
  line: styles.operation!,
  badge: `${badgeStyles.badge} ${styles.method}`,
  variant: (method: string) => badgeStyles[method],
  detail: styles.path!,
};

export function SuggestionTemplate(suggestion: Suggestion): string {
  const html = pluginTemplate(suggestion);
  const badge = pageBadge(suggestion);
  if (!badge || suggestion.isInterOfTree || suggestion.isLastOfTree) return html;
  return insertBeforeMarker(html, `<span class="${pluginStyles.hitAction}">`, badgeLineHtml(badge, CLASSES));
}
