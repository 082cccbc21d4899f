/**
 * `npm run spec:update -- <file-or-URL> [--revision YYYY-MM-DD] [--specs-dir DIR]`
 *
 * Imports an OpenAPI spec (JSON or YAML, a local file or a URL) as the revision folder
 * `specs/<revision>/`, or replaces that revision's spec. The spec is validated with the
 * pipeline's own loadSpec (parse, lint, bundle) and operation listing first; an invalid spec is
 * refused and specs/ is left untouched. Prints the changes against the previous revision.
 *
 * The revision is `--revision`, else the spec's `info.version` when it is a date, else today.
 * Specs dir: `--specs-dir`, else $SPECS_DIR, else ./specs.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dump, load } from 'js-yaml';
import { loadLintConfig, loadSpec } from '../src/plugins/api-reference/spec/load';
import { listOperations } from '../src/plugins/api-reference/spec/operations';
import { discoverRevisions, REVISION_PATTERN } from '../src/plugins/api-reference/spec/revisions';
import { revisionBasePath } from '../src/plugins/api-reference/routes';
import {
  buildChangelog,
  summarizeChangelog,
  type ChangelogRevision,
  type RevisionChangelog,
} from '../src/plugins/api-reference/changelog/diff';
import { SpecError } from '../src/plugins/api-reference/spec/errors';
import { writeArtifactsAtomically } from '../src/plugins/api-reference/artifacts';
import { isMain } from './lib/main';

export interface SpecUpdateOptions {
  source: string;
  revision?: string;
  specsDir: string;
  /** Where redocly.yaml lives (the project root). */
  rootDir: string;
  /** For `info.version`-less specs; injectable for tests. */
  today?: () => string;
}

export interface SpecUpdateResult {
  revision: string;
  entryFile: string;
  replaced: boolean;
  /** Changes against the previous (older) revision; null when there is none. */
  changelog: RevisionChangelog | null;
}

type Format = 'json' | 'yaml';

async function readSource(source: string): Promise<{ text: string; name: string }> {
  if (/^https?:\/\//i.test(source)) {
    const response = await fetch(source);
    if (!response.ok) throw new SpecError(`Could not download ${source}: HTTP ${response.status}`);
    return { text: await response.text(), name: new URL(source).pathname };
  }
  if (!existsSync(source)) throw new SpecError(`No such file: ${source}`);
  return { text: readFileSync(source, 'utf8'), name: source };
}

function parseDocument(text: string, name: string): { document: Record<string, unknown>; format: Format } {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) {
    try {
      return { document: JSON.parse(text) as Record<string, unknown>, format: 'json' };
    } catch (error) {
      throw new SpecError(`${name} is not valid JSON: ${(error as Error).message.slice(0, 200)}`);
    }
  }
  let document: unknown;
  try {
    document = load(text);
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const where = mark ? `:${mark.line + 1}:${mark.column + 1}` : '';
    throw new SpecError(`${name}${where} is not valid YAML: ${(error as { reason?: string }).reason ?? 'parse error'}`);
  }
  if (!document || typeof document !== 'object' || Array.isArray(document)) {
    throw new SpecError(`${name} is not an OpenAPI document (expected a mapping at the top level)`);
  }
  return { document: document as Record<string, unknown>, format: 'yaml' };
}

function pickRevision(options: SpecUpdateOptions, document: Record<string, unknown>): string {
  const version = (document.info as { version?: unknown } | undefined)?.version;
  const revision =
    options.revision ??
    (typeof version === 'string' && REVISION_PATTERN.test(version) ? version : undefined) ??
    (options.today ?? (() => new Date().toISOString().slice(0, 10)))();
  if (!REVISION_PATTERN.test(revision)) throw new SpecError(`Revision must look like YYYY-MM-DD, got "${revision}"`);
  return revision;
}

async function loadRevision(
  entryFile: string,
  revision: string,
  latest: string,
  rootDir: string,
  config: Awaited<ReturnType<typeof loadLintConfig>>,
): Promise<ChangelogRevision> {
  const loaded = await loadSpec(entryFile, config, rootDir);
  return {
    revision,
    isLatest: revision === latest,
    basePath: revisionBasePath(revision, latest),
    spec: loaded.spec,
    operations: listOperations(loaded.spec, path.relative(rootDir, entryFile)),
  };
}

