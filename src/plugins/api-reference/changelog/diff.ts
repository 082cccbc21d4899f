/**
 * The API changelog: a pure diff between consecutive revisions of the bundled specs that
 * loadReferenceModel already produced (nothing is parsed again). It compares operations,
 * parameters, request and response bodies property by property, following internal
 * `#/...` refs (with a guard against cyclic schemas).
 *
 * No maintained OpenAPI diff library fitted: `openapi-diff` re-parses both specs with
 * swagger-parser and reports schema differences without the operation-level kinds the
 * changelog pages need; `@pb33f/openapi-changes` wraps a downloaded Go binary.
 */
import type { OpenApiDocument, OperationObject } from '../spec/types';
import type { OperationInfo } from '../spec/operations';
import { isBetaRevision, operationFieldUrl, operationUrl, stableDateOf } from '../routes';
import { fieldAnchorId, fieldLabel, operationFields, type FieldLocation } from '../field-anchors/ids';
import {
  firstMedia,
  followRefs,
  isRecord,
  mergedSchema,
  operationParameters,
  resolveRef,
  schemaVariants,
  typeLabel,
} from '../openapi';

export type ChangeKind =
  | 'operation-added'
  | 'operation-removed'
  | 'operation-deprecated'
  | 'parameter-added'
  | 'parameter-removed'
  | 'parameter-required'
  | 'parameter-deprecated'
  | 'request-property-added'
  | 'request-property-removed'
  | 'request-property-required'
  | 'response-property-added'
  | 'response-property-removed'
  | 'response-property-required'
  | 'property-deprecated'
  | 'enum-value-added'
  | 'enum-value-removed'
  | 'type-changed';

export interface ApiChange {
  kind: ChangeKind;
  breaking: boolean;
  operationId: string;
  method: string;
  path: string;
  /** One sentence; code is wrapped in backticks. */
  description: string;
  /** The revision whose page `url` points to: the newer one, or the older one for a removed operation. */
  revision: string;
  url: string;
  /**
   * Stable anchor of this change on its changelog page, from the operationId, the kind and the field
   * (never the position), e.g. `change-create_webhook-request-property-required-request-data-attributes-secret_key`.
   */
  id: string;
  /** The parameter or property the change is about; absent for operation-level changes and whole bodies. */
  field?: ChangedField;
  /** The operation, or the field where it exists there, in the older and the newer revision. */
  links: { before: ChangeLink | null; after: ChangeLink | null };
}

export interface ChangedField {
  location: FieldLocation;
  /** As a reader names it: `filter`, `data.attributes.email`. */
  label: string;
  /** Its anchor on operation pages (field-anchors/ids.ts). */
  anchor: string;
}

export interface ChangeLink {
  revision: string;
  /** The operation page, with `#anchor` when `field` is true. */
  url: string;
  /** True when the field itself exists in this revision and `url` points to it. */
  field: boolean;
}

export interface RevisionChangelog {
  revision: string;
  /** The revision this one is compared with; null for the oldest revision. */
  previous: string | null;
  isLatest: boolean;
  /** Breaking changes first. */
  changes: ApiChange[];
  counts: { total: number; breaking: number; operationsAdded: number; operationsRemoved: number };
}

/** What the diff needs of a revision: a subset of the pipeline's RevisionModel. */
export interface ChangelogRevision {
  revision: string;
  isLatest: boolean;
  basePath: string;
  spec: OpenApiDocument;
  operations: OperationInfo[];
}

// ---------------------------------------------------------------------------------------------
// Schemas flattened to property paths

export interface FieldShape {
  /** The shared type label (without `$ref` names, which may change without the shape changing); undefined when untyped. */
  type: string | undefined;
  required: boolean;
  enum: string[] | undefined;
  deprecated: boolean;
  /** Property names from the root, array items transparent (as field anchors name them). */
  segments: string[];
}

/** Property path → shape. The root (the body or parameter itself) has the path ''. */
export type FieldMap = Map<string, FieldShape>;

interface ObjectView {
  enum: string[] | undefined;
  deprecated: boolean;
  properties: Map<string, unknown>;
  required: Set<string>;
  items: unknown;
}

const MAX_DEPTH = 12;

function enumValues(values: unknown): string[] | undefined {
  return Array.isArray(values)
    ? values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
    : undefined;
}

/**
 * A schema with its `allOf` members merged (mergedSchema) and its `oneOf`/`anyOf` variants unioned:
 * a property is required only when every variant requires it. A cyclic ref is read but not merged.
 */
