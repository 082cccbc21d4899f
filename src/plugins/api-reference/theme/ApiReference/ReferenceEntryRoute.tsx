import React, { useEffect, useState } from 'react';
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import useIsBrowser from '@docusaurus/useIsBrowser';
import siteConfig from '@generated/docusaurus.config';
import { usePluginData } from '@docusaurus/useGlobalData';
import Layout from '@theme/Layout';
import NotFound from '@theme/NotFound';
import TagPage from './TagPage';
import LandingPage from './LandingPage';
import RemovedOperationPage from './RemovedOperationPage';
import { entrySlug } from '../../entry-data';
import { entryDataPath, sidebarDataPath, withoutBaseUrl } from '../../routes';
import type { ApiReferenceGlobalData, OperationPageData, ReferenceEntryData, ReferenceSidebarData } from '../../types';
import { STATIC_CSS_ATTRIBUTE, STATIC_MARKUP_ATTRIBUTE } from './redoc-markup';
import { loadOperationPage, loadedOperationPage } from './loadOperationPage';
import { readSidebarMarkup, type SidebarFrame } from './sidebar-markup';

/**
 * One route component for a revision's landing, tag and operation pages.
 *
 * On the server (and the dev server) every page is its own route and gets its data and the
 * revision's sidebar as route modules. The production browser bundle has one `{basePath}/:slug?`
 * route per revision instead (see the plugin's client-routes.ts), so that no page downloads the
 * reference's route table or sidebar: here the data comes from the JSON the server embedded in the
 * page and the sidebar from the page's own sidebar markup (sidebar-markup.ts), or, after a client-side
 * navigation, from `reference-data/`.
 */
interface Props {
  data?: ReferenceEntryData;
  sidebar?: ReferenceSidebarData;
  match: { path: string; params: { slug?: string } };
}

interface EntryWithSidebar {
  entry: ReferenceEntryData;
  sidebar: ReferenceSidebarData;
}

/** What a page embeds: its data without Redoc's markup and CSS, and its sidebar's frame (sidebar-markup.ts). */
interface EmbeddedData {
  entry: ReferenceEntryData;
  sidebar: SidebarFrame;
}

const EMBEDDED_DATA_ID = 'reference-entry-data';
const entries = new Map<string, ReferenceEntryData>();
const sidebars = new Map<string, ReferenceSidebarData>();
let embeddedRead = false;

/** Called by the browser's route table (client-routes.ts) before React hydrates the page. */
export function preloadEntry(): Promise<unknown> | undefined {
  readEmbeddedData();
  const kinds = [...entries.values()].map((entry) => entry.kind);
  return kinds.includes('operation') ? loadOperationPage() : undefined;
}

/**
 * On an operation page's first load its chunk is fetched before React hydrates (`preloadEntry`), so the
 * page renders at once, as on the server; after a client-side navigation it shows "Loading…" until the
 * chunk arrives. (No Suspense boundary: React outlines a large one in the server HTML behind a script.)
 */
function LazyOperationPage(props: { data: OperationPageData; sidebar: ReferenceSidebarData }): React.JSX.Element {
  const [OperationPage, setOperationPage] = useState(loadedOperationPage);
  useEffect(() => {
    if (!OperationPage) void loadOperationPage().then((component) => setOperationPage(() => component));
  }, [OperationPage]);
  return OperationPage ? <OperationPage {...props} /> : <EntryStatus message="Loading…" />;
}

function readEmbeddedData(): void {
  if (embeddedRead || !ExecutionEnvironment.canUseDOM) return;
  embeddedRead = true;
  const text = document.getElementById(EMBEDDED_DATA_ID)?.textContent;
  if (!text) return;
  const { entry, sidebar } = JSON.parse(text) as EmbeddedData;
  // The page's HTML holds the sidebar's tags and operations; without them it is fetched (and React renders the
  // page again instead of hydrating it).
  const pageSidebar = readSidebarMarkup(document, sidebar, siteConfig.baseUrl);
  if (pageSidebar) sidebars.set(sidebar.revision, pageSidebar);
  if (entry.kind === 'operation') {
    // The embedded copy leaves out Redoc's markup and CSS: the page's HTML already holds them.
    entry.redoc = {
      html: document.querySelector(`[${STATIC_MARKUP_ATTRIBUTE}]`)?.innerHTML ?? '',
      css: document.querySelector(`[${STATIC_CSS_ATTRIBUTE}] style`)?.textContent ?? '',
    };
  }
  entries.set(entryDataPath(entry.revision, entrySlug(entry)), entry);
}