export async function updateSpec(options: SpecUpdateOptions): Promise<SpecUpdateResult> {
  const specsDir = path.resolve(options.specsDir);
  const { text, name } = await readSource(options.source);
  const { document, format } = parseDocument(text, name);
  const revision = pickRevision(options, document);
  const config = await loadLintConfig(options.rootDir);
  const entryName = format === 'json' ? 'openapi.json' : 'openapi.yaml';
  const isLocal = !/^https?:\/\//i.test(options.source);

  const staging = mkdtempSync(path.join(tmpdir(), 'spec-update-'));
  try {
    // 1. Validate with the pipeline. A local file is validated where it is, so that its relative
    //    $refs resolve; a multi-file spec is then stored bundled into one file.
    const stagedEntry = path.join(staging, entryName);
    if (!isLocal) writeFileSync(stagedEntry, text);
    const validated = await loadSpec(isLocal ? path.resolve(options.source) : stagedEntry, config, options.rootDir);
    const operations = listOperations(validated.spec, name);
    if (isLocal) {
      const bundled =
        format === 'json' ? JSON.stringify(validated.spec, null, 2) : dump(validated.spec, { lineWidth: -1 });
      writeFileSync(stagedEntry, validated.files.length <= 1 ? text : bundled);
    }

    // 2. Compare with the revision before this one, still before touching specs/.
    const existing = existsSync(specsDir) ? discoverRevisionsOrNone(specsDir) : [];
    const latest = [revision, ...existing.map((candidate) => candidate.revision)].sort().at(-1)!;
    const older = existing.find((candidate) => candidate.revision < revision);
    let changelog: RevisionChangelog | null = null;
    if (older) {
      const newer: ChangelogRevision = {
        revision,
        isLatest: revision === latest,
        basePath: revisionBasePath(revision, latest),
        spec: validated.spec,
        operations,
      };
      const previous = await loadRevision(older.entryFile, older.revision, latest, options.rootDir, config);
      changelog = buildChangelog([newer, previous])[0]!;
    }

    // 3. Swap the new folder in, the way the build swaps its artifacts folder: written beside it,
    //    then renamed into place.
    const target = path.join(specsDir, revision);
    const replaced = existsSync(target);
    writeArtifactsAtomically(target, new Map([[`/${entryName}`, readFileSync(stagedEntry, 'utf8')]]));
    return { revision, entryFile: path.join(target, entryName), replaced, changelog };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** The revisions already in `specsDir`, newest first; none when it has no revision folder yet. */
function discoverRevisionsOrNone(specsDir: string) {
  try {
    return discoverRevisions(specsDir);
  } catch {
    return [];
  }
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') ? file : relative;
}

export function formatResult(result: SpecUpdateResult): string {
  const lines = [
    `${result.replaced ? 'Replaced' : 'Added'} revision ${result.revision}: ${displayPath(result.entryFile)}`,
  ];
  const { changelog } = result;
  if (!changelog) {
    lines.push('No earlier revision to compare with.');
    return lines.join('\n');
  }
  lines.push(summarizeChangelog(changelog));
  const shown = changelog.changes.slice(0, 40);
  for (const change of shown) {
    lines.push(`  ${change.breaking ? 'BREAKING ' : ''}${change.operationId}: ${change.description}`);
  }
  if (changelog.changes.length > shown.length) {
    lines.push(
      `  …and ${changelog.changes.length - shown.length} more (see /reference/changelog/${changelog.revision})`,
    );
  }
  return lines.join('\n');
}

function parseArgs(argv: string[]): { source?: string; revision?: string; specsDir?: string } {
  const result: { source?: string; revision?: string; specsDir?: string } = {};
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--revision') result.revision = argv[++index];
    else if (arg.startsWith('--revision=')) result.revision = arg.slice('--revision='.length);
    else if (arg === '--specs-dir') result.specsDir = argv[++index];
    else if (arg.startsWith('--specs-dir=')) result.specsDir = arg.slice('--specs-dir='.length);
    else if (!result.source) result.source = arg;
    else throw new SpecError(`Unexpected argument: ${arg}`);
  }
  return result;
}

async function main(): Promise<void> {
  const rootDir = path.resolve(__dirname, '..');
  try {
    const args = parseArgs(process.argv.slice(2));
    if (!args.source) {
      console.error('Usage: npm run spec:update -- <file-or-URL> [--revision YYYY-MM-DD] [--specs-dir DIR]');
      process.exitCode = 2;
      return;
    }
    const specsDir = path.resolve(args.specsDir ?? process.env.SPECS_DIR ?? path.join(rootDir, 'specs'));
    const result = await updateSpec({ source: args.source, revision: args.revision, specsDir, rootDir });
    console.log(formatResult(result));
  } catch (error) {
    console.error(
      `Spec not imported; the specs folder is unchanged.\n${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = 1;
  }
}

if (isMain(__filename)) void main();
