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
  type CollapsedRouteGroup,
  type GeneratedRouteFiles,
} from '../../src/plugins/api-reference/client-routes';

const ENTRY = '@site/src/components/reference/ReferenceEntryRoute';
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
  {
    path: '/reference',
    component: '@site/Landing',
    exact: true,
    modules: { data: '/gen/landing.json', sidebar: '/gen/sidebar-new.json' },
  },
  { path: '/reference/changelog', component: '@site/Changelog', exact: true },
  entryRoute('/reference/get_profiles', '/gen/operation-new-get_profiles.json', '/gen/sidebar-new.json'),
  entryRoute('/reference/get_events', '/gen/operation-new-get_events.json', '/gen/sidebar-new.json'),
  entryRoute('/reference/profiles', '/gen/tag-new-profiles.json', '/gen/sidebar-new.json'),
  entryRoute('/reference/v2026-01-01/get_profiles', '/gen/operation-old-get_profiles.json', '/gen/sidebar-old.json'),
  {
    path: '/docs',
    component: '@theme/DocsRoot',
    routes: [{ path: '/docs/intro', component: '@theme/DocItem', exact: true, modules: { content: '/gen/intro.mdx' } }],
  },
] as RouteConfig[];

const GROUPS: CollapsedRouteGroup[] = [
  {
    path: '/reference/:slug',
    pages: ['/reference/get_profiles', '/reference/get_events', '/reference/profiles'],
    dataModule: 'data',
  },
  { path: '/reference/v2026-01-01/:slug', pages: ['/reference/v2026-01-01/get_profiles'], dataModule: 'data' },
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
  it('replaces every operation and tag route with one route per revision, before the catch-all', async () => {
    const folded = collapseGeneratedRouteFiles(await generated(ROUTES), GROUPS);
    expect(routePaths(folded.routes)).toEqual([
      '/reference',
      '/reference/changelog',
      '/docs',
      '/docs/intro',
      '/reference/:slug',
      '/reference/v2026-01-01/:slug',
      '*',
    ]);
    expect(folded.routes).toContain("component: ComponentCreator('/reference/:slug', 'ref')");
  });

  it('gives the folded route the shared component and sidebar, and no page data', async () => {
    const folded = collapseGeneratedRouteFiles(await generated(ROUTES), GROUPS);
    const keys = Object.keys(folded.routesChunkNames);
    expect(keys.filter((key) => key.startsWith('/reference/get_') || key.startsWith('/reference/profiles'))).toEqual(
      [],
    );
    const entry = folded.routesChunkNames['/reference/:slug-ref'] as Record<string, unknown>;
    expect(Object.keys(entry).sort()).toEqual(['__comp', '__context', 'sidebar']);
    expect(folded.routesChunkNames['/reference/v2026-01-01/:slug-ref']).toBeDefined();
    expect(folded.routesChunkNames['/reference/v2026-01-01/:slug-ref']).not.toEqual(entry);
  });

  it('drops the pages’ data modules from the registry and keeps every module a remaining route uses', async () => {
    const files = await generated(ROUTES);
    const folded = collapseGeneratedRouteFiles(files, GROUPS);
    for (const file of [
      'operation-new-get_profiles',
      'operation-new-get_events',
      'tag-new-profiles',
      'operation-old-get_profiles',
    ]) {
      expect(files.registry).toContain(`/gen/${file}.json`);
      expect(folded.registry).not.toContain(`/gen/${file}.json`);
    }
    for (const kept of [
      '/gen/landing.json',
      '/gen/sidebar-new.json',
      '/gen/sidebar-old.json',
      '/gen/intro.mdx',
      ENTRY,
    ]) {
      expect(folded.registry).toContain(kept);
    }
    expect(folded.registry.split('\n').length).toBe(files.registry.split('\n').length - 4);
  });

  it('keeps a data module that a route outside the fold also uses', async () => {
    const routes = [
      ...ROUTES,
      {
        path: '/reference/profiles-print',
        component: '@site/Print',
        exact: true,
        modules: { data: '/gen/tag-new-profiles.json' },
      },
    ] as RouteConfig[];
    const folded = collapseGeneratedRouteFiles(await generated(routes), GROUPS);
    expect(folded.registry).toContain('/gen/tag-new-profiles.json');
    expect(folded.registry).not.toContain('/gen/operation-new-get_events.json');
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
