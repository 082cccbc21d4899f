import type { ReferenceModel } from '../spec/index';
import { PRIVATE_KEY_PLACEHOLDER, PUBLIC_KEY_PLACEHOLDER } from '../samples/code-samples';
import { oneLine } from './common';
import { markdownTwinPath, postmanPaths, specDownloadPaths } from './paths';
import type { ProsePage } from './prose';
import { operationUrl, tagUrl } from '../routes';

export interface LlmsInput {
  siteTitle: string;
  tagline: string;
  /** Absolute URL of the portal root, with its baseUrl and no trailing slash. */
  siteUrl: string;
  model: ReferenceModel;
  /** Doc pages (in sidebar order) and blog posts. */
  pages: ProsePage[];
}

const SECTION_ORDER = ['Overview', 'Guides', 'SDKs', 'Community'];
const TOP_LEVEL_SECTIONS: Record<string, string> = { 'api-overview': 'Overview', sdks: 'SDKs' };

/** Which llms.txt section a doc belongs in: its folder (`guides/`, `community/`), or a few named top-level pages. */
export function docSection(page: ProsePage): string {
  const segments = page.path
    .replace(/^\/docs\/?/, '')
    .split('/')
    .filter(Boolean);
  if (segments.length > 1) {
    const folder = segments[0]!;
    return folder === 'sdks' ? 'SDKs' : folder.charAt(0).toUpperCase() + folder.slice(1).replace(/-/g, ' ');
  }
  return TOP_LEVEL_SECTIONS[segments[0] ?? ''] ?? 'Guides';
}

function link(title: string, url: string, description: string): string {
  const text = oneLine(description);
  return `- [${title.replace(/[[\]]/g, '')}](${url})${text ? `: ${text}` : ''}`;
}

function docSections(pages: ProsePage[]): [string, ProsePage[]][] {
  const sections = new Map<string, ProsePage[]>();
  for (const page of pages.filter((candidate) => candidate.kind === 'doc')) {
    const name = docSection(page);
    sections.set(name, [...(sections.get(name) ?? []), page]);
  }
  const rank = (name: string) => (SECTION_ORDER.includes(name) ? SECTION_ORDER.indexOf(name) : SECTION_ORDER.length);
  return [...sections.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

function summary({ siteTitle, tagline, model }: LlmsInput): string[] {
  const latest = model.revisions.find((revision) => revision.isLatest) ?? model.revisions[0]!;
  const server = (latest.spec.servers?.[0]?.url ?? '').replace(/\/$/, '');
  return [
    `# ${siteTitle}`,
    `> ${tagline}. Guides, SDK documentation and a reference for all ${latest.operations.length} operations of the REST API at ${server} (latest revision ${latest.revision}), each linked below as plain Markdown.`,
    `Server-side endpoints live under \`/api/\` and take a private key (\`Authorization: Klaviyo-API-Key ${PRIVATE_KEY_PLACEHOLDER}\`); client-side endpoints live under \`/client/\` and take the public key as \`company_id=${PUBLIC_KEY_PLACEHOLDER}\`. Every request names its revision in the \`revision\` header (for example \`revision: ${latest.revision}\`). Bodies follow JSON:API with the media type \`application/vnd.api+json\`.`,
  ];
}

/** `llms.txt`: a title, a one-paragraph summary, then sections of links (all to Markdown twins). */
export function buildLlmsTxt(input: LlmsInput): string {
  const { siteUrl, model, pages } = input;
  const lines: string[] = [...summary(input)];
  for (const [name, sectionPages] of docSections(pages)) {
    lines.push(
      `## ${name}`,
      sectionPages
        .map((page) => link(page.title, `${siteUrl}${markdownTwinPath(page.path)}`, page.description))
        .join('\n'),
    );
  }

  const latest = model.revisions.find((revision) => revision.isLatest) ?? model.revisions[0]!;
  const reference: string[] = [
    link(
      `API reference (revision ${latest.revision})`,
      `${siteUrl}${markdownTwinPath(latest.basePath)}`,
      'Base URL, authentication, downloads and every operation grouped by resource.',
    ),
  ];
  for (const tag of latest.tags) {
    reference.push(
      link(
        `${tag.name} resource`,
        `${siteUrl}${markdownTwinPath(tagUrl(latest.basePath, tag.slug))}`,
        tag.description.split(/(?<=[.!?])\s/)[0] ?? '',
      ),
    );
    for (const operation of tag.operations) {
      reference.push(
        link(
          operation.summary,
          `${siteUrl}${markdownTwinPath(operationUrl(latest.basePath, operation.operationId))}`,
          `\`${operation.method.toUpperCase()} ${operation.path}\`${operation.deprecated ? ' (deprecated)' : ''}. ${operation.firstSentence}`,
        ),
      );
    }
  }
  lines.push('## API reference', reference.join('\n'));

  const specs = specDownloadPaths(latest.revision);
  const postman = postmanPaths(latest.revision);
  lines.push(
    '## Downloads',
    [
      link('OpenAPI spec, JSON', `${siteUrl}${specs.json}`, `The bundled spec of revision ${latest.revision}.`),
      link('OpenAPI spec, YAML', `${siteUrl}${specs.yaml}`, `The same spec as YAML.`),
      link('Postman collection', `${siteUrl}${postman.collection}`, 'One request per operation, grouped by resource.'),
      link('Postman environment', `${siteUrl}${postman.environment}`, 'Sets the base URL for the collection.'),
    ].join('\n'),
  );

  const optional = [
    ...pages
      .filter((page) => page.kind === 'blog')
      .map((page) => link(page.title, `${siteUrl}${markdownTwinPath(page.path)}`, page.description)),
    ...model.revisions
      .filter((revision) => !revision.isLatest)
      .flatMap((revision) => [
        link(
          `API reference (revision ${revision.revision})`,
          `${siteUrl}${markdownTwinPath(revision.basePath)}`,
          'An older revision, still supported; its operations are linked from this page.',
        ),
        link(
          `OpenAPI spec, revision ${revision.revision}`,
          `${siteUrl}${specDownloadPaths(revision.revision).json}`,
          '',
        ),
      ]),
  ];
  if (optional.length > 0) lines.push('## Optional', optional.join('\n'));
  return `${lines.join('\n\n')}\n`;
}

/** `llms-full.txt`: the same summary, then every prose page (docs, then blog posts) in full. */
export function buildLlmsFullTxt(input: LlmsInput, twins: ReadonlyMap<string, string>): string {
  const ordered = [
    ...docSections(input.pages).flatMap(([, pages]) => pages),
    ...input.pages.filter((page) => page.kind === 'blog'),
  ];
  const bodies = ordered.map((page) => twins.get(page.path)?.trim()).filter((body): body is string => Boolean(body));
  return `${[summary(input).join('\n\n'), ...bodies].join('\n\n---\n\n')}\n`;
}
