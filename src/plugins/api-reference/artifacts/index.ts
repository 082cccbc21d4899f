import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { ReferenceModel } from '../spec/index';
import { artifactError, buildArtifact, isRecord } from './common';
import { landingMarkdown, operationMarkdown, tagMarkdown } from './markdown';
import { buildLlmsFullTxt, buildLlmsTxt } from './llms';
import {
  LATEST_ALIAS,
  LLMS_FULL_TXT_PATH,
  LLMS_TXT_PATH,
  markdownTwinPath,
  postmanPaths,
  specDownloadPaths,
} from './paths';
import { buildPostmanArtifacts } from './postman';
import { inlineMdxPartials, proseMarkdown, type ProsePage } from './prose';
import { buildSpecDownloads } from './spec-downloads';
import { operationUrl, tagUrl, withoutBaseUrl } from '../routes';
import type { LoadedContent as DocsLoadedContent } from '@docusaurus/plugin-content-docs';
import type { BlogContent as BlogLoadedContent } from '@docusaurus/plugin-content-blog';

/** Site-root path (`/specs/2026-07-15/openapi.json`) -> file content. */
export type ArtifactFiles = Map<string, string>;

export interface SiteArtifactsInput {
  model: ReferenceModel;
  pages: ProsePage[];
  siteTitle: string;
  tagline: string;
  /** Absolute URL of the portal root, with its baseUrl and no trailing slash. */
  siteUrl: string;
}

/** Spec-derived files depend only on the model: the dev server reuses them when only a doc changed. */
const specArtifactCache = new WeakMap<ReferenceModel, { siteUrl: string; files: Promise<ArtifactFiles> }>();

async function buildSpecArtifacts(model: ReferenceModel, siteUrl: string): Promise<ArtifactFiles> {
  const files: ArtifactFiles = new Map();
  for (const revision of model.revisions) {
    const downloads = buildSpecDownloads(revision);
    const specs = specDownloadPaths(revision.revision);
    files.set(specs.json, downloads.json);
    files.set(specs.yaml, downloads.yaml);
    if (revision.isLatest) {
      const latest = specDownloadPaths(LATEST_ALIAS);
      files.set(latest.json, downloads.json);
      files.set(latest.yaml, downloads.yaml);
    }

    const { collection, environment } = await buildPostmanArtifacts(revision, { siteUrl });
    const postman = postmanPaths(revision.revision);
    files.set(postman.collection, `${JSON.stringify(collection, null, 2)}\n`);
    files.set(postman.environment, `${JSON.stringify(environment, null, 2)}\n`);

    const options = { siteUrl };
    files.set(
      markdownTwinPath(revision.basePath),
      buildArtifact(markdownTwinPath(revision.basePath), () => landingMarkdown(model, revision, options)),
    );
    for (const tag of revision.tags) {
      const twin = markdownTwinPath(tagUrl(revision.basePath, tag.slug));
      files.set(
        twin,
        buildArtifact(twin, () => tagMarkdown(revision, tag, options)),
      );
    }
    for (const operation of revision.operations) {
      const twin = markdownTwinPath(operationUrl(revision.basePath, operation.operationId));
      files.set(
        twin,
        buildArtifact(twin, () => operationMarkdown(revision, operation, options)),
      );
    }
  }
  return files;
}

/**
 * Every downstream artifact, built in memory from the already-loaded model and prose pages:
 * spec downloads, Postman collections and environments, Markdown twins, llms.txt and
 * llms-full.txt. Throws a SpecError naming the first artifact that could not be built.
 */
export async function buildSiteArtifacts(input: SiteArtifactsInput): Promise<ArtifactFiles> {
  let cached = specArtifactCache.get(input.model);
  if (!cached || cached.siteUrl !== input.siteUrl) {
    cached = { siteUrl: input.siteUrl, files: buildSpecArtifacts(input.model, input.siteUrl) };
    specArtifactCache.set(input.model, cached);
  }
  let specFiles: ArtifactFiles;
  try {
    specFiles = await cached.files;
  } catch (error) {
    specArtifactCache.delete(input.model);
    throw error;
  }
  const files: ArtifactFiles = new Map(specFiles);

  const twins = new Map<string, string>();
  for (const page of input.pages) {
    const twinPath = markdownTwinPath(page.path);
    const twin = buildArtifact(twinPath, () => proseMarkdown(page, input.siteUrl));
    twins.set(page.path, twin);
    files.set(twinPath, twin);
  }
  files.set(
    LLMS_TXT_PATH,
    buildArtifact(LLMS_TXT_PATH, () => buildLlmsTxt(input)),
  );
  files.set(
    LLMS_FULL_TXT_PATH,
    buildArtifact(LLMS_FULL_TXT_PATH, () => buildLlmsFullTxt(input, twins)),
  );
  return files;
}

const TEMP_PREFIX = '.artifacts-tmp-';
const OLD_PREFIX = '.artifacts-old-';

