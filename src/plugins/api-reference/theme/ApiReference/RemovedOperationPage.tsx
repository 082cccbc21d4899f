import React from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import ReferenceLayout from './ReferenceLayout';
import MethodBadge from './MethodBadge';
import OperationHistory from './OperationHistory';
import { RevisionTargetsProvider, revisionTargets } from '../ApiRevisionSwitcher/context';
import styles from './reference.module.css';
import type { ReferenceSidebarData, RemovedOperationPageData } from '../../types';
import { operationUrl } from '../../routes';

/**
 * The latest URL of an operation the latest revision removed: says when, and links the revisions that
 * still have it, so that old links land somewhere useful instead of a 404.
 */
export default function RemovedOperationPage({
  data,
  sidebar,
}: {
  data: RemovedOperationPageData;
  sidebar: ReferenceSidebarData;
}): React.JSX.Element {
  const { operation, removedIn, lastRevision } = data;
  const url = operationUrl(data.basePath, operation.operationId);
  const stillThere = data.otherRevisions.filter((other) => other.url);
  return (
    // The switcher offers the revisions that still have the operation.
    <RevisionTargetsProvider value={revisionTargets(data.revision, url, data.otherRevisions)}>
      <ReferenceLayout
        title={`${operation.summary} (removed in ${removedIn})`}
        description={`${operation.method.toUpperCase()} ${operation.path} was removed in API revision ${removedIn}; revision ${lastRevision.revision} still has it.`}
        sidebar={sidebar}
        activeUrl={url}
        revision={data.revision}
        isLatest={data.isLatest}
      >
        <article className={styles.operation} data-operation-id={operation.operationId} data-removed="true">
          <header className={styles.operationHeader}>
            <p className={styles.breadcrumb}>
              <Link to={data.basePath}>API reference</Link> / {operation.tag}
            </p>
            <Heading as="h1">{operation.summary}</Heading>
            <p className={styles.endpoint} data-testid="endpoint">
              <MethodBadge method={operation.method} /> <code>{operation.path}</code>{' '}
              <span className="badge badge--danger">Removed</span>
            </p>
          </header>
          <div className="alert alert--warning" role="status" data-testid="removed-operation">
            <p>
              <code>{operation.operationId}</code> was removed in revision <strong>{removedIn}</strong>. Requests that
              send <code>revision: {removedIn}</code> or later cannot use it.
            </p>
            <p className="margin-bottom--none">
              <Link to={lastRevision.url} data-testid="last-revision-link">
                Read it in revision {lastRevision.revision}
              </Link>
              , the last revision that has it, or see{' '}
              <Link to={data.changelogEntryUrl} data-testid="changelog-entry-link">
                the changelog entry for its removal
              </Link>
              .
            </p>
          </div>
          {stillThere.length > 1 && (
            <p>
              Also in:{' '}
              {stillThere.map((other, index) => (
                <React.Fragment key={other.revision}>
                  {index > 0 && ', '}
                  <Link to={other.url!}>{other.revision}</Link>
                </React.Fragment>
              ))}
            </p>
          )}
          <OperationHistory history={data.history} />
        </article>
      </ReferenceLayout>
    </RevisionTargetsProvider>
  );
}
