/**
 * The line that results of an operation page add under their title: the method badge and the path
 * (`GET /api/profiles`). Spec text is untrusted: both are escaped, and only classes of our own are written.
 */
// The plugin's own escaper, already in the bundle for its highlighting: lodash/escape would put lodash in main.js.
import { escapeHtml as escape } from '@easyops-cn/docusaurus-search-local/dist/client/client/utils/escapeHtml';
import type { PageBadge } from './page-extras';

export interface BadgeClasses {
  line: string;
  badge: string;
  /** Class per badge value, e.g. `get` → a green badge. */
  variant: (badge: string) => string | undefined;
  detail: string;
}

export function badgeLineHtml(badge: PageBadge, classes: BadgeClasses): string {
  if (!badge.m && !badge.d) return '';
  const variant = badge.m ? classes.variant(badge.m.toLowerCase()) : undefined;
  const parts = [
    badge.m
      ? `<span class="${escape([classes.badge, variant].filter(Boolean).join(' '))}">${escape(badge.m)}</span>`
      : '',
    badge.d ? `<code class="${classes.detail}">${escape(badge.d)}</code>` : '',
  ];
  return `<span class="${classes.line}" data-result-badge>${parts.filter(Boolean).join(' ')}</span>`;
}

/**
 * Puts `extra` at the end of the result's text column: just before the closing tag that precedes `marker` (the
 * plugin's action icon, which follows the column), or at the end when the marker is missing.
 */
export function insertBeforeMarker(html: string, marker: string, extra: string): string {
  const closing = '</span>';
  const at = html.lastIndexOf(marker);
  if (at < closing.length || html.slice(at - closing.length, at) !== closing) return html + extra;
  return html.slice(0, at - closing.length) + extra + html.slice(at - closing.length);
}
