import { describe, expect, it } from 'vitest';
import { listOperations, groupByTag } from '../../../src/plugins/api-reference/spec/operations';
import type { OpenApiDocument } from '../../../src/plugins/api-reference/spec/types';
import { buildChangelog } from '../../../src/plugins/api-reference/changelog/diff';
import {
  buildOperationComparisons,
  buildOperationHistories,
} from '../../../src/plugins/api-reference/changelog/history';
import { removedOperationPages } from '../../../src/plugins/api-reference/changelog/removed';
import { comparePairKey } from '../../../src/plugins/api-reference/changelog/types';
import { loadReferenceModel } from '../../../src/plugins/api-reference/spec';
import { ROOT } from '../helpers';

type Json = Record<string, unknown>;

function spec(paths: Record<string, Json>): OpenApiDocument {
  return { openapi: '3.0.3', info: { title: 'Test', version: '1' }, paths } as OpenApiDocument;
}

const LATEST = '2026-03-01';

function revision(name: string, document: OpenApiDocument) {
  const operations = listOperations(document, `${name}/openapi.yaml`);
  return {
    revision: name,
    isLatest: name === LATEST,
    basePath: name === LATEST ? '/reference' : `/reference/v${name}`,
    spec: document,
    operations,
    tags: groupByTag(document, operations),
  };
}

const listThings = (parameters: Json[] = [], extra: Json = {}) => ({
  '/things': {
    get: {
      operationId: 'list_things',
      summary: 'List things',
      tags: ['Things'],
      parameters,
      responses: { '200': { description: 'OK' } },
      ...extra,
    },
  },
});
const getWidget = {
  '/widgets/{id}': {
    get: {
      operationId: 'get_widget',
      summary: 'Get widget',
      tags: ['Widgets'],
      responses: { '200': { description: 'OK' } },
    },
  },
};
const filter = (required: boolean) => ({ name: 'filter', in: 'query', required, schema: { type: 'string' } });

/** Jan: list_things + get_widget; Feb: `filter` added, get_widget removed; Mar: `filter` required, deprecated. */
function threeRevisions(): ReturnType<typeof revision>[] {
  return [
    revision('2026-03-01', spec(listThings([filter(true)], { deprecated: true }))),
    revision('2026-02-01', spec(listThings([filter(false)]))),
    revision('2026-01-01', spec({ ...listThings(), ...getWidget })),
  ];
}

const navigation = { entries: [], feeds: { rss: '/feed.xml', atom: '/atom.xml' } };

describe('operation history', () => {
  it("lists each revision's changes to the operation, newest first, from the changelog's own diff", () => {
    const revisions = threeRevisions();
    const changelogs = buildChangelog(revisions);
    const history = buildOperationHistories(revisions, changelogs).get('list_things')!;
    expect(history.since).toBe('2026-01-01');
    expect(history.compareUrl).toBe('/reference/changelog/operations/list_things');
    expect(history.entries.map((entry) => [entry.revision, entry.previous, entry.changes.map((c) => c.kind)])).toEqual([
      ['2026-03-01', '2026-02-01', ['parameter-required', 'operation-deprecated']],
      ['2026-02-01', '2026-01-01', ['parameter-added']],
    ]);
    const required = history.entries[0]!.changes[0]!;
    expect(required).toEqual({
      id: 'change-list_things-parameter-required-param-filter',
      kind: 'parameter-required',
      breaking: true,
      description: 'Query parameter `filter` is now required.',
      field: { label: 'filter', anchor: 'param-filter' },
      links: {
        before: { revision: '2026-02-01', url: '/reference/v2026-02-01/list_things#param-filter', field: true },
        after: { revision: '2026-03-01', url: '/reference/list_things#param-filter', field: true },
      },
      changelogUrl: '/reference/changelog/2026-03-01#change-list_things-parameter-required-param-filter',
    });
    // The changelog's entry has the same id: the history links to it.
    expect(changelogs[0]!.changes.map((change) => change.id)).toContain(required.id);
  });

  it('has an entry per operation of any revision, removed ones too, and no "since" for later additions', () => {
    const revisions = threeRevisions();
    revisions[0] = revision(
      '2026-03-01',
      spec({
        ...listThings([filter(true)], { deprecated: true }),
        '/new': { get: { operationId: 'get_new', summary: 'New', responses: {} } },
      }),
    );
    const histories = buildOperationHistories(revisions, buildChangelog(revisions));
    expect([...histories.keys()].sort()).toEqual(['get_new', 'get_widget', 'list_things']);
    expect(histories.get('get_new')!.since).toBeNull();
    expect(histories.get('get_new')!.entries[0]!.changes[0]!.kind).toBe('operation-added');
    expect(histories.get('get_widget')!.entries.map((entry) => entry.revision)).toEqual(['2026-02-01']);
    expect(histories.get('get_widget')!.entries[0]!.changes[0]!.links.after).toBeNull();
  });

  it('offers no compare view with a single revision', () => {
    const revisions = [revision('2026-03-01', spec(listThings()))];
    const history = buildOperationHistories(revisions, buildChangelog(revisions)).get('list_things')!;
    expect(history).toEqual({ operationId: 'list_things', since: '2026-03-01', entries: [], compareUrl: null });
    expect(buildOperationComparisons(revisions, buildChangelog(revisions), navigation).size).toBe(0);
  });
});

