import path from 'node:path';
import {
  BaseResolver,
  bundle,
  createConfig,
  getLineColLocation,
  lintDocument,
  loadConfig,
  ResolveError,
  YamlParseError,
  type Config,
  type NormalizedProblem,
} from '@redocly/openapi-core';
import { existsSync } from 'node:fs';
import { SpecError, formatLocation, formatProblem, truncate, type SpecProblemLocation } from './errors';
import type { OpenApiDocument } from './types';

export interface LoadedSpec {
  entryFile: string;
  /** The spec with every external `$ref` bundled in; internal `#/components/...` refs are kept. */
  spec: OpenApiDocument;
  warnings: SpecProblemLocation[];
  /** Every file the spec was read from, for the dev server to watch. */
  files: string[];
}

export const LINT_CONFIG_FILE = 'redocly.yaml';

/**
 * Problems that break the reference whatever the lint configuration says (a page's URL is its
 * operationId; a dangling `$ref` loses content): they always fail the build. Unparsable files fail
 * before linting.
 */
export const STRUCTURAL_RULES = {
  'no-unresolved-refs': 'error',
  'operation-operationId': 'error',
  'operation-operationId-unique': 'error',
  'operation-operationId-url-safe': 'error',
} as const;

export interface LintConfig {
  /** Redocly's `recommended` rules, or the project's `redocly.yaml` when it has one. */
  project: Config;
  /** Where `project` came from, named in error messages so an owner knows where to relax a rule. */
  projectSource: string;
  structural: Config;
}

export async function loadLintConfig(rootDir: string): Promise<LintConfig> {
  const configPath = path.join(rootDir, LINT_CONFIG_FILE);
  const hasFile = existsSync(configPath);
  return {
    project: hasFile ? await loadConfig({ configPath }) : await createConfig({ extends: ['recommended'] }),
    projectSource: hasFile ? LINT_CONFIG_FILE : "Redocly's recommended rules (no redocly.yaml)",
    structural: await createConfig({ rules: STRUCTURAL_RULES }),
  };
}

function isStructural(problem: NormalizedProblem): boolean {
  return problem.ruleId in STRUCTURAL_RULES;
}

function relativeFile(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative.startsWith('..') ? absolute : relative;
}

export function toLocation(problem: NormalizedProblem, cwd = process.cwd()): SpecProblemLocation {
  const [first] = problem.location;
  const base = { message: truncate(problem.message), ruleId: problem.ruleId };
  if (!first) return { ...base, file: '(unknown file)' };
  let line: number | undefined;
  let column: number | undefined;
  try {
    ({ line, col: column } = getLineColLocation(first).start);
  } catch {
    // A location whose node no longer exists in the AST: the pointer alone still names the place.
  }
  return {
    ...base,
    file: relativeFile(first.source.absoluteRef, cwd),
    line,
    column,
    pointer: first.pointer ?? undefined,
  };
}

interface YamlException extends Error {
  mark?: { line: number; column: number };
  reason?: string;
}

function parseFailure(error: YamlParseError | ResolveError | YamlException, entryFile: string, cwd: string): SpecError {
  if ('mark' in error && error.mark) {
    const location: SpecProblemLocation = {
      file: relativeFile(path.resolve(entryFile), cwd),
      line: error.mark.line + 1,
      column: error.mark.column + 1,
      message: `syntax error: ${truncate(error.reason ?? error.message.split('\n')[0] ?? '')}`,
    };
    return new SpecError(`Spec could not be parsed\n  ${formatProblem(location)}`, [location]);
  }
  if (error instanceof YamlParseError) {
    const location: SpecProblemLocation = {
      file: relativeFile(error.source.absoluteRef, cwd),
      line: error.line,
      column: error.col,
      message: `syntax error: ${truncate(error.originalError.message.split('\n')[0] ?? '')}`,
    };
    return new SpecError(`Spec could not be parsed\n  ${formatProblem(location)}`, [location]);
  }
  const location: SpecProblemLocation = { file: relativeFile(entryFile, cwd), message: truncate(error.message) };
  return new SpecError(`Spec could not be read\n  ${formatProblem(location)}`, [location]);
}

/**
 * Parses the entry file and everything it `$ref`s once, lints that parse and bundles it.
 * Throws a SpecError naming file, line and JSON pointer for a syntax error, a dangling
 * `$ref` or a lint error; lint warnings are returned, not thrown.
 */
