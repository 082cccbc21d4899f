/**
 * Samples for `/client/` operations. The server-side SDKs have no methods for them (browsers and
 * apps send them, with the public key), so these show a browser `fetch`, the klaviyo.js call that
 * does the same job where klaviyo.js has one, and Python `requests` for scripts and notebooks.
 */

export interface ClientRequest {
  method: string;
  /** URL without query string. */
  url: string;
  query: [string, string][];
  revision: string;
  body: unknown;
  /** The status a success answers with, e.g. 202. */
  successStatus: number;
}

function indentBlock(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? line : `${prefix}${line}`))
    .join('\n');
}

function jsonLiteral(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

export function browserFetchSample(request: ClientRequest): string {
  const url = `${request.url}?${request.query.map(([name, value]) => `${name}=${value}`).join('&')}`;
  const hasBody = request.body !== undefined;
  const lines = [
    `const response = await fetch('${url}', {`,
    `  method: '${request.method.toUpperCase()}',`,
    '  headers: {',
    ...(hasBody ? ["    'content-type': 'application/vnd.api+json',"] : []),
    `    revision: '${request.revision}',`,
    '  },',
    ...(hasBody ? [`  body: JSON.stringify(${indentBlock(jsonLiteral(request.body), '  ')}),`] : []),
    '});',
    'if (!response.ok) {',
    '  throw new Error(`Klaviyo answered ${response.status}: ${await response.text()}`);',
    '}',
  ];
  if (request.successStatus === 202) {
    lines.push(`// ${request.successStatus} Accepted: the request is queued; the body is empty.`);
  } else {
    lines.push(
      `// ${request.successStatus}: the body is a JSON:API document.`,
      'const document = await response.json();',
    );
  }
  return lines.join('\n');
}

export function pythonRequestsSample(request: ClientRequest): string {
  const params = request.query.map(([name, value]) => `${JSON.stringify(name)}: ${JSON.stringify(value)}`).join(', ');
  const hasBody = request.body !== undefined;
  const headers = [
    ...(hasBody ? ['"content-type": "application/vnd.api+json"'] : []),
    `"revision": "${request.revision}"`,
  ].join(', ');
  const body = hasBody ? [`    json=${indentBlock(pythonLiteral(request.body), '    ')},`] : [];
  return [
    'import requests',
    '',
    `response = requests.${request.method.toLowerCase()}(`,
    `    "${request.url}",`,
    `    params={${params}},`,
    `    headers={${headers}},`,
    ...body,
    ')',
    'response.raise_for_status()',
    request.successStatus === 202
      ? `# ${request.successStatus} Accepted: the request is queued; the body is empty.`
      : 'document = response.json()',
  ].join('\n');
}

function pythonLiteral(value: unknown): string {
  return JSON.stringify(value, null, 4)
    .replace(/: true\b/g, ': True')
    .replace(/: false\b/g, ': False')
    .replace(/: null\b/g, ': None');
}

type Json = Record<string, unknown>;

function at(value: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>(
    (current, key) => (current && typeof current === 'object' ? (current as Json)[key] : undefined),
    value,
  );
}

/**
 * The klaviyo.js call for a client operation, from its example body, or undefined when klaviyo.js
 * has no call for it. klaviyo.js acts for the visitor it has identified (its cookie), so the
 * profile part of an event is not repeated.
 */
export function klaviyoJsSample(operationId: string, body: unknown): string | undefined {
  const loader =
    '// On a page that loads klaviyo.js: https://static.klaviyo.com/onsite/js/YOUR_PUBLIC_API_KEY/klaviyo.js';
  if (operationId === 'create_client_event') {
    const name = at(body, 'data', 'attributes', 'metric', 'data', 'attributes', 'name');
    const properties = at(body, 'data', 'attributes', 'properties') ?? {};
    if (typeof name !== 'string') return undefined;
    return [loader, `klaviyo.track(${JSON.stringify(name)}, ${jsonLiteral(properties)});`].join('\n');
  }
  if (operationId === 'create_client_profile') {
    const attributes = (at(body, 'data', 'attributes') ?? {}) as Json;
    const { properties, location: _location, ...standard } = attributes;
    const identity = Object.fromEntries(
      Object.entries({ ...standard, ...((properties as Json | undefined) ?? {}) }).filter(
        ([, value]) => value === null || typeof value !== 'object',
      ),
    );
    return [loader, `klaviyo.identify(${jsonLiteral(identity)});`].join('\n');
  }
  return undefined;
}

/** The two klaviyo.js calls the portal shows; klaviyo.js is a browser script and ships no TypeScript types. */
export const KLAVIYO_JS_DECLARATION = `declare const klaviyo: {
  track(event: string, properties?: Record<string, unknown>): Promise<unknown>;
  identify(properties: Record<string, unknown>): Promise<unknown>;
};
`;
