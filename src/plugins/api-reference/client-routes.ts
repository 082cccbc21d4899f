/**
 * The browser bundle's route table, with the reference's landing, tag and operation pages folded
 * into one parametric route per revision.
 *
 * Docusaurus ships every route (its path, chunk names and registry entry) in the main bundle that
 * every page downloads: about 650 bytes per route, so 650 operation pages cost a guide page 400 KB;
 * and its links prefetch their route's modules, so the navbar's link to /reference would make every
 * page download the revision's whole sidebar. The server bundle keeps one route per page, so every
 * page is still pre-rendered with its own data; the browser gets `/reference/:slug?` instead, whose
 * component reads the page's data and sidebar from the HTML (or fetches them on client-side
 * navigation, see `ReferenceEntryRoute`).
 *
 * These functions rewrite the three files Docusaurus generates (`routes.js`,
 * `routesChunkNames.json`, `registry.js`). Each one fails loudly when the generated code does not
 * look as expected, so a Docusaurus upgrade that changes the format breaks the build, not the site.
 */

import fs from 'node:fs';
import path from 'node:path';

export interface CollapsedRouteGroup {
  /** The parametric route the browser gets, e.g. `/reference/:slug?`. */
  path: string;
  /** The concrete pages it stands for, e.g. `/reference/get_profiles`. */
  pages: string[];
  /** The route modules (by prop name) the browser route does without, e.g. each page's own data. */
  dataModules: string[];
}

export interface GeneratedRouteFiles {
  routes: string;
  routesChunkNames: Record<string, unknown>;
  registry: string;
}

const PARAMETRIC_ROUTE_HASH = 'ref';

export class ClientRoutesError extends Error {
  constructor(message: string) {
    super(`api-reference: cannot fold the reference routes for the browser bundle: ${message}`);
    this.name = 'ClientRoutesError';
  }
}

/** `/reference/get_profiles-a1b` → `/reference/get_profiles` (the same rule as Docusaurus's client). */
export function routePathOfChunkKey(key: string): string {
  return key.replace(/-[^-]+$/, '');
}

/** How Docusaurus writes a path into routes.js. */
function quote(path: string): string {
  return path.replace(/'/g, "\\'");
}

const FLAT_ROUTE =
  /\{\s*path: '((?:[^'\\]|\\.)*)',\s*component: ComponentCreator\('(?:[^'\\]|\\.)*', '[^']*'\),\s*exact: true\s*\},?\s*/g;
const CATCH_ALL_ROUTE = /\{\s*path: '\*',/;

export function collapseRoutesModule(source: string, groups: CollapsedRouteGroup[]): string {
  const dropped = new Set(groups.flatMap((group) => group.pages.map(quote)));
  const removed = new Set<string>();
  const kept = source.replace(FLAT_ROUTE, (match, path: string) => {
    if (!dropped.has(path)) return match;
    removed.add(path);
    return '';
  });
  const missing = [...dropped].filter((path) => !removed.has(path));
  if (missing.length > 0) {
    throw new ClientRoutesError(`routes.js has no flat route for ${missing.slice(0, 3).join(', ')}`);
  }
  const catchAll = CATCH_ALL_ROUTE.exec(kept);
  if (!catchAll) throw new ClientRoutesError("routes.js has no catch-all '*' route");
  // Before the catch-all and after every concrete route, so `/reference/changelog` still wins; longest
  // first, so `/reference/:slug?` does not catch `/reference/v2026-04-15`.
  const parametric = [...groups]
    .sort((a, b) => b.path.length - a.path.length)
    .map(
      (group) =>
        `{\n    path: '${quote(group.path)}',\n    component: ComponentCreator('${quote(group.path)}', '${PARAMETRIC_ROUTE_HASH}'),\n    exact: true\n  },\n  `,
    )
    .join('');
  return kept.slice(0, catchAll.index) + parametric + kept.slice(catchAll.index);
}

/** Removes the folded pages' entries and adds one per parametric route; returns the dropped data chunks. */
export function collapseRoutesChunkNames(
  chunkNames: Record<string, unknown>,
  groups: CollapsedRouteGroup[],
): { chunkNames: Record<string, unknown>; droppedDataChunks: Set<string> } {
  const result: Record<string, unknown> = { ...chunkNames };
  const droppedDataChunks = new Set<string>();
  for (const group of groups) {
    const pages = new Set(group.pages);
    let template: Record<string, unknown> | undefined;
    for (const [key, value] of Object.entries(chunkNames)) {
      if (!pages.has(routePathOfChunkKey(key))) continue;
      const shared = { ...(value as Record<string, unknown>) };
      for (const module of group.dataModules) {
        const chunk = shared[module];
        if (typeof chunk !== 'string') throw new ClientRoutesError(`route ${key} has no '${module}' module`);
        droppedDataChunks.add(chunk);
        delete shared[module];
      }
      if (template && JSON.stringify(template) !== JSON.stringify(shared)) {
        throw new ClientRoutesError(`route ${key} does not share its component and modules with ${group.path}`);
      }
      template = shared;
      delete result[key];
    }
    if (!template) throw new ClientRoutesError(`no route chunk names found for ${group.path}`);
    result[`${group.path}-${PARAMETRIC_ROUTE_HASH}`] = template;
  }
  // A data module still used by a route that stays must stay in the registry.
  const stillUsed = JSON.stringify(result);
  for (const chunk of droppedDataChunks) {
    if (stillUsed.includes(`"${chunk}"`)) droppedDataChunks.delete(chunk);
  }
  return { chunkNames: result, droppedDataChunks };
}

// One entry per line; the generator closes the object on the last entry's line (`],};`).
const REGISTRY_ENTRY = /^(\s*)"([^"]+)": \[.*\],?(\};)?$/;

