import React, { type ReactNode } from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import { NavbarSecondaryMenuFiller, useWindowSize } from '@docusaurus/theme-common';
import { useNavbarMobileSidebar } from '@docusaurus/theme-common/internal';
import ReferenceSidebar from './ReferenceSidebar';
import styles from './reference.module.css';
import type { ReferenceSidebarData } from '../../types';
import { isBetaRevision, REFERENCE_BASE, stableDateOf } from '../../routes';

interface Props {
  title: string;
  description: string;
  sidebar: ReferenceSidebarData;
  activeUrl: string;
  revision: string;
  isLatest: boolean;
  /** Where the latest revision's version of this page lives (shown on older revisions). */
  latestUrl?: string | null;
  children: ReactNode;
}

/** The reference sidebar inside the navbar's mobile drawer, as the docs sidebar is: a link closes the drawer. */
function ReferenceSidebarMobile({
  sidebar,
  activeUrl,
}: {
  sidebar: ReferenceSidebarData;
  activeUrl: string;
}): React.JSX.Element {
  const mobileSidebar = useNavbarMobileSidebar();
  return <ReferenceSidebar sidebar={sidebar} activeUrl={activeUrl} onNavigate={() => mobileSidebar.toggle()} />;
}

export default function ReferenceLayout({
  title,
  description,
  sidebar,
  activeUrl,
  revision,
  isLatest,
  latestUrl,
  children,
}: Props): React.JSX.Element {
  // Below 997 px the sidebar column is hidden (it stays in the HTML) and the drawer lists it instead.
  const isMobile = useWindowSize() === 'mobile';
  return (
    <Layout
      // Older revisions name their revision, so that each page's title (and link-unfurl card) is unique.
      title={isLatest ? title : `${title} (${isBetaRevision(revision) ? 'beta ' : ''}revision ${revision})`}
      description={description}
      wrapperClassName="api-reference-page"
    >
      {isMobile && <NavbarSecondaryMenuFiller component={ReferenceSidebarMobile} props={{ sidebar, activeUrl }} />}
      <div className={styles.layout}>
        <aside className={styles.sidebarColumn}>
          <ReferenceSidebar sidebar={sidebar} activeUrl={activeUrl} />
        </aside>
        <main className={styles.main} data-revision={revision}>
          {isBetaRevision(revision) && (
            <div className="alert alert--info margin-bottom--md" role="status" data-testid="beta-revision-banner">
              <span className="badge badge--primary margin-right--sm">Beta</span>
              Revision <strong>{revision}</strong> previews changes planned for {stableDateOf(revision)}. It may still
              change before then; build production code against the{' '}
              <Link to={REFERENCE_BASE}>latest stable revision</Link>.
            </div>
          )}
          {!isLatest && !isBetaRevision(revision) && (
            <div className="alert alert--warning margin-bottom--md" role="status" data-testid="old-revision-banner">
              You are reading revision <strong>{revision}</strong>, which is not the latest.{' '}
              {latestUrl ? (
                <Link to={latestUrl}>See this page in the latest revision</Link>
              ) : (
                <>
                  This operation no longer exists in the latest revision; see the{' '}
                  <Link to={REFERENCE_BASE}>latest reference</Link>
                </>
              )}
              .
            </div>
          )}
          {children}
        </main>
      </div>
    </Layout>
  );
}