describe('compare view data', () => {
  it('holds every pair of revisions, older first, with the default pair previous → latest', () => {
    const revisions = threeRevisions();
    const changelogs = buildChangelog(revisions);
    const data = buildOperationComparisons(revisions, changelogs, navigation).get('list_things')!;
    expect(data.defaultPair).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(Object.keys(data.pairs).sort()).toEqual([
      comparePairKey('2026-01-01', '2026-02-01'),
      comparePairKey('2026-01-01', '2026-03-01'),
      comparePairKey('2026-02-01', '2026-03-01'),
    ]);
    // Across two revisions the diff is direct: a new required parameter, no "added" then "required".
    const acrossTwo = data.pairs[comparePairKey('2026-01-01', '2026-03-01')]!;
    expect(acrossTwo.map((change) => [change.kind, change.breaking])).toEqual([
      ['parameter-added', true],
      ['operation-deprecated', false],
    ]);
    // No changelog page compares those two, so no entry to link; consecutive pairs link theirs.
    expect(acrossTwo.every((change) => change.changelogUrl === undefined)).toBe(true);
    expect(data.pairs[comparePairKey('2026-01-01', '2026-02-01')]![0]!.changelogUrl).toBe(
      '/reference/changelog/2026-02-01#change-list_things-parameter-added-param-filter',
    );
    expect(data.revisions.map((entry) => [entry.revision, entry.url])).toEqual([
      ['2026-03-01', '/reference/list_things'],
      ['2026-02-01', '/reference/v2026-02-01/list_things'],
      ['2026-01-01', '/reference/v2026-01-01/list_things'],
    ]);
    expect(data).toMatchObject({ summary: 'List things', method: 'get', path: '/things' });
  });

  it('defaults to previous → latest with a beta revision around, and labels the beta in the history', () => {
    const revisions = [
      ...threeRevisions(),
      revision('2026-03-01.pre', spec(listThings([filter(true), { name: 'sort', in: 'query' }]))),
    ];
    const changelogs = buildChangelog(revisions);
    const data = buildOperationComparisons(revisions, changelogs, navigation).get('list_things')!;
    expect(data.defaultPair).toEqual({ from: '2026-02-01', to: '2026-03-01' });
    expect(data.revisions.map((entry) => [entry.revision, entry.beta])).toEqual([
      ['2026-03-01', false],
      ['2026-02-01', false],
      ['2026-01-01', false],
      ['2026-03-01.pre', true],
    ]);
    const history = buildOperationHistories(revisions, changelogs).get('list_things')!;
    expect(history.entries[0]).toMatchObject({ revision: '2026-03-01.pre', previous: '2026-03-01', beta: true });
  });

  it("defaults a removed operation to the comparison that removed it and leaves out pairs that don't have it", () => {
    const revisions = threeRevisions();
    const data = buildOperationComparisons(revisions, buildChangelog(revisions), navigation).get('get_widget')!;
    expect(data.defaultPair).toEqual({ from: '2026-01-01', to: '2026-02-01' });
    expect(Object.keys(data.pairs).sort()).toEqual([
      comparePairKey('2026-01-01', '2026-02-01'),
      comparePairKey('2026-01-01', '2026-03-01'),
    ]);
    expect(data.pairs[comparePairKey('2026-01-01', '2026-03-01')]!.map((change) => change.kind)).toEqual([
      'operation-removed',
    ]);
  });
});

describe('removed operations', () => {
  it('get a page at their latest URL naming the revision that removed them and the last one that has them', () => {
    const revisions = threeRevisions();
    const changelogs = buildChangelog(revisions);
    const pages = removedOperationPages(revisions, changelogs, buildOperationHistories(revisions, changelogs));
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({
      kind: 'removed',
      revision: LATEST,
      basePath: '/reference',
      operation: { operationId: 'get_widget', summary: 'Get widget', method: 'get', path: '/widgets/{id}' },
      removedIn: '2026-02-01',
      lastRevision: { revision: '2026-01-01', url: '/reference/v2026-01-01/get_widget' },
      changelogEntryUrl: '/reference/changelog/2026-02-01#change-get_widget-operation-removed',
      otherRevisions: [
        { revision: '2026-02-01', isLatest: false, url: null },
        { revision: '2026-01-01', isLatest: false, url: '/reference/v2026-01-01/get_widget' },
      ],
    });
  });

  it('skip an operationId that the latest revision serves as a tag page', () => {
    const gadgets = { '/gadgets': { get: { operationId: 'gadgets', summary: 'Gadgets', responses: {} } } };
    const revisions = [
      revision(LATEST, spec({ '/g': { get: { operationId: 'list_g', tags: ['Gadgets'], responses: {} } } })),
      revision('2026-02-01', spec({ ...listThings(), ...gadgets })),
    ];
    const changelogs = buildChangelog(revisions);
    const pages = removedOperationPages(revisions, changelogs, buildOperationHistories(revisions, changelogs));
    expect(pages.map((page) => page.operation.operationId)).toEqual(['list_things']);
  });

  it("are the project spec's two removed operations", async () => {
    const model = await loadReferenceModel(`${ROOT}/specs`, ROOT);
    const changelogs = buildChangelog(model.revisions);
    const pages = removedOperationPages(
      model.revisions,
      changelogs,
      buildOperationHistories(model.revisions, changelogs),
    );
    expect(
      pages.map((page) => [page.operation.operationId, page.removedIn, page.lastRevision.revision]).sort(),
    ).toEqual([
      ['get_flow_actions', '2026-07-15', '2026-04-15'],
      ['get_list_tags', '2026-07-15', '2026-04-15'],
    ]);
  });
});
