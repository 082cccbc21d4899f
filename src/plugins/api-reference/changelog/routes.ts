/** The changelog's routes (`/reference/changelog`, `/reference/changelog/{revision}`) and its feeds. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoadContext, PluginContentLoadedActions } from '@docusaurus/types';
import type { ReferenceModel } from '../spec';
import type { OperationInfo } from '../spec/operations';
import { CHANGELOG_BASE, CHANGELOG_FEEDS, CHANGELOG_SEGMENT, changelogUrl } from '../routes';
import { buildChangelog, type RevisionChangelog } from './diff';
import { renderAtomFeed, renderRssFeed } from './feeds';
import { SpecError } from '../spec/errors';
import type { ChangelogEntrySummary, ChangelogOverviewData, ChangelogRevisionData } from './types';

const COMPONENTS = {
  overview: '@theme/ApiChangelog/ChangelogOverviewPage',
  revision: '@theme/ApiChangelog/ChangelogRevisionPage',
};

const HIGHLIGHTS = 12;

/** Writes `content` unless the file already holds it, so the dev server does not reload for nothing. */
async function writeIfChanged(file: string, content: string): Promise<void> {
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === content) return;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
}

function summary(changelog: RevisionChangelog, model: ReferenceModel): ChangelogEntrySummary {
  return {
    revision: changelog.revision,
    previous: changelog.previous,
    isLatest: changelog.isLatest,
    url: changelogUrl(changelog.revision),
    referenceUrl:
      model.revisions.find((revision) => revision.revision === changelog.revision)?.basePath ?? '/reference',
    counts: changelog.counts,
  };
}

/** The changelog's navigation (its revisions and feeds), shared by its pages and the compare views. */
export function changelogNavigation(
  model: ReferenceModel,
  changelogs: readonly RevisionChangelog[],
): { entries: ChangelogEntrySummary[]; feeds: typeof CHANGELOG_FEEDS } {
  return { entries: changelogs.map((changelog) => summary(changelog, model)), feeds: CHANGELOG_FEEDS };
}

/**
 * Reference URLs that would collide with the changelog's `/reference/changelog` routes: a tag
 * slug or an operationId of the latest revision (whose pages live directly under /reference).
 */
export function changelogRouteConflicts(latest: {
  tags: { name: string; slug: string }[];
  operations: OperationInfo[];
}): string[] {
  return [
    ...latest.tags.filter((tag) => tag.slug === CHANGELOG_SEGMENT).map((tag) => `tag "${tag.name}"`),
    ...latest.operations
      .filter((operation) => operation.operationId === CHANGELOG_SEGMENT)
      .map((operation) => `operationId "${operation.operationId}"`),
  ];
}

export async function addChangelogRoutes(
  model: ReferenceModel,
  {
    createData,
    addRoute,
  }: { createData: (name: string, data: string) => Promise<string>; addRoute: PluginContentLoadedActions['addRoute'] },
  context: Pick<LoadContext, 'siteDir' | 'siteConfig' | 'baseUrl'>,
  changelogs: RevisionChangelog[] = buildChangelog(model.revisions),
): Promise<void> {
  const latest = model.revisions.find((revision) => revision.isLatest);
  const conflicts = latest ? changelogRouteConflicts(latest) : [];
  if (conflicts.length > 0) {
    throw new SpecError(
      `Revision ${model.latest}: ${conflicts.join(' and ')} would be served at ${CHANGELOG_BASE}, which is the API changelog. Rename it.`,
    );
  }

  const { entries } = changelogNavigation(model, changelogs);

  const overview: ChangelogOverviewData = {
    entries: changelogs.map((changelog, index) => {
      const highlights = changelog.changes.filter(
        (change) => change.breaking || change.kind === 'operation-added' || change.kind === 'operation-removed',
      );
      return {
        ...entries[index]!,
        highlights: highlights.slice(0, HIGHLIGHTS),
        more: changelog.changes.length - Math.min(highlights.length, HIGHLIGHTS),
      };
    }),
    feeds: CHANGELOG_FEEDS,
  };
  addRoute({
    path: CHANGELOG_BASE,
    component: COMPONENTS.overview,
    exact: true,
    modules: { data: await createData('changelog.json', JSON.stringify(overview)) },
  });

  for (const changelog of changelogs) {
    const data: ChangelogRevisionData = { entries, changelog, feeds: CHANGELOG_FEEDS };
    addRoute({
      path: changelogUrl(changelog.revision),
      component: COMPONENTS.revision,
      exact: true,
      modules: { data: await createData(`changelog-${changelog.revision}.json`, JSON.stringify(data)) },
    });
  }

  // Served from `generated/feeds`, a static directory of docusaurus.config.ts, in dev and in the build. Not
  // `generated/static`: the artifacts step replaces that folder as a whole on every load.
  const siteUrl = `${context.siteConfig.url}${context.baseUrl}`.replace(/\/+$/, '');
  const site = { siteUrl, title: context.siteConfig.title };
  const feedDir = path.join(context.siteDir, 'generated', 'feeds');
  await Promise.all([
    writeIfChanged(path.join(feedDir, CHANGELOG_FEEDS.rss), renderRssFeed(changelogs, site)),
    writeIfChanged(path.join(feedDir, CHANGELOG_FEEDS.atom), renderAtomFeed(changelogs, site)),
  ]);
}
