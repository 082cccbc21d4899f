import fs from 'node:fs';
import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import logger from '@docusaurus/logger';
import { normalizeUrl } from '@docusaurus/utils';
import { loadReferenceModel, type ReferenceModel, type RevisionModel } from './spec';
import {
  entryDataPath,
  foldedRoutePath,
  operationUrl,
  referencePageUrl,
  sidebarDataPath,
  tagUrl,
  withBaseUrl,
} from './routes';
import { absoluteLink } from '../../theme/Heading/absoluteLink';
import { buildOperationSpec, miniSpecDigest } from './spec/mini-spec';
import { buildCodeSamples } from './samples/code-samples';
import { sdkReleases } from './samples/sdk-manifest';
import { formatProblem, SpecError } from './spec/errors';
import { generateSiteArtifacts } from './artifacts';
import type { ReferenceEntryData, ReferenceSidebarData, RenderedRedoc, RevisionSummary } from './types';
import { GENERATED_ROUTE_MODULES, writeBrowserRouteFiles, type CollapsedRouteGroup } from './client-routes';
import { addChangelogRoutes, changelogNavigation } from './changelog/routes';
import { buildChangelog } from './changelog/diff';
import { buildOperationComparisons, buildOperationHistories } from './changelog/history';
import { removedOperationPages } from './changelog/removed';
import { addOperationChangesRoutes } from './changelog/operation-changes-routes';
import { batchCreateData, createBundlerIdleSignal, createDeferredStep, createSpecLoader } from './dev-reload';
import { operationFields, type OperationField } from './field-anchors/ids';
import { OperationFieldsMemo } from './field-anchors/reload-memo';
import {
  FIELD_ANCHORS_FILE,
  pageFieldAnchorRedirects,
  type FieldAnchorRedirects,
  type PublishedFieldAnchors,
} from './field-anchors/published';
import { writeBuildCards } from './cards';
import { OperationRenderer } from './redoc/render';
import { loadRedocThemeData } from './redoc/theme-data';

export interface ApiReferencePluginOptions {
  /** Folder holding one sub-folder per dated revision. */
  specsDir: string;
  /**
   * Renamed or removed field anchors: operationId → { old anchor: new anchor }. On a page of that operation
   * without the old anchor, a link to it lands on the new one (see README, "URL manifest").
   */
  fieldAnchorRedirects?: FieldAnchorRedirects;
}

/** What Redoc's browser build requires but never runs for a bundled spec without search: module → stub file. */
const REDOC_BROWSER_STUBS: Record<string, string> = {
  '@redocly/openapi-core/lib/bundle': 'openapi-core.js',
  '@redocly/openapi-core/lib/config/config': 'openapi-core.js',
  lunr: 'lunr.js',
  yaml: 'yaml.js',
};
const REDOC_STUBBED_REQUEST = new RegExp(
  `^(?:${Object.keys(REDOC_BROWSER_STUBS)
    .map((name) => name.replace(/[/.]/g, '\\$&'))
    .join('|')})$`,
);

const OPERATION_PAGE_LOADER = /[\\/]loadOperationPage$/;

/** Per revision, in `operations` order: each operation's mini-spec, fields and server-rendered Redoc markup. */
interface RenderedReference {
  specs: Map<RevisionModel, ReturnType<typeof buildOperationSpec>[]>;
  fields: Map<RevisionModel, OperationField[][]>;
  markup: Map<RevisionModel, RenderedRedoc[]>;
}

/** Landing, tag and operation pages: one component, so the browser bundle can fold them into one route. */
const ENTRY_COMPONENT = '@theme/ApiReference/ReferenceEntryRoute';

function reportWarnings(model: ReferenceModel): void {
  for (const revision of model.revisions) {
    if (revision.warnings.length === 0) continue;
    const shown = revision.warnings.slice(0, 5).map((warning) => `  ${formatProblem(warning)}`);
    const more =
      revision.warnings.length > shown.length ? [`  …and ${revision.warnings.length - shown.length} more`] : [];
    logger.warn(
      [`Spec ${revision.revision}: ${revision.warnings.length} lint warning(s)`, ...shown, ...more].join('\n'),
    );
  }
}

