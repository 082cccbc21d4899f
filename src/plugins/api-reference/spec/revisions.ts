import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const REVISION_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
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
  const revisions = readdirSync(specsDir)
    .filter((name) => REVISION_PATTERN.test(name) && statSync(path.join(specsDir, name)).isDirectory())
    .flatMap((name) => {
      const entryFile = ENTRY_FILES.map((file) => path.join(specsDir, name, file)).find((file) => existsSync(file));
      return entryFile ? [{ revision: name, entryFile }] : [];
    })
    .sort((a, b) => b.revision.localeCompare(a.revision));
  if (revisions.length === 0) {
    throw new Error(
      `No revision found in ${specsDir}: expected folders named YYYY-MM-DD holding an openapi.yaml or openapi.json`,
    );
  }
  return revisions;
}
