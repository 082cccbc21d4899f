import React, { useState } from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useIsBrowser from '@docusaurus/useIsBrowser';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import { downloadFileNames, postmanPaths, specDownloadPaths } from '../../plugins/api-reference/artifacts/paths';
import { absoluteLink } from '../../theme/Heading/absoluteLink';
import { copyText } from '../../theme/Heading/copyLink';
import styles from './styles.module.css';

/**
 * Postman's Import dialog takes a link to a collection file (Import → Link), so the absolute URL of
 * the published collection is all a reader needs to open it in Postman without downloading it.
 */
function CopyPostmanImportLink({ collectionUrl }: { collectionUrl: string }): React.JSX.Element {
  const { siteConfig } = useDocusaurusContext();
  const isBrowser = useIsBrowser();
  const [copied, setCopied] = useState(false);
  const link = absoluteLink(siteConfig.url, collectionUrl);
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--sm"
        disabled={!isBrowser}
        title={`Copy ${link}, then in Postman choose Import and paste it`}
        data-testid="copy-postman-import-link"
        data-import-link={link}
        onClick={() => {
          copyText(link).then(
            () => setCopied(true),
            () => setCopied(false),
          );
        }}
      >
        {copied ? 'Import link copied' : 'Copy Postman import link'}
      </button>
      <span className={styles.status} role="status">
        {copied ? 'Collection link copied: in Postman, choose Import and paste it.' : ''}
      </span>
    </>
  );
}

/**
 * Download links for a revision's Postman collection and environment and its OpenAPI spec.
 * Plain `<a download>` elements: the files are static assets, not routes of the site.
 */
export default function ArtifactDownloads({
  revision,
  compact = false,
}: {
  revision: string;
  compact?: boolean;
}): React.JSX.Element {
  // A "Run in Postman" link (app.getpostman.com/run-collection/<id>) exists only once the collection is
  // published from a Postman workspace: set `customFields.postmanRunUrl` then. Until then, the file only.
  const runUrl = String(useDocusaurusContext().siteConfig.customFields?.postmanRunUrl ?? '');
  const postman = postmanPaths(revision);
  const specs = specDownloadPaths(revision);
  const names = downloadFileNames(revision);
  const urls = {
    collection: useBaseUrl(postman.collection),
    environment: useBaseUrl(postman.environment),
    json: useBaseUrl(specs.json),
    yaml: useBaseUrl(specs.yaml),
  };
  const links = (
    <>
      {runUrl && (
        <a className="button button--primary button--sm" href={runUrl} data-testid="run-in-postman">
          Run in Postman
        </a>
      )}
      <a
        className={`button button--sm ${runUrl ? 'button--secondary' : 'button--primary'}`}
        href={urls.collection}
        download={names.collection}
      >
        Download Postman collection
      </a>
      <CopyPostmanImportLink collectionUrl={urls.collection} />
      <a className="button button--secondary button--sm" href={urls.environment} download={names.environment}>
        Postman environment
      </a>
      <a className="button button--secondary button--sm" href={urls.json} download={names.json}>
        OpenAPI JSON
      </a>
      <a className="button button--secondary button--sm" href={urls.yaml} download={names.yaml}>
        OpenAPI YAML
      </a>
    </>
  );
  return (
    <div className={styles.downloads} data-testid="artifact-downloads">
      <div className={styles.downloadLinks}>{links}</div>
      {!compact && (
        <p className={styles.downloadHint}>
          In Postman, choose <strong>Import</strong> and paste the import link, or drop both files in; then set the
          collection variable <code>private_api_key</code> to your private key. Every request already sends{' '}
          <code>revision: {revision}</code>.
        </p>
      )}
    </div>
  );
}