/** `null` when the server has no such file: the page does not exist. */
async function fetchJson<T>(url: string): Promise<T | null> {
  const response = await fetch(url);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

type State =
  | { kind: 'ready'; entry: ReferenceEntryData; sidebar: ReferenceSidebarData }
  | { kind: 'loading' | 'missing' }
  | { kind: 'failed'; message: string };

interface Request {
  path: string;
  revision: string;
  entryUrl: string;
  sidebarUrl: string;
}

async function load({ path, revision, entryUrl, sidebarUrl }: Request): Promise<State> {
  const [entry, sidebar] = await Promise.all([
    entries.get(path) ?? fetchJson<ReferenceEntryData>(entryUrl),
    sidebars.get(revision) ?? fetchJson<ReferenceSidebarData>(sidebarUrl),
  ]);
  if (!entry || !sidebar) return { kind: 'missing' };
  entries.set(path, entry);
  sidebars.set(revision, sidebar);
  return { kind: 'ready', entry, sidebar };
}

/** `<` escaped so that no spec text can close the script element. */
function embeddedJson({ entry, sidebar }: EntryWithSidebar): string {
  const embedded = {
    entry: entry.kind === 'operation' ? { ...entry, redoc: undefined } : entry,
    sidebar: { revision: sidebar.revision, basePath: sidebar.basePath } satisfies SidebarFrame,
  };
  return JSON.stringify(embedded).replace(/</g, '\\u003c');
}

function useEntry({ data, sidebar, match }: Props): State {
  const { revisions, latest } = usePluginData('api-reference') as ApiReferenceGlobalData;
  const { siteConfig } = useDocusaurusContext();
  // The folded route's path, e.g. `/repo/reference/v2026-04-15/:slug?`, without the site's base URL.
  const routeBase = match.path.replace(/\/:slug\?$/, '');
  const basePath = withoutBaseUrl(routeBase, siteConfig.baseUrl);
  const revision = data?.revision ?? revisions.find((candidate) => candidate.basePath === basePath)?.revision ?? latest;
  const path = entryDataPath(revision, data ? entrySlug(data) : (match.params.slug ?? ''));
  const entryUrl = useBaseUrl(`/${path}`);
  const sidebarUrl = useBaseUrl(`/${sidebarDataPath(revision)}`);
  const isBrowser = useIsBrowser();
  const [outcome, setOutcome] = useState<{ path: string; state: State }>();

  readEmbeddedData();
  const entry = data ?? entries.get(path);
  const pageSidebar = sidebar ?? sidebars.get(revision);
  // Hydrating a page whose HTML holds no reference data: the server rendered it as the 404 page.
  const [serverMissingPath] = useState(() => (!isBrowser && !(entry && pageSidebar) ? path : null));
  const needsLoad = isBrowser && !(entry && pageSidebar) && path !== serverMissingPath;

  useEffect(() => {
    if (!needsLoad) return undefined;
    let current = true;
    load({ path, revision, entryUrl, sidebarUrl }).then(
      (state) => current && setOutcome({ path, state }),
      (error: unknown) => current && setOutcome({ path, state: { kind: 'failed', message: String(error) } }),
    );
    return () => {
      current = false;
    };
  }, [needsLoad, path, revision, entryUrl, sidebarUrl]);

  if (entry && pageSidebar) return { kind: 'ready', entry, sidebar: pageSidebar };
  if (!isBrowser || path === serverMissingPath) return { kind: 'missing' };
  return outcome?.path === path ? outcome.state : { kind: 'loading' };
}

function EntryStatus({ message }: { message: string }): React.JSX.Element {
  return (
    <Layout title="API reference">
      <main className="container margin-vert--lg">
        <p role="status" data-testid="reference-entry-status">
          {message}
        </p>
      </main>
    </Layout>
  );
}

function EntryPage({ entry, sidebar }: EntryWithSidebar): React.JSX.Element {
  switch (entry.kind) {
    case 'operation':
      return <LazyOperationPage data={entry} sidebar={sidebar} />;
    case 'tag':
      return <TagPage data={entry} sidebar={sidebar} />;
    case 'landing':
      return <LandingPage data={entry} sidebar={sidebar} />;
    case 'removed':
      return <RemovedOperationPage data={entry} sidebar={sidebar} />;
  }
}

export default function ReferenceEntryRoute(props: Props): React.JSX.Element {
  const state = useEntry(props);
  if (state.kind === 'missing') return <NotFound />;
  if (state.kind !== 'ready') {
    return (
      <EntryStatus
        message={
          state.kind === 'failed'
            ? `This page could not be loaded (${state.message}). Reload to try again.`
            : 'Loading…'
        }
      />
    );
  }
  const embedded = { entry: state.entry, sidebar: state.sidebar };
  return (
    <>
      <EntryPage {...embedded} />
      {/* Not typed as JSON: the build's HTML minifier re-serializes JSON scripts with their keys sorted, which
          reorders the spec's properties and makes Redoc's hydrated markup differ from the server's. */}
      <script
        id={EMBEDDED_DATA_ID}
        type="text/x-reference-data"
        dangerouslySetInnerHTML={{ __html: embeddedJson(embedded) }}
      />
    </>
  );
}
