import type { RevisionModel } from '../spec/index';
import type { OperationInfo, TagGroup } from '../spec/operations';
import type { OpenApiDocument, OperationObject } from '../spec/types';
import { buildCodeSamples, PRIVATE_KEY_PLACEHOLDER, PUBLIC_KEY_PLACEHOLDER } from '../samples/code-samples';
import {
  firstMedia,
  isRecord,
  mediaExample,
  mergedSchema,
  operationParameters,
  refName,
  resolveRef,
  schemaType,
  schemaVariants,
  typeLabel,
} from '../openapi';
import { absolutizeLinks, oneLine, tableCell } from './common';
import { markdownTwinPath, postmanPaths, specDownloadPaths } from './paths';
import { operationUrl, tagUrl } from '../routes';

/** Limits that keep the twin of an operation of a 3 MB spec readable (and its build fast). */
const MAX_DEPTH = 7;
const MAX_SCHEMA_LINES = 400;
const MAX_ENUM_VALUES = 25;
const MAX_EXAMPLE_CHARS = 6000;

export interface MarkdownOptions {
  /** Absolute URL of the portal root, with its baseUrl and no trailing slash. */
  siteUrl: string;
}

/** The operation's parameters as the twin shows them: path parameters are always required. */
function parameterRows(spec: OpenApiDocument, info: OperationInfo) {
  return operationParameters(spec, info.path, info.method).map((parameter) => ({
    ...parameter,
    required: parameter.required === true || parameter.in === 'path',
    description: typeof parameter.description === 'string' ? parameter.description : '',
    deprecated: parameter.deprecated === true,
  }));
}

function inlineValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `\`${(text ?? '').replace(/`/g, "'")}\``;
}

/** Allowed values, default, example and flags of a schema, as short sentences. */
function schemaNotes(spec: OpenApiDocument, node: unknown, example?: unknown): string[] {
  const schema = mergedSchema(spec, node);
  const items = schema.items ? mergedSchema(spec, schema.items) : undefined;
  const values = Array.isArray(schema.enum) ? schema.enum : Array.isArray(items?.enum) ? items.enum : undefined;
  const notes: string[] = [];
  if (values && values.length > 0) {
    const shown = values.slice(0, MAX_ENUM_VALUES).map(inlineValue).join(', ');
    notes.push(`Allowed values: ${shown}${values.length > MAX_ENUM_VALUES ? `, … (${values.length} in all)` : ''}.`);
  }
  if (schema.default !== undefined) notes.push(`Default: ${inlineValue(schema.default)}.`);
  const shownExample = example ?? schema.example;
  if (shownExample !== undefined && JSON.stringify(shownExample).length <= 80) {
    notes.push(`Example: ${inlineValue(shownExample)}.`);
  }
  if (schema.readOnly === true) notes.push('Read-only.');
  if (schema.deprecated === true) notes.push('Deprecated.');
  return notes;
}

function describe(description: unknown, notes: string[]): string {
  return [typeof description === 'string' ? oneLine(description) : '', ...notes].filter(Boolean).join(' ');
}

interface Walk {
  spec: OpenApiDocument;
  lines: string[];
  truncated: boolean;
}

function push(walk: Walk, line: string): boolean {
  if (walk.lines.length >= MAX_SCHEMA_LINES) {
    walk.truncated = true;
    return false;
  }
  walk.lines.push(line);
  return true;
}

/** The fields of `node` as a nested Markdown list, following refs and stopping at cycles. */
function fieldLines(walk: Walk, node: unknown, depth: number, stack: readonly string[]): void {
  if (depth > MAX_DEPTH || walk.truncated) return;
  const name = refName(node);
  if (name && stack.includes(name)) return;
  const nextStack = name ? [...stack, name] : stack;
  const schema = mergedSchema(walk.spec, node);
  const indent = '  '.repeat(depth);

  const variants = schemaVariants(schema);
  if (variants.length > 0) {
    variants.forEach((variant, index) => {
      const variantSchema = mergedSchema(walk.spec, variant);
      const title = typeof variantSchema.title === 'string' ? ` ${variantSchema.title}` : '';
      if (!push(walk, `${indent}- Option ${index + 1}${title}: ${typeLabel(walk.spec, variant)}`)) return;
      fieldLines(walk, variant, depth + 1, nextStack);
    });
    return;
  }
  if (schemaType(schema).type === 'array' && schema.items) {
    fieldLines(walk, schema.items, depth, nextStack);
    return;
  }
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  for (const [property, child] of Object.entries((schema.properties as Record<string, unknown>) ?? {})) {
    const childSchema = mergedSchema(walk.spec, child);
    const flags = [typeLabel(walk.spec, child), ...(required.has(property) ? ['required'] : [])].join(', ');
    const text = describe(childSchema.description, schemaNotes(walk.spec, child));
    const recursive = refName(child) && nextStack.includes(refName(child)!) ? ' (recursive: same shape as above)' : '';
    if (!push(walk, `${indent}- \`${property}\` (${flags})${text ? `: ${text}` : ''}${recursive}`)) return;
    fieldLines(walk, child, depth + 1, nextStack);
  }
  if (isRecord(schema.additionalProperties)) {
    const child = schema.additionalProperties;
    const text = describe(mergedSchema(walk.spec, child).description, []);
    if (!push(walk, `${indent}- any other key (${typeLabel(walk.spec, child)})${text ? `: ${text}` : ''}`)) return;
    fieldLines(walk, child, depth + 1, nextStack);
  }
}

