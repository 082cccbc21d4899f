import React, { useState, type FormEvent } from 'react';
import clsx from 'clsx';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import useBaseUrl from '@docusaurus/useBaseUrl';
import { useHistory } from '@docusaurus/router';
import { PageMetadata } from '@docusaurus/theme-common';
import type { Props } from '@theme/NotFound/Content';
import styles from './styles.module.css';
import { REFERENCE_BASE } from '@site/src/plugins/api-reference/routes';

const SECTIONS = [
  { to: '/docs/getting-started', label: 'Getting started', detail: 'Your first API call in a few minutes.' },
  { to: '/docs/api-overview', label: 'API overview', detail: 'Keys, revisions, pagination, filtering, errors.' },
  { to: REFERENCE_BASE, label: 'API reference', detail: 'Every endpoint of the latest revision.' },
  { to: '/docs/sdks', label: 'SDKs', detail: 'Python, Node, PHP and Ruby.' },
  { to: '/docs/community/developer-slack', label: 'Community', detail: 'The developer Slack and its guidelines.' },
  { to: '/blog', label: 'Blog', detail: 'Notes from the API team.' },
];

/** 404 page: say what happened, then offer search and the main sections. */
export default function NotFoundContent({ className }: Props): React.JSX.Element {
  const searchPath = useBaseUrl('/search');
  const history = useHistory();
  const [query, setQuery] = useState('');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // Without JavaScript the form still works: a plain GET to /search?q=...
    event.preventDefault();
    const trimmed = query.trim();
    history.push(trimmed ? `${searchPath}?q=${encodeURIComponent(trimmed)}` : searchPath);
  };

  return (
    <main className={clsx('container margin-vert--xl', className)} data-testid="not-found">
      <PageMetadata description="This page does not exist. Search the Klaviyo Developer Portal or start from one of its main sections." />
      <div className="row">
        <div className="col col--8 col--offset-2">
          <Heading as="h1" className="hero__title">
            Page not found
          </Heading>
          <p>
            Nothing lives at this address. The page may have moved, or the link may have a typo. Search for it, or start
            from one of the sections below.
          </p>

          <form className={styles.search} action={searchPath} method="get" role="search" onSubmit={onSubmit}>
            <label htmlFor="not-found-search" className={styles.label}>
              Search the portal
            </label>
            <div className={styles.searchRow}>
              <input
                id="not-found-search"
                className={styles.input}
                type="search"
                name="q"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                placeholder="e.g. pagination, create_event, rate limits"
                autoComplete="off"
              />
              <button type="submit" className="button button--primary">
                Search
              </button>
            </div>
            <p className={styles.hint}>
              Or open the <Link to="/search">search page</Link>.
            </p>
          </form>

          <Heading as="h2" className={styles.sectionsTitle}>
            Main sections
          </Heading>
          <ul className={styles.sections}>
            {SECTIONS.map((section) => (
              <li key={section.to}>
                <Link to={section.to} className={styles.card}>
                  <strong>{section.label}</strong>
                  <span>{section.detail}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </main>
  );
}
