import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PluginRouteConfig as RouteConfig } from '@docusaurus/types';
// Docusaurus's own code generator, so the tests see the exact text a real build writes.
import { generateRouteFiles } from '@docusaurus/core/lib/server/codegen/codegenRoutes';
import {
  ClientRoutesError,
  collapseGeneratedRouteFiles,
  pruneRegistryModule,
  routePathOfChunkKey,
  type CollapsedRouteGroup,
  type GeneratedRouteFiles,
} from '../../../src/plugins/api-reference/client-routes';

const ENTRY = '@theme/ApiReference/ReferenceEntryRoute';
const plugin = { name: 'api-reference', id: 'default' };

function entryRoute(routePath: string, data: string, sidebar: string, component = ENTRY): RouteConfig {
  // `context` is what Docusaurus's addRoute action adds to every plugin route.
  return {
    path: routePath,
    component,
    exact: true,
    modules: { data, sidebar },
    context: { plugin: '/gen/__plugin.json' },
    plugin,
  } as RouteConfig;
}

const ROUTES: RouteConfig[] = [
  entryRoute('/reference', '/gen/landing-new.json', '/gen/sidebar-new.json'),
  {
    plugin,
    path: '/reference/changelog',
    component: '@site/Changelog',
    exact: true,
    modules: { data: '/gen/changes.json' },
  },
  entryRoute('/reference/get_profiles', '/gen/operation-new-get_profiles.json', '/gen/sidebar-new.json'),
  entryRoute('/reference/get_events', '/gen/operation-new-get_events.json', '/gen/sidebar-new.json'),
  entryRoute('/reference/profiles', '/gen/tag-new-profiles.json', '/gen/sidebar-new.json'),
  entryRoute('/reference/v2026-01-01', '/gen/landing-old.json', '/gen/sidebar-old.json'),
  entryRoute('/reference/v2026-01-01/get_profiles', '/gen/operation-old-get_profiles.json', '/gen/sidebar-old.json'),
  {
    path: '/docs',
    component: '@theme/DocsRoot',
    routes: [{ path: '/docs/intro', component: '@theme/DocItem', exact: true, modules: { content: '/gen/intro.mdx' } }],
  },
] as RouteConfig[];

const GROUPS: CollapsedRouteGroup[] = [
  {
    path: '/reference/:slug?',
    pages: ['/reference', '/reference/get_profiles', '/reference/get_events', '/reference/profiles'],
    dataModules: ['data', 'sidebar'],
  },
  {
    path: '/reference/v2026-01-01/:slug?',
    pages: ['/reference/v2026-01-01', '/reference/v2026-01-01/get_profiles'],
    dataModules: ['data', 'sidebar'],
  },
];
const DROPPED_MODULES = [
  'landing-new',
  'operation-new-get_profiles',
  'operation-new-get_events',
  'tag-new-profiles',
  'sidebar-new',
  'landing-old',
  'operation-old-get_profiles',
  'sidebar-old',
];

let dir: string;
async function generated(routes: RouteConfig[]): Promise<GeneratedRouteFiles> {
  await generateRouteFiles({ generatedFilesDir: dir, routes, baseUrl: '/' });
  const read = (name: string) => fs.readFile(path.join(dir, name), 'utf8');
  return {
    routes: await read('routes.js'),
    routesChunkNames: JSON.parse(await read('routesChunkNames.json')) as Record<string, unknown>,
    registry: await read('registry.js'),
  };
}

const routePaths = (routesModule: string) => [...routesModule.matchAll(/path: '([^']+)'/g)].map((match) => match[1]);