/**
 * Replaces `outDir` with exactly `files`: everything is written to a sibling temp folder first,
 * which is then renamed into place. A failure leaves the previous `outDir` as it was.
 */
export function writeArtifactsAtomically(outDir: string, files: ArtifactFiles): void {
  const parent = path.dirname(outDir);
  mkdirSync(parent, { recursive: true });
  // Leftovers of a run that was killed half-way.
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(TEMP_PREFIX) || entry.startsWith(OLD_PREFIX)) {
      rmSync(path.join(parent, entry), { recursive: true, force: true });
    }
  }
  const temp = mkdtempSync(path.join(parent, TEMP_PREFIX));
  let current = '';
  try {
    for (const [sitePath, content] of files) {
      current = sitePath;
      const target = path.join(temp, ...sitePath.split('/').filter(Boolean));
      if (!target.startsWith(temp + path.sep)) throw new Error(`path escapes the output folder: ${sitePath}`);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw artifactError(current || outDir, error);
  }
  const old = `${path.join(parent, OLD_PREFIX)}${process.pid}-${Date.now()}`;
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(temp, outDir);
  rmSync(old, { recursive: true, force: true });
}

/** Doc ids in the order the sidebars show them. */
function sidebarOrder(sidebars: Record<string, readonly unknown[]> | undefined): string[] {
  const ids: string[] = [];
  const visit = (items: readonly unknown[]) => {
    for (const item of items) {
      if (!isRecord(item)) continue;
      if ((item.type === 'doc' || item.type === 'ref') && typeof item.id === 'string') ids.push(item.id);
      if (isRecord(item.link) && typeof item.link.id === 'string') ids.push(item.link.id);
      if (Array.isArray(item.items)) visit(item.items);
    }
  };
  for (const items of Object.values(sidebars ?? {})) visit(items);
  return ids;
}

function readSource(siteDir: string, source: string): string {
  const file = source.startsWith('@site/') ? path.join(siteDir, source.slice('@site/'.length)) : source;
  return inlineMdxPartials(readFileSync(file, 'utf8'), (partial) =>
    readFileSync(path.resolve(path.dirname(file), partial), 'utf8'),
  );
}

/**
 * The docs and blog posts the classic preset loaded (default plugin instances), with their
 * Markdown sources: the input of the prose twins and of llms.txt.
 */
export function prosePagesFromContent(
  allContent: Record<string, Record<string, unknown>>,
  siteDir: string,
  baseUrl: string,
): ProsePage[] {
  const pages: ProsePage[] = [];
  const docs = allContent['docusaurus-plugin-content-docs']?.default as DocsLoadedContent | undefined;
  const version = docs?.loadedVersions?.[0];
  if (version) {
    const order = sidebarOrder(version.sidebars);
    const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
    const listed = (version.docs ?? []).filter((doc) => !doc.draft && !doc.unlisted);
    for (const doc of listed.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id))) {
      pages.push({
        kind: 'doc',
        path: withoutBaseUrl(doc.permalink, baseUrl),
        title: doc.title,
        description: doc.description,
        source: readSource(siteDir, doc.source),
      });
    }
  }
  const blog = allContent['docusaurus-plugin-content-blog']?.default as BlogLoadedContent | undefined;
  for (const post of blog?.blogPosts ?? []) {
    if (post.metadata.unlisted) continue;
    pages.push({
      kind: 'blog',
      path: withoutBaseUrl(post.metadata.permalink, baseUrl),
      title: post.metadata.title,
      description: post.metadata.description,
      source: readSource(siteDir, post.metadata.source),
      date: new Date(post.metadata.date).toISOString().slice(0, 10),
    });
  }
  return pages;
}

export interface GenerateOptions {
  model: ReferenceModel;
  allContent: Record<string, Record<string, unknown>>;
  siteDir: string;
  siteConfig: { title: string; tagline: string; url: string; baseUrl: string };
  /** Folder served as a static directory, e.g. `generated/static`. */
  outDir: string;
}

/** Builds every artifact in memory, then swaps them into `outDir` in one rename. */
export async function generateSiteArtifacts(options: GenerateOptions): Promise<ArtifactFiles> {
  const { siteConfig } = options;
  const siteUrl = `${siteConfig.url.replace(/\/$/, '')}${siteConfig.baseUrl}`.replace(/\/$/, '');
  let pages: ProsePage[];
  try {
    pages = prosePagesFromContent(options.allContent, options.siteDir, siteConfig.baseUrl);
  } catch (error) {
    throw artifactError('Markdown twins of the docs and blog', error);
  }
  const files = await buildSiteArtifacts({
    model: options.model,
    pages,
    siteTitle: siteConfig.title,
    tagline: siteConfig.tagline,
    siteUrl,
  });
  writeArtifactsAtomically(options.outDir, files);
  return files;
}
