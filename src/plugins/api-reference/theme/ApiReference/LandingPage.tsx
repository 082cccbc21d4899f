import React from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import CodeBlock from '@theme/CodeBlock';
import ReferenceLayout from './ReferenceLayout';
import ArtifactDownloads from '@site/src/components/CopyMarkdownButton/ArtifactDownloads';
import InlineMarkdown from './InlineMarkdown';
import styles from './reference.module.css';
import type { LandingPageData, ReferenceSidebarData } from '../../types';
import { REFERENCE_BASE, changelogUrl } from '../../routes';

export default function LandingPage({
  data,
  sidebar,
}: {
  data: LandingPageData;
  sidebar: ReferenceSidebarData;
}): React.JSX.Element {
  return (
    <ReferenceLayout
      title={`API reference (revision ${data.revision})`}
      description={`Every operation of the ${data.title}, revision ${data.revision}: endpoints, parameters, schemas, rate limits and code samples.`}
      sidebar={sidebar}
      activeUrl={data.basePath}
      revision={data.revision}
      isLatest={data.isLatest}
      latestUrl={REFERENCE_BASE}
    >
      <article>
        <Heading as="h1">API reference</Heading>
        <p className={styles.lead}>
          {data.operationCount} operations of revision <code>{data.revision}</code>
          {data.isLatest ? ' (latest)' : ''}, generated from the OpenAPI specification.
        </p>

        <Heading as="h2" id="downloads">
          Postman collection and OpenAPI spec
        </Heading>
        <ArtifactDownloads revision={data.revision} />

        <Heading as="h2" id="base-url">
          Base URL
        </Heading>
        <p>
          Every request goes to <code>{data.server}</code>. Server-side endpoints live under <code>/api/</code> and
          client-side endpoints under <code>/client/</code>.
        </p>

        <Heading as="h2" id="authentication">
          Authentication
        </Heading>
        <p>
          <code>/api/</code> endpoints take a <Link to="/docs/api-overview#private-keys">private key</Link> in the{' '}
          <code>Authorization</code> header; keep it on your server. <code>/client/</code> endpoints take your{' '}
          <Link to="/docs/api-overview#public-keys">public key</Link> as the <code>company_id</code> query parameter and
          are safe to call from a browser or app.
        </p>
        <CodeBlock language="bash">{`curl '${data.server}/api/profiles' \\
  --header 'Authorization: Klaviyo-API-Key YOUR_PRIVATE_API_KEY' \\
  --header 'accept: application/vnd.api+json' \\
  --header 'revision: ${data.revision}'`}</CodeBlock>

        <Heading as="h2" id="revisions">
          Revisions
        </Heading>
        <p>
          Each request names the API revision it was written against in the <code>revision</code> header. Read more in
          the <Link to="/docs/api-overview#revisions">revision policy</Link>. Revisions of this reference:
        </p>
        <ul>
          {data.revisions.map((revision) => (
            <li key={revision.revision}>
              <Link to={revision.basePath}>{revision.revision}</Link>
              {revision.isLatest ? ' (latest)' : ''}
            </li>
          ))}
        </ul>
        <p>
          The <Link to={changelogUrl()}>API changelog</Link> lists what changed from one revision to the next, breaking
          changes first, and has RSS and Atom feeds.
        </p>

        <Heading as="h2" id="resources">
          Resources
        </Heading>
        <div className={styles.tagGrid}>
          {data.tags.map((tag) => (
            <Link key={tag.url} to={tag.url} className={styles.tagCard}>
              <strong>{tag.name}</strong>
              <span>{tag.operationCount} operations</span>
              {tag.description && (
                <small>
                  <InlineMarkdown text={tag.description} />
                </small>
              )}
            </Link>
          ))}
        </div>
      </article>
    </ReferenceLayout>
  );
}
