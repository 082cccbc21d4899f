import { SpecError, formatProblem, type SpecProblemLocation } from './errors';
import type { OpenApiDocument, OperationObject } from './types';
import { escapePointerSegment } from '../openapi';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type AuthKind = 'private' | 'public' | 'none';

export interface OperationInfo {
  operationId: string;
  method: HttpMethod;
  path: string;
  tag: string;
  summary: string;
  /** First sentence of the description (plain text), for meta descriptions and listings. */
  firstSentence: string;
  deprecated: boolean;
  auth: AuthKind;
  /** JSON pointer of the operation in the bundled spec, e.g. `#/paths/~1api~1profiles/get`. */
  pointer: string;
  rateLimit?: { burst?: string; steady?: string };
  scopes: string[];
}

export function tagSlug(tag: string): string {
  return tag
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Markdown and inline HTML reduced to text: enough for a meta description or a table cell. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<[^>]*>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export function firstSentence(markdown: string | undefined): string {
  const firstParagraph = (markdown ?? '').split(/\n\s*\n/)[0] ?? '';
  const text = plainText(firstParagraph);
  const match = /^(.+?[.!?])(\s|$)/.exec(text);
  return (match?.[1] ?? text).slice(0, 300);
}

function authOf(operation: OperationObject, spec: OpenApiDocument): AuthKind {
  const requirements = operation.security ?? spec.security ?? [];
  const schemeNames = requirements.flatMap((requirement) => Object.keys(requirement));
  const schemes = (spec.components?.securitySchemes ?? {}) as Record<string, { in?: string; name?: string }>;
  if (schemeNames.some((name) => schemes[name]?.in === 'header' || /api-key/i.test(name))) return 'private';
  if (schemeNames.some((name) => schemes[name]?.in === 'query')) return 'public';
  return 'none';
}

/**
 * Every operation of a bundled spec. Missing or duplicate operationIds are errors: the
 * operationId is the page's URL, so it must exist and be unique.
 */
export function listOperations(spec: OpenApiDocument, file: string): OperationInfo[] {
  const problems: SpecProblemLocation[] = [];
  const operations: OperationInfo[] = [];
  const seen = new Map<string, string>();
  for (const [path, pathItem] of Object.entries(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem?.[method] as OperationObject | undefined;
      if (!operation || typeof operation !== 'object') continue;
      const pointer = `#/paths/${escapePointerSegment(path)}/${method}`;
      const { operationId } = operation;
      if (!operationId) {
        problems.push({ file, pointer, message: `${method.toUpperCase()} ${path} has no operationId` });
        continue;
      }
      const previous = seen.get(operationId);
      if (previous) {
        problems.push({ file, pointer, message: `operationId "${operationId}" is also used at ${previous}` });
        continue;
      }
      seen.set(operationId, pointer);
      operations.push({
        operationId,
        method,
        path,
        tag: operation.tags?.[0] ?? 'Other',
        summary: operation.summary ?? operationId,
        firstSentence: firstSentence(operation.description) || operation.summary || operationId,
        deprecated: operation.deprecated === true,
        auth: authOf(operation, spec),
        pointer,
        rateLimit: operation['x-klaviyo-ratelimit'],
        scopes: operation['x-klaviyo-scopes'] ?? [],
      });
    }
  }
  if (problems.length > 0) {
    throw new SpecError(
      [
        `Spec ${file} has ${problems.length} operationId error(s):`,
        ...problems.map((p) => `  ${formatProblem(p)}`),
      ].join('\n'),
      problems,
    );
  }
  return operations;
}

export interface TagGroup {
  name: string;
  slug: string;
  description: string;
  operations: OperationInfo[];
}

/** Operations grouped by their first tag, in the order of the spec's `tags` list, then first use. */
export function groupByTag(spec: OpenApiDocument, operations: OperationInfo[]): TagGroup[] {
  const declared = spec.tags ?? [];
  const order = [...declared.map((tag) => tag.name), ...operations.map((operation) => operation.tag)];
  const names = [...new Set(order)].filter((name) => operations.some((operation) => operation.tag === name));
  return names.map((name) => ({
    name,
    slug: tagSlug(name),
    description: declared.find((tag) => tag.name === name)?.description ?? '',
    operations: operations.filter((operation) => operation.tag === name),
  }));
}
