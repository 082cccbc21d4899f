import { isBetaRevision } from '../../routes';
import type { RevisionSummary } from '../../types';
import type { RevisionTargets } from './context';

export interface SwitcherItem {
  revision: string;
  label: string;
  to: string;
  /** True when the page being read does not exist in this revision and `to` is its landing page. */
  fallback: boolean;
  active: boolean;
}

/** The revision a reference URL belongs to: `/reference/v2026-04-15/...` → 2026-04-15; other pages → latest. */
export function revisionOfPath(pathname: string, revisions: readonly RevisionSummary[], latest: string): string {
  const older = revisions.find(
    (revision) =>
      !revision.isLatest && (pathname === revision.basePath || pathname.startsWith(`${revision.basePath}/`)),
  );
  return older?.revision ?? latest;
}

export function switcherItems(
  revisions: readonly RevisionSummary[],
  current: string,
  targets: RevisionTargets | null,
): SwitcherItem[] {
  return revisions.map((revision) => {
    const target = targets ? targets.urls[revision.revision] : undefined;
    return {
      revision: revision.revision,
      label: revision.isLatest
        ? `${revision.revision} (latest)`
        : isBetaRevision(revision.revision)
          ? `${revision.revision} (beta)`
          : revision.revision,
      to: target ?? revision.basePath,
      fallback: targets !== null && !target,
      active: revision.revision === current,
    };
  });
}
