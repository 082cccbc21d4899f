import type { ApiChange, RevisionChangelog } from './diff';

export type { ApiChange, RevisionChangelog };

/** One revision in the changelog's navigation and overview. */
export interface ChangelogEntrySummary {
  revision: string;
  previous: string | null;
  isLatest: boolean;
  /** This revision's changelog page. */
  url: string;
  /** This revision's reference landing page. */
  referenceUrl: string;
  counts: RevisionChangelog['counts'];
}

export interface ChangelogFeeds {
  rss: string;
  atom: string;
}

export interface ChangelogOverviewData {
  entries: (ChangelogEntrySummary & {
    /** Breaking changes and added or removed operations, capped; the revision page has them all. */
    highlights: ApiChange[];
    more: number;
  })[];
  feeds: ChangelogFeeds;
}

export interface ChangelogRevisionData {
  entries: ChangelogEntrySummary[];
  changelog: RevisionChangelog;
  feeds: ChangelogFeeds;
}

/** A change as an operation's history and compare view show it: the operation itself is the page's. */
export interface OperationChange {
  id: string;
  kind: ApiChange['kind'];
  breaking: boolean;
  description: string;
  field?: { label: string; anchor: string };
  links: ApiChange['links'];
  /** Its entry on the changelog page (only for revisions the changelog compares). */
  changelogUrl?: string;
}

/** One revision of the changelog in which an operation changed. */
export interface OperationHistoryEntry {
  revision: string;
  previous: string;
  beta: boolean;
  /** The changelog page of `revision`. */
  changelogUrl: string;
  changes: OperationChange[];
}

/** What changed in one operation across every revision, newest first (the changelog's own diff). */
export interface OperationHistory {
  operationId: string;
  /** The oldest revision of the reference, when the operation is already in it. */
  since: string | null;
  entries: OperationHistoryEntry[];
  /** The compare view of this operation; null when there is only one revision. */
  compareUrl: string | null;
}

/** `/reference/changelog/operations/{operationId}`: the operation's changes between any two revisions. */
export interface OperationChangesData {
  operationId: string;
  summary: string;
  method: string;
  path: string;
  /** Every revision, newest first, with the operation's page in it (null where it does not exist). */
  revisions: { revision: string; isLatest: boolean; beta: boolean; url: string | null }[];
  /** What the page shows before a reader picks: the changelog's newest comparison that has the operation. */
  defaultPair: { from: string; to: string };
  /** comparePairKey(older, newer) → the changes; absent when neither revision has the operation. */
  pairs: Record<string, OperationChange[]>;
  entries: ChangelogEntrySummary[];
  feeds: ChangelogFeeds;
}

/** The key of a comparison in OperationChangesData.pairs, always older first. */
export function comparePairKey(older: string, newer: string): string {
  return `${older}...${newer}`;
}
