// The URL manifest (tests/url-manifest.json) lists every public URL of the portal and every anchor
// (heading id) on it. Links to them live in Slack threads for years, so none may silently break.
//
//   npm run manifest:update                     add the new URLs and anchors of build/ to the manifest
//   npm run manifest:check                      fail if a manifest URL or anchor no longer resolves in build/
//   npx tsx scripts/url-manifest.ts update --allow-removals   also drop the ones that no longer resolve,
//                                               printing each (prefer adding a redirect instead)
// Options: --build <dir> (default build), --manifest <file> (default tests/url-manifest.json).
//
// A URL "resolves" when build/ has its page or file, or a redirect page from
// @docusaurus/plugin-client-redirects at that path whose target exists; an anchor resolves when the
// page (after the redirect, which forwards #anchors) has an element with that id, or is one of the field
// anchors the API reference publishes for the page (most fields are collapsed, out of the HTML, until opened),
// or is redirected by the plugin's `fieldAnchorRedirects` to one that resolves.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileFor, parseHtml, redirectTarget } from '../src/lib/built-html';
import { isMain } from './lib/main';
import { FIELD_ANCHORS_FILE, type PublishedFieldAnchors } from '../src/plugins/api-reference/field-anchors/published';

const ROOT = path.resolve(__dirname, '..');
export const DEFAULT_MANIFEST = path.join(ROOT, 'tests/url-manifest.json');
export const DEFAULT_BUILD = path.join(ROOT, 'build');

const MANIFEST_COMMENT =
  'Every public URL, heading anchor and API field anchor of the portal. Maintained by `npm run manifest:update`; checked by tests/e2e/links.spec.ts. Never remove an entry by hand: add a redirect (docusaurus.config.ts) or run `npx tsx scripts/url-manifest.ts update --allow-removals`.';

/** tests/url-manifest.json: page path -> its anchors, and the public non-HTML files. */
export interface UrlManifest {
  $comment?: string;
  pages: Record<string, string[]>;
  files: string[];
}

export type Resolved =
  | { kind: 'page'; file: string; via: string[]; anchors: string[]; anchorRedirects: Record<string, string> }
  | { kind: 'file'; file: string; via: string[] }
  | { kind: 'missing'; via: string[] };

export interface ManifestProblem {
  url: string;
  anchor?: string;
  reason: string;
}

export interface ScannedBuild {
  pages: Record<string, string[]>;
  files: string[];
  baseUrl: string;
}

/**
 * Anchor targets of a page: ids of h1-h6, of <a> elements and of Docusaurus `.anchor` elements.
 * Other ids (React-generated tab ids, layout containers) are not meant to be linked to.
 */
export function extractAnchors(html: string): string[] {
  const anchors = new Set<string>();
  for (const { name, attributes } of parseHtml(html).tags) {
    const id = attributes.id;
    if (!id) continue;
    const classes = (attributes.class ?? '').split(/\s+/);
    if (/^h[1-6]$/.test(name) || name === 'a' || classes.includes('anchor')) anchors.add(id);
  }
  return [...anchors].sort();
}

/**
 * Resolves `urlPath` in `buildDir`, following up to 5 redirect pages.
 * Returns { kind: 'page' | 'file', file, via: [redirect paths], anchors? } or { kind: 'missing', via }.
 */
export function resolveUrl(
  buildDir: string,
  urlPath: string,
  baseUrl = '/',
  fieldAnchors: PublishedFieldAnchors = readFieldAnchors(buildDir),
): Resolved {
  const via: string[] = [];
  let current = urlPath;
  for (let hop = 0; hop < 6; hop++) {
    const file = fileFor(buildDir, stripBase(current, baseUrl));
    if (!file) return { kind: 'missing', via };
    if (!file.endsWith('.html')) return { kind: 'file', file, via };
    const html = readFileSync(file, 'utf8');
    const target = redirectTarget(html);
    if (target === undefined) {
      const page = pagePath(buildDir, file, baseUrl);
      const anchors = [...new Set([...extractAnchors(html), ...(fieldAnchors.pages[page] ?? [])])].sort();
      return { kind: 'page', file, via, anchors, anchorRedirects: fieldAnchors.redirects[page] ?? {} };
    }
    via.push(current);
    current = new URL(target, 'https://site.invalid' + current).pathname;
  }
  return { kind: 'missing', via };
}

/** The field anchors the API reference published in `buildDir` (none for a build without it). */
export function readFieldAnchors(buildDir: string): PublishedFieldAnchors {
  const file = path.join(buildDir, FIELD_ANCHORS_FILE);
  if (!existsSync(file)) return { pages: {}, redirects: {} };
  return JSON.parse(readFileSync(file, 'utf8')) as PublishedFieldAnchors;
}

/** The URL path (with baseUrl) a page file of `buildDir` is served at: `reference/get_profiles.html` → `/reference/get_profiles`. */
function pagePath(buildDir: string, file: string, baseUrl: string): string {
  const relative = path.relative(buildDir, file).split(path.sep).join('/');
  return `${baseUrl}${relative.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '')}`.replace(/(.)\/$/, '$1');
}

