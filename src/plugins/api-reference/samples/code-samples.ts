import type { OpenApiDocument, OperationObject } from '../spec/types';
import { operationParameters, requestExample, resolveRef, type ParameterObject } from '../openapi';
import type { OperationInfo } from '../spec/operations';
import {
  findMethod,
  namespacesWithMethod,
  SDK_MANIFESTS,
  type MethodSignature,
  type SdkLanguage,
  type SdkManifest,
} from './sdk-manifest';
import { nodeLiteral } from './node-literal';
import { browserFetchSample, klaviyoJsSample, pythonRequestsSample, type ClientRequest } from './client-side';
import { SDK_BODY_GAPS, sdkBodyGap } from './sdk-body-gaps';

/**
 * Code samples derived from the spec. SDK samples call only methods listed in the SDK's manifest
 * (`src/plugins/api-reference/samples/sdk-manifests/`), named as each SDK names them:
 *   Python  klaviyo.<Tag_Words>.<operation_id>(...)
 *   Node    new <Tag>Api(session).<operationIdCamel>(...)
 *   PHP     $klaviyo-><Tag>-><operationIdCamel>(...)
 *   Ruby    KlaviyoAPI::<Tag>.<operation_id>(...)
 * An operation an SDK has no method for gets no sample in that language. `/client/` operations,
 * which the server-side SDKs don't cover, get a browser `fetch`, the klaviyo.js call where there is
 * one, and Python `requests`.
 */
export interface CodeSample {
  language: 'curl' | 'python' | 'node' | 'php' | 'ruby' | 'browser' | 'klaviyo-js';
  label: string;
  /** Prism language used to highlight the sample. */
  highlight: string;
  code: string;
}

export const PRIVATE_KEY_PLACEHOLDER = 'YOUR_PRIVATE_API_KEY';
export const PUBLIC_KEY_PLACEHOLDER = 'YOUR_PUBLIC_API_KEY';

export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
}

interface Literal {
  null: string;
  true: string;
  false: string;
  string: (value: string) => string;
  open: [string, string];
  entry: (key: string, value: string) => string;
  arrayOpen: [string, string];
}

const LITERALS: Record<'python' | 'node' | 'php' | 'ruby', Literal> = {
  python: {
    null: 'None',
    true: 'True',
    false: 'False',
    string: (v) => JSON.stringify(v),
    open: ['{', '}'],
    entry: (k, v) => `${JSON.stringify(k)}: ${v}`,
    arrayOpen: ['[', ']'],
  },
  node: {
    null: 'null',
    true: 'true',
    false: 'false',
    string: (v) => JSON.stringify(v),
    open: ['{', '}'],
    entry: (k, v) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)}: ${v}`,
    arrayOpen: ['[', ']'],
  },
  php: {
    null: 'null',
    true: 'true',
    false: 'false',
    string: (v) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
    open: ['[', ']'],
    entry: (k, v) => `'${k.replace(/'/g, "\\'")}' => ${v}`,
    arrayOpen: ['[', ']'],
  },
  ruby: {
    null: 'nil',
    true: 'true',
    false: 'false',
    string: (v) => JSON.stringify(v),
    open: ['{', '}'],
    entry: (k, v) => `${JSON.stringify(k)} => ${v}`,
    arrayOpen: ['[', ']'],
  },
};

