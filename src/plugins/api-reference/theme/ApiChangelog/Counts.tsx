import React from 'react';
import styles from './changelog.module.css';
import type { ChangelogEntrySummary } from '../../changelog/types';

export default function Counts({ counts }: { counts: ChangelogEntrySummary['counts'] }): React.JSX.Element {
  return (
    <p className={styles.counts} data-testid="changelog-counts">
      <span className={counts.breaking > 0 ? 'badge badge--danger' : 'badge badge--secondary'}>
        {counts.breaking} breaking
      </span>
      <span className="badge badge--success">{counts.operationsAdded} operations added</span>
      <span className="badge badge--warning">{counts.operationsRemoved} operations removed</span>
      <span className="badge badge--secondary">{counts.total} changes in all</span>
    </p>
  );
}
