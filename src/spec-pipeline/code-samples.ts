import type { OpenApiDocument, OperationObject } from './types';
import type { OperationInfo } from './operations';

/**
 * Code samples derived from the spec. SDK naming convention (documented on /docs/sdks):
 *   Python  klaviyo.<Tag>.<operation_id>(...)
 *   Node    new <Tag>Api(session).<operationIdCamel>(...)
 *   PHP     $klaviyo-><Tag>-><operationIdCamel>(...)
 *   Ruby    KlaviyoAPI::<Tag>.<operation_id>(...)
 * where <Tag> is the operation's first tag in PascalCase. Client endpoints (public key) add a
 * browser `fetch` call, since they are meant to be called from web pages.
 */
export interface CodeSample {
  language: 'curl' | 'python' | 'node' | 'php' | 'ruby' | 'fetch';
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

function resolveRef<T>(spec: OpenApiDocument, node: unknown): T | undefined {
  let current = node;
  for (let hops = 0; hops < 10 && current && typeof current === 'object' && '$ref' in current; hops++) {
    const ref = String((current as { $ref: unknown }).$ref);
    current = ref
      .replace(/^#\//, '')
      .split('/')
      .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>(
        (acc, key) => (acc && typeof acc === 'object' ? (acc as Record<string, unknown>)[key] : undefined),
        spec,
      );
  }
  return current as T | undefined;
}

interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  example?: unknown;
  schema?: { example?: unknown; default?: unknown; enum?: unknown[] };
}

interface MediaTypeObject {
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
  schema?: { example?: unknown };
}

export function requestExample(spec: OpenApiDocument, operation: OperationObject): unknown {
  const body = resolveRef<{ content?: Record<string, MediaTypeObject> }>(spec, operation.requestBody);
  const media = Object.values(body?.content ?? {})[0];
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const firstExample = Object.values(media.examples ?? {})[0];
  if (firstExample) return resolveRef<{ value?: unknown }>(spec, firstExample)?.value;
  return resolveRef<{ example?: unknown }>(spec, media.schema)?.example;
}

function parametersOf(spec: OpenApiDocument, info: OperationInfo): ParameterObject[] {
  const pathItem = spec.paths?.[info.path] ?? {};
  const operation = pathItem[info.method] as OperationObject;
  return [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]
    .map((parameter) => resolveRef<ParameterObject>(spec, parameter))
    .filter((parameter): parameter is ParameterObject => Boolean(parameter?.name));
}

function placeholder(name: string): string {
  return `${name.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase()}`;
}

export function buildCodeSamples(spec: OpenApiDocument, info: OperationInfo, revision: string): CodeSample[] {
  const operation = spec.paths?.[info.path]?.[info.method] as OperationObject;
  const parameters = parametersOf(spec, info);
  const pathParameters = parameters.filter((p) => p.in === 'path');
  const requiredQuery = parameters.filter((p) => p.in === 'query' && p.required && p.name !== 'company_id');
  const body = requestExample(spec, operation);
  const baseUrl = (spec.servers?.[0]?.url ?? 'https://a.klaviyo.com').replace(/\/$/, '');
  const isPublic = info.auth === 'public';

  const urlPath = info.path.replace(/\{([^}]+)\}/g, (_, name: string) => placeholder(name));
  const query = [
    ...(isPublic ? [`company_id=${PUBLIC_KEY_PLACEHOLDER}`] : []),
    ...requiredQuery.map((p) => `${encodeURIComponent(p.name)}=${placeholder(p.name)}`),
  ];
  const url = `${baseUrl}${urlPath}${query.length ? `?${query.join('&')}` : ''}`;

  const curlLines = [`curl --request ${info.method.toUpperCase()} \\`, `  --url '${url}' \\`];
  if (info.auth === 'private')
    curlLines.push(`  --header 'Authorization: Klaviyo-API-Key ${PRIVATE_KEY_PLACEHOLDER}' \\`);
  curlLines.push(`  --header 'accept: application/vnd.api+json' \\`, `  --header 'revision: ${revision}'`);
  if (body !== undefined) {
    curlLines[curlLines.length - 1] += ' \\';
    curlLines.push(`  --header 'content-type: application/vnd.api+json' \\`);
    curlLines.push(`  --data '${JSON.stringify(body, null, 2).replace(/'/g, "'\\''")}'`);
  }

