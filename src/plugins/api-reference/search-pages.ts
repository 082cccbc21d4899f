/**
 * What the offline search adds to the latest revision's operation pages (the search wrapper's `pageExtras`): the
 * method and path shown with each result, the operationId and `METHOD /path` that rank the page first, and one
 * section per field name, leading to the field's anchor (field-anchors/ids.ts).
 *
 * Per operation, each field name is indexed once, at its first place on the page (parameters, request body, then
 * the success responses); error responses repeat the same envelope on every operation and are left out. Names
 * that most operations share (`data`, `id`, `type`, the `revision` header) tell no operation apart and are left
 * out too: they would fill the results and the index (a third of the fixture spec's fields).
 *
 * API keys sent as a named parameter (`company_id`, in the query of client operations) are security schemes, not
 * parameters, and have no field anchor: they are indexed as a section at the top of the page, where the operation's
 * facts name them, and the search highlights them there.
 */
import type { Props } from '@docusaurus/types';
import { normalizeUrl } from '@docusaurus/utils';
import type { SearchPageExtras, SearchPageSection } from '../search-local/page-extras';
import { operationFields, type OperationField } from './field-anchors/ids';
import { isRecord, resolvePointer } from './openapi';
import { operationUrl } from './routes';
import type { ReferenceModel, RevisionModel } from './spec';
import type { OperationInfo } from './spec/operations';
import type { OperationObject } from './spec/types';

/** A name in more than this share of the operations (and in more than MIN_COMMON of them) is not indexed. */
const COMMON_SHARE = 0.5;
const MIN_COMMON = 10;

interface NamedField {
  name: string;
  /** Absent for an API key, which has no field anchor. */
  field?: OperationField;
}

/** The name a reader searches for: a parameter's name, or a property's own name (`send_strategy`). */
export function fieldName(field: OperationField): string {
  return field.location.kind === 'parameter' ? field.location.name : field.location.path.at(-1)!;
}

/** `page[size]` is also searched as `page_size`: the title carries both. */
export function fieldSearchTitle(name: string): string {
  const flat = name.replace(/\[([^\]]*)\]/g, '_$1');
  return flat === name ? name : `${name} (${flat})`;
}

function isIndexed(field: OperationField): boolean {
  return field.location.kind !== 'response' || /^2/.test(field.location.status);
}

/** Names of the API keys an operation takes as a named query, header or cookie parameter (`company_id`). */
export function apiKeyNames({ spec }: RevisionModel, operation: OperationInfo): string[] {
  const operationObject = resolvePointer(spec, operation.pointer) as OperationObject | undefined;
  const requirements = operationObject?.security ?? spec.security ?? [];
  const schemes = isRecord(spec.components?.securitySchemes) ? spec.components.securitySchemes : {};
  return requirements
    .flatMap((requirement) => Object.keys(requirement))
    .map((scheme) => schemes[scheme])
    .filter((scheme) => isRecord(scheme) && scheme.type === 'apiKey' && typeof scheme.name === 'string')
    .map((scheme) => (scheme as { name: string }).name);
}

/** Each indexed name of an operation once, at its first field in page order. */
function namedFields(revision: RevisionModel): Map<string, NamedField[]> {
  const byOperation = new Map<string, NamedField[]>();
  for (const operation of revision.operations) {
    const seen = new Set<string>();
    const named: NamedField[] = [];
    const add = (name: string, field?: OperationField) => {
      if (seen.has(name)) return;
      seen.add(name);
      named.push({ name, field });
    };
    for (const field of operationFields(revision.spec, operation.path, operation.method)) {
      if (isIndexed(field)) add(fieldName(field), field);
    }
    for (const name of apiKeyNames(revision, operation)) add(name);
    byOperation.set(operation.operationId, named);
  }
  return byOperation;
}

/** The field sections of every operation of `revision`, by operationId. */
export function fieldSections(revision: RevisionModel): Map<string, SearchPageSection[]> {
  const byOperation = namedFields(revision);
  const operationsWith = new Map<string, number>();
  for (const named of byOperation.values()) {
    for (const { name } of named) operationsWith.set(name, (operationsWith.get(name) ?? 0) + 1);
  }
  const limit = Math.max(MIN_COMMON, revision.operations.length * COMMON_SHARE);
  const sections = new Map<string, SearchPageSection[]>();
  for (const [operationId, named] of byOperation) {
    sections.set(
      operationId,
      named
        .filter(({ name }) => operationsWith.get(name)! <= limit)
        .map(({ name, field }) => ({
          title: fieldSearchTitle(name),
          hash: field ? `#${field.id}` : '',
          secondary: field?.location.kind === 'response',
        })),
    );
  }
  return sections;
}

export function referenceSearchExtras(model: ReferenceModel, baseUrl: string): SearchPageExtras[] {
  const latest = model.revisions.find((revision) => revision.isLatest);
  if (!latest) return [];
  const sections = fieldSections(latest);
  return latest.operations.map((operation) => {
    const method = operation.method.toUpperCase();
    return {
      url: normalizeUrl([baseUrl, operationUrl(latest.basePath, operation.operationId)]),
      badge: method,
      detail: operation.path,
      exact: [operation.operationId, `${method} ${operation.path}`],
      sections: sections.get(operation.operationId) ?? [],
    };
  });
}

/** `pageExtras` of the search wrapper: reads the model this plugin loaded for the build. */
export function referenceSearchPages({ plugins, baseUrl }: Pick<Props, 'plugins' | 'baseUrl'>): SearchPageExtras[] {
  const model = plugins.find((plugin) => plugin.name === 'api-reference')?.content as ReferenceModel | undefined;
  return model ? referenceSearchExtras(model, baseUrl) : [];
}
