import React, { useEffect, useState } from 'react';
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import useBaseUrl from '@docusaurus/useBaseUrl';
import NotFound from '@theme/NotFound';
import OperationPage from './OperationPage';
import TagPage from './TagPage';
import ReferenceLayout from './ReferenceLayout';
import { entryDataPath, entrySlug } from '../../plugins/api-reference/entry-data';
import type { ReferenceEntryData, ReferenceSidebarData } from '../../plugins/api-reference/types';

/**
 * One route component for every operation and tag page.
 *
 * The server (and the dev server) get the page's data as a route module. The production browser
 * bundle has a single `{basePath}/:slug` route instead (see the plugin's client-routes.ts), so
 * here the data comes from the JSON the server rendered into the page, or, after a client-side
 * navigation, from `/reference-data/{revision}/{slug}.json`.
 */
interface Props {
  data?: ReferenceEntryData;
  sidebar: ReferenceSidebarData;
  match: { params: { slug?: string } };
}

const EMBEDDED_DATA_ID = 'reference-entry-data';
const loaded = new Map<string, ReferenceEntryData>();
let embeddedRead = false;

function cachedEntry(path: string): ReferenceEntryData | undefined {
  if (!embeddedRead && ExecutionEnvironment.canUseDOM) {
    embeddedRead = true;
    const text = document.getElementById(EMBEDDED_DATA_ID)?.textContent;
    if (text) {
      const entry = JSON.parse(text) as ReferenceEntryData;
      loaded.set(entryDataPath(entry.revision, entrySlug(entry)), entry);
    }
  }
  return loaded.get(path);
}

async function fetchEntry(path: string, url: string): Promise<ReferenceEntryData> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const entry = (await response.json()) as ReferenceEntryData;
  loaded.set(path, entry);
  return entry;
}

/** `<` escaped so that no spec text can close the script element. */
function embeddedJson(entry: ReferenceEntryData): string {
  return JSON.stringify(entry).replace(/</g, '\\u003c');
}

function isKnownSlug(sidebar: ReferenceSidebarData, slug: string): boolean {
  const url = `${sidebar.basePath}/${slug}`;
  return sidebar.tags.some((tag) => tag.url === url || tag.operations.some((operation) => operation.url === url));
}

function useEntry(props: Props): { entry?: ReferenceEntryData; error?: string; known: boolean } {
  const slug = props.data ? entrySlug(props.data) : (props.match.params.slug ?? '');
  const known = props.data !== undefined || isKnownSlug(props.sidebar, slug);
  const path = entryDataPath(props.sidebar.revision, slug);
  const url = useBaseUrl(`/${path}`);
  const entry = props.data ?? cachedEntry(path);
  const [failure, setFailure] = useState<{ path: string; message: string }>();
  const [, setFetched] = useState<string>();

  useEffect(() => {
    if (entry || !known) return undefined;
    let current = true;
    fetchEntry(path, url).then(
      () => current && setFetched(path),
      (error: unknown) => current && setFailure({ path, message: String(error) }),
    );
    return () => {
      current = false;
    };
  }, [entry, known, path, url]);

  return { entry, known, error: failure?.path === path ? failure.message : undefined };
}

export default function ReferenceEntryRoute(props: Props): React.JSX.Element {
  const { entry, error, known } = useEntry(props);
  if (!known) return <NotFound />;
  if (!entry) {
    return (
      <ReferenceLayout
        title="API reference"
        description="Loading the page"
        sidebar={props.sidebar}
        activeUrl={`${props.sidebar.basePath}/${props.match.params.slug ?? ''}`}
        revision={props.sidebar.revision}
        isLatest
      >
        <p role="status" data-testid="reference-entry-status">
          {error ? `This page could not be loaded (${error}). Reload to try again.` : 'Loading…'}
        </p>
      </ReferenceLayout>
    );
  }
  return (
    <>
      {entry.kind === 'operation' ? (
        <OperationPage data={entry} sidebar={props.sidebar} />
      ) : (
        <TagPage data={entry} sidebar={props.sidebar} />
      )}
      <script id={EMBEDDED_DATA_ID} type="application/json" dangerouslySetInnerHTML={{ __html: embeddedJson(entry) }} />
    </>
  );
}
