import React, { useEffect, useState } from 'react';
import Link from '@docusaurus/Link';
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useIsBrowser from '@docusaurus/useIsBrowser';
import { useHistory, useLocation } from '@docusaurus/router';
import Heading from '@theme/Heading';
import Layout from '@theme/Layout';
import NotFound from '@theme/NotFound';
import ChangelogLayout from './ChangelogLayout';
import { BreakingBadge, ChangeLinks, InlineCode, KIND_LABELS } from './ChangeList';
import MethodBadge from '../ApiReference/MethodBadge';
import styles from './changelog.module.css';
import { comparePairKey, type OperationChangesData } from '../../changelog/types';
import { changelogUrl, operationChangesDataPath, operationChangesUrl } from '../../routes';

/**
 * One operation's changes between any two revisions, picked with two selects and kept in the URL
 * (`?from=…&to=…`) so a comparison can be shared. The HTML shows the default pair, which needs no script.
 *
 * The browser bundle folds every operation's page into one route (see the plugin's
 * operation-changes-routes.ts): the data comes from the route module on the server, from the JSON the
 * server embedded in the page, or, after a client-side navigation, from `reference-data/`.
 */
interface Props {
  data?: OperationChangesData;
  match: { params: { operationId?: string } };
}

const EMBEDDED_DATA_ID = 'operation-changes-data';
const loaded = new Map<string, OperationChangesData>();

function embeddedData(): OperationChangesData | undefined {
  if (!ExecutionEnvironment.canUseDOM) return undefined;
  const text = document.getElementById(EMBEDDED_DATA_ID)?.textContent;
  return text ? (JSON.parse(text) as OperationChangesData) : undefined;
}

function useOperationChanges({ data, match }: Props): OperationChangesData | 'loading' | 'missing' {
  const operationId = data?.operationId ?? match.params.operationId ?? '';
  const dataUrl = useBaseUrl(`/${operationChangesDataPath(operationId)}`);
  const [fetched, setFetched] = useState<{ operationId: string; data: OperationChangesData | null }>();
  if (!data && !loaded.has(operationId)) {
    const embedded = embeddedData();
    if (embedded) loaded.set(embedded.operationId, embedded);
  }
  const known = data ?? loaded.get(operationId);

  useEffect(() => {
    if (known) return undefined;
    let current = true;
    fetch(dataUrl)
      .then((response) => (response.ok ? (response.json() as Promise<OperationChangesData>) : null))
      .catch(() => null)
      .then((result) => {
        if (result) loaded.set(operationId, result);
        if (current) setFetched({ operationId, data: result });
      });
    return () => {
      current = false;
    };
  }, [known, dataUrl, operationId]);

  if (known) return known;
  return fetched?.operationId === operationId && fetched.data === null ? 'missing' : 'loading';
}

/** The pair the reader chose (from the URL, once hydrated), else the page's default. */
function useSelectedPair(
  data: OperationChangesData,
): [{ from: string; to: string }, (pair: { from: string; to: string }) => void] {
  const isBrowser = useIsBrowser();
  const location = useLocation();
  const history = useHistory();
  const known = new Set(data.revisions.map((revision) => revision.revision));
  const query = new URLSearchParams(isBrowser ? location.search : '');
  const pick = (name: 'from' | 'to') => {
    const value = query.get(name);
    return value && known.has(value) ? value : data.defaultPair[name];
  };
  const select = (pair: { from: string; to: string }) =>
    history.replace({
      search: new URL(operationChangesUrl(data.operationId, pair), 'https://x.invalid').search,
      hash: location.hash,
    });
  return [{ from: pick('from'), to: pick('to') }, select];
}