/** A schema as a readable nested list (empty when the schema has no fields to show). */
export function schemaMarkdown(spec: OpenApiDocument, node: unknown, fullSpecUrl: string): string {
  const walk: Walk = { spec, lines: [], truncated: false };
  fieldLines(walk, node, 0, []);
  if (walk.truncated) walk.lines.push(`- … (shortened; the full schema is in the [OpenAPI spec](${fullSpecUrl}))`);
  return walk.lines.join('\n');
}

function jsonBlock(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = JSON.stringify(value, null, 2);
  return text.length <= MAX_EXAMPLE_CHARS ? `\`\`\`json\n${text}\n\`\`\`` : undefined;
}

const AUTH_TEXT = {
  private: `Private API key in the header \`Authorization: Klaviyo-API-Key ${PRIVATE_KEY_PLACEHOLDER}\`. Server-side only.`,
  public: `Public API key in the query parameter \`company_id=${PUBLIC_KEY_PLACEHOLDER}\`. No Authorization header; safe in browsers and apps.`,
  none: 'None.',
} as const;

/** The Markdown twin of one operation page. */
export function operationMarkdown(revision: RevisionModel, info: OperationInfo, { siteUrl }: MarkdownOptions): string {
  const { spec } = revision;
  const operation = (spec.paths?.[info.path]?.[info.method] ?? {}) as OperationObject;
  const server = (spec.servers?.[0]?.url ?? '').replace(/\/$/, '');
  const pageUrl = `${siteUrl}${operationUrl(revision.basePath, info.operationId)}`;
  const fullSpecUrl = `${siteUrl}${specDownloadPaths(revision.revision).json}`;
  const method = info.method.toUpperCase();
  const sections: string[] = [];

  sections.push(`# ${info.summary}`);
  sections.push(`\`${method} ${info.path}\``);
  if (info.deprecated)
    sections.push('> **Deprecated.** This operation still works but will be removed in a later revision.');
  if (operation.description) sections.push(operation.description.trim());

  const tag = revision.tags.find((group) => group.name === info.tag);
  const facts = [
    `- **Method:** \`${method}\``,
    `- **Path:** \`${info.path}\``,
    ...(server ? [`- **URL:** \`${server}${info.path}\``] : []),
    `- **Authentication:** ${AUTH_TEXT[info.auth]}`,
    `- **Revision header:** \`revision: ${revision.revision}\`${revision.isLatest ? ' (latest revision)' : ''}`,
    `- **Rate limits:** ${
      info.rateLimit
        ? `burst \`${info.rateLimit.burst ?? 'n/a'}\`, steady \`${info.rateLimit.steady ?? 'n/a'}\``
        : 'not documented'
    }`,
    `- **Scopes:** ${info.scopes.length > 0 ? info.scopes.map((scope) => `\`${scope}\``).join(', ') : 'none'}`,
    `- **Operation ID:** \`${info.operationId}\``,
    `- **Tag:** ${tag ? `[${tag.name}](${siteUrl}${tagUrl(revision.basePath, tag.slug)})` : info.tag}`,
    `- **Reference page:** ${pageUrl}`,
  ];
  sections.push(facts.join('\n'));

  const parameters = parameterRows(spec, info);
  sections.push('## Parameters');
  if (parameters.length === 0) {
    sections.push('This operation takes no parameters.');
  } else {
    const rows = parameters.map((parameter) => {
      const notes = schemaNotes(spec, parameter.schema, parameter.example);
      if (parameter.deprecated) notes.push('Deprecated.');
      return `| \`${tableCell(parameter.name)}\` | ${parameter.in} | ${tableCell(typeLabel(spec, parameter.schema))} | ${
        parameter.required ? 'yes' : 'no'
      } | ${tableCell(describe(parameter.description, notes))} |`;
    });
    sections.push(
      ['| Name | In | Type | Required | Description |', '| --- | --- | --- | --- | --- |', ...rows].join('\n'),
    );
  }

  const requestBody = resolveRef(spec, operation.requestBody);
  const requestMedia = firstMedia(spec, operation.requestBody);
  if (requestBody && requestMedia) {
    sections.push('## Request body');
    sections.push(
      `${requestBody.required === true ? 'Required' : 'Optional'}. Content type: \`${requestMedia[0]}\`.${
        typeof requestBody.description === 'string' ? ` ${oneLine(requestBody.description)}` : ''
      }`,
    );
    const fields = schemaMarkdown(spec, requestMedia[1].schema, fullSpecUrl);
    if (fields) sections.push(fields);
    const example = jsonBlock(mediaExample(spec, requestMedia[1]));
    if (example) sections.push(`Example:\n\n${example}`);
  }

  const responses = Object.entries(operation.responses ?? {});
  if (responses.length > 0) {
    sections.push('## Responses');
    sections.push(
      [
        '| Status | Description |',
        '| --- | --- |',
        ...responses.map(([status, response]) => {
          const description = resolveRef(spec, response)?.description;
          return `| \`${status}\` | ${tableCell(typeof description === 'string' ? description : '')} |`;
        }),
      ].join('\n'),
    );
    let errorShown = false;
    for (const [status, response] of responses) {
      const media = firstMedia(spec, response);
      const success = /^2/.test(status);
      if (!media || (!success && errorShown)) continue;
      const fields = schemaMarkdown(spec, media[1].schema, fullSpecUrl);
      if (!fields) continue;
      if (success) {
        sections.push(`### ${status} response body`, `Content type: \`${media[0]}\`.`, fields);
        const example = jsonBlock(mediaExample(spec, media[1]));
        if (example) sections.push(`Example:\n\n${example}`);
      } else {
        errorShown = true;
        sections.push('### Error response body', `Error responses (such as \`${status}\`) share this body:`, fields);
      }
    }
  }

  const curl = buildCodeSamples(spec, info, revision.revision).find((sample) => sample.language === 'curl');
  if (curl) sections.push('## Example request', `\`\`\`bash\n${curl.code}\n\`\`\``);

  return `${absolutizeLinks(sections.join('\n\n'), siteUrl)}\n`;
}

