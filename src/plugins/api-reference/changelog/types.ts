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