function revisionSummaries(model: ReferenceModel): RevisionSummary[] {
  return model.revisions.map(({ revision, isLatest, basePath }) => ({ revision, isLatest, basePath }));
}

function sidebarData(revision: RevisionModel): ReferenceSidebarData {
  return {
    revision: revision.revision,
    basePath: revision.basePath,
    tags: revision.tags.map((tag) => ({
      name: tag.name,
      url: tagUrl(revision.basePath, tag.slug),
      operations: tag.operations.map((operation) => ({
        operationId: operation.operationId,
        summary: operation.summary,
        method: operation.method,
        url: operationUrl(revision.basePath, operation.operationId),
        deprecated: operation.deprecated,
      })),
    })),
  };
}

/** The URL of the same operation, or tag page, in every other revision (null where it has none). */
function otherRevisionLinks(
  model: ReferenceModel,
  page: { operationId: string } | { tagSlug: string },
  current: string,
) {
  return model.revisions
    .filter((revision) => revision.revision !== current)
    .map((revision) => {
      const exists =
        'operationId' in page
          ? revision.operations.some((operation) => operation.operationId === page.operationId)
          : revision.tags.some((tag) => tag.slug === page.tagSlug);
      const slug = 'operationId' in page ? page.operationId : page.tagSlug;
      return {
        revision: revision.revision,
        isLatest: revision.isLatest,
        url: exists ? referencePageUrl(revision.basePath, slug) : null,
      };
    });
}