function stripBase(urlPath: string, baseUrl: string): string {
  if (baseUrl !== '/' && urlPath.startsWith(baseUrl)) return `/${urlPath.slice(baseUrl.length)}`;
  return urlPath;
}

/** Public pages of a build: the <loc>s of its sitemap.xml, as paths. Also returns the site's baseUrl. */
export function sitemapPages(buildDir: string): { pages: string[]; baseUrl: string } {
  const sitemap = path.join(buildDir, 'sitemap.xml');
  if (!existsSync(sitemap)) throw new Error(`${sitemap} not found: build the site first (npm run build)`);
  const locs = [...readFileSync(sitemap, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!));
  const pages = locs.map((url) => url.pathname);
  // The home page is the shortest path of the sitemap; it is baseUrl.
  const baseUrl = pages.reduce((shortest, page) => (page.length < shortest.length ? page : shortest), pages[0] ?? '/');
  return { pages: [...new Set(pages)].sort(), baseUrl: baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/` };
}

/** Public non-HTML files people link to: robots.txt, the sitemap, feeds, social card images. */
export function publicFiles(buildDir: string, baseUrl = '/'): string[] {
  const files: string[] = [];
  const add = (relative: string) => {
    if (existsSync(path.join(buildDir, relative))) files.push(`${baseUrl}${relative}`);
  };
  add('robots.txt');
  add('sitemap.xml');
  for (const dir of ['blog', 'img/social']) {
    const absolute = path.join(buildDir, dir);
    if (!existsSync(absolute)) continue;
    for (const name of readdirSync(absolute)) {
      if (/\.(xml|png|jpg|jpeg)$/.test(name)) add(`${dir}/${name}`);
    }
  }
  return files.sort();
}

/** What the build offers now: { pages: { path: anchors[] }, files: path[], baseUrl }. */
export function scanBuild(buildDir: string): ScannedBuild {
  const { pages, baseUrl } = sitemapPages(buildDir);
  const fieldAnchors = readFieldAnchors(buildDir);
  const scanned: Record<string, string[]> = {};
  for (const page of pages) {
    const resolved = resolveUrl(buildDir, page, baseUrl, fieldAnchors);
    if (resolved.kind !== 'page' || resolved.via.length > 0) {
      throw new Error(`The sitemap lists ${page}, but build/ has no page there`);
    }
    scanned[page] = resolved.anchors;
  }
  return { pages: scanned, files: publicFiles(buildDir, baseUrl), baseUrl };
}

/** Every manifest URL or anchor that does not resolve in `buildDir`: [{ url, anchor?, reason }]. */
export function checkManifest(manifest: Partial<UrlManifest>, buildDir: string, baseUrl = '/'): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const fieldAnchors = readFieldAnchors(buildDir);
  for (const [page, anchors] of Object.entries(manifest.pages ?? {})) {
    const resolved = resolveUrl(buildDir, page, baseUrl, fieldAnchors);
    const hops = resolved.via.length > 0 ? ` (redirected via ${resolved.via.join(' -> ')})` : '';
    if (resolved.kind === 'missing') {
      problems.push({
        url: page,
        reason: resolved.via.length > 0 ? `redirect target is missing${hops}` : 'no page and no redirect at this URL',
      });
      continue;
    }
    if (resolved.kind !== 'page') {
      problems.push({ url: page, reason: `is now a file, not a page${hops}` });
      continue;
    }
    const present = new Set(resolved.anchors);
    for (const anchor of anchors) {
      const redirect = resolved.anchorRedirects[anchor];
      if (present.has(anchor) || (redirect !== undefined && present.has(redirect))) continue;
      const reason =
        redirect === undefined
          ? `anchor #${anchor} is gone${hops}`
          : `anchor #${anchor} redirects to #${redirect}, which is gone too${hops}`;
      problems.push({ url: page, anchor, reason });
    }
  }
  for (const file of manifest.files ?? []) {
    if (resolveUrl(buildDir, file, baseUrl, fieldAnchors).kind === 'missing')
      problems.push({ url: file, reason: 'file is missing' });
  }
  return problems;
}

export function describeProblem(problem: ManifestProblem): string {
  return `${problem.url}${problem.anchor ? `#${problem.anchor}` : ''}: ${problem.reason}`;
}

/**
 * Adds the build's new pages, anchors and files to `manifest`. Entries that no longer resolve are
 * kept (and reported as problems) unless `allowRemovals`, in which case they are dropped and reported
 * as removed. Returns { manifest, added: string[], removed: string[], problems }.
 */
