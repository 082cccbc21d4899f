import React from 'react';
import Link from '@docusaurus/Link';
import { useHistory } from '@docusaurus/router';
import { useBaseUrlUtils } from '@docusaurus/useBaseUrl';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import clsx from 'clsx';
import MethodBadge from './MethodBadge';
import styles from './reference.module.css';
import type { ReferenceSidebarData } from '../../types';
import { changelogUrl } from '../../routes';
import { DEPRECATED_ATTRIBUTE, OPERATION_LINK_ATTRIBUTE, SIDEBAR_ATTRIBUTE, TAG_URL_ATTRIBUTE } from './sidebar-markup';

export default function ReferenceSidebar({
  sidebar,
  activeUrl,
  onNavigate,
}: {
  sidebar: ReferenceSidebarData;
  activeUrl: string;
  /** Called when a link is followed (the mobile drawer closes itself). */
  onNavigate?: () => void;
}): React.JSX.Element {
  const { withBaseUrl } = useBaseUrlUtils();
  const brokenLinks = useBrokenLinks();
  const history = useHistory();
  // The operations' links are plain anchors, followed client-side from here: a Docusaurus Link each (its
  // hooks and its prefetch observer) made every page of a large spec render and hydrate hundreds of them.
  const followOperationLink = (event: React.MouseEvent<HTMLElement>) => {
    const anchor = (event.target as Element).closest<HTMLAnchorElement>(`a[${OPERATION_LINK_ATTRIBUTE}]`);
    if (!anchor || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    history.push(anchor.getAttribute('href')!);
    onNavigate?.();
  };
  return (
    // Delegated from the links inside, which keep their own keyboard behaviour (Enter on a link is a click).
    <nav
      className={styles.sidebar}
      aria-label="API reference"
      {...{ [SIDEBAR_ATTRIBUTE]: '' }}
      onClick={followOperationLink}
    >
      <Link
        className={clsx(styles.sidebarHome, activeUrl === sidebar.basePath && styles.active)}
        to={sidebar.basePath}
        onClick={onNavigate}
      >
        Reference overview
      </Link>
      <Link className={styles.sidebarHome} to={changelogUrl()} onClick={onNavigate}>
        Changelog
      </Link>
      {sidebar.tags.map((tag) => {
        const open = activeUrl === tag.url || tag.operations.some((operation) => operation.url === activeUrl);
        return (
          <details key={tag.url} className={styles.sidebarGroup} open={open} {...{ [TAG_URL_ATTRIBUTE]: tag.url }}>
            <summary>{tag.name}</summary>
            <ul>
              <li>
                <Link
                  to={tag.url}
                  className={clsx(styles.sidebarLink, activeUrl === tag.url && styles.active)}
                  aria-current={activeUrl === tag.url ? 'page' : undefined}
                  onClick={onNavigate}
                >
                  {tag.name} overview
                </Link>
              </li>
              {tag.operations.map((operation) => {
                const href = withBaseUrl(operation.url);
                brokenLinks.collectLink(href);
                return (
                  <li key={operation.url}>
                    <a
                      href={href}
                      {...{ [OPERATION_LINK_ATTRIBUTE]: '' }}
                      className={clsx(styles.sidebarLink, operation.url === activeUrl && styles.active)}
                      aria-current={operation.url === activeUrl ? 'page' : undefined}
                    >
                      <MethodBadge method={operation.method} className={styles.sidebarMethod} />
                      <span
                        className={clsx(operation.deprecated && styles.deprecatedText)}
                        {...(operation.deprecated ? { [DEPRECATED_ATTRIBUTE]: '' } : {})}
                      >
                        {operation.summary}
                      </span>
                    </a>
                  </li>
                );
              })}
            </ul>
          </details>
        );
      })}
    </nav>
  );
}