export default function apiReferencePlugin(
  context: LoadContext,
  options: ApiReferencePluginOptions,
): Plugin<ReferenceModel> {
  const specsDir = path.resolve(context.siteDir, options.specsDir);
  let watchedFiles: string[] = [];
  // Filled by contentLoaded: what the production browser bundle folds, and the data it then fetches.
  let foldedRoutes: CollapsedRouteGroup[] = [];
  /** Build-output path (under reference-data/) → the data file createData wrote. */
  let dataFiles = new Map<string, string>();
  /** Written into the build for the URL manifest guard. */
  let fieldAnchors: PublishedFieldAnchors = { pages: {}, redirects: {} };
  // The dev server renders again on every save and keeps what the next reload can reuse; a build keeps nothing.
  const live = process.env.NODE_ENV !== 'production';
  // Every operation's Redoc markup, rendered in Node through a cache in Docusaurus's cache folder.
  let rendererLoading: Promise<OperationRenderer> | undefined;
  const operationRenderer = () =>
    (rendererLoading ??= loadRedocThemeData(context.siteConfig).then(
      (themeData) =>
        new OperationRenderer(path.join(context.siteDir, 'node_modules', '.cache', 'api-reference-redoc'), themeData, {
          // The dev server keeps a worker and the last results for its next reload.
          live,
        }),
    ));
  // On dev reloads the artifacts are rebuilt after the page update, not before it (5 s for the 3 MB fixture):
  // once the bundler has compiled the reload and the browser has had the update.
  const bundlerIdle = createBundlerIdleSignal();
  const artifactsStep = createDeferredStep(
    (error) => logger.error(`Artifacts not updated: ${error instanceof Error ? error.message : String(error)}`),
    { whenIdle: bundlerIdle.idle },
  );
  // Coalesces the dev server's reloads and keeps the last good model when a saved spec is broken.
  const specLoader = createSpecLoader(
    async () => {
      const model = await loadReferenceModel(specsDir, context.siteDir);
      watchedFiles = model.revisions.flatMap((revision) => revision.files);
      reportWarnings(model);
      return model;
    },
    (error) =>
      logger.error(
        `API reference not updated; still serving the last good version.\n${error instanceof Error ? error.message : String(error)}`,
      ),
  );

  // Docusaurus calls contentLoaded once per file-system event, without waiting for the last call: copying a
  // revision folder starts dozens at once. The spec loader hands that burst one model, rendered here once.
  // Only while the render runs: kept after it, every page's markup would stay in memory for the whole build.
  const rendersInFlight = new Map<ReferenceModel, Promise<RenderedReference>>();
  const fieldsMemo = live ? new OperationFieldsMemo() : undefined;
  const renderReference = (model: ReferenceModel): Promise<RenderedReference> => {
    let rendering = rendersInFlight.get(model);
    if (!rendering) {
      rendering = renderAllOperations(model).finally(() => rendersInFlight.delete(model));
      rendersInFlight.set(model, rendering);
    }
    return rendering;
  };
  const renderAllOperations = async (model: ReferenceModel): Promise<RenderedReference> => {
    const renderer = await operationRenderer();
    const renderStats = { ...renderer.stats };
    const renderStarted = performance.now();
    // Each operation's mini-spec, and its Redoc markup: all revisions in one batch.
    const specs = new Map(
      model.revisions.map((revision) => [
        revision,
        revision.operations.map((operation) =>
          buildOperationSpec(revision.spec, operation, buildCodeSamples(revision.spec, operation, revision.revision)),
        ),
      ]),
    );
    // Each mini-spec hashed once, for the render cache and the dev server's fields memo alike.
    const digests = new Map(
      model.revisions.map((revision) => [revision, specs.get(revision)!.map((spec) => miniSpecDigest(spec))]),
    );
    const fields = new Map(
      model.revisions.map((revision) => [
        revision,
        revision.operations.map((operation, index) =>
          fieldsMemo
            ? fieldsMemo.fields(
                specs.get(revision)![index]!,
                digests.get(revision)![index]!,
                operation.path,
                operation.method,
              )
            : operationFields(revision.spec, operation.path, operation.method),
        ),
      ]),
    );
    fieldsMemo?.endReload();
    const allMarkup = await renderer.renderAll(
      model.revisions.flatMap((revision) =>
        revision.operations.map((operation, index) => ({
          spec: specs.get(revision)![index]!,
          specDigest: digests.get(revision)![index]!,
          pointer: operation.pointer,
          context: {
            fields: fields.get(revision)![index]!,
            pageUrl: absoluteLink(
              context.siteConfig.url,
              withBaseUrl(referencePageUrl(revision.basePath, operation.operationId), context.baseUrl),
            ),
          },
        })),
      ),
    );
    const markup = new Map(
      model.revisions.map((revision) => [revision, allMarkup.splice(0, revision.operations.length)]),
    );
    const renderedCount = renderer.stats.rendered - renderStats.rendered;
    const cachedCount = renderer.stats.cached - renderStats.cached;
    const decoratedCount = renderer.stats.decorated - renderStats.decorated;
    logger.info(
      `Redoc markup: ${renderedCount + cachedCount} operations, ${renderedCount} rendered, ${cachedCount} from the cache, ${decoratedCount} decorated, in ${((performance.now() - renderStarted) / 1000).toFixed(1)} s`,
    );
    renderer.prune();
    return { specs, fields, markup };
  };

  return {
    name: 'api-reference',

    // The reference's React components, swizzlable like any theme's: `@theme/ApiReference/...`.
    getThemePath() {
      return path.join(__dirname, 'theme');
    },
    getTypeScriptThemePath() {
      return path.join(__dirname, 'theme');
    },

    configureWebpack(config, isServer, { currentBundler }) {
      const { NormalModuleReplacementPlugin } = currentBundler.instance;
      /** Swaps a theme module for its `.server` twin beside it. */
      const serverTwin = (request: RegExp) =>
        new NormalModuleReplacementPlugin(request, (resource: { request: string }) => {
          resource.request = `${resource.request}.server`;
        });
      if (isServer) {
        return {
          plugins: [
            // Pages show the markup redoc/render.ts rendered in Node; Redoc itself only runs in the browser.
            serverTwin(/[\\/]RedocLive$/),
            // The operation page, lazy in the browser, is at hand on the server (no suspended render).
            serverTwin(OPERATION_PAGE_LOADER),
          ],
        };
      }
      const plugins: NonNullable<typeof config.plugins> = [
        // Only Redoc's own imports: the portal's search keeps the real lunr.
        new NormalModuleReplacementPlugin(REDOC_STUBBED_REQUEST, (resource: { request: string; context: string }) => {
          if (/[\\/]node_modules[\\/]redoc[\\/]/.test(`${resource.context}/`)) {
            resource.request = path.join(__dirname, 'redoc/browser-stubs', REDOC_BROWSER_STUBS[resource.request]!);
          }
        }),
      ];
      // The dev server keeps one route per page: its data modules are what hot reload updates, and the
      // operation page is not split from them (only the folded route preloads it before hydrating).
      if (config.mode !== 'production') {
        plugins.push(serverTwin(OPERATION_PAGE_LOADER));
        // Tells the deferred artifacts when a reload's compilation is done.
        plugins.push(bundlerIdle.plugin);
      }
      if (config.mode === 'production' && foldedRoutes.length > 0) {
        const files = writeBrowserRouteFiles(context.generatedFilesDir, foldedRoutes);
        plugins.push(
          new NormalModuleReplacementPlugin(GENERATED_ROUTE_MODULES, (resource: { request: string }) => {
            const name = GENERATED_ROUTE_MODULES.exec(resource.request)?.[1];
            if (name && files[name]) resource.request = files[name];
          }),
        );
      }
      return { plugins };
    },

    getPathsToWatch() {
      // The whole folder, so that new files and new revision folders are seen too.
      return [`${specsDir}/**/*`, ...watchedFiles];
    },

    async loadContent() {
      // A worker loads Redoc while this thread loads the spec (an error here is the render's, reported there).
      operationRenderer().then(
        (loaded) => loaded.prestart(),
        () => undefined,
      );
      try {
        return await specLoader.load();
      } catch (error) {
        if (error instanceof SpecError) {
          // One readable report; Docusaurus keeps serving the last good reference in dev.
          logger.error(`API reference not updated.\n${error.message}`);
        }
        throw error;
      }
    },

    async contentLoaded({ content: model, actions }) {
      const { setGlobalData } = actions;
      // Spec-derived URLs are relative to the site; routes are absolute (e.g. under /repo/ on GitHub Pages).
      const routePath = (url: string) => normalizeUrl([context.baseUrl, url]);
      const addRoute: typeof actions.addRoute = (route) => actions.addRoute({ ...route, path: routePath(route.path) });
      // All data files are written together at the end: one recompile per spec change in dev.
      const batch = batchCreateData(actions.createData);
      const { createData } = batch;
      const revisions = revisionSummaries(model);
      setGlobalData({ revisions, latest: model.latest, sdkReleases: sdkReleases() });

      foldedRoutes = [];
      dataFiles = new Map();
      const changelogs = buildChangelog(model.revisions);
      const histories = buildOperationHistories(model.revisions, changelogs);
      fieldAnchors = { pages: {}, redirects: {} };
      const { specs, fields: operationFieldLists, markup: rendered } = await renderReference(model);
      for (const revision of model.revisions) {
        const revisionPage = {
          revision: revision.revision,
          latest: model.latest,
          isLatest: revision.isLatest,
          basePath: revision.basePath,
        };
        const sidebarPath = await createData(
          `sidebar-${revision.revision}.json`,
          JSON.stringify(sidebarData(revision)),
        );
        dataFiles.set(sidebarDataPath(revision.revision), sidebarPath);
        const folded: CollapsedRouteGroup = {
          path: routePath(foldedRoutePath(revision.basePath)),
          pages: [],
          dataModules: ['data', 'sidebar'],
        };
        foldedRoutes.push(folded);
        const addEntryRoute = async (slug: string, entry: ReferenceEntryData) => {
          const dataPath = await createData(`${entry.kind}-${revision.revision}-${slug}.json`, JSON.stringify(entry));
          const url = referencePageUrl(revision.basePath, slug);
          addRoute({
            path: url,
            component: ENTRY_COMPONENT,
            exact: true,
            modules: { data: dataPath, sidebar: sidebarPath },
          });
          folded.pages.push(routePath(url));
          dataFiles.set(entryDataPath(revision.revision, slug), dataPath);
        };
        const server = revision.spec.servers?.[0]?.url ?? '';

        const operationSpecs = specs.get(revision)!;
        const markup = rendered.get(revision)!;
        const fieldLists = operationFieldLists.get(revision)!;
        for (const [index, operation] of revision.operations.entries()) {
          const fields = fieldLists[index]!;
          const fieldAnchorRedirects = pageFieldAnchorRedirects(
            options.fieldAnchorRedirects,
            operation.operationId,
            fields,
          );
          const pagePath = routePath(referencePageUrl(revision.basePath, operation.operationId));
          fieldAnchors.pages[pagePath] = fields.map((field) => field.id);
          if (fieldAnchorRedirects) fieldAnchors.redirects[pagePath] = fieldAnchorRedirects;
          await addEntryRoute(operation.operationId, {
            kind: 'operation',
            ...revisionPage,
            server,
            operation,
            tagUrl: tagUrl(revision.basePath, revision.tags.find((tag) => tag.name === operation.tag)?.slug ?? ''),
            spec: operationSpecs[index]!,
            redoc: markup[index]!,
            otherRevisions: otherRevisionLinks(model, { operationId: operation.operationId }, revision.revision),
            history: histories.get(operation.operationId),
            ...(fieldAnchorRedirects && { fieldAnchorRedirects }),
          });
        }
        if (revision.isLatest) {
          for (const removed of removedOperationPages(model.revisions, changelogs, histories)) {
            await addEntryRoute(removed.operation.operationId, removed);
          }
        }

        for (const tag of revision.tags) {
          await addEntryRoute(tag.slug, {
            kind: 'tag',
            ...revisionPage,
            name: tag.name,
            slug: tag.slug,
            description: tag.description,
            otherRevisions: otherRevisionLinks(model, { tagSlug: tag.slug }, revision.revision),
            operations: tag.operations.map(
              ({ operationId, method, path: operationPath, summary, firstSentence, deprecated }) => ({
                operationId,
                method,
                path: operationPath,
                summary,
                firstSentence,
                deprecated,
                url: operationUrl(revision.basePath, operationId),
              }),
            ),
          });
        }

        await addEntryRoute('', {
          kind: 'landing',
          ...revisionPage,
          title: revision.spec.info?.title ?? 'API reference',
          description: revision.spec.info?.description ?? '',
          server,
          revisions,
          operationCount: revision.operations.length,
          tags: revision.tags.map((tag) => ({
            name: tag.name,
            url: tagUrl(revision.basePath, tag.slug),
            description: tag.description,
            operationCount: tag.operations.length,
          })),
        });
      }

      await addChangelogRoutes(model, { createData, addRoute }, context, changelogs);
      const comparisons = buildOperationComparisons(
        model.revisions,
        changelogs,
        changelogNavigation(model, changelogs),
      );
      const operationChanges = await addOperationChangesRoutes(comparisons, { createData, addRoute, routePath });
      if (operationChanges.folded) foldedRoutes.push(operationChanges.folded);
      for (const [output, source] of operationChanges.dataFiles) dataFiles.set(output, source);
      await batch.flush();
    },

    async postBuild({ outDir, content: model }) {
      // What the folded browser route fetches after a client-side navigation, and the field anchors' index.
      const writeData = async () => {
        await Promise.all(
          [...dataFiles].map(async ([relativePath, source]) => {
            const file = path.join(outDir, relativePath);
            await fs.promises.mkdir(path.dirname(file), { recursive: true });
            await fs.promises.copyFile(source, file);
          }),
        );
        const anchorsFile = path.join(outDir, FIELD_ANCHORS_FILE);
        await fs.promises.mkdir(path.dirname(anchorsFile), { recursive: true });
        await fs.promises.writeFile(anchorsFile, JSON.stringify(fieldAnchors));
      };
      // Each operation's og:image, drawn by builds only (the dev server links to cards it does not serve). Its
      // workers start before this thread awaits anything: after an await, they started only once the search
      // plugin's postBuild, which keeps this thread busy, had written its index.
      await Promise.all([writeBuildCards(context, model, outDir), writeData()]);
    },

    async allContentLoaded({ allContent }) {
      // Postman collections, spec downloads, llms.txt and Markdown twins, from the model loaded
      // above (no second parse), into a static folder the dev server serves and the build copies.
      if (process.env.SKIP_ARTIFACTS === '1') return;
      const model = allContent['api-reference']?.default as ReferenceModel | undefined;
      if (!model) return;
      await artifactsStep(async () => {
        try {
          const started = performance.now();
          const files = await generateSiteArtifacts({
            model,
            allContent,
            siteDir: context.siteDir,
            siteConfig: context.siteConfig,
            outDir: path.join(context.siteDir, 'generated', 'static'),
          });
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          logger.info(`Artifacts: ${files.size} files written to generated/static in ${seconds} s`);
        } catch (error) {
          if (error instanceof SpecError) logger.error(error.message);
          throw error;
        }
      });
    },
  };
}