export function toLiteral(value: unknown, language: keyof typeof LITERALS, indent = ''): string {
  const syntax = LITERALS[language];
  const inner = `${indent}  `;
  if (value === null || value === undefined) return syntax.null;
  if (typeof value === 'boolean') return value ? syntax.true : syntax.false;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return syntax.string(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return syntax.arrayOpen.join('');
    const items = value.map((item) => `${inner}${toLiteral(item, language, inner)}`);
    return `${syntax.arrayOpen[0]}\n${items.join(',\n')}\n${indent}${syntax.arrayOpen[1]}`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return syntax.open.join('');
  const lines = entries.map(([key, item]) => `${inner}${syntax.entry(key, toLiteral(item, language, inner))}`);
  return `${syntax.open[0]}\n${lines.join(',\n')}\n${indent}${syntax.open[1]}`;
}

function typedQueryValue(parameter: ParameterObject, text: string): unknown {
  const type = parameter.schema?.type;
  if (type === 'integer' || type === 'number') return Number.isNaN(Number(text)) ? text : Number(text);
  if (type === 'array') return text.split(',');
  return text;
}

function placeholder(name: string): string {
  return `${name.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}`;
}

interface SdkCall {
  manifest: SdkManifest;
  method: MethodSignature;
  /** Optional arguments the reader filled in, under the SDK's own names. */
  options: [string, unknown][];
  /** One value per required parameter, in order: a spec parameter's value, or the request body. */
  args: ({ kind: 'value'; value: string } | { kind: 'body' })[];
}

const normalizedName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The SDK's namespace for a tag, as each SDK spells it (the tag `Custom Objects` is `Custom_Objects` in Python). */
function namespaceFor(language: SdkLanguage, tag: string): string {
  if (language === 'python')
    return tag
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join('_');
  return language === 'node' ? `${pascalCase(tag)}Api` : pascalCase(tag);
}

function parameterValue(parameter: ParameterObject): string {
  const example = parameter.example ?? parameter.schema?.example;
  return typeof example === 'string' ? example : placeholder(parameter.name);
}

/**
 * How `language`'s SDK calls the operation, or undefined when it has no method for it or its
 * required parameters can't be matched to the operation's.
 */
export function sdkCall(
  language: SdkLanguage,
  info: SampleOperation,
  parameters: ParameterObject[],
  hasBody: boolean,
  optionalValues: { name: string; value: unknown }[] = [],
): SdkCall | undefined {
  const manifest = SDK_MANIFESTS[language];
  const name = language === 'node' || language === 'php' ? camelCase(info.operationId) : info.operationId;
  const namespace = namespacesWithMethod(manifest, name, namespaceFor(language, info.tag))[0];
  const method = namespace && findMethod(manifest, namespace, name);
  if (!method) return undefined;
  const specRequired = parameters.filter(
    (p) => (p.in === 'path' || (p.in === 'query' && p.required)) && p.name !== 'company_id',
  );
  const unmatched = specRequired.filter(
    (p) => !method.required.some((sdkName) => normalizedName(sdkName) === normalizedName(p.name)),
  );
  let bodyUsed = !hasBody;
  const args: SdkCall['args'] = [];
  for (const sdkName of method.required) {
    const byName = specRequired.find((p) => normalizedName(p.name) === normalizedName(sdkName));
    if (byName) args.push({ kind: 'value', value: parameterValue(byName) });
    else if (!bodyUsed && unmatched.length === 0) {
      args.push({ kind: 'body' });
      bodyUsed = true;
    } else if (unmatched.length > 0) args.push({ kind: 'value', value: parameterValue(unmatched.shift()!) });
    else return undefined;
  }
  const options = optionalValues.flatMap(({ name, value }): [string, unknown][] => {
    const sdkName = method.optional.find((candidate) => normalizedName(candidate) === normalizedName(name));
    return sdkName ? [[sdkName, value]] : [];
  });
  return bodyUsed && unmatched.length === 0 ? { manifest, method, args, options } : undefined;
}

function revisionComment(marker: string, manifest: SdkManifest, pageRevision: string): string {
  const own = `${marker} ${manifest.package} ${manifest.version} sends the header revision: ${manifest.revision}`;
  return manifest.revision === pageRevision ? own : `${own} (this page documents ${pageRevision})`;
}

function successStatus(operation: OperationObject): number {
  const codes = Object.keys(operation.responses ?? {})
    .map(Number)
    .filter((code) => code >= 200 && code < 300);
  return codes[0] ?? 200;
}

/** What a reader filled in (the Try it panel); the reference pages' samples use placeholders instead. */
export interface FilledValues {
  baseUrl?: string;
  /** Path parameters by name. */
  path?: Record<string, string>;
  /** Query parameters as sent, `company_id` excluded (it comes from `publicKey`). */
  query?: [string, string][];
  /** The request body; undefined sends none. */
  body?: unknown;
  publicKey?: string;
}

/** What the samples need to know of an operation. */
export type SampleOperation = Pick<OperationInfo, 'method' | 'path' | 'tag' | 'operationId' | 'auth'>;

export function buildCodeSamples(
  spec: OpenApiDocument,
  info: SampleOperation,
  revision: string,
  { bodyGaps = SDK_BODY_GAPS, filled }: { bodyGaps?: typeof SDK_BODY_GAPS; filled?: FilledValues } = {},
): CodeSample[] {
  const operation = spec.paths?.[info.path]?.[info.method] as OperationObject;
  const filledQuery = new Map(filled?.query ?? []);
  const parameters = operationParameters(spec, info.path, info.method).map((parameter) => {
    const value = parameter.in === 'path' ? filled?.path?.[parameter.name] : filledQuery.get(parameter.name);
    return value ? { ...parameter, example: value } : parameter;
  });
  const requiredQuery = parameters.filter((p) => p.in === 'query' && p.required && p.name !== 'company_id');
  // Optional query values the reader filled in, typed as the SDKs take them.
  const optionalValues = parameters
    .filter((p) => p.in === 'query' && !p.required && filledQuery.has(p.name))
    .map((p) => ({ name: p.name, value: typedQueryValue(p, filledQuery.get(p.name)!) }));
  const body = filled ? filled.body : requestExample(spec, operation);
  const baseUrl = (filled?.baseUrl ?? spec.servers?.[0]?.url ?? 'https://a.klaviyo.com').replace(/\/$/, '');
  const isPublic = info.auth === 'public' || info.path.startsWith('/client/');

  const urlPath = info.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = filled?.path?.[name];
    return value ? encodeURIComponent(value) : placeholder(name);
  });
  const publicKey = filled?.publicKey || PUBLIC_KEY_PLACEHOLDER;
  const query: [string, string][] = [
    ...(isPublic ? [['company_id', publicKey] as [string, string]] : []),
    ...(filled?.query ?? requiredQuery.map((p): [string, string] => [p.name, placeholder(p.name)])),
  ];
  const queryString = query
    .map(([name, value]) => `${encodeURIComponent(name)}=${filled ? encodeURIComponent(value) : value}`)
    .join('&');
  const url = `${baseUrl}${urlPath}${queryString ? `?${queryString}` : ''}`;

  const curlLines = [`curl --request ${info.method.toUpperCase()} \\`, `  --url '${url.replace(/'/g, "'\\''")}' \\`];
  if (info.auth === 'private')
    curlLines.push(`  --header 'Authorization: Klaviyo-API-Key ${PRIVATE_KEY_PLACEHOLDER}' \\`);
  curlLines.push(`  --header 'accept: application/vnd.api+json' \\`, `  --header 'revision: ${revision}'`);
  if (body !== undefined) {
    curlLines[curlLines.length - 1] += ' \\';
    curlLines.push(`  --header 'content-type: application/vnd.api+json' \\`);
    curlLines.push(`  --data '${JSON.stringify(body, null, 2).replace(/'/g, "'\\''")}'`);
  }
  const curl: CodeSample = { language: 'curl', label: 'curl', highlight: 'bash', code: curlLines.join('\n') };

  if (isPublic) {
    const request: ClientRequest = {
      method: info.method,
      url: `${baseUrl}${urlPath}`,
      query,
      revision,
      body,
      successStatus: successStatus(operation),
    };
    const klaviyoJs = klaviyoJsSample(info.operationId, body);
    return [
      curl,
      { language: 'browser', label: 'Browser (fetch)', highlight: 'js', code: browserFetchSample(request) },
      ...(klaviyoJs
        ? [{ language: 'klaviyo-js', label: 'klaviyo.js', highlight: 'js', code: klaviyoJs } as CodeSample]
        : []),
      { language: 'python', label: 'Python (requests)', highlight: 'python', code: pythonRequestsSample(request) },
    ];
  }

  const samples: CodeSample[] = [curl];
  if (sdkBodyGap(info.operationId, body, bodyGaps)) return samples;
  const bodySchema = (() => {
    const requestBody = resolveRef<{ content?: Record<string, { schema?: unknown }> }>(spec, operation.requestBody);
    return Object.values(requestBody?.content ?? {})[0]?.schema;
  })();
  const argumentList = (
    call: SdkCall,
    bodyLiteral: () => string,
    stringLiteral: (value: string) => string,
    options: (entries: [string, unknown][]) => string[] = () => [],
  ) =>
    [
      ...call.args.map((arg) => (arg.kind === 'body' ? bodyLiteral() : stringLiteral(arg.value))),
      ...(call.options.length > 0 ? options(call.options) : []),
    ].join(', ');
  // How each SDK takes optional arguments: keywords (Python), named arguments (PHP), a trailing
  // options object (Node) or opts hash with symbol keys (Ruby).
  const keywordOptions = (language: 'python' | 'php', separator: string) => (entries: [string, unknown][]) =>
    entries.map(([name, value]) => `${name}${separator}${toLiteral(value, language)}`);
  const objectOption = (entries: [string, unknown][]) => [toLiteral(Object.fromEntries(entries), 'node')];
  const hashOption = (entries: [string, unknown][]) => [
    `{ ${entries.map(([name, value]) => `${name}: ${toLiteral(value, 'ruby')}`).join(', ')} }`,
  ];

  const python = sdkCall('python', info, parameters, body !== undefined, optionalValues);
  if (python) {
    const args = argumentList(
      python,
      () => toLiteral(body, 'python'),
      LITERALS.python.string,
      keywordOptions('python', '='),
    );
    samples.push({
      language: 'python',
      label: 'Python',
      highlight: 'python',
      code: [
        'from klaviyo_api import KlaviyoAPI',
        '',
        `klaviyo = KlaviyoAPI("${PRIVATE_KEY_PLACEHOLDER}", max_delay=60, max_retries=3)`,
        revisionComment('#', python.manifest, revision),
        `response = klaviyo.${python.method.namespace}.${python.method.name}(${args})`,
      ].join('\n'),
    });
  }

  const node = sdkCall('node', info, parameters, body !== undefined, optionalValues);
  if (node) {
    const variable = camelCase(node.method.namespace);
    const args = argumentList(
      node,
      () => nodeLiteral(body, bodySchema, (schema) => resolveRef(spec, schema)),
      LITERALS.node.string,
      objectOption,
    );
    samples.push({
      language: 'node',
      label: 'Node',
      highlight: 'js',
      code: [
        `import { ApiKeySession, ${node.method.namespace} } from 'klaviyo-api';`,
        '',
        `const session = new ApiKeySession('${PRIVATE_KEY_PLACEHOLDER}');`,
        `const ${variable} = new ${node.method.namespace}(session);`,
        revisionComment('//', node.manifest, revision),
        `const { body } = await ${variable}.${node.method.name}(${args});`,
      ].join('\n'),
    });
  }

  const php = sdkCall('php', info, parameters, body !== undefined, optionalValues);
  if (php) {
    samples.push({
      language: 'php',
      label: 'PHP',
      highlight: 'php',
      code: [
        '<?php',
        'use KlaviyoAPI\\KlaviyoAPI;',
        '',
        `$klaviyo = new KlaviyoAPI('${PRIVATE_KEY_PLACEHOLDER}', num_retries: 3);`,
        revisionComment('//', php.manifest, revision),
        `$response = $klaviyo->${php.method.namespace}->${php.method.name}(${argumentList(php, () => toLiteral(body, 'php'), LITERALS.php.string, keywordOptions('php', ': '))});`,
      ].join('\n'),
    });
  }

  const ruby = sdkCall('ruby', info, parameters, body !== undefined, optionalValues);
  if (ruby) {
    samples.push({
      language: 'ruby',
      label: 'Ruby',
      highlight: 'ruby',
      code: [
        "require 'klaviyo-api-sdk'",
        '',
        'KlaviyoAPI.configure do |config|',
        `  config.api_key['Klaviyo-API-Key'] = 'Klaviyo-API-Key ${PRIVATE_KEY_PLACEHOLDER}'`,
        '  config.max_retries = 3',
        'end',
        '',
        revisionComment('#', ruby.manifest, revision),
        `response = KlaviyoAPI::${ruby.method.namespace}.${ruby.method.name}(${argumentList(ruby, () => toLiteral(body, 'ruby'), LITERALS.ruby.string, hashOption)})`,
      ].join('\n'),
    });
  }
  return samples;
}
