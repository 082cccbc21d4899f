import crypto from 'node:crypto';
import type { OpenApiDocument } from './types';
import type { OperationInfo } from './operations';
import type { CodeSample } from '../samples/code-samples';
import { resolvePointer, unescapePointerSegment } from '../openapi';

/** Every `#/components/...` ref reachable from `start`, followed transitively. */
export function collectComponentRefs(spec: OpenApiDocument, start: unknown): Set<string> {
  const found = new Set<string>();
  const queue: unknown[] = [start];
  while (queue.length > 0) {
    const node = queue.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      queue.push(...node);
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/') && !found.has(value)) {
        found.add(value);
        queue.push(resolvePointer(spec, value));
      } else if (value && typeof value === 'object') {
        queue.push(value);
      }
    }
  }
  return found;
}

/**
 * A spec holding one operation and only the components it references: what one reference
 * page hands to Redoc, so a page never ships the rest of the spec. `codeSamples` become the
 * operation's `x-codeSamples`, which Redoc shows in its samples panel beside the request payload.
 */
export function buildOperationSpec(
  spec: OpenApiDocument,
  operation: OperationInfo,
  codeSamples: CodeSample[] = [],
): OpenApiDocument {
  const pathItem = spec.paths?.[operation.path] ?? {};
  const operationObject =
    codeSamples.length > 0
      ? {
          ...(pathItem[operation.method] as object),
          'x-codeSamples': codeSamples.map((sample) => ({
            lang: sample.highlight,
            label: sample.label,
            source: sample.code,
          })),
        }
      : pathItem[operation.method];
  const slimPathItem = {
    ...(pathItem.parameters ? { parameters: pathItem.parameters } : {}),
    [operation.method]: operationObject,
  };

  const components: Record<string, Record<string, unknown>> = {};
  for (const ref of collectComponentRefs(spec, slimPathItem)) {
    const [, , section, name] = ref.split('/');
    if (!section || !name) continue;
    const sectionName = unescapePointerSegment(section);
    const componentName = unescapePointerSegment(name);
    const value = spec.components?.[sectionName]?.[componentName];
    if (value !== undefined) (components[sectionName] ??= {})[componentName] = value;
  }
  const securitySchemes = spec.components?.securitySchemes;
  if (securitySchemes) components.securitySchemes = securitySchemes;

  const tag = spec.tags?.find((candidate) => candidate.name === operation.tag);
  return {
    openapi: spec.openapi,
    info: { title: spec.info?.title ?? 'API', version: spec.info?.version ?? '' },
    servers: spec.servers,
    ...(spec.security ? { security: spec.security } : {}),
    tags: tag ? [tag] : [],
    paths: { [operation.path]: slimPathItem },
    components,
  };
}

/**
 * A mini-spec's identity: a hash of all of it. What is read from a mini-spec alone (its Redoc render, its
 * fields) is the same while this is; computed once per operation and reload, as the spec is large.
 */
export function miniSpecDigest(miniSpec: OpenApiDocument): string {
  return crypto.createHash('sha256').update(JSON.stringify(miniSpec)).digest('hex');
}
