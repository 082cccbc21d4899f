import React from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import ChangelogLayout, { FeedLinks } from './ChangelogLayout';
import ChangeList from './ChangeList';
import Counts from './Counts';
import styles from './changelog.module.css';
import type { ChangelogOverviewData } from '../../changelog/types';
import { changelogEntryUrl, changelogUrl } from '../../routes';

export default function ChangelogOverviewPage({ data }: { data: ChangelogOverviewData }): React.JSX.Element {
  return (
    <ChangelogLayout
      title="API changelog"
      description="What changed in each revision of the API: operations, parameters and fields added, removed or changed, breaking changes first."
      entries={data.entries}
      feeds={data.feeds}
      activeUrl={changelogUrl()}
    >
      <article>
        <Heading as="h1">API changelog</Heading>
        <p>
          Each revision is compared with the one before it, straight from the OpenAPI specifications. A breaking change
          is one that can make a working integration fail: a removed operation or field, a new required input, a
          narrower set of accepted values or a changed type. Pin the <code>revision</code> header to keep the behavior
          you built against.
        </p>
        <FeedLinks feeds={data.feeds} />
        {data.entries.map((entry) => (
          <section key={entry.revision} className={styles.entry} data-revision={entry.revision}>
            <Heading as="h2" id={`revision-${entry.revision}`}>
              <Link to={entry.url}>Revision {entry.revision}</Link>
              {entry.isLatest ? ' (latest)' : ''}
            </Heading>
            {entry.previous ? (
              <>
                <p>
                  Compared with <Link to={changelogUrl(entry.previous)}>{entry.previous}</Link>.
                </p>
                <Counts counts={entry.counts} />
                {entry.highlights.length > 0 && (
                  <ChangeList
                    changes={entry.highlights}
                    entryUrl={(change) => changelogEntryUrl(entry.revision, change.id)}
                  />
                )}
                {entry.more > 0 && (
                  <p>
                    <Link to={entry.url}>
                      See all {entry.counts.total} changes of {entry.revision}
                    </Link>
                  </p>
                )}
              </>
            ) : (
              <p>
                The first revision in this reference; there is nothing earlier to compare it with. Browse{' '}
                <Link to={entry.referenceUrl}>its operations</Link>.
              </p>
            )}
          </section>
        ))}
      </article>
    </ChangelogLayout>
  );
}
