/**
 * Pages for removed operations: an operation that an older stable revision has and the latest does
 * not keeps a page at its latest URL (`/reference/{operationId}`), saying when it was removed and
 * linking the revisions that still have it, instead of a 404.
 */
import { CHANGELOG_SEGMENT, changelogEntryUrl, isBetaRevision, operationUrl } from '../routes';
import type { ChangelogRevision, RevisionChangelog } from './diff';
import type { OperationHistory } from './types';
import type { RemovedOperationPageData } from '../types';

export function removedOperationPages(
  revisions: readonly (ChangelogRevision & { tags: { slug: string }[] })[],
  changelogs: readonly RevisionChangelog[],
  histories: ReadonlyMap<string, OperationHistory>,
): RemovedOperationPageData[] {
  const latest = revisions.find((revision) => revision.isLatest);
  if (!latest) return [];
  // Slugs the latest revision already serves under /reference (its tag pages and the changelog).
  const taken = new Set([...latest.tags.map((tag) => tag.slug), CHANGELOG_SEGMENT]);
  const current = new Set(latest.operations.map((operation) => operation.operationId));
  const byRevision = new Map(revisions.map((revision) => [revision.revision, revision]));
  const pages = new Map<string, RemovedOperationPageData>();

  // Newest changelog first: an operation removed twice (removed, restored, removed) is named by its last removal.
  for (const changelog of changelogs) {
    if (!changelog.previous || isBetaRevision(changelog.revision)) continue;
    for (const change of changelog.changes) {
      const { operationId } = change;
      if (change.kind !== 'operation-removed' || current.has(operationId) || taken.has(operationId)) continue;
      if (pages.has(operationId)) continue;
      const history = histories.get(operationId);
      const last = byRevision.get(changelog.previous);
      const operation = last?.operations.find((candidate) => candidate.operationId === operationId);
      if (!history || !last || !operation) continue;
      pages.set(operationId, {
        kind: 'removed',
        revision: latest.revision,
        latest: latest.revision,
        isLatest: true,
        basePath: latest.basePath,
        operation: {
          operationId,
          summary: operation.summary,
          method: operation.method,
          path: operation.path,
          tag: operation.tag,
        },
        removedIn: changelog.revision,
        lastRevision: { revision: last.revision, url: operationUrl(last.basePath, operationId) },
        changelogEntryUrl: changelogEntryUrl(changelog.revision, change.id),
        otherRevisions: revisions
          .filter((revision) => !revision.isLatest)
          .map((revision) => ({
            revision: revision.revision,
            isLatest: false,
            url: revision.operations.some((candidate) => candidate.operationId === operationId)
              ? operationUrl(revision.basePath, operationId)
              : null,
          })),
        history,
      });
    }
  }
  return [...pages.values()];
}