function viewOf(spec: OpenApiDocument, schema: unknown, expanding: ReadonlySet<string>, depth: number): ObjectView {
  const view: ObjectView = {
    enum: undefined,
    deprecated: false,
    properties: new Map(),
    required: new Set(),
    items: undefined,
  };
  const { target, refs, cyclic } = followRefs(spec, schema, expanding);
  if (!isRecord(target) || depth > MAX_DEPTH) return view;
  const node = cyclic ? target : mergedSchema(spec, target);

  view.enum = enumValues(node.enum);
  view.deprecated = node.deprecated === true;
  view.items = node.items;
  if (isRecord(node.properties)) {
    for (const [name, property] of Object.entries(node.properties)) view.properties.set(name, property);
  }
  if (Array.isArray(node.required)) {
    for (const name of node.required) if (typeof name === 'string') view.required.add(name);
  }
  if (cyclic) return view;

  const inner = new Set([...expanding, ...refs]);
  const views = schemaVariants(node).map((variant) => viewOf(spec, variant, inner, depth + 1));
  for (const variant of views) {
    view.enum ??= variant.enum;
    view.items ??= variant.items;
    for (const [name, property] of variant.properties)
      if (!view.properties.has(name)) view.properties.set(name, property);
  }
  const [first, ...rest] = views;
  for (const name of first?.required ?? [])
    if (rest.every((variant) => variant.required.has(name))) view.required.add(name);
  return view;
}

/** The type label compared between revisions: the shared one, undefined for an untyped schema. */
function comparedType(spec: OpenApiDocument, node: unknown): string | undefined {
  const label = typeLabel(spec, node, { refNames: false });
  return label === 'any' ? undefined : label;
}

