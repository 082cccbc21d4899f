import { createHash } from 'node:crypto';
// Before the converter: it compiles each example's schema once instead of once per check.
import './postman-ajv';
import { convertV2, type CollectionResult, type Options } from 'openapi-to-postmanv2';
import type { RevisionModel } from '../spec/index';
import type { OperationInfo } from '../spec/operations';
import { PRIVATE_KEY_PLACEHOLDER, PUBLIC_KEY_PLACEHOLDER } from '../samples/code-samples';
import { artifactError, isRecord } from './common';
import { postmanPaths } from './paths';
import { sanitizeMarkdown } from '../spec/sanitize';
import { operationUrl } from '../routes';

/**
 * Postman renders descriptions as Markdown, and the converter writes its own into them from parts
 * of the spec that are not prose (enum values, examples): every description is sanitized again.
 */
function sanitizeDescriptions<T>(node: T): T {
  if (Array.isArray(node)) return node.map((item) => sanitizeDescriptions(item)) as T;
  if (!isRecord(node)) return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' && typeof value === 'string') result[key] = sanitizeMarkdown(value);
    else if (key === 'description' && isRecord(value) && typeof value.content === 'string')
      result[key] = { ...value, content: sanitizeMarkdown(value.content) };
    else result[key] = sanitizeDescriptions(value);
  }
  return result as T;
}

/** Collection and environment variables; the names are part of the download's public shape. */
export const POSTMAN_VARIABLES = {
  baseUrl: 'base_url',
  privateKey: 'private_api_key',
  publicKey: 'public_api_key',
} as const;

const COLLECTION_SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** The subset of the Postman Collection v2.1 format this builder reads and writes. */
interface PostmanHeader {
  key: string;
  value: string;
  disabled?: boolean;
  description?: unknown;
}
interface PostmanQuery {
  key: string | null;
  value: string | null;
  disabled?: boolean;
}
interface PostmanUrl {
  raw?: string;
  host?: string[];
  path?: string[];
  query?: PostmanQuery[];
  variable?: unknown[];
}
interface PostmanAuth {
  type: string;
  apikey?: { key: string; value: string; type?: string }[];
}
interface PostmanRequest {
  method?: string;
  url?: PostmanUrl;
  header?: PostmanHeader[];
  auth?: PostmanAuth;
  description?: unknown;
  [key: string]: unknown;
}
export interface PostmanItem {
  id?: string;
  name: string;
  description?: string;
  request?: PostmanRequest;
  response?: { id?: string; [key: string]: unknown }[];
  item?: PostmanItem[];
  [key: string]: unknown;
}
export interface PostmanCollection {
  info: { _postman_id: string; name: string; description?: unknown; schema: string };
  item: PostmanItem[];
  auth: PostmanAuth;
  variable: { key: string; value: string; type?: string; description?: string }[];
  [key: string]: unknown;
}
export interface PostmanEnvironment {
  id: string;
  name: string;
  values: { key: string; value: string; type: 'default' | 'secret'; enabled: boolean }[];
  _postman_variable_scope: 'environment';
}

export interface PostmanArtifacts {
  collection: PostmanCollection;
  environment: PostmanEnvironment;
}

const CONVERTER_OPTIONS: Options = {
  folderStrategy: 'Tags',
  requestNameSource: 'Fallback',
  parametersResolution: 'Example',
  // Optional query parameters arrive unticked: a request sent as imported returns the default page.
  enableOptionalParameters: false,
  includeAuthInfoInExample: true,
  includeDeprecated: true,
  includeWebhooks: false,
};

/** A stable UUID-shaped id, so that re-importing a rebuilt collection updates it instead of duplicating it. */
export function stableId(...parts: string[]): string {
  const hex = createHash('sha1').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `GET /api/profiles/{id}` and the converter's `GET api/profiles/:id` give the same key. */
export function requestKey(method: string, pathSegments: readonly string[]): string {
  const normalised = pathSegments
    .filter((segment) => segment !== '')
    .map((segment) => segment.replace(/\{([^}]+)\}/g, ':$1'))
    .join('/');
  return `${method.toUpperCase()} /${normalised}`;
}

