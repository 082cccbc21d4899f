/**
 * The one scheme of field anchors on operation pages: every parameter, request-body property and
 * response property (at any depth) gets an id derived from where it sits in the spec, so the same
 * field has the same id in every revision that has it:
 *
 *   parameter `page[size]`                          → `param-page-size`
 *   request body `data.attributes.email`            → `request-data-attributes-email`
 *   200 response `data.attributes.email`            → `response-200-data-attributes-email`
 *
 * Array items are transparent (a list of objects names its items' properties directly), and the
 * properties of `oneOf`/`anyOf` variants sit under the property that holds them, as Redoc shows them.
 * Pure and browser-safe: the page decorator, search index, URL manifest and changelog share it.
 */
import type { OpenApiDocument, OperationObject } from '../spec/types';
import {
  firstMedia,
  isRecord,
  mergedSchema,
  operationParameters,
  resolveRef,
  schemaVariants,
  type Json,
} from '../openapi';

export type FieldLocation =
  | { kind: 'parameter'; name: string }
  | { kind: 'request'; path: readonly string[] }
  | { kind: 'response'; status: string; path: readonly string[] };

export interface OperationField {
  id: string;
  location: FieldLocation;
  /** As a reader names it: `page[size]`, `data.attributes.email`. */
  label: string;
  required: boolean;
  deprecated: boolean;
  description?: string;
}

/** Deeper than any real payload; stops runaway recursion in self-referencing schemas. */
const MAX_DEPTH = 12;

/** `page[size]` → `page-size`, `Send Strategy` → `send-strategy`; underscores are kept. */
export function anchorSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function fieldAnchorId(location: FieldLocation): string {
  switch (location.kind) {
    case 'parameter':
      return `param-${anchorSlug(location.name)}`;
    case 'request':
      return ['request', ...location.path.map(anchorSlug)].join('-');
    case 'response':
      return ['response', anchorSlug(location.status), ...location.path.map(anchorSlug)].join('-');
  }
}

export function fieldLabel(location: FieldLocation): string {
  return location.kind === 'parameter' ? location.name : location.path.join('.');
}

/** Every field of an operation, in page order: parameters, request body, then each response. */
export function operationFields(spec: OpenApiDocument, path: string, method: string): OperationField[] {
  const operation = (spec.paths?.[path] as Json | undefined)?.[method] as OperationObject | undefined;
  if (!operation) return [];
  const fields: OperationField[] = [];
  const ids = new Set<string>();
  const add = (location: FieldLocation, schema: Json, required: boolean, description?: unknown) => {
    const id = fieldAnchorId(location);
    if (ids.has(id)) return false;
    ids.add(id);
    fields.push({
      id,
      location,
      label: fieldLabel(location),
      required,
      deprecated: schema.deprecated === true,
      description: typeof description === 'string' ? description : undefined,
    });
    return true;
  };

  for (const parameter of operationParameters(spec, path, method)) {
    const schema = isRecord(parameter.schema) ? parameter.schema : {};
    add(
      { kind: 'parameter', name: parameter.name },
      { ...schema, deprecated: parameter.deprecated },
      parameter.required === true,
      parameter.description,
    );
  }

  const walk = (
    node: unknown,
    prefix: readonly string[],
    at: (path: string[]) => FieldLocation,
    seen: Set<unknown>,
  ) => {
    if (prefix.length >= MAX_DEPTH) return;
    const schema = mergedSchema(spec, node);
    if (seen.has(schema)) return;
    const inner = new Set(seen).add(schema);
    if (schema.items !== undefined) walk(schema.items, prefix, at, inner);
    for (const variant of schemaVariants(schema)) walk(variant, prefix, at, inner);
    if (!isRecord(schema.properties)) return;
    const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
    for (const [name, property] of Object.entries(schema.properties)) {
      const path = [...prefix, name];
      const resolved = mergedSchema(spec, property);
      const description = resolved.description ?? resolveRef<Json>(spec, property)?.description;
      // A name listed already (by an earlier variant) is walked again: this variant may nest other fields.
      add(at(path), resolved, required.has(name), description);
      walk(property, path, at, inner);
    }
  };

  const requestSchema = firstMedia(spec, operation.requestBody)?.[1].schema;
  if (requestSchema !== undefined) walk(requestSchema, [], (path) => ({ kind: 'request', path }), new Set());
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    const schema = firstMedia(spec, response)?.[1].schema;
    if (schema !== undefined) walk(schema, [], (path) => ({ kind: 'response', status, path }), new Set());
  }
  return fields;
}
