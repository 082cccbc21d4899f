import { withoutBaseUrl } from '../../routes';
import type { ReferenceSidebarData } from '../../types';

/**
 * The reference sidebar's server-rendered markup is its data. A page embeds only the sidebar's revision and base
 * path (every operation of the revision, embedded again in each of its pages, was a sixth of an operation page),
 * and before hydrating, the browser reads the tags and operations back from the nav: the same data renders the
 * same nav. ReferenceSidebar writes these attributes and `readSidebarMarkup` reads them; MethodBadge's
 * `data-method` gives an operation's method.
 */
export const SIDEBAR_ATTRIBUTE = 'data-reference-sidebar';
export const TAG_URL_ATTRIBUTE = 'data-tag-url';
export const OPERATION_LINK_ATTRIBUTE = 'data-operation-link';
export const DEPRECATED_ATTRIBUTE = 'data-deprecated';

/** What a page embeds of its sidebar. */
export type SidebarFrame = Pick<ReferenceSidebarData, 'revision' | 'basePath'>;

/** The sidebar data the nav under `root` was rendered from; `undefined` when there is no such nav. */
export function readSidebarMarkup(
  root: ParentNode,
  frame: SidebarFrame,
  baseUrl: string,
): ReferenceSidebarData | undefined {
  const nav = root.querySelector(`[${SIDEBAR_ATTRIBUTE}]`);
  if (!nav) return undefined;
  const operationPrefix = `${frame.basePath}/`;
  const tags = Array.from(nav.querySelectorAll(`details[${TAG_URL_ATTRIBUTE}]`)).map((details) => ({
    name: details.querySelector('summary')?.textContent ?? '',
    url: details.getAttribute(TAG_URL_ATTRIBUTE) ?? '',
    operations: Array.from(details.querySelectorAll(`a[${OPERATION_LINK_ATTRIBUTE}]`)).map((link) => {
      const url = withoutBaseUrl(link.getAttribute('href') ?? '', baseUrl);
      if (!url.startsWith(operationPrefix)) {
        throw new Error(`The reference sidebar links to ${url}, outside its revision's ${frame.basePath}`);
      }
      const summary = link.lastElementChild;
      return {
        operationId: url.slice(operationPrefix.length),
        summary: summary?.textContent ?? '',
        method: link.querySelector('[data-method]')?.getAttribute('data-method') ?? '',
        url,
        deprecated: summary?.hasAttribute(DEPRECATED_ATTRIBUTE) ?? false,
      };
    }),
  }));
  return { ...frame, tags };
}