/** Every property path of a schema, following refs; cyclic refs are listed once and not expanded. */
export function flattenSchema(spec: OpenApiDocument, schema: unknown, rootRequired = true): FieldMap {
  const out: FieldMap = new Map();
  const walk = (
    node: unknown,
    path: string,
    segments: string[],
    required: boolean,
    expanding: ReadonlySet<string>,
    depth: number,
  ) => {
    const { refs, cyclic } = followRefs(spec, node, expanding);
    const inner = new Set([...expanding, ...refs]);
    const view = viewOf(spec, node, expanding, depth);
    out.set(path, {
      type: comparedType(spec, node),
      required,
      enum: view.enum,
      deprecated: view.deprecated,
      segments,
    });
    if (cyclic || depth >= MAX_DEPTH) return;
    for (const [name, property] of view.properties) {
      walk(property, path ? `${path}.${name}` : name, [...segments, name], view.required.has(name), inner, depth + 1);
    }
    if (view.items !== undefined) walk(view.items, `${path}[]`, segments, true, inner, depth + 1);
  };
  if (schema !== undefined) walk(schema, '', [], rootRequired, new Set(), 0);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Operation parts

interface ParameterShape {
  name: string;
  label: string;
  required: boolean;
  deprecated: boolean;
  schema: unknown;
}

/** Keyed `in:name`; an operation-level parameter overrides the path item's (operationParameters). */
function parametersOf(spec: OpenApiDocument, operation: OperationInfo): Map<string, ParameterShape> {
  return new Map(
    operationParameters(spec, operation.path, operation.method).map((parameter) => [
      `${parameter.in}:${parameter.name}`,
      {
        name: parameter.name,
        label: `${parameter.in === 'header' ? 'header' : `${parameter.in} parameter`} \`${parameter.name}\``,
        required: parameter.required === true,
        deprecated: parameter.deprecated === true,
        schema: parameter.schema,
      },
    ]),
  );
}

function requestBodyOf(spec: OpenApiDocument, operationObject: OperationObject): FieldMap {
  const body = resolveRef(spec, operationObject.requestBody);
  if (!body) return new Map();
  return flattenSchema(spec, firstMedia(spec, body)?.[1].schema, body.required === true);
}

function responsesOf(spec: OpenApiDocument, operationObject: OperationObject): Map<string, FieldMap> {
  const result = new Map<string, FieldMap>();
  for (const [status, response] of Object.entries(operationObject.responses ?? {})) {
    const schema = firstMedia(spec, response)?.[1].schema;
    if (schema !== undefined) result.set(status, flattenSchema(spec, schema));
  }
  return result;
}

function operationObjectOf(spec: OpenApiDocument, operation: OperationInfo): OperationObject {
  return (spec.paths?.[operation.path]?.[operation.method] ?? {}) as OperationObject;
}

// ---------------------------------------------------------------------------------------------
// Diffing

type Side = 'request' | 'response';
type Emit = (kind: ChangeKind, breaking: boolean, description: string, field?: FieldLocation) => void;
/** Where a body property (its segments) sits among the operation's fields; undefined for the body itself. */
type Locate = (segments: readonly string[]) => FieldLocation | undefined;

function code(text: string): string {
  return `\`${text}\``;
}

function list(values: string[]): string {
  return values.map(code).join(', ');
}

function isUnder(path: string, parents: Set<string>): boolean {
  for (const parent of parents) {
    if (parent === '' ? path !== '' : path.startsWith(`${parent}.`) || path.startsWith(`${parent}[]`)) return true;
  }
  return false;
}

function diffEnums(before: FieldShape, after: FieldShape, side: Side, where: string, emit: Emit): void {
  if (!before.enum || !after.enum) return;
  const added = after.enum.filter((value) => !before.enum!.includes(value));
  const removed = before.enum.filter((value) => !after.enum!.includes(value));
  const [gone, more] =
    side === 'request' ? ['no longer accepts', 'now also accepts'] : ['can no longer return', 'can now also return'];
  if (removed.length > 0) {
    // A client may still send a value that is gone; a response losing a value breaks nobody.
    emit('enum-value-removed', side === 'request', `${where} ${gone} ${list(removed)}.`);
  }
  if (added.length > 0) emit('enum-value-added', false, `${where} ${more} ${list(added)}.`);
}

/** Property-by-property differences of two flattened bodies. `context` reads e.g. "request body". */
export function diffFields(
  before: FieldMap,
  after: FieldMap,
  side: Side,
  context: string,
  report: Emit,
  locate: Locate = () => undefined,
): void {
  const added = new Set<string>();
  const removed = new Set<string>();
  const name = (path: string) => (path === '' ? context : `${code(path)} in the ${context}`);
  let current = '';
  // Every change below is about the property at `current`.
  const emit: Emit = (kind, breaking, description) => {
    const segments = (after.get(current) ?? before.get(current))?.segments ?? [];
    report(kind, breaking, description, segments.length > 0 ? locate(segments) : undefined);
  };

  for (const [path, shape] of after) {
    if (before.has(path) || isUnder(path, added) || path === '') continue;
    added.add(path);
    current = path;
    if (side === 'request') {
      emit(
        'request-property-added',
        shape.required,
        `New ${shape.required ? 'required' : 'optional'} property ${code(path)} in the ${context}.`,
      );
    } else {
      emit('response-property-added', false, `New property ${code(path)} in the ${context}.`);
    }
  }
  for (const path of before.keys()) {
    if (after.has(path) || isUnder(path, removed) || path === '') continue;
    removed.add(path);
    current = path;
    emit(`${side}-property-removed`, true, `Property ${code(path)} was removed from the ${context}.`);
  }
  for (const [path, old] of before) {
    const now = after.get(path);
    if (!now) continue;
    current = path;
    if (old.type && now.type && old.type !== now.type) {
      emit('type-changed', true, `The type of ${name(path)} changed from ${code(old.type)} to ${code(now.type)}.`);
    }
    if (!old.required && now.required && path !== '') {
      if (side === 'request') emit('request-property-required', true, `${capitalize(name(path))} is now required.`);
      else emit('response-property-required', false, `${capitalize(name(path))} is now always present.`);
    }
    if (!old.deprecated && now.deprecated) {
      emit('property-deprecated', false, `${capitalize(name(path))} is deprecated.`);
    }
    diffEnums(old, now, side, capitalize(name(path)), emit);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function diffParameters(
  before: Map<string, ParameterShape>,
  after: Map<string, ParameterShape>,
  beforeSpec: OpenApiDocument,
  afterSpec: OpenApiDocument,
  report: Emit,
): void {
  let current: ParameterShape;
  const emit: Emit = (kind, breaking, description) =>
    report(kind, breaking, description, { kind: 'parameter', name: current.name });
  for (const [key, parameter] of after) {
    if (before.has(key)) continue;
    current = parameter;
    emit(
      'parameter-added',
      parameter.required,
      `New ${parameter.required ? 'required' : 'optional'} ${parameter.label}.`,
    );
  }
  for (const [key, parameter] of before) {
    const now = after.get(key);
    current = parameter;
    if (!now) {
      emit('parameter-removed', true, `${capitalize(parameter.label)} was removed.`);
      continue;
    }
    if (!parameter.required && now.required) {
      emit('parameter-required', true, `${capitalize(parameter.label)} is now required.`);
    }
    if (!parameter.deprecated && now.deprecated) {
      emit('parameter-deprecated', false, `${capitalize(parameter.label)} is deprecated.`);
    }
    const oldFields = flattenSchema(beforeSpec, parameter.schema);
    const newFields = flattenSchema(afterSpec, now.schema);
    // A parameter's schema is compared at its root and, for arrays, its items (e.g. `fields[...]` lists).
    for (const path of ['', '[]']) {
      const old = oldFields.get(path);
      const current = newFields.get(path);
      if (!old || !current) continue;
      const where = path === '' ? capitalize(parameter.label) : `${capitalize(parameter.label)} (each item)`;
      if (path === '' && old.type && current.type && old.type !== current.type) {
        emit(
          'type-changed',
          true,
          `The type of ${parameter.label} changed from ${code(old.type)} to ${code(current.type)}.`,
        );
      }
      diffEnums(old, current, 'request', where, emit);
    }
  }
}

const KIND_ORDER: ChangeKind[] = [
  'operation-removed',
  'operation-added',
  'operation-deprecated',
  'parameter-removed',
  'parameter-added',
  'parameter-required',
  'parameter-deprecated',
  'request-property-removed',
  'request-property-added',
  'request-property-required',
  'response-property-removed',
  'response-property-added',
  'response-property-required',
  'property-deprecated',
  'type-changed',
  'enum-value-removed',
  'enum-value-added',
];

/** Breaking changes first, then by kind, operation and description. */
export function sortChanges(changes: ApiChange[]): ApiChange[] {
  return [...changes].sort(
    (a, b) =>
      Number(b.breaking) - Number(a.breaking) ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a.operationId.localeCompare(b.operationId) ||
      a.description.localeCompare(b.description),
  );
}

function pageUrl(revision: ChangelogRevision, operationId: string): string {
  return operationUrl(revision.basePath, operationId);
}

/** `change-{operationId}-{kind}[-{field anchor}]`: the same change has the same id whatever else changed. */
export function changeAnchorId(change: Pick<ApiChange, 'operationId' | 'kind' | 'field'>): string {
  return ['change', change.operationId, change.kind, ...(change.field ? [change.field.anchor] : [])].join('-');
}

/** Anchor ids of `changes` (in their order), made unique on a page by numbering repeats: `…-2`, `…-3`. */
function withUniqueIds(changes: ApiChange[]): ApiChange[] {
  const seen = new Map<string, number>();
  return changes.map((change) => {
    const count = (seen.get(change.id) ?? 0) + 1;
    seen.set(change.id, count);
    return count === 1 ? change : { ...change, id: `${change.id}-${count}` };
  });
}

/** Field anchor ids of one operation in one revision, computed once per diff. */
function fieldIdsOf(revision: ChangelogRevision): (operation: OperationInfo) => Set<string> {
  const cache = new Map<string, Set<string>>();
  return (operation) => {
    let ids = cache.get(operation.operationId);
    if (!ids) {
      ids = new Set(operationFields(revision.spec, operation.path, operation.method).map((field) => field.id));
      cache.set(operation.operationId, ids);
    }
    return ids;
  };
}

/** Every change from `older` to `newer`, breaking ones first. */
export function diffRevisions(older: ChangelogRevision, newer: ChangelogRevision): ApiChange[] {
  const changes: ApiChange[] = [];
  const oldOperations = new Map(older.operations.map((operation) => [operation.operationId, operation]));
  const newOperations = new Map(newer.operations.map((operation) => [operation.operationId, operation]));
  const endpoint = (operation: OperationInfo) => `${operation.method.toUpperCase()} ${operation.path}`;
  const fieldIds = { before: fieldIdsOf(older), after: fieldIdsOf(newer) };

  /** The operation's page in `revision`, at the field's anchor when the field is on that page. */
  const linkIn = (
    revision: ChangelogRevision,
    operation: OperationInfo | undefined,
    ids: (operation: OperationInfo) => Set<string>,
    field: ChangedField | undefined,
  ): ChangeLink | null => {
    if (!operation) return null;
    const onPage = field !== undefined && ids(operation).has(field.anchor);
    return {
      revision: revision.revision,
      url: onPage
        ? operationFieldUrl(revision.basePath, operation.operationId, field.anchor)
        : pageUrl(revision, operation.operationId),
      field: onPage,
    };
  };
  const record = (
    operation: OperationInfo,
    kind: ChangeKind,
    breaking: boolean,
    description: string,
    location: FieldLocation | undefined,
    page: ChangelogRevision,
  ): ApiChange => {
    const field = location && { location, label: fieldLabel(location), anchor: fieldAnchorId(location) };
    const change = {
      kind,
      breaking,
      operationId: operation.operationId,
      method: operation.method,
      path: operation.path,
      description,
      revision: page.revision,
      url: pageUrl(page, operation.operationId),
      ...(field && { field }),
      links: {
        before: linkIn(older, oldOperations.get(operation.operationId), fieldIds.before, field),
        after: linkIn(newer, newOperations.get(operation.operationId), fieldIds.after, field),
      },
    };
    return { ...change, id: changeAnchorId(change) };
  };

  for (const operation of newer.operations) {
    const emit: Emit = (kind, breaking, description, location) =>
      changes.push(record(operation, kind, breaking, description, location, newer));
    const previous = oldOperations.get(operation.operationId);
    if (!previous) {
      emit('operation-added', false, `New operation ${code(endpoint(operation))}.`);
      continue;
    }
    if (!previous.deprecated && operation.deprecated) {
      emit('operation-deprecated', false, `${code(endpoint(operation))} is deprecated; it keeps working for now.`);
    }
    if (previous.method !== operation.method || previous.path !== operation.path) {
      emit(
        'type-changed',
        true,
        `The endpoint moved from ${code(endpoint(previous))} to ${code(endpoint(operation))}.`,
      );
    }
    const oldObject = operationObjectOf(older.spec, previous);
    const newObject = operationObjectOf(newer.spec, operation);
    diffParameters(
      parametersOf(older.spec, previous),
      parametersOf(newer.spec, operation),
      older.spec,
      newer.spec,
      emit,
    );
    diffFields(
      requestBodyOf(older.spec, oldObject),
      requestBodyOf(newer.spec, newObject),
      'request',
      'request body',
      emit,
      (path) => ({ kind: 'request', path }),
    );
    const oldResponses = responsesOf(older.spec, oldObject);
    for (const [status, fields] of responsesOf(newer.spec, newObject)) {
      const before = oldResponses.get(status);
      if (before) {
        diffFields(before, fields, 'response', `${status} response`, emit, (path) => ({
          kind: 'response',
          status,
          path,
        }));
      }
    }
  }

  for (const operation of older.operations) {
    if (newOperations.has(operation.operationId)) continue;
    changes.push(
      record(
        operation,
        'operation-removed',
        true,
        `Operation ${code(endpoint(operation))} was removed.`,
        undefined,
        older,
      ),
    );
  }
  return withUniqueIds(sortChanges(changes));
}

/** One changelog per revision, newest first; each compares a revision with the one before it. */
export function buildChangelog(revisions: readonly ChangelogRevision[]): RevisionChangelog[] {
  const ordered = [...revisions].sort((a, b) => b.revision.localeCompare(a.revision));
  const stable = ordered.filter((revision) => !isBetaRevision(revision.revision));
  // A stable revision is compared with the stable one before it; a beta with the stable revision of
  // its date, or else the latest stable one.
  const previousOf = (revision: ChangelogRevision) =>
    isBetaRevision(revision.revision)
      ? (stable.find((candidate) => candidate.revision === stableDateOf(revision.revision)) ?? stable[0])
      : stable[stable.indexOf(revision) + 1];
  return ordered.map((revision) => {
    const previous = previousOf(revision);
    const changes = previous ? diffRevisions(previous, revision) : [];
    return {
      revision: revision.revision,
      previous: previous?.revision ?? null,
      isLatest: revision.isLatest,
      changes,
      counts: {
        total: changes.length,
        breaking: changes.filter((change) => change.breaking).length,
        operationsAdded: changes.filter((change) => change.kind === 'operation-added').length,
        operationsRemoved: changes.filter((change) => change.kind === 'operation-removed').length,
      },
    };
  });
}

/** One line for terminals: "3 operations added, 2 removed, 4 breaking changes (12 in all)". */
export function summarizeChangelog(changelog: RevisionChangelog): string {
  const { total, breaking, operationsAdded, operationsRemoved } = changelog.counts;
  if (!changelog.previous) return `${changelog.revision}: first revision, nothing to compare with`;
  if (total === 0) return `${changelog.revision} vs ${changelog.previous}: no changes`;
  return `${changelog.revision} vs ${changelog.previous}: ${operationsAdded} operation(s) added, ${operationsRemoved} removed, ${breaking} breaking change(s), ${total} change(s) in all`;
}