export function pruneRegistryModule(source: string, chunks: Set<string>): string {
  const removed = new Set<string>();
  const lines = source.split('\n').flatMap((line) => {
    const entry = REGISTRY_ENTRY.exec(line);
    if (!entry || !chunks.has(entry[2]!)) return [line];
    removed.add(entry[2]!);
    return entry[3] ? [entry[3]] : [];
  });
  const missing = [...chunks].filter((chunk) => !removed.has(chunk));
  if (missing.length > 0) {
    throw new ClientRoutesError(`registry.js has no one-line entry for ${missing.slice(0, 3).join(', ')}`);
  }
  return lines.join('\n');
}

const REGISTRY_LOADER = /^(\s*"([^"]+)": \[)\(\) => (import\((?:\/\*[^*]*\*\/ )?"[^"]+"\))/;

/**
 * The folded routes' component module may export `preloadEntry()`: what the page in the HTML needs
 * besides the component (the operation page's own chunk). Docusaurus preloads a route's component before
 * it hydrates the page, so the component's loader waits for that too.
 */
export function preloadEntryComponents(source: string, chunks: Set<string>): string {
  const wrapped = new Set<string>();
  const lines = source.split('\n').map((line) =>
    line.replace(REGISTRY_LOADER, (match, start: string, chunk: string, load: string) => {
      if (!chunks.has(chunk)) return match;
      wrapped.add(chunk);
      return `${start}() => ${load}.then((module) => Promise.resolve(module.preloadEntry ? module.preloadEntry() : undefined).then(() => module))`;
    }),
  );
  const missing = [...chunks].filter((chunk) => !wrapped.has(chunk));
  if (missing.length > 0) {
    throw new ClientRoutesError(`registry.js has no import() loader for ${missing.slice(0, 3).join(', ')}`);
  }
  return lines.join('\n');
}

export function collapseGeneratedRouteFiles(
  files: GeneratedRouteFiles,
  groups: CollapsedRouteGroup[],
): GeneratedRouteFiles {
  const { chunkNames, droppedDataChunks } = collapseRoutesChunkNames(files.routesChunkNames, groups);
  const components = new Set(
    groups.map((group) => {
      const component = (chunkNames[`${group.path}-${PARAMETRIC_ROUTE_HASH}`] as Record<string, unknown>).__comp;
      if (typeof component !== 'string') throw new ClientRoutesError(`${group.path} has no component chunk`);
      return component;
    }),
  );
  return {
    routes: collapseRoutesModule(files.routes, groups),
    routesChunkNames: chunkNames,
    registry: preloadEntryComponents(pruneRegistryModule(files.registry, droppedDataChunks), components),
  };
}

/** The generated modules the browser bundle gets its own copy of. */
export const GENERATED_ROUTE_MODULES = /^@generated\/(routes|routesChunkNames|registry)$/;

/**
 * Writes the browser's copy of Docusaurus's generated route files, with the reference's operation
 * and tag pages folded into one route per revision; returns the path of each file by module name.
 */
export function writeBrowserRouteFiles(
  generatedFilesDir: string,
  groups: CollapsedRouteGroup[],
): Record<string, string> {
  const read = (name: string) => fs.readFileSync(path.join(generatedFilesDir, name), 'utf8');
  const collapsed = collapseGeneratedRouteFiles(
    {
      routes: read('routes.js'),
      routesChunkNames: JSON.parse(read('routesChunkNames.json')) as Record<string, unknown>,
      registry: read('registry.js'),
    },
    groups,
  );
  const dir = path.join(generatedFilesDir, 'api-reference', 'browser-routes');
  fs.mkdirSync(dir, { recursive: true });
  const files = {
    routes: path.join(dir, 'routes.js'),
    routesChunkNames: path.join(dir, 'routesChunkNames.json'),
    registry: path.join(dir, 'registry.js'),
  };
  fs.writeFileSync(files.routes, collapsed.routes);
  fs.writeFileSync(files.routesChunkNames, JSON.stringify(collapsed.routesChunkNames));
  fs.writeFileSync(files.registry, collapsed.registry);
  return files;
}