export async function loadSpec(entryFile: string, lint: LintConfig, cwd = process.cwd()): Promise<LoadedSpec> {
  const config = lint.project;
  const resolver = new BaseResolver(config.resolve);
  let document;
  try {
    document = await resolver.resolveDocument(null, path.resolve(entryFile), true);
  } catch (error) {
    throw parseFailure(error as Error, entryFile, cwd);
  }
  if (document instanceof Error) throw parseFailure(document, entryFile, cwd);

  const lintProblems = await lintDocument({ document, config, externalRefResolver: resolver });
  const structuralProblems = await lintDocument({ document, config: lint.structural, externalRefResolver: resolver });
  const bundled = await bundle({ doc: document, config, externalRefResolver: resolver, dereference: false });
  const problems = [...lintProblems, ...bundled.problems].filter(
    (problem) => !problem.ignored && !isStructural(problem),
  );
  const failing = [...structuralProblems, ...problems.filter((problem) => problem.severity === 'error')];

  const errors = condenseParseErrors(dedupe(failing.map((p) => toLocation(p, cwd))));
  if (errors.length > 0) {
    const shown = errors.slice(0, 10).map((problem) => `  ${formatProblem(problem)}`);
    const more = errors.length > shown.length ? [`  …and ${errors.length - shown.length} more`] : [];
    const styleRules = [
      ...new Set(errors.map((error) => error.ruleId).filter((rule) => rule && !(rule in STRUCTURAL_RULES))),
    ];
    const relax =
      styleRules.length > 0
        ? [
            `Rule${styleRules.length > 1 ? 's' : ''} ${styleRules.join(', ')} ${styleRules.length > 1 ? 'are' : 'is'} set to error by ${lint.projectSource}: fix the spec, or set ${styleRules.length > 1 ? 'them' : 'it'} to warn there.`,
          ]
        : [];
    throw new SpecError(
      [`Spec ${relativeFile(entryFile, cwd)} has ${errors.length} error(s):`, ...shown, ...more, ...relax].join('\n'),
      errors,
    );
  }
  return {
    entryFile,
    spec: bundled.bundle.parsed as OpenApiDocument,
    warnings: dedupe(problems.filter((p) => p.severity === 'warn').map((p) => toLocation(p, cwd))),
    files: [...resolver.getFiles()],
  };
}

const FAILED_TO_PARSE = /^Failed to parse: /;
const CANT_RESOLVE = /^Can't resolve \$ref: /;

/**
 * A syntax error in a `$ref`'d file is reported by the linter and the bundler, each twice: where
 * the file fails to parse and where it is referenced. They become one problem: the broken file's
 * line and column, the pointer of the `$ref` that pulls it in, and the parser's reason.
 */
export function condenseParseErrors(problems: SpecProblemLocation[]): SpecProblemLocation[] {
  const reason = (message: string) =>
    message
      .replace(FAILED_TO_PARSE, '')
      .replace(CANT_RESOLVE, '')
      .replace(/ in "[^"]*" \(\d+:\d+\)$/, '');
  const parseFailures = problems.filter((problem) => FAILED_TO_PARSE.test(problem.message));
  if (parseFailures.length === 0) return problems;
  const condensed: SpecProblemLocation[] = [];
  const seen = new Set<string>();
  for (const problem of problems) {
    const isParse = FAILED_TO_PARSE.test(problem.message);
    const isRef = CANT_RESOLVE.test(problem.message);
    const failure = isRef
      ? parseFailures.find((candidate) => reason(candidate.message) === reason(problem.message))
      : undefined;
    if (!isParse && !failure) {
      condensed.push(problem);
      continue;
    }
    const broken = failure ?? problem;
    const key = `${broken.file}:${broken.line}:${reason(broken.message)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const referrer = isRef
      ? problem
      : problems.find(
          (candidate) => CANT_RESOLVE.test(candidate.message) && reason(candidate.message) === reason(problem.message),
        );
    condensed.push({
      file: broken.file,
      line: broken.line,
      column: broken.column,
      pointer: referrer?.pointer,
      message: `syntax error: ${reason(broken.message)}${referrer ? ` (the file is $ref'd from ${formatLocation({ ...referrer, pointer: undefined })})` : ''}`,
    });
  }
  return condensed;
}

function dedupe(problems: SpecProblemLocation[]): SpecProblemLocation[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = formatProblem(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
