import path from 'node:path';
import { discoverRevisions } from './revisions';
import { revisionBasePath } from '../routes';
import { loadLintConfig, loadSpec } from './load';
import { groupByTag, listOperations, type OperationInfo, type TagGroup } from './operations';
import type { SpecProblemLocation } from './errors';
import { sanitizeSpecText } from './sanitize';
import type { OpenApiDocument } from './types';

export interface RevisionModel {
  revision: string;
  isLatest: boolean;
  entryFile: string;
  /** URL of this revision's reference landing page, e.g. `/reference` or `/reference/v2026-04-15`. */
  basePath: string;
  spec: OpenApiDocument;
  operations: OperationInfo[];
  tags: TagGroup[];
  warnings: SpecProblemLocation[];
  files: string[];
}

export interface ReferenceModel {
  latest: string;
  revisions: RevisionModel[];
}

/** Parses, lints and bundles every revision under `specsDir` once. Throws SpecError on bad input. */
export async function loadReferenceModel(specsDir: string, rootDir: string): Promise<ReferenceModel> {
  const sources = discoverRevisions(specsDir);
  const latest = sources[0]!.revision;
  const config = await loadLintConfig(rootDir);
  const revisions: RevisionModel[] = [];
  for (const source of sources) {
    const loaded = await loadSpec(source.entryFile, config, rootDir);
    const spec = sanitizeSpecText(loaded.spec);
    const operations = listOperations(spec, path.relative(rootDir, source.entryFile));
    revisions.push({
      revision: source.revision,
      isLatest: source.revision === latest,
      entryFile: source.entryFile,
      basePath: revisionBasePath(source.revision, latest),
      spec,
      operations,
      tags: groupByTag(spec, operations),
      warnings: loaded.warnings,
      files: loaded.files,
    });
  }
  return { latest, revisions };
}
