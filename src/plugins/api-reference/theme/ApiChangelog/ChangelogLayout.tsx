import React, { type ReactNode } from 'react';
import clsx from 'clsx';
import Head from '@docusaurus/Head';
import Link from '@docusaurus/Link';
import useBaseUrl from '@docusaurus/useBaseUrl';
import Layout from '@theme/Layout';
import layout from '../ApiReference/reference.module.css';
import styles from './changelog.module.css';
import type { ChangelogEntrySummary, ChangelogFeeds } from '../../changelog/types';
import { REFERENCE_BASE, changelogUrl } from '../../routes';

export function FeedLinks({ feeds }: { feeds: ChangelogFeeds }): React.JSX.Element {
  // Plain links: the feeds are static files, not routes.
  return (
    <p className={styles.feeds}>
      <a href={useBaseUrl(feeds.rss)}>RSS feed</a>
      <a href={useBaseUrl(feeds.atom)}>Atom feed</a>
    </p>
  );
}

export default function ChangelogLayout({
  title,
  description,
  entries,
  feeds,
  activeUrl,
  children,
}: {
  title: string;
  description: string;
  entries: readonly ChangelogEntrySummary[];
  feeds: ChangelogFeeds;
  activeUrl: string;
  children: ReactNode;
}): React.JSX.Element {
  const rss = useBaseUrl(feeds.rss);
  const atom = useBaseUrl(feeds.atom);
  return (
    <Layout title={title} description={description} wrapperClassName="api-reference-page">
      <Head>
        <link rel="alternate" type="application/rss+xml" href={rss} title="API changelog (RSS)" />
        <link rel="alternate" type="application/atom+xml" href={atom} title="API changelog (Atom)" />
      </Head>
      <div className={layout.layout}>
        <aside className={layout.sidebarColumn}>
          <nav className={styles.nav} aria-label="API changelog">
            <ul>
              <li>
                <Link className={styles.navLink} to={REFERENCE_BASE}>
                  API reference
                </Link>
              </li>
              <li>
                <Link
                  className={clsx(styles.navLink, activeUrl === changelogUrl() && styles.navActive)}
                  to={changelogUrl()}
                >
                  Changelog overview
                </Link>
              </li>
              {entries.map((entry) => (
                <li key={entry.revision}>
                  <Link
                    className={clsx(styles.navLink, activeUrl === entry.url && styles.navActive)}
                    to={entry.url}
                    aria-current={activeUrl === entry.url ? 'page' : undefined}
                  >
                    {entry.revision}
                    {entry.isLatest ? ' (latest)' : ''}
                    <span className={styles.navCount}>
                      {entry.previous
                        ? `${entry.counts.total} changes, ${entry.counts.breaking} breaking`
                        : 'first revision'}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </aside>
        <main className={layout.main}>{children}</main>
      </div>
    </Layout>
  );
}
