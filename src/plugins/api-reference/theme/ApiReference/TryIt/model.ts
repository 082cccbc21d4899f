/**
 * The Try it panel's form model: pure functions from an operation's mini-spec and the reader's input
 * to a request, a share link and code samples. No React, no DOM: unit-tested in tests/unit/try-it.test.ts.
 */
import { buildCodeSamples, type CodeSample, type SampleOperation } from '../../../samples/code-samples';
import { requestExample, resolveRef } from '../../../openapi';
import type { OperationInfo } from '../../../spec/operations';
import type { OpenApiDocument, OperationObject } from '../../../spec/types';
import { SHARE_PREFIX, isShareFragment } from './fragment';

export interface ParameterSchema {
  type?: string;
  enum?: unknown[];
  default?: unknown;
  items?: ParameterSchema;
  minimum?: number;
  maximum?: number;
  format?: string;
}

export interface FormParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description: string;
  schema: ParameterSchema;
  example?: unknown;
  /** Query arrays are sent comma-separated (`explode: false`) or as repeated names. */
  explode: boolean;
}

/** A server the panel can send to: the spec's `servers`, then the ones configured in docusaurus.config.ts. */
export interface TryItServer {
  url: string;
  description?: string;
}

/** What `customFields.tryIt` in docusaurus.config.ts may hold. */
export interface TryItConfig {
  /** Servers that accept calls from the portal's pages, e.g. a local mock or a proxy the portal owner runs. */
  servers?: TryItServer[];
}

export const CUSTOM_SERVER = 'custom';

/** Every field of the form except the keys, which never leave memory. */
export interface FormState {
  /** A server URL from the list, or CUSTOM_SERVER. */
  server: string;
  customServer: string;
  /** Parameter values as typed, keyed by `in:name`; arrays comma-separated. */
  params: Record<string, string>;
  body: string;
}

export interface Keys {
  privateKey: string;
  publicKey: string;
}

export const REVISION_HEADER = 'revision';

export function paramKey(parameter: Pick<FormParameter, 'in' | 'name'>): string {
  return `${parameter.in}:${parameter.name}`;
}

export function operationObject(spec: OpenApiDocument, info: Pick<OperationInfo, 'path' | 'method'>): OperationObject {
  return (spec.paths?.[info.path]?.[info.method] ?? {}) as OperationObject;
}

/** Path, query and header parameters of the operation, path-level ones first, as the spec orders them. */
export function formParameters(spec: OpenApiDocument, info: Pick<OperationInfo, 'path' | 'method'>): FormParameter[] {
  const pathItem = spec.paths?.[info.path] ?? {};
  const operation = operationObject(spec, info);
  const byKey = new Map<string, FormParameter>();
  for (const raw of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
    const parameter = resolveRef<{
      name?: string;
      in?: string;
      required?: boolean;
      description?: string;
      schema?: unknown;
      example?: unknown;
      explode?: boolean;
    }>(spec, raw);
    if (!parameter?.name || !['path', 'query', 'header'].includes(parameter.in ?? '')) continue;
    const schema = resolveRef<ParameterSchema>(spec, parameter.schema) ?? {};
    const items = schema.items ? resolveRef<ParameterSchema>(spec, schema.items) : undefined;
    const entry: FormParameter = {
      name: parameter.name,
      in: parameter.in as FormParameter['in'],
      required: parameter.in === 'path' || parameter.required === true,
      description: parameter.description ?? '',
      schema: { ...schema, ...(items ? { items } : {}) },
      example: parameter.example,
      explode: parameter.explode ?? parameter.in === 'query',
    };
    byKey.set(paramKey(entry), entry);
  }
  return [...byKey.values()];
}

/** The operation's body example as the editor shows it, or '' when it takes no body. */
export function bodyExampleText(spec: OpenApiDocument, info: Pick<OperationInfo, 'path' | 'method'>): string {
  const example = requestExample(spec, operationObject(spec, info));
  return example === undefined ? '' : JSON.stringify(example, null, 2);
}

export function hasRequestBody(spec: OpenApiDocument, info: Pick<OperationInfo, 'path' | 'method'>): boolean {
  return operationObject(spec, info).requestBody !== undefined;
}

function defaultText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return Array.isArray(value) ? value.map(String).join(',') : String(value);
}

export function initialState(
  spec: OpenApiDocument,
  info: Pick<OperationInfo, 'path' | 'method'>,
  revision: string,
  servers: TryItServer[],
): FormState {
  const params: Record<string, string> = {};
  for (const parameter of formParameters(spec, info)) {
    params[paramKey(parameter)] =
      parameter.in === 'header' && parameter.name === REVISION_HEADER
        ? revision
        : defaultText(parameter.schema.default);
  }
  return { server: servers[0]?.url ?? CUSTOM_SERVER, customServer: '', params, body: bodyExampleText(spec, info) };
}

