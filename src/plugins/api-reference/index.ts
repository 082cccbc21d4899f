import path from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import logger from '@docusaurus/logger';
import { loadReferenceModel, operationUrl, type ReferenceModel, type RevisionModel } from '../../spec-pipeline';
import { buildOperationSpec } from '../../spec-pipeline/mini-spec';
import { buildCodeSamples } from '../../spec-pipeline/code-samples';
import { formatProblem, SpecError } from '../../spec-pipeline/errors';
import { generateSiteArtifacts } from '../../spec-pipeline/artifacts';
import type { OperationPageData, ReferenceSidebarData, RevisionSummary, TagPageData, LandingPageData } from './types';
import { addChangelogRoutes } from './changelog-routes';
import { batchCreateData, createDeferredStep, createSpecLoader } from './dev-reload';

export interface ApiReferencePluginOptions {
  /** Folder holding one sub-folder per dated revision. */
  specsDir: string;
}

const COMPONENTS = {
  operation: '@site/src/components/reference/OperationPage',
  tag: '@site/src/components/reference/TagPage',
  landing: '@site/src/components/reference/LandingPage',
};

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
      url: `${revision.basePath}/${tag.slug}`,
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

/** The URL of the same operation in every other revision that has it. */
function otherRevisionLinks(model: ReferenceModel, operationId: string, current: string) {
  return model.revisions
    .filter((revision) => revision.revision !== current)
    .map((revision) => ({
      revision: revision.revision,
      isLatest: revision.isLatest,
      url: revision.operations.some((operation) => operation.operationId === operationId)
        ? operationUrl(revision.basePath, operationId)
        : null,
    }));
}

export default function apiReferencePlugin(
  context: LoadContext,
  options: ApiReferencePluginOptions,
): Plugin<ReferenceModel> {
  const specsDir = path.resolve(context.siteDir, options.specsDir);
  let watchedFiles: string[] = [];
  // On dev reloads the artifacts are rebuilt after the page update, not before it (6 s for the 3 MB fixture).
  const artifactsStep = createDeferredStep((error) =>
    logger.error(`Artifacts not updated: ${error instanceof Error ? error.message : String(error)}`),
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

  return {
    name: 'api-reference',

    configureWebpack(_config, isServer, { currentBundler }) {
      if (!isServer) return {};
      return {
        plugins: [
          new currentBundler.instance.NormalModuleReplacementPlugin(
            /[\\/]RedocStyles$/,
            (resource: { request: string }) => {
              resource.request = `${resource.request}.server`;
            },
          ),
        ],
      };
    },

    getPathsToWatch() {
      // The whole folder, so that new files and new revision folders are seen too.
      return [`${specsDir}/**/*`, ...watchedFiles];
    },

    async loadContent() {
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
      const { addRoute, setGlobalData } = actions;
      // All data files are written together at the end: one recompile per spec change in dev.
      const batch = batchCreateData(actions.createData);
      const { createData } = batch;
      const revisions = revisionSummaries(model);
      setGlobalData({ revisions, latest: model.latest });

      const landingData: LandingPageData[] = [];
      for (const revision of model.revisions) {
        const sidebarPath = await createData(
          `sidebar-${revision.revision}.json`,
          JSON.stringify(sidebarData(revision)),
        );
        const server = revision.spec.servers?.[0]?.url ?? '';

        for (const operation of revision.operations) {
          const data: OperationPageData = {
            revision: revision.revision,
            latest: model.latest,
            isLatest: revision.isLatest,
            basePath: revision.basePath,
            server,
            operation,
            tagUrl: `${revision.basePath}/${revision.tags.find((tag) => tag.name === operation.tag)?.slug ?? ''}`,
            samples: buildCodeSamples(revision.spec, operation, revision.revision),
            spec: buildOperationSpec(revision.spec, operation),
            otherRevisions: otherRevisionLinks(model, operation.operationId, revision.revision),
          };
          const dataPath = await createData(
            `operation-${revision.revision}-${operation.operationId}.json`,
            JSON.stringify(data),
          );
          addRoute({
            path: operationUrl(revision.basePath, operation.operationId),
            component: COMPONENTS.operation,
            exact: true,
            modules: { data: dataPath, sidebar: sidebarPath },
          });
        }

        for (const tag of revision.tags) {
          const data: TagPageData = {
            revision: revision.revision,
            latest: model.latest,
            isLatest: revision.isLatest,
            basePath: revision.basePath,
            name: tag.name,
            slug: tag.slug,
            description: tag.description,
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
          };
          const dataPath = await createData(`tag-${revision.revision}-${tag.slug}.json`, JSON.stringify(data));
          addRoute({
            path: `${revision.basePath}/${tag.slug}`,
            component: COMPONENTS.tag,
            exact: true,
            modules: { data: dataPath, sidebar: sidebarPath },
          });
        }

        const landing: LandingPageData = {
          revision: revision.revision,
          latest: model.latest,
          isLatest: revision.isLatest,
          basePath: revision.basePath,
          title: revision.spec.info?.title ?? 'API reference',
          description: revision.spec.info?.description ?? '',
          server,
          revisions,
          operationCount: revision.operations.length,
          tags: revision.tags.map((tag) => ({
            name: tag.name,
            url: `${revision.basePath}/${tag.slug}`,
            description: tag.description,
            operationCount: tag.operations.length,
          })),
        };
        landingData.push(landing);
        const landingPath = await createData(`landing-${revision.revision}.json`, JSON.stringify(landing));
        addRoute({
          path: revision.basePath,
          component: COMPONENTS.landing,
          exact: true,
          modules: { data: landingPath, sidebar: sidebarPath },
        });
      }

      await addChangelogRoutes(model, { createData, addRoute }, context);
      await batch.flush();
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
