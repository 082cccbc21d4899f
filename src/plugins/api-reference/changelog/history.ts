/**
 * Per-operation views of the changelog's diff: each operation's history across revisions (shown on
 * its pages) and its changes between any two revisions (the compare view). Pure: built from the
 * revisions and the changelogs buildChangelog already computed, so operation pages and the changelog
 * always agree.
 */
import { changelogEntryUrl, changelogUrl, isBetaRevision, operationChangesUrl, operationUrl } from '../routes';
import { diffRevisions, type ApiChange, type ChangelogRevision, type RevisionChangelog } from './diff';
import {
  comparePairKey,
  type ChangelogEntrySummary,
  type ChangelogFeeds,
  type OperationChange,
  type OperationChangesData,
  type OperationHistory,
} from './types';

function operationChange(change: ApiChange, changelogRevision?: string): OperationChange {
  return {
    id: change.id,
    kind: change.kind,
    breaking: change.breaking,
    description: change.description,
    ...(change.field && { field: { label: change.field.label, anchor: change.field.anchor } }),
    links: change.links,
    ...(changelogRevision && { changelogUrl: changelogEntryUrl(changelogRevision, change.id) }),
  };
}

function groupByOperation<T>(changes: readonly ApiChange[], map: (change: ApiChange) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const change of changes) {
    const group = groups.get(change.operationId) ?? [];
    group.push(map(change));
    groups.set(change.operationId, group);
  }
  return groups;
}

/** Every operationId of any revision, in first-seen order (newest revision first). */
function allOperationIds(revisions: readonly ChangelogRevision[]): string[] {
  return [...new Set(revisions.flatMap((revision) => revision.operations.map((operation) => operation.operationId)))];
}

/** Oldest first: a beta sorts after the stable revision of its date, as it previews what follows it. */
function chronological(revisions: readonly ChangelogRevision[]): ChangelogRevision[] {
  return [...revisions].sort((a, b) => a.revision.localeCompare(b.revision));
}

function hasOperation(revision: ChangelogRevision, operationId: string): boolean {
  return revision.operations.some((operation) => operation.operationId === operationId);
}

/** The history of every operation of any revision, by operationId. */
export function buildOperationHistories(
  revisions: readonly ChangelogRevision[],
  changelogs: readonly RevisionChangelog[],
): Map<string, OperationHistory> {
  const oldest = chronological(revisions).find((revision) => !isBetaRevision(revision.revision));
  const perRevision = changelogs
    .filter((changelog) => changelog.previous !== null)
    .map((changelog) => ({
      changelog,
      byOperation: groupByOperation(changelog.changes, (change) => operationChange(change, changelog.revision)),
    }));
  const compare = revisions.length > 1;
  return new Map(
    allOperationIds(revisions).map((operationId) => [
      operationId,
      {
        operationId,
        since: oldest && hasOperation(oldest, operationId) ? oldest.revision : null,
        entries: perRevision.flatMap(({ changelog, byOperation }) => {
          const changes = byOperation.get(operationId);
          return changes
            ? [
                {
                  revision: changelog.revision,
                  previous: changelog.previous!,
                  beta: isBetaRevision(changelog.revision),
                  changelogUrl: changelogUrl(changelog.revision),
                  changes,
                },
              ]
            : [];
        }),
        compareUrl: compare ? operationChangesUrl(operationId) : null,
      },
    ]),
  );
}

/**
 * Every operation's changes between each pair of revisions (older → newer), by operationId. Pairs the
 * changelog already compared reuse its diff; the others are diffed here.
 */
export function buildOperationComparisons(
  revisions: readonly ChangelogRevision[],
  changelogs: readonly RevisionChangelog[],
  navigation: { entries: ChangelogEntrySummary[]; feeds: ChangelogFeeds },
): Map<string, OperationChangesData> {
  if (revisions.length < 2) return new Map();
  const ordered = chronological(revisions);
  const known = new Map(
    changelogs.flatMap((changelog) =>
      changelog.previous ? [[comparePairKey(changelog.previous, changelog.revision), changelog] as const] : [],
    ),
  );
  const pairs = new Map<string, Map<string, OperationChange[]>>();
  ordered.forEach((older, index) => {
    for (const newer of ordered.slice(index + 1)) {
      const key = comparePairKey(older.revision, newer.revision);
      const changelog = known.get(key);
      const changes = changelog?.changes ?? diffRevisions(older, newer);
      pairs.set(
        key,
        groupByOperation(changes, (change) => operationChange(change, changelog?.revision)),
      );
    }
  });
  // Newest first, as the changelog lists them; stable ones first, so that the default is previous → latest.
  const comparisons = changelogs
    .filter((changelog) => changelog.previous !== null)
    .sort((a, b) => Number(isBetaRevision(a.revision)) - Number(isBetaRevision(b.revision)));
  const byRevision = new Map(revisions.map((revision) => [revision.revision, revision]));
  const listed = [...revisions].sort((a, b) =>
    isBetaRevision(a.revision) === isBetaRevision(b.revision)
      ? b.revision.localeCompare(a.revision)
      : Number(isBetaRevision(a.revision)) - Number(isBetaRevision(b.revision)),
  );

  const result = new Map<string, OperationChangesData>();
  for (const operationId of allOperationIds(listed)) {
    const newest = listed
      .flatMap((revision) => revision.operations.filter((operation) => operation.operationId === operationId))
      .at(0)!;
    const present = (revision: string) => hasOperation(byRevision.get(revision)!, operationId);
    const shown =
      comparisons.find((changelog) => present(changelog.revision) || present(changelog.previous!)) ?? comparisons[0]!;
    const operationPairs: Record<string, OperationChange[]> = {};
    ordered.forEach((older, index) => {
      for (const newer of ordered.slice(index + 1)) {
        if (!present(older.revision) && !present(newer.revision)) continue;
        const key = comparePairKey(older.revision, newer.revision);
        operationPairs[key] = pairs.get(key)?.get(operationId) ?? [];
      }
    });
    result.set(operationId, {
      operationId,
      summary: newest.summary,
      method: newest.method,
      path: newest.path,
      revisions: listed.map((revision) => ({
        revision: revision.revision,
        isLatest: revision.isLatest,
        beta: isBetaRevision(revision.revision),
        url: present(revision.revision) ? operationUrl(revision.basePath, operationId) : null,
      })),
      defaultPair: { from: shown.previous!, to: shown.revision },
      pairs: operationPairs,
      ...navigation,
    });
  }
  return result;
}
