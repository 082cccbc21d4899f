import { dump } from 'js-yaml';
import type { RevisionModel } from '../spec/index';
import { buildArtifact } from './common';
import { specDownloadPaths } from './paths';

export interface SpecDownloads {
  json: string;
  yaml: string;
}

/**
 * The bundled spec of a revision (every external `$ref` inlined, `#/components` refs kept) as
 * JSON and YAML. Serialised from the spec the reference was rendered from: no second parse.
 */
export function buildSpecDownloads(revision: RevisionModel): SpecDownloads {
  const paths = specDownloadPaths(revision.revision);
  const json = buildArtifact(paths.json, () => `${JSON.stringify(revision.spec, null, 2)}\n`);
  // noRefs: a bundle may share one object in several places; write it out each time, never as a YAML alias.
  const yaml = buildArtifact(paths.yaml, () => dump(revision.spec, { noRefs: true, lineWidth: -1 }));
  return { json, yaml };
}