  const namespace = pascalCase(info.tag);
  const snake = info.operationId;
  const camel = camelCase(info.operationId);
  const args = (language: keyof typeof LITERALS) => [
    ...pathParameters.map((p) => LITERALS[language].string(placeholder(p.name))),
    ...(body !== undefined ? [toLiteral(body, language)] : []),
  ];

  const pythonArgs = args('python');
  const python = [
    'from klaviyo_api import KlaviyoAPI',
    '',
    isPublic
      ? `klaviyo = KlaviyoAPI(max_delay=60, max_retries=3)`
      : `klaviyo = KlaviyoAPI("${PRIVATE_KEY_PLACEHOLDER}", max_delay=60, max_retries=3)`,
    `# Every call sends the header revision: ${revision}`,
    `response = klaviyo.${namespace}.${snake}(${[...pythonArgs, ...(isPublic ? [`company_id="${PUBLIC_KEY_PLACEHOLDER}"`] : [])].join(', ')})`,
  ].join('\n');

  const nodeArgs = args('node');
  const node = [
    `import { ApiKeySession, ${namespace}Api } from 'klaviyo-api';`,
    '',
    `const session = new ApiKeySession('${isPublic ? PUBLIC_KEY_PLACEHOLDER : PRIVATE_KEY_PLACEHOLDER}');`,
    `const ${camelCase(info.tag)}Api = new ${namespace}Api(session);`,
    `// Every call sends the header revision: ${revision}`,
    `const response = await ${camelCase(info.tag)}Api.${camel}(${nodeArgs.join(', ')});`,
  ].join('\n');

  const php = [
    '<?php',
    'use KlaviyoAPI\\KlaviyoAPI;',
    '',
    `$klaviyo = new KlaviyoAPI('${isPublic ? PUBLIC_KEY_PLACEHOLDER : PRIVATE_KEY_PLACEHOLDER}', num_retries: 3, wait_seconds: 3);`,
    `// Every call sends the header revision: ${revision}`,
    `$response = $klaviyo->${namespace}->${camel}(${args('php').join(', ')});`,
  ].join('\n');

  const ruby = [
    "require 'klaviyo-api-sdk'",
    '',
    'KlaviyoAPI.configure do |config|',
    `  config.api_key['Klaviyo-API-Key'] = 'Klaviyo-API-Key ${isPublic ? PUBLIC_KEY_PLACEHOLDER : PRIVATE_KEY_PLACEHOLDER}'`,
    '  config.max_retries = 3',
    'end',
    '',
    `# Every call sends the header revision: ${revision}`,
    `response = KlaviyoAPI::${namespace}.${snake}(${args('ruby').join(', ')})`,
  ].join('\n');

  const fetchHeaders = [
    `    accept: 'application/vnd.api+json',`,
    ...(body !== undefined ? [`    'content-type': 'application/vnd.api+json',`] : []),
    `    revision: '${revision}',`,
  ];
  const fetchCall = [
    `const response = await fetch('${url}', {`,
    `  method: '${info.method.toUpperCase()}',`,
    '  headers: {',
    ...fetchHeaders,
    '  },',
    ...(body !== undefined ? [`  body: JSON.stringify(${toLiteral(body, 'node', '  ')}),`] : []),
    '});',
  ].join('\n');

  return [
    { language: 'curl', label: 'curl', highlight: 'bash', code: curlLines.join('\n') },
    ...(isPublic ? [{ language: 'fetch' as const, label: 'fetch', highlight: 'js', code: fetchCall }] : []),
    { language: 'python', label: 'Python', highlight: 'python', code: python },
    { language: 'node', label: 'Node', highlight: 'js', code: node },
    { language: 'php', label: 'PHP', highlight: 'php', code: php },
    { language: 'ruby', label: 'Ruby', highlight: 'ruby', code: ruby },
  ];
}