export function updateManifest(
  manifest: Partial<UrlManifest>,
  buildDir: string,
  { allowRemovals = false }: { allowRemovals?: boolean } = {},
): { manifest: UrlManifest; added: string[]; removed: string[]; problems: ManifestProblem[] } {
  const site = scanBuild(buildDir);
  const pages: Record<string, string[]> = Object.fromEntries(
    Object.entries(manifest.pages ?? {}).map(([page, list]) => [page, [...list]]),
  );
  const files = new Set(manifest.files ?? []);
  const added: string[] = [];
  const removed: string[] = [];

  for (const [page, anchors] of Object.entries(site.pages)) {
    let known = pages[page];
    if (!known) {
      known = pages[page] = [];
      added.push(page);
    }
    for (const anchor of anchors) {
      if (!known.includes(anchor)) {
        known.push(anchor);
        if (!added.includes(page)) added.push(`${page}#${anchor}`);
      }
    }
  }
  for (const file of site.files) {
    if (!files.has(file)) {
      files.add(file);
      added.push(file);
    }
  }

  let problems = checkManifest({ pages, files: [...files] }, buildDir, site.baseUrl);
  if (allowRemovals) {
    for (const problem of problems) {
      if (problem.anchor) {
        pages[problem.url] = (pages[problem.url] ?? []).filter((anchor) => anchor !== problem.anchor);
      } else if (pages[problem.url]) {
        delete pages[problem.url];
      } else {
        files.delete(problem.url);
      }
      removed.push(describeProblem(problem));
    }
    problems = [];
  }

  const sortedPages = Object.fromEntries(
    Object.keys(pages)
      .sort()
      .map((page) => [page, [...new Set(pages[page])].sort()]),
  );
  return {
    manifest: { $comment: MANIFEST_COMMENT, pages: sortedPages, files: [...files].sort() },
    added,
    removed,
    problems,
  };
}

export function readManifest(file: string): UrlManifest {
  if (!existsSync(file)) return { pages: {}, files: [] };
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Partial<UrlManifest>;
  return { ...manifest, pages: manifest.pages ?? {}, files: manifest.files ?? [] };
}

interface Options {
  command: string | undefined;
  build: string;
  manifest: string;
  allowRemovals: boolean;
}

function parseArgs(argv: string[]): Options {
  const value = (index: number) => {
    const given = argv[index];
    if (given === undefined) throw new Error(`${argv[index - 1]} needs a value`);
    return path.resolve(given);
  };
  const options: Options = { command: argv[0], build: DEFAULT_BUILD, manifest: DEFAULT_MANIFEST, allowRemovals: false };
  for (let i = 1; i < argv.length; i++) {
    if (argv[i] === '--build') options.build = value(++i);
    else if (argv[i] === '--manifest') options.manifest = value(++i);
    else if (argv[i] === '--allow-removals') options.allowRemovals = true;
    else throw new Error(`Unknown option ${argv[i]}`);
  }
  if (options.command !== 'update' && options.command !== 'check') {
    throw new Error(
      'Usage: npx tsx scripts/url-manifest.ts <update|check> [--build dir] [--manifest file] [--allow-removals]',
    );
  }
  return options;
}

/** JSON as the repository's Prettier config formats it, so that `npm run lint` stays green after an update. */
async function formatJson(value: unknown, file: string): Promise<string> {
  const json = `${JSON.stringify(value, null, 2)}\n`;
  try {
    const prettier = await import('prettier');
    const config = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(json, { ...config, filepath: file });
  } catch {
    return json;
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const manifest = readManifest(options.manifest);
  const relativeManifest = path.relative(process.cwd(), options.manifest);

  if (options.command === 'check') {
    const { baseUrl } = sitemapPages(options.build);
    const problems = checkManifest(manifest, options.build, baseUrl);
    const count = Object.keys(manifest.pages ?? {}).length;
    if (problems.length > 0) {
      console.error(`${problems.length} manifest URL(s)/anchor(s) no longer resolve:`);
      for (const problem of problems) console.error(`  ${describeProblem(problem)}`);
      console.error('Restore them, add a redirect in docusaurus.config.ts, or (last resort) run');
      console.error('`npx tsx scripts/url-manifest.ts update --allow-removals` and commit the manifest.');
      process.exit(1);
    }
    console.log(`${relativeManifest}: all ${count} pages and their anchors resolve.`);
    return;
  }

  const result = updateManifest(manifest, options.build, { allowRemovals: options.allowRemovals });
  for (const entry of result.added) console.log(`added    ${entry}`);
  for (const entry of result.removed) console.log(`REMOVED  ${entry}`);
  if (result.problems.length > 0) {
    console.error(`\n${result.problems.length} manifest entr(y/ies) no longer resolve; the manifest keeps them:`);
    for (const problem of result.problems) console.error(`  ${describeProblem(problem)}`);
    console.error('Add a redirect for them, or rerun with --allow-removals to drop them on purpose.');
  }
  writeFileSync(options.manifest, await formatJson(result.manifest, options.manifest));
  console.log(
    `${relativeManifest}: ${Object.keys(result.manifest.pages).length} pages, ${result.manifest.files.length} files; ${result.added.length} added, ${result.removed.length} removed.`,
  );
  if (result.problems.length > 0) process.exit(1);
}

if (isMain(__filename)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