/** The generated files for ROUTES, for the synchronous error checks. */
let generatedSync: GeneratedRouteFiles;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'client-routes-'));
  generatedSync = await generated(ROUTES);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('folding the reference routes for the browser bundle', () => {
  it('replaces every page route with one route per revision, longest first, before the catch-all', async () => {
    const folded = collapseGeneratedRouteFiles(await generated(ROUTES), GROUPS);
    expect(routePaths(folded.routes)).toEqual([
      '/reference/changelog',
      '/docs',
      '/docs/intro',
      '/reference/v2026-01-01/:slug?',
      '/reference/:slug?',
      '*',
    ]);
    expect(folded.routes).toContain("component: ComponentCreator('/reference/:slug?', 'ref')");
  });

  it('gives the folded route the shared component and plugin context, and no page data or sidebar', async () => {
    const folded = collapseGeneratedRouteFiles(await generated(ROUTES), GROUPS);
    const referenceRoutes = Object.keys(folded.routesChunkNames)
      .map(routePathOfChunkKey)
      .filter((routePath) => routePath.startsWith('/reference'));
    expect(referenceRoutes.sort()).toEqual([
      '/reference/:slug?',
      '/reference/changelog',
      '/reference/v2026-01-01/:slug?',
    ]);
    for (const key of ['/reference/:slug?-ref', '/reference/v2026-01-01/:slug?-ref']) {
      expect(Object.keys(folded.routesChunkNames[key] as object).sort()).toEqual(['__comp', '__context']);
    }
  });

  it('drops the pages’ data modules from the registry and keeps every module a remaining route uses', async () => {
    const files = await generated(ROUTES);
    const folded = collapseGeneratedRouteFiles(files, GROUPS);
    for (const file of DROPPED_MODULES) {
      expect(files.registry).toContain(`/gen/${file}.json`);
      expect(folded.registry).not.toContain(`/gen/${file}.json`);
    }
    for (const kept of ['/gen/changes.json', '/gen/intro.mdx', '/gen/__plugin.json', ENTRY]) {
      expect(folded.registry).toContain(kept);
    }
    const entries = (registry: string) => registry.split('\n').filter((line) => line.includes('": [')).length;
    expect(entries(folded.registry)).toBe(entries(files.registry) - DROPPED_MODULES.length);
  });

  it("can drop the entry on the registry's last line, where the generator closes the object", () => {
    const lines = generatedSync.registry.trimEnd().split('\n');
    const last = /"([^"]+)": \[/.exec(lines.at(-1)!)?.[1];
    expect(lines.at(-1)).toMatch(/\],\};$/);
    const pruned = pruneRegistryModule(generatedSync.registry, new Set([last!]));
    expect(pruned).not.toContain(`"${last}"`);
    expect(pruned.trimEnd()).toMatch(/\],\n\};$/);
    expect(pruned.split('\n').length).toBe(generatedSync.registry.split('\n').length);
  });

  it('keeps a module that a route outside the fold also uses', async () => {
    const routes = [
      ...ROUTES,
      {
        plugin,
        path: '/reference/print',
        component: '@site/Print',
        exact: true,
        modules: { data: '/gen/tag-new-profiles.json', sidebar: '/gen/sidebar-new.json' },
      },
    ] as RouteConfig[];
    const folded = collapseGeneratedRouteFiles(await generated(routes), GROUPS);
    expect(folded.registry).toContain('/gen/tag-new-profiles.json');
    expect(folded.registry).toContain('/gen/sidebar-new.json');
    expect(folded.registry).not.toContain('/gen/operation-new-get_events.json');
  });

  it("makes the folded route's component loader wait for the module's preloadEntry(), and leaves other loaders alone", async () => {
    const folded = collapseGeneratedRouteFiles(generatedSync, GROUPS);
    const entryLine = folded.registry
      .split('\n')
      .find((line) => line.includes(`import(/* webpackChunkName`) && line.includes(ENTRY))!;
    const otherLine = folded.registry.split('\n').find((line) => line.includes('/gen/changes.json'))!;
    expect(otherLine).toContain(`[() => import(`);
    expect(otherLine).not.toContain('preloadEntry');
    // Run the generated loader with a stand-in for import(): it resolves only after preloadEntry() has.
    const loader = /\[(\(\) => .*?), "/.exec(entryLine)![1]!.replace(/import\((\/\*[^*]*\*\/ )?"[^"]+"\)/, 'load()');
    const events: string[] = [];
    let finishPreload!: () => void;
    const module = {
      default: 'component',
      preloadEntry: () => new Promise<void>((resolve) => (finishPreload = () => (events.push('preloaded'), resolve()))),
    };
    const load = () => Promise.resolve(module);
    const run = new Function('load', `return (${loader})();`) as (load: () => Promise<unknown>) => Promise<unknown>;
    const loaded = run(load).then((value) => (events.push('loaded'), value));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(events).toEqual([]);
    finishPreload();
    expect(await loaded).toBe(module);
    expect(events).toEqual(['preloaded', 'loaded']);
    // A module without preloadEntry loads as before.
    expect(await run(() => Promise.resolve({ default: 'plain' }))).toEqual({ default: 'plain' });
  });

  it('fails loudly, naming the page, when a folded page is not in the generated routes', () => {
    const groups = [{ ...GROUPS[0]!, pages: [...GROUPS[0]!.pages, '/reference/missing_page'] }];
    expect(() => collapseGeneratedRouteFiles(generatedSync, groups)).toThrow(ClientRoutesError);
    expect(() => collapseGeneratedRouteFiles(generatedSync, groups)).toThrow('/reference/missing_page');
  });

  it('refuses to fold pages that do not share one component', async () => {
    const routes = ROUTES.map((route) =>
      route.path === '/reference/get_events'
        ? entryRoute(route.path, '/gen/operation-new-get_events.json', '/gen/sidebar-new.json', '@site/Other')
        : route,
    );
    const mixed = await generated(routes);
    expect(() => collapseGeneratedRouteFiles(generatedSync, GROUPS)).not.toThrow();
    expect(() => collapseGeneratedRouteFiles(mixed, GROUPS)).toThrow(/does not share its component/);
  });
});
