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

export interface FollowedRefs {
  /** The node the chain of refs ends at (undefined for a dangling or external ref). */
  target: unknown;
  /** The refs followed, in order. */
  refs: string[];
  /**
   * A ref met twice, or one in `expanding`: a cycle. `target` is still the ref's target (its own
   * type and enum are readable), but a walker must not descend into it again.
   */
  cyclic: boolean;
}

/**
 * Follows local `$ref`s until a node that is not one, reporting which refs it followed, so a
 * walker can pass them down as `expanding` and stop at recursive schemas.
 */
export function followRefs(
  spec: OpenApiDocument,
  node: unknown,
  expanding: ReadonlySet<string> = new Set(),
): FollowedRefs {
  const refs: string[] = [];
  let target = node;
  for (let ref = refOf(target); ref !== undefined; ref = refOf(target)) {
    if (!ref.startsWith('#')) return { target: undefined, refs, cyclic: false };
    const cyclic = expanding.has(ref) || refs.includes(ref);
    refs.push(ref);
    target = resolvePointer(spec, ref);
    if (cyclic) return { target, refs, cyclic: true };
  }
  return { target, refs, cyclic: false };
}

/** `node` with its `$ref`s followed, and the JSON pointer (without `#`) where it really lives; `pointer` is where `node` sits. */
export function locate<T = Json>(spec: OpenApiDocument, node: unknown, pointer: string): { node?: T; pointer: string } {
  const { target, refs, cyclic } = followRefs(spec, node);
  return { node: cyclic ? undefined : (target as T | undefined), pointer: (refs.at(-1) ?? pointer).replace(/^#/, '') };
}

/**
 * Follows local `$ref`s until a node that is not one. Undefined for a dangling or external ref,
 * or a cycle of refs (`A` → `B` → `A`).
 */
export function resolveRef<T = Json>(spec: OpenApiDocument, node: unknown): T | undefined {
  const { target, cyclic } = followRefs(spec, node);
  return cyclic ? undefined : (target as T | undefined);
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

/** The `oneOf` or `anyOf` variants of a schema (empty when it has none). */
export function schemaVariants(schema: Json): unknown[] {
  if (Array.isArray(schema.oneOf)) return schema.oneOf;
  if (Array.isArray(schema.anyOf)) return schema.anyOf;
  return [];
}

/**
 * A schema's type without `null` (`string`, `string or integer`), inferred as `object` or `array`
 * from `properties` or `items`, else `any`; and whether it is nullable (3.0 `nullable` or a 3.1 `null` type).
 */
export function schemaType(schema: Json): { type: string; nullable: boolean } {
  const types = Array.isArray(schema.type) ? schema.type.map(String) : schema.type ? [String(schema.type)] : [];
  const nonNull = types.filter((type) => type !== 'null');
  const nullable = schema.nullable === true || types.includes('null');
  if (nonNull.length > 0) return { type: nonNull.join(' or '), nullable };
  if (schema.properties || schema.additionalProperties) return { type: 'object', nullable };
  if (schema.items) return { type: 'array', nullable };
  return { type: 'any', nullable };
}

export interface TypeLabelOptions {
  /** Name an object schema after its `$ref` (`object (Profile)`); off where labels are compared. Default on. */
  refNames?: boolean;
}

/**
 * A short type label, the same in the Markdown twins and the changelog: `string (date-time)`,
 * `array of object (Profile)`, `one of: object, string`, `string, nullable`. `allOf` is merged first.
 */
export function typeLabel(spec: OpenApiDocument, node: unknown, options: TypeLabelOptions = {}, depth = 0): string {
  const name = options.refNames === false ? undefined : refName(node);
  const schema = mergedSchema(spec, node);
  const variants = schemaVariants(schema);
  if (variants.length > 0 && depth < 3) {
    // Each distinct label once: eleven anonymous object variants read `object`, not `one of: object, object, …`.
    const labels = [...new Set(variants.map((variant) => typeLabel(spec, variant, options, depth + 1)))];
    return labels.length === 1 ? labels[0]! : `one of: ${labels.join(', ')}`;
  }
  const { type, nullable } = schemaType(schema);
  let label = type;
  if (type === 'array') label = `array of ${depth < 3 ? typeLabel(spec, schema.items, options, depth + 1) : 'items'}`;
  else if (typeof schema.format === 'string') label = `${type} (${schema.format})`;
  else if (type === 'object' && name) label = `object (${name})`;
  return nullable ? `${label}, nullable` : label;
}