function Comparison({ data, from, to }: { data: OperationChangesData; from: string; to: string }): React.JSX.Element {
  if (from === to) return <p>Pick two different revisions to compare.</p>;
  const [older, newer] = from.localeCompare(to) < 0 ? [from, to] : [to, from];
  const changes = data.pairs[comparePairKey(older, newer)];
  return (
    <>
      <Heading as="h2" id="changes">
        From {older} to {newer}
      </Heading>
      {from !== older && (
        <p>
          Shown oldest first: the changes that lead from {older} to {newer}.
        </p>
      )}
      {!changes ? (
        <p>Neither revision has this operation.</p>
      ) : changes.length === 0 ? (
        <p>No changes to this operation between these revisions.</p>
      ) : (
        <ul className={styles.changes}>
          {changes.map((change) => (
            <li
              key={change.id}
              className={styles.change}
              data-kind={change.kind}
              data-breaking={change.breaking ? 'true' : 'false'}
              data-change-id={change.id}
            >
              {change.breaking && <BreakingBadge />}
              <span className={styles.kind}>{KIND_LABELS[change.kind]}</span>
              <span>
                <InlineCode text={change.description} />
              </span>
              <ChangeLinks links={change.links} />
              {change.changelogUrl && (
                <Link className={styles.permalink} to={change.changelogUrl} aria-label="This change in the changelog">
                  #
                </Link>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function RevisionSelect({
  name,
  label,
  value,
  data,
  onPick,
}: {
  name: 'from' | 'to';
  label: string;
  value: string;
  data: OperationChangesData;
  onPick: (revision: string) => void;
}): React.JSX.Element {
  return (
    <label>
      {label}{' '}
      <select name={name} value={value} onChange={(event) => onPick(event.target.value)}>
        {data.revisions.map((revision) => (
          <option key={revision.revision} value={revision.revision}>
            {`${revision.revision}${revision.isLatest ? ' (latest)' : revision.beta ? ' (beta)' : ''}${revision.url ? '' : ' (not in this revision)'}`}
          </option>
        ))}
      </select>
    </label>
  );
}

function OperationChanges({ data }: { data: OperationChangesData }): React.JSX.Element {
  const [{ from, to }, select] = useSelectedPair(data);
  const url = operationChangesUrl(data.operationId);
  const latestPage = data.revisions.find((revision) => revision.url);

  return (
    <ChangelogLayout
      title={`Changes to ${data.summary} (${data.operationId})`}
      description={`What changed in ${data.method.toUpperCase()} ${data.path} between any two API revisions.`}
      entries={data.entries}
      feeds={data.feeds}
      activeUrl={url}
    >
      <article data-operation-id={data.operationId}>
        <p>
          <Link to={changelogUrl()}>API changelog</Link> / {data.operationId}
        </p>
        <Heading as="h1">Changes to {data.summary}</Heading>
        <p>
          <MethodBadge method={data.method} /> <code>{data.path}</code>
          {latestPage && (
            <>
              {' '}
              · <Link to={latestPage.url!}>Reference page ({latestPage.revision})</Link>
            </>
          )}
        </p>
        <form className={styles.compareForm} onSubmit={(event) => event.preventDefault()} data-testid="compare-form">
          <RevisionSelect
            name="from"
            label="From"
            value={from}
            data={data}
            onPick={(value) => select({ from: value, to })}
          />
          <RevisionSelect name="to" label="to" value={to} data={data} onPick={(value) => select({ from, to: value })} />
        </form>
        <section data-testid="compare-result" data-from={from} data-to={to} aria-live="polite">
          <Comparison data={data} from={from} to={to} />
        </section>
      </article>
    </ChangelogLayout>
  );
}

/** `<` escaped so that no spec text can close the script element. */
function embeddedJson(data: OperationChangesData): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

export default function OperationChangesPage(props: Props): React.JSX.Element {
  const state = useOperationChanges(props);
  if (state === 'missing') return <NotFound />;
  if (state === 'loading') {
    return (
      <Layout title="API changelog">
        <main className="container margin-vert--lg">
          <p role="status">Loading…</p>
        </main>
      </Layout>
    );
  }
  return (
    <>
      <OperationChanges data={state} />
      <script
        id={EMBEDDED_DATA_ID}
        type="text/x-reference-data"
        dangerouslySetInnerHTML={{ __html: embeddedJson(state) }}
      />
    </>
  );
}