export function baseUrlOf(state: Pick<FormState, 'server' | 'customServer'>): string {
  return (state.server === CUSTOM_SERVER ? state.customServer.trim() : state.server).replace(/\/+$/, '');
}

/** A typed value as the spec's schema wants it: numbers for integers, arrays split on commas. */
export function typedValue(parameter: FormParameter, text: string): unknown {
  const type = parameter.schema.type;
  if (type === 'array') {
    const items = text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    return parameter.schema.items?.type === 'integer' || parameter.schema.items?.type === 'number'
      ? items.map(Number)
      : items;
  }
  if ((type === 'integer' || type === 'number') && text.trim() !== '' && !Number.isNaN(Number(text)))
    return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/** Parameters the reader filled in (required ones always), with their values. */
export function filledParameters(
  parameters: FormParameter[],
  state: Pick<FormState, 'params'>,
): { parameter: FormParameter; text: string }[] {
  return parameters
    .map((parameter) => ({ parameter, text: state.params[paramKey(parameter)] ?? '' }))
    .filter(({ parameter, text }) => text.trim() !== '' || parameter.required);
}

export interface BuiltRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** The HTTP request the form describes. The private key goes only into the Authorization header. */
export function buildRequest(
  info: Pick<OperationInfo, 'path' | 'method' | 'auth'>,
  parameters: FormParameter[],
  state: FormState,
  keys: Keys,
  sendBody: boolean,
): BuiltRequest {
  const filled = filledParameters(parameters, state);
  const path = info.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(state.params[`path:${name}`] ?? ''),
  );
  const query = new URLSearchParams();
  if (info.auth === 'public') query.append('company_id', keys.publicKey);
  const headers: Record<string, string> = { accept: 'application/vnd.api+json' };
  for (const { parameter, text } of filled) {
    if (parameter.in === 'query') {
      const value = typedValue(parameter, text);
      if (Array.isArray(value) && parameter.explode)
        value.forEach((item) => query.append(parameter.name, String(item)));
      else query.append(parameter.name, Array.isArray(value) ? value.join(',') : text);
    } else if (parameter.in === 'header') {
      headers[parameter.name] = text;
    }
  }
  if (info.auth === 'private') headers.Authorization = `Klaviyo-API-Key ${keys.privateKey}`;
  const search = query.toString();
  const request: BuiltRequest = {
    method: info.method.toUpperCase(),
    url: `${baseUrlOf(state)}${path}${search ? `?${search}` : ''}`,
    headers,
  };
  if (sendBody) {
    headers['content-type'] = 'application/vnd.api+json';
    request.body = state.body;
  }
  return request;
}

/**
 * curl and the SDK calls for the filled-in form, from the reference's own sample generator. The
 * private key stays a placeholder: commands get pasted into terminals, tickets and chats.
 */
export function filledSamples(
  spec: OpenApiDocument,
  info: SampleOperation,
  parameters: FormParameter[],
  state: FormState,
  keys: Pick<Keys, 'publicKey'>,
  body: unknown,
): CodeSample[] {
  const filled = filledParameters(parameters, state);
  const revision = state.params[`header:${REVISION_HEADER}`] ?? '';
  return buildCodeSamples(spec, info, revision, {
    filled: {
      baseUrl: baseUrlOf(state),
      path: Object.fromEntries(
        filled.filter(({ parameter }) => parameter.in === 'path').map(({ parameter, text }) => [parameter.name, text]),
      ),
      query: filled
        .filter(({ parameter }) => parameter.in === 'query')
        .map(({ parameter, text }) => {
          const value = typedValue(parameter, text);
          return [parameter.name, Array.isArray(value) ? value.join(',') : text];
        }),
      body,
      publicKey: keys.publicKey.trim() || undefined,
    },
  });
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  bytes.forEach((byte) => (binary += String.fromCharCode(byte)));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

/** The URL fragment that restores the form. FormState has no key fields, so no key can end up in it. */
export function shareFragment(state: FormState): string {
  const { server, customServer, params, body } = state;
  return `${SHARE_PREFIX}${toBase64Url(JSON.stringify({ v: 1, server, customServer, params, body }))}`;
}

/** The form a share fragment describes, on top of `base`; unknown fields and malformed fragments are ignored. */
export function readShareFragment(hash: string, base: FormState): FormState {
  if (!isShareFragment(hash)) return base;
  try {
    const shared = JSON.parse(fromBase64Url(hash.slice(SHARE_PREFIX.length))) as Partial<FormState>;
    const params = { ...base.params };
    for (const [key, value] of Object.entries(shared.params ?? {})) {
      if (key in params && typeof value === 'string') params[key] = value;
    }
    return {
      server: typeof shared.server === 'string' ? shared.server : base.server,
      customServer: typeof shared.customServer === 'string' ? shared.customServer : base.customServer,
      params,
      body: typeof shared.body === 'string' ? shared.body : base.body,
    };
  } catch {
    return base;
  }
}