function operationKey(operation: OperationInfo): string {
  return requestKey(operation.method, operation.path.split('/'));
}

function convert(spec: unknown): Promise<CollectionResult> {
  return new Promise((resolve, reject) => {
    try {
      convertV2({ type: 'json', data: spec as object }, CONVERTER_OPTIONS, (error, result) => {
        if (error) reject(new Error(error.message));
        else if (!result) reject(new Error('the converter returned nothing'));
        else resolve(result);
      });
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** Every item that holds a request, depth first. */
function requestItems(items: readonly PostmanItem[]): PostmanItem[] {
  return items.flatMap((item) => [...(item.request ? [item] : []), ...requestItems(item.item ?? [])]);
}

/** Replaces the converter's `{{baseUrl}}` by our variable name wherever it appears (requests and examples). */
function renameBaseUrl<T>(node: T): T {
  if (typeof node === 'string') return node.replace(/\{\{baseUrl\}\}/g, `{{${POSTMAN_VARIABLES.baseUrl}}}`) as T;
  if (Array.isArray(node)) return node.map((value: unknown) => renameBaseUrl(value)) as T;
  if (isRecord(node)) {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, renameBaseUrl(value)])) as T;
  }
  return node;
}

function rawUrl(url: PostmanUrl): string {
  const query = (url.query ?? [])
    .filter((parameter) => !parameter.disabled && parameter.key)
    .map((parameter) => `${parameter.key}=${parameter.value ?? ''}`);
  return `${(url.host ?? []).join('.')}/${(url.path ?? []).join('/')}${query.length ? `?${query.join('&')}` : ''}`;
}

function authFor(operation: OperationInfo): PostmanAuth | undefined {
  if (operation.auth === 'private') return undefined; // inherits the collection's private-key auth
  if (operation.auth === 'public') {
    return {
      type: 'apikey',
      apikey: [
        { key: 'key', value: 'company_id', type: 'string' },
        { key: 'value', value: `{{${POSTMAN_VARIABLES.publicKey}}}`, type: 'string' },
        { key: 'in', value: 'query', type: 'string' },
      ],
    };
  }
  return { type: 'noauth' };
}

function finishRequest(item: PostmanItem, operation: OperationInfo, revision: string, pageUrl: string): PostmanItem {
  const request = item.request!;
  const url: PostmanUrl = { ...request.url, host: [`{{${POSTMAN_VARIABLES.baseUrl}}}`] };
  url.raw = rawUrl(url);

  const headers = (request.header ?? []).filter((header) => header.key.toLowerCase() !== 'revision');
  const revisionHeader: PostmanHeader = {
    key: 'revision',
    value: revision,
    description: `API revision the collection was generated from; the request and response shapes match it.`,
  };

  // The converter's per-request auth is replaced: private-key operations inherit the collection's.
  const rest: PostmanRequest = { ...request };
  delete rest.auth;
  const auth = authFor(operation);
  const converted = isRecord(request.description) ? request.description.content : request.description;
  const description = [typeof converted === 'string' ? converted : '', `Reference: ${pageUrl}`]
    .filter(Boolean)
    .join('\n\n');
  return {
    ...item,
    id: stableId(revision, operation.operationId),
    name: operation.deprecated ? `${operation.summary} (deprecated)` : operation.summary,
    request: {
      ...rest,
      method: operation.method.toUpperCase(),
      url,
      header: [revisionHeader, ...headers],
      ...(auth ? { auth } : {}),
      description: { content: description, type: 'text/markdown' },
    },
    response: (item.response ?? []).map((response, index) => ({
      ...response,
      id: stableId(revision, operation.operationId, 'response', String(index)),
    })),
  };
}

export interface PostmanOptions {
  /** Absolute URL of the portal (with its baseUrl), for the links back to each reference page. */
  siteUrl: string;
}

/**
 * A Postman Collection v2.1 and environment for one revision, converted by openapi-to-postmanv2
 * from the already-bundled spec, then regrouped by the reference's own tags so that there is
 * exactly one request per operation. Throws a SpecError naming the artifact on any failure.
 */
export async function buildPostmanArtifacts(
  revision: RevisionModel,
  options: PostmanOptions,
): Promise<PostmanArtifacts> {
  const artifact = postmanPaths(revision.revision).collection;
  try {
    // The converter annotates the document it is given: hand it a copy, never the shared model.
    const result = await convert(structuredClone(revision.spec));
    const data = result.output?.[0]?.data as { item?: PostmanItem[]; info?: { description?: unknown } } | undefined;
    if (!result.result || !data) throw new Error(result.reason ?? 'the converter produced no collection');

    const converted = new Map<string, PostmanItem>();
    for (const item of requestItems(renameBaseUrl(data.item ?? []))) {
      const key = requestKey(item.request!.method ?? 'GET', item.request!.url?.path ?? []);
      if (!converted.has(key)) converted.set(key, item);
    }

    const missing: string[] = [];
    const siteUrl = options.siteUrl.replace(/\/$/, '');
    const folders: PostmanItem[] = revision.tags.map((tag) => ({
      id: stableId(revision.revision, 'tag', tag.name),
      name: tag.name,
      description: tag.description,
      item: tag.operations.flatMap((operation) => {
        const item = converted.get(operationKey(operation));
        if (!item) {
          missing.push(`${operation.operationId} (${operation.method.toUpperCase()} ${operation.path})`);
          return [];
        }
        return [
          finishRequest(
            item,
            operation,
            revision.revision,
            `${siteUrl}${operationUrl(revision.basePath, operation.operationId)}`,
          ),
        ];
      }),
    }));
    if (missing.length > 0) {
      throw new Error(
        `the converter produced no request for ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`,
      );
    }

    const server = (revision.spec.servers?.[0]?.url ?? '').replace(/\/$/, '');
    const title = revision.spec.info?.title ?? 'API';
    const specDescription = isRecord(data.info?.description) ? String(data.info.description.content ?? '') : '';
    const collection: PostmanCollection = {
      info: {
        _postman_id: stableId('collection', revision.revision),
        name: `${title} (revision ${revision.revision})`,
        description: {
          content: [
            specDescription,
            `Generated from the OpenAPI spec of revision ${revision.revision}. Set the collection variable \`${POSTMAN_VARIABLES.privateKey}\` to your private key (and \`${POSTMAN_VARIABLES.publicKey}\` to your public key for the client endpoints) before sending requests. Reference: ${siteUrl}${revision.basePath}`,
          ]
            .filter(Boolean)
            .join('\n\n'),
          type: 'text/markdown',
        },
        schema: COLLECTION_SCHEMA,
      },
      item: folders,
      auth: {
        type: 'apikey',
        apikey: [
          { key: 'key', value: 'Authorization', type: 'string' },
          { key: 'value', value: `Klaviyo-API-Key {{${POSTMAN_VARIABLES.privateKey}}}`, type: 'string' },
          { key: 'in', value: 'header', type: 'string' },
        ],
      },
      variable: [
        { key: POSTMAN_VARIABLES.baseUrl, value: server, type: 'string', description: 'API host.' },
        {
          key: POSTMAN_VARIABLES.privateKey,
          value: PRIVATE_KEY_PLACEHOLDER,
          type: 'string',
          description: 'Your private API key, for the /api/ endpoints. Keep it out of shared workspaces.',
        },
        {
          key: POSTMAN_VARIABLES.publicKey,
          value: PUBLIC_KEY_PLACEHOLDER,
          type: 'string',
          description: 'Your public API key (site ID), for the /client/ endpoints.',
        },
      ],
    };
    const environment: PostmanEnvironment = {
      id: stableId('environment', revision.revision),
      name: `${title} (revision ${revision.revision})`,
      values: [{ key: POSTMAN_VARIABLES.baseUrl, value: server, type: 'default', enabled: true }],
      _postman_variable_scope: 'environment',
    };
    return { collection: sanitizeDescriptions(collection), environment };
  } catch (error) {
    throw artifactError(artifact, error);
  }
}
