import React from 'react';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import { BreakingBadge, ChangeLinks, InlineCode } from '../ApiChangelog/ChangeList';
import type { OperationChange, OperationHistory as History } from '../../changelog/types';
import changelogStyles from '../ApiChangelog/changelog.module.css';
import styles from './history.module.css';

/** Operation-level changes read as events ("Deprecated in 2026-07-15"); the rest as the changelog words them. */
const EVENTS: Partial<Record<OperationChange['kind'], string>> = {
  'operation-added': 'Added in',
  'operation-removed': 'Removed in',
  'operation-deprecated': 'Deprecated in',
};

export function HistoryChange({ change, revision }: { change: OperationChange; revision: string }): React.JSX.Element {
  const event = EVENTS[change.kind];
  return (
    <li className={changelogStyles.change} data-kind={change.kind} data-change-id={change.id}>
      {change.breaking && <BreakingBadge />}
      {event ? (
        <span>
          {event} <strong>{revision}</strong>
        </span>
      ) : (
        <span>
          <strong>{revision}</strong>: <InlineCode text={change.description} />
        </span>
      )}
      <ChangeLinks links={change.links} />
      {change.changelogUrl && (
        <Link to={change.changelogUrl} className={styles.entryLink} data-link="changelog">
          changelog entry
        </Link>
      )}
    </li>
  );
}

/** What changed in this operation in each revision, newest first: the changelog's entries for it. */
export default function OperationHistory({ history }: { history: History | undefined }): React.JSX.Element | null {
  if (!history) return null;
  return (
    <section className={styles.history} data-testid="operation-history">
      <Heading as="h2" id="operation-history">
        History
      </Heading>
      <ul className={changelogStyles.changes}>
        {history.entries.flatMap((entry) =>
          entry.changes.map((change) => (
            <HistoryChange
              key={change.id}
              change={change}
              revision={entry.beta ? `${entry.revision} (beta)` : entry.revision}
            />
          )),
        )}
        {history.since && (
          <li className={changelogStyles.change} data-kind="since">
            <span>
              In the API since <strong>{history.since}</strong> or earlier: the oldest revision in this reference.
            </span>
          </li>
        )}
      </ul>
      {history.entries.length === 0 && <p>No changes to this operation in later revisions.</p>}
      {history.compareUrl && (
        <p>
          <Link to={history.compareUrl} data-testid="compare-link">
            Compare this operation between any two revisions
          </Link>
        </p>
      )}
    </section>
  );
}