function operationLine(revision: RevisionModel, operation: OperationInfo, siteUrl: string): string {
  const link = `${siteUrl}${markdownTwinPath(operationUrl(revision.basePath, operation.operationId))}`;
  const deprecated = operation.deprecated ? ' (deprecated)' : '';
  return `| \`${operation.method.toUpperCase()}\` | \`${tableCell(operation.path)}\` | [${tableCell(operation.summary)}](${link})${deprecated} | ${tableCell(operation.firstSentence)} |`;
}

/** The Markdown twin of a tag page: the tag's description and a table of its operations. */
export function tagMarkdown(revision: RevisionModel, tag: TagGroup, { siteUrl }: MarkdownOptions): string {
  const sections = [
    `# ${tag.name}`,
    `Revision \`${revision.revision}\`${revision.isLatest ? ' (latest)' : ''} · ${tag.operations.length} operations · ${siteUrl}${tagUrl(revision.basePath, tag.slug)}`,
    ...(tag.description ? [tag.description.trim()] : []),
    [
      '| Method | Path | Operation | Summary |',
      '| --- | --- | --- | --- |',
      ...tag.operations.map((operation) => operationLine(revision, operation, siteUrl)),
    ].join('\n'),
  ];
  return `${absolutizeLinks(sections.join('\n\n'), siteUrl)}\n`;
}

/** The Markdown twin of a revision's reference landing page. */
export function landingMarkdown(
  model: { revisions: RevisionModel[] },
  revision: RevisionModel,
  { siteUrl }: MarkdownOptions,
): string {
  const server = (revision.spec.servers?.[0]?.url ?? '').replace(/\/$/, '');
  const specs = specDownloadPaths(revision.revision);
  const postman = postmanPaths(revision.revision);
  const sections = [
    `# API reference (revision ${revision.revision})`,
    `${revision.operations.length} operations of ${revision.spec.info?.title ?? 'the API'}, revision \`${revision.revision}\`${revision.isLatest ? ' (latest)' : ''}. Page: ${siteUrl}${revision.basePath}`,
    ...(revision.spec.info?.description ? [revision.spec.info.description.trim()] : []),
    '## Base URL and authentication',
    [
      `- Base URL: \`${server}\`; server-side endpoints under \`/api/\`, client-side endpoints under \`/client/\`.`,
      `- \`/api/\`: ${AUTH_TEXT.private}`,
      `- \`/client/\`: ${AUTH_TEXT.public}`,
      `- Every request sends the header \`revision: ${revision.revision}\`.`,
    ].join('\n'),
    '## Downloads',
    [
      `- [OpenAPI spec (JSON)](${siteUrl}${specs.json})`,
      `- [OpenAPI spec (YAML)](${siteUrl}${specs.yaml})`,
      `- [Postman collection](${siteUrl}${postman.collection}) and [Postman environment](${siteUrl}${postman.environment})`,
    ].join('\n'),
    '## Revisions',
    model.revisions
      .map(
        (other) =>
          `- [${other.revision}](${siteUrl}${markdownTwinPath(other.basePath)})${other.isLatest ? ' (latest)' : ''}`,
      )
      .join('\n'),
    ...revision.tags.flatMap((tag) => [
      `## ${tag.name}`,
      [
        '| Method | Path | Operation | Summary |',
        '| --- | --- | --- | --- |',
        ...tag.operations.map((operation) => operationLine(revision, operation, siteUrl)),
      ].join('\n'),
    ]),
  ];
  return `${absolutizeLinks(sections.join('\n\n'), siteUrl)}\n`;
}
