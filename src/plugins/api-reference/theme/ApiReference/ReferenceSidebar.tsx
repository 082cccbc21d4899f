import React from 'react';
import Link from '@docusaurus/Link';
import clsx from 'clsx';
import MethodBadge from './MethodBadge';
import styles from './reference.module.css';
import type { ReferenceSidebarData } from '../../types';
import { changelogUrl } from '../../routes';

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
  return (
    <nav className={styles.sidebar} aria-label="API reference">
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
          <details key={tag.url} className={styles.sidebarGroup} open={open}>
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
              {tag.operations.map((operation) => (
                <li key={operation.url}>
                  <Link
                    to={operation.url}
                    className={clsx(styles.sidebarLink, operation.url === activeUrl && styles.active)}
                    aria-current={operation.url === activeUrl ? 'page' : undefined}
                    onClick={onNavigate}
                  >
                    <MethodBadge method={operation.method} className={styles.sidebarMethod} />
                    <span className={clsx(operation.deprecated && styles.deprecatedText)}>{operation.summary}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </nav>
  );
}
