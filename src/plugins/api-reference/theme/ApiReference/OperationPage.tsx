import React, { useRef } from 'react';
import Link from '@docusaurus/Link';
import Head from '@docusaurus/Head';
import useBaseUrl from '@docusaurus/useBaseUrl';
import { PageMetadata } from '@docusaurus/theme-common';
import Heading from '@theme/Heading';
import clsx from 'clsx';
import ReferenceLayout from './ReferenceLayout';
import MethodBadge from './MethodBadge';
import RedocOperation from './RedocOperation';
import TryIt from './TryIt';
import OperationHistory from './OperationHistory';
import { RevisionTargetsProvider, revisionTargets } from '../ApiRevisionSwitcher/context';
import CopyMarkdownButton from '../../../../components/CopyMarkdownButton';
import { markdownTwinPath, operationCardPaths } from '../../artifacts/paths';
import CopyLinkButton from '../../../../theme/Heading/CopyLinkButton';
import styles from './reference.module.css';
import type { OperationPageData, ReferenceSidebarData } from '../../types';
import { operationUrl } from '../../routes';
import { useFieldAnchors } from './useFieldAnchors';

const AUTH_LABEL = {
  private: {
    label: 'Private key',
    detail: 'Authorization: Klaviyo-API-Key YOUR_PRIVATE_API_KEY',
    link: '/docs/api-overview#private-keys',
  },
  public: {
    label: 'Public key',
    detail: 'company_id=YOUR_PUBLIC_API_KEY (query parameter)',
    link: '/docs/api-overview#public-keys',
  },
  none: { label: 'None', detail: 'No authentication', link: '/docs/api-overview#authentication' },
} as const;

/** Tells the navbar's revision switcher where this operation lives in each revision. */
export default function OperationPage(props: {
  data: OperationPageData;
  sidebar: ReferenceSidebarData;
}): React.JSX.Element {
  const { data } = props;
  const url = operationUrl(data.basePath, data.operation.operationId);
  return (
    <RevisionTargetsProvider value={revisionTargets(data.revision, url, data.otherRevisions)}>
      <OperationPageContent {...props} />
    </RevisionTargetsProvider>
  );
}

function OperationPageContent({
  data,
  sidebar,
}: {
  data: OperationPageData;
  sidebar: ReferenceSidebarData;
}): React.JSX.Element {
  const { operation, revision } = data;
  const auth = AUTH_LABEL[operation.auth];
  const url = operationUrl(data.basePath, operation.operationId);
  const markdownUrl = useBaseUrl(markdownTwinPath(url));
  const latestUrl = data.otherRevisions.find((other) => other.isLatest)?.url;
  const otherRevisions = data.otherRevisions.filter((other) => other.url);
  const redocContainer = useRef<HTMLDivElement>(null);
  useFieldAnchors(redocContainer, data);

  return (
    <ReferenceLayout
      title={`${operation.summary} · ${operation.method.toUpperCase()} ${operation.path}`}
      description={operation.firstSentence}
      sidebar={sidebar}
      activeUrl={url}
      revision={revision}
      isLatest={data.isLatest}
      latestUrl={latestUrl}
    >
      {/* Its own link-unfurl card (og:image, twitter:image), drawn by the build: cards/. */}
      <PageMetadata image={operationCardPaths(revision, operation.operationId).png} />
      <Head>
        {/* Indexed by the offline search, so the operation is found by its operationId, `METHOD /path` and scopes. */}
        <meta
          name="keywords"
          content={[
            operation.operationId,
            `${operation.method.toUpperCase()} ${operation.path}`,
            operation.tag,
            ...operation.scopes,
          ].join(', ')}
        />
      </Head>
      <article className={styles.operation} data-operation-id={operation.operationId}>
        <header className={styles.operationHeader}>
          <CopyMarkdownButton href={markdownUrl} />
          <p className={styles.breadcrumb}>
            <Link to={data.basePath}>API reference</Link> / <Link to={data.tagUrl}>{operation.tag}</Link>
          </p>
          <Heading as="h1" className={clsx(operation.deprecated && styles.deprecatedText)}>
            {operation.summary}
          </Heading>
          <p className={styles.endpoint} data-testid="endpoint">
            <MethodBadge method={operation.method} /> <code>{operation.path}</code>
            {operation.deprecated && <span className="badge badge--warning">Deprecated</span>}
            <CopyLinkButton label={operation.summary} text="Copy link" />
          </p>
        </header>

        <dl className={styles.facts} data-testid="operation-facts">
          <div>
            <dt>Operation ID</dt>
            <dd>
              <code>{operation.operationId}</code>
            </dd>
          </div>
          <div>
            <dt>Authentication</dt>
            <dd>
              <Link to={auth.link}>{auth.label}</Link>
              <br />
              <code>{auth.detail}</code>
            </dd>
          </div>
          <div>
            <dt>Revision header</dt>
            <dd>
              <code>revision: {revision}</code>
            </dd>
          </div>
          <div>
            <dt>Rate limits</dt>
            <dd>
              {operation.rateLimit ? (
                <>
                  Burst <code>{operation.rateLimit.burst ?? 'n/a'}</code> · Steady{' '}
                  <code>{operation.rateLimit.steady ?? 'n/a'}</code>{' '}
                  <Link to="/docs/api-overview#rate-limits">(about rate limits)</Link>
                </>
              ) : (
                'Not documented'
              )}
            </dd>
          </div>
          <div>
            <dt>Scopes</dt>
            <dd>
              {operation.scopes.length > 0
                ? operation.scopes.map((scope) => (
                    <code key={scope} className={styles.scope}>
                      {scope}
                    </code>
                  ))
                : operation.auth === 'public'
                  ? 'None (public key)'
                  : 'None'}
            </dd>
          </div>
          {otherRevisions.length > 0 && (
            <div>
              <dt>Other revisions</dt>
              <dd>
                {otherRevisions.map((other) => (
                  <Link key={other.revision} to={other.url!} className={styles.scope}>
                    {other.revision}
                  </Link>
                ))}
              </dd>
            </div>
          )}
        </dl>

        {/* Redoc's description, parameters and responses join the left column; its samples panel (code
            samples, request payload, response examples) is the sticky right column. */}
        {/* Links to #code-samples (pasted before the samples moved into Redoc's panel) land on the panel. */}
        <span id="code-samples" className={clsx('anchor', styles.samplesAnchor)} />
        <div className={styles.redoc} ref={redocContainer}>
          <RedocOperation rendered={data.redoc} spec={data.spec} pointer={operation.pointer} />
        </div>
        <TryIt data={data} />
        <OperationHistory history={data.history} />
      </article>
    </ReferenceLayout>
  );
}
