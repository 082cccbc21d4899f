import React from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import ChangelogLayout, { FeedLinks } from './ChangelogLayout';
import ChangeList, { KIND_LABELS } from './ChangeList';
import Counts from './Counts';
import { RevisionTargetsProvider } from '../ApiRevisionSwitcher/context';
import type { ApiChange, ChangelogRevisionData } from '../../changelog/types';
import { changelogUrl } from '../../routes';

function groupByKind(changes: readonly ApiChange[]): [ApiChange['kind'], ApiChange[]][] {
  const groups = new Map<ApiChange['kind'], ApiChange[]>();
  for (const change of changes) groups.set(change.kind, [...(groups.get(change.kind) ?? []), change]);
  return [...groups];
}

export default function ChangelogRevisionPage({ data }: { data: ChangelogRevisionData }): React.JSX.Element {
  const { changelog, entries } = data;
  const entry = entries.find((candidate) => candidate.revision === changelog.revision)!;
  const breaking = changelog.changes.filter((change) => change.breaking);
  const other = changelog.changes.filter((change) => !change.breaking);
  // The revision switcher moves between the changelog pages of each revision.
  const targets = {
    revision: changelog.revision,
    urls: Object.fromEntries(entries.map((candidate) => [candidate.revision, candidate.url])),
  };

  return (
    <RevisionTargetsProvider value={targets}>
      <ChangelogLayout
        title={`API changelog: revision ${changelog.revision}`}
        description={
          changelog.previous
            ? `Changes in API revision ${changelog.revision} since ${changelog.previous}: ${changelog.counts.total} in all, ${changelog.counts.breaking} breaking.`
            : `API revision ${changelog.revision}, the first revision in this reference.`
        }
        entries={entries}
        feeds={data.feeds}
        activeUrl={entry.url}
      >
        <article data-revision={changelog.revision}>
          <p>
            <Link to={changelogUrl()}>API changelog</Link> / {changelog.revision}
          </p>
          <Heading as="h1">Revision {changelog.revision}</Heading>
          {changelog.previous ? (
            <>
              <p>
                Changes since <Link to={changelogUrl(changelog.previous)}>{changelog.previous}</Link>, read from the two
                specifications. Each entry links the operation&apos;s page in{' '}
                <Link to={entry.referenceUrl}>revision {changelog.revision}</Link> (removed operations link the page in{' '}
                {changelog.previous}), and the operation or field as it was in {changelog.previous} and as it is now;
                its <code>#</code> link is the entry&apos;s own address.
              </p>
              <Counts counts={changelog.counts} />
              <FeedLinks feeds={data.feeds} />
              {changelog.changes.length === 0 && <p>No differences in operations, parameters or bodies.</p>}
              {breaking.length > 0 && (
                <section data-testid="breaking-changes">
                  <Heading as="h2" id="breaking-changes">
                    Breaking changes
                  </Heading>
                  <ChangeList changes={breaking} anchored />
                </section>
              )}
              {other.length > 0 && (
                <section data-testid="other-changes">
                  <Heading as="h2" id="other-changes">
                    Other changes
                  </Heading>
                  {groupByKind(other).map(([kind, changes]) => (
                    <React.Fragment key={kind}>
                      <Heading as="h3" id={kind}>
                        {KIND_LABELS[kind]} ({changes.length})
                      </Heading>
                      <ChangeList changes={changes} anchored />
                    </React.Fragment>
                  ))}
                </section>
              )}
            </>
          ) : (
            <p>
              The first revision in this reference, so there is nothing earlier to compare it with. Browse{' '}
              <Link to={entry.referenceUrl}>its operations</Link>.
            </p>
          )}
        </article>
      </ChangelogLayout>
    </RevisionTargetsProvider>
  );
}
