import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { isBetaRevision } from '../routes';

/** `2026-07-15` (stable) or `2026-07-15.pre` (beta). */
export const REVISION_PATTERN = /^\d{4}-\d{2}-\d{2}(\.pre)?$/;
/** A folder that starts like a revision but isn't one (`2026-07-15-beta`, `2026-07-15.rc`) is refused. */
const LOOKS_LIKE_REVISION = /^\d{4}-\d{2}-\d{2}/;
const ACCEPTED_NAMES = 'YYYY-MM-DD for a stable revision, YYYY-MM-DD.pre for a beta';

/** Stable revisions newest first, then beta revisions newest first: a beta is never the default. */
export function compareRevisions(a: string, b: string): number {
  const beta = Number(isBetaRevision(a)) - Number(isBetaRevision(b));
  return beta !== 0 ? beta : b.localeCompare(a);
}
const ENTRY_FILES = ['openapi.yaml', 'openapi.yml', 'openapi.json'];

export interface RevisionSource {
  revision: string;
  entryFile: string;
}

/** One folder per dated revision, each with an `openapi.{yaml,yml,json}` entry file; newest first. */
export function discoverRevisions(specsDir: string): RevisionSource[] {
  if (!existsSync(specsDir)) {
    throw new Error(`Specs folder not found: ${specsDir}`);
  }
  // A revision folder may be a symlink (e.g. a folder holding just one revision of a bigger set).
  const folders = readdirSync(specsDir).filter((name) => statSync(path.join(specsDir, name)).isDirectory());
  const misnamed = folders.filter((name) => LOOKS_LIKE_REVISION.test(name) && !REVISION_PATTERN.test(name));
  if (misnamed.length > 0) {
    throw new Error(
      `Spec folder ${path.join(specsDir, misnamed[0]!)} is not a revision name: expected ${ACCEPTED_NAMES}`,
    );
  }
  const revisions = folders
    .filter((name) => REVISION_PATTERN.test(name))
    .flatMap((name) => {
      const entryFile = ENTRY_FILES.map((file) => path.join(specsDir, name, file)).find((file) => existsSync(file));
      return entryFile ? [{ revision: name, entryFile }] : [];
    })
    .sort((a, b) => compareRevisions(a.revision, b.revision));
  if (revisions.length === 0) {
    throw new Error(
      `No revision found in ${specsDir}: expected folders named ${ACCEPTED_NAMES}, holding an openapi.yaml or openapi.json`,
    );
  }
  if (isBetaRevision(revisions[0]!.revision)) {
    throw new Error(
      `Only beta revisions in ${specsDir}: a beta is never the default, so add a stable YYYY-MM-DD folder`,
    );
  }
  return revisions;
}
