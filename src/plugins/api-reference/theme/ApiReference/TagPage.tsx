import React from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import ReferenceLayout from './ReferenceLayout';
import ArtifactDownloads from '@site/src/components/CopyMarkdownButton/ArtifactDownloads';
import MethodBadge from './MethodBadge';
import InlineMarkdown from './InlineMarkdown';
import styles from './reference.module.css';
import type { ReferenceSidebarData, TagPageData } from '../../types';
import { REFERENCE_BASE, tagUrl } from '../../routes';
import { RevisionTargetsProvider, revisionTargets } from '../ApiRevisionSwitcher/context';

export default function TagPage({
  data,
  sidebar,
}: {
  data: TagPageData;
  sidebar: ReferenceSidebarData;
}): React.JSX.Element {
  const url = tagUrl(data.basePath, data.slug);
  const description = data.description || `${data.operations.length} operations of the ${data.name} API.`;
  return (
    <RevisionTargetsProvider value={revisionTargets(data.revision, url, data.otherRevisions)}>
      <ReferenceLayout
        title={`${data.name} API`}
        description={(description.split(/(?<=[.!?])\s/)[0] ?? description).replace(/`/g, '')}
        sidebar={sidebar}
        activeUrl={url}
        revision={data.revision}
        isLatest={data.isLatest}
        latestUrl={data.isLatest ? null : tagUrl(REFERENCE_BASE, data.slug)}
      >
        <article>
          <p className={styles.breadcrumb}>
            <Link to={data.basePath}>API reference</Link> / {data.name}
          </p>
          <Heading as="h1">{data.name}</Heading>
          {data.description && (
            <p className={styles.lead}>
              <InlineMarkdown text={data.description} />
            </p>
          )}
          <ArtifactDownloads revision={data.revision} compact />
          <table className={styles.operationTable}>
            <thead>
              <tr>
                <th>Method</th>
                <th>Path</th>
                <th>Operation</th>
              </tr>
            </thead>
            <tbody>
              {data.operations.map((operation) => (
                <tr key={operation.operationId}>
                  <td>
                    <MethodBadge method={operation.method} />
                  </td>
                  <td>
                    <code>{operation.path}</code>
                  </td>
                  <td>
                    <Link to={operation.url}>{operation.summary}</Link>
                    {operation.deprecated && <span className="badge badge--warning margin-left--sm">Deprecated</span>}
                    <br />
                    <small>{operation.firstSentence}</small>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </article>
      </ReferenceLayout>
    </RevisionTargetsProvider>
  );
}
