/**
 * Reading a bundled OpenAPI document: the one implementation of JSON pointers, `$ref` resolution,
 * parameter merging, media types and examples, and `allOf` merging that the pages, code samples,
 * changelog diff, Markdown twins, Postman and the Try it panel share. Pure and browser-safe.
 */
import type { OpenApiDocument, OperationObject } from '../spec/types';

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** RFC 6901: `/` and `~` in a key are written `~1` and `~0`. */
export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The node a local JSON pointer (`#/components/schemas/A`, with or without `#`) names in `root`. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  return pointer
    .replace(/^#?\/?/, '')
    .split('/')
    .filter(Boolean)
    .map(unescapePointerSegment)
    .reduce<unknown>((node, key) => (isRecord(node) || Array.isArray(node) ? (node as Json)[key] : undefined), root);
}

export function refOf(node: unknown): string | undefined {
  return isRecord(node) && typeof node.$ref === 'string' ? node.$ref : undefined;
}

/** The last segment of a `$ref` (`#/components/schemas/Profile` → `Profile`). */
export function refName(node: unknown): string | undefined {
  const ref = refOf(node);
  return ref ? unescapePointerSegment(ref.split('/').pop() ?? '') : undefined;
}

/**
 * Follows local `$ref`s until a node that is not one. Undefined for a dangling or external ref,
 * or a cycle of refs (`A` → `B` → `A`).
 */
export function resolveRef<T = Json>(spec: OpenApiDocument, node: unknown): T | undefined {
  let current = node;
  const seen = new Set<string>();
  for (let ref = refOf(current); ref !== undefined; ref = refOf(current)) {
    if (!ref.startsWith('#') || seen.has(ref)) return undefined;
    seen.add(ref);
    current = resolvePointer(spec, ref);
  }
  return current as T | undefined;
}

export interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  deprecated?: boolean;
  description?: string;
  example?: unknown;
  schema?: Json & { example?: unknown; default?: unknown; enum?: unknown[]; type?: unknown };
}

/**
 * An operation's parameters: the path item's, then the operation's, resolved. An operation-level
 * parameter overrides the path-level one with the same name and location (OpenAPI 3, Path Item Object).
 */
export function operationParameters(spec: OpenApiDocument, path: string, method: string): ParameterObject[] {
  const pathItem = spec.paths?.[path] ?? {};
  const operation = (pathItem as Json)[method] as OperationObject | undefined;
  const merged = new Map<string, ParameterObject>();
  for (const node of [...(pathItem.parameters ?? []), ...(operation?.parameters ?? [])]) {
    const parameter = resolveRef<ParameterObject>(spec, node);
    if (parameter?.name && parameter.in) merged.set(`${parameter.in}:${parameter.name}`, parameter);
  }
  return [...merged.values()];
}

export interface MediaTypeObject {
  schema?: unknown;
  example?: unknown;
  examples?: Record<string, unknown>;
}

/** The first media type of a request body or response (resolving the holder's `$ref`), as `[type, media]`. */
export function firstMedia(spec: OpenApiDocument, holder: unknown): [string, MediaTypeObject] | undefined {
  const content = resolveRef<Json>(spec, holder)?.content;
  if (!isRecord(content)) return undefined;
  const [entry] = Object.entries(content);
  return entry && isRecord(entry[1]) ? [entry[0], entry[1] as MediaTypeObject] : undefined;
}

/** A media type's example: `example`, else the first of `examples`, else its schema's (allOf merged). */
export function mediaExample(spec: OpenApiDocument, media: MediaTypeObject | undefined): unknown {
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  if (first !== undefined) return resolveRef<{ value?: unknown }>(spec, first)?.value;
  return mergedSchema(spec, media.schema).example;
}

/** The example request body of an operation, or undefined when it takes none or has no example. */
export function requestExample(spec: OpenApiDocument, operation: OperationObject): unknown {
  return mediaExample(spec, firstMedia(spec, operation.requestBody)?.[1]);
}

const MERGED_KEYS = ['type', 'items', 'oneOf', 'anyOf', 'enum', 'format', 'additionalProperties', 'description'];

/**
 * A schema with its `$ref` resolved and its `allOf` members merged into one: properties and
 * required names united, other keys taken from the first member that has them. Cycle-safe.
 */
export function mergedSchema(spec: OpenApiDocument, node: unknown, seen = new Set<unknown>()): Json {
  const schema = resolveRef<Json>(spec, node) ?? {};
  if (!Array.isArray(schema.allOf) || seen.has(schema)) return schema;
  seen.add(schema);
  const merged: Json = { ...schema };
  delete merged.allOf;
  const properties: Json = { ...(isRecord(schema.properties) ? schema.properties : {}) };
  const required = new Set<string>(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  for (const member of schema.allOf) {
    const part = mergedSchema(spec, member, seen);
    Object.assign(properties, isRecord(part.properties) ? part.properties : {});
    for (const name of Array.isArray(part.required) ? (part.required as string[]) : []) required.add(name);
    for (const key of MERGED_KEYS) if (merged[key] === undefined && part[key] !== undefined) merged[key] = part[key];
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  return merged;
}
