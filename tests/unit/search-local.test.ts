import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyPageExtras, labelSections, sectionLabel, type SearchSection } from '../../src/plugins/search-local';
import { tokenize } from '../../src/plugins/search-local/query-tokenize';
import {
  addPageExtras,
  exactQueryKey,
  type IndexDocument,
  type SearchPageExtras,
  type SerializedIndex,
} from '../../src/plugins/search-local/page-extras';
import { promoteExactMatch, type RankedResult } from '../../src/plugins/search-local/rank-results';
import { badgeLineHtml, insertBeforeMarker } from '../../src/plugins/search-local/result-badge';
import {
  fieldSearchTitle,
  referenceSearchExtras,
  referenceSearchPages,
} from '../../src/plugins/api-reference/search-pages';
import { loadReferenceModel, type ReferenceModel } from '../../src/plugins/api-reference/spec';

interface LunrToken {
  toString(): string;
}
/** The lunr that builds the search index, resolved from the search plugin (typed for the two functions used). */
const pluginRequire = createRequire(createRequire(import.meta.url).resolve('@easyops-cn/docusaurus-search-local'));
const lunr = pluginRequire('lunr') as {
  tokenizer: (text: string) => LunrToken[];
  trimmer: (token: LunrToken) => LunrToken | undefined;
  Index: { load: (serialized: unknown) => { search: (query: string) => { ref: string }[] } };
};
/** The options the plugin builds its indexes with, as docusaurus.config.ts sets them. */
const INDEX_CONFIG = { language: ['en'], removeDefaultStopWordFilter: ['en'] };

const SECTIONS: SearchSection[] = [
  { path: 'reference', label: 'Reference' },
  { path: 'docs/community', label: 'Community' },
  { path: 'docs', label: 'Guides' },
  { path: 'blog', label: 'Blog' },
];

describe('query tokenizer', () => {
  it('trims punctuation around words like lunr trims indexed words', () => {
    expect(tokenize('/api/profiles/{id}')).toEqual(['api/profiles/{id']);
    expect(tokenize('#api-help')).toEqual(['api', 'help']);
    expect(tokenize('What is pagination?')).toEqual(['what', 'is', 'pagination']);
    expect(tokenize('get_profiles')).toEqual(['get_profiles']);
    expect(tokenize('  / ? ')).toEqual([]);
  });

  it('produces the terms that lunr stores for the same text', () => {
    for (const text of ['GET /api/profiles/{id}', 'Slack channel #api-help', 'page[cursor]', 'get_profiles,']) {
      const indexed = lunr.tokenizer(text).map((token) => lunr.trimmer(token)?.toString() ?? '');
      expect(tokenize(text)).toEqual(indexed.map((term) => term.toLowerCase()).filter(Boolean));
    }
  });
});

describe('section labels', () => {
  it('labels by the first matching route prefix', () => {
    expect(sectionLabel('/reference/get_profiles', '/', SECTIONS)).toBe('Reference');
    expect(sectionLabel('/reference', '/', SECTIONS)).toBe('Reference');
    expect(sectionLabel('/docs/community/code-of-conduct', '/', SECTIONS)).toBe('Community');
    expect(sectionLabel('/docs/guides/understanding-customer-data', '/', SECTIONS)).toBe('Guides');
    expect(sectionLabel('/blog/automating-sdks-from-openapi', '/', SECTIONS)).toBe('Blog');
    expect(sectionLabel('/portal/docs/sdks', '/portal/', SECTIONS)).toBe('Guides');
    expect(sectionLabel('/references', '/', SECTIONS)).toBeUndefined();
  });

  it('replaces the breadcrumb of every page document', () => {
    const indexes = [
      {
        documents: [
          { i: 1, t: 'Understanding customer data', u: '/docs/guides/understanding-customer-data', b: ['Guides'] },
          { i: 2, t: 'Get Profiles', u: '/reference/get_profiles', b: [] },
          { i: 3, t: 'Elsewhere', u: '/elsewhere', b: ['Something'] },
        ],
        index: {},
      },
    ];
    expect(labelSections(indexes, '/', SECTIONS)).toBe(2);
    expect(indexes[0]!.documents.map((doc) => doc.b)).toEqual([['Guides'], ['Reference'], []]);
  });
});

/** A serialized index of two pages (one with a heading), in the plugin's five-index layout. */
function smallIndex(): SerializedIndex[] {
  const titles: IndexDocument[] = [
    { i: 1, t: 'Create Campaign', u: '/reference/create_campaign', b: [] },
    { i: 2, t: 'Rate limits', u: '/docs/guides/rate-limits', b: [] },
  ];
  const headings: IndexDocument[] = [{ i: 3, t: 'Burst limits', u: '/docs/guides/rate-limits', h: '#burst', p: 2 }];
  return [titles, headings, [], [], [{ i: 4, t: 'text', u: '/docs/guides/rate-limits', h: '', p: 2 }]].map(
    (documents) => ({ documents, index: {} }),
  );
}

const CAMPAIGN_EXTRAS: SearchPageExtras = {
  url: '/reference/create_campaign',
  badge: 'POST',
  detail: '/api/campaigns',
  exact: ['create_campaign', 'POST /api/campaigns'],
  sections: [
    { title: 'included', hash: '#response-201-included', secondary: true },
    { title: 'send_strategy', hash: '#request-data-attributes-send_strategy' },
  ],
};

describe('page extras', () => {
  it('adds sections as heading documents of their page, with fresh ids, primary sections first', () => {
    const indexes = smallIndex();
    const headings = addPageExtras(indexes, [
      CAMPAIGN_EXTRAS,
      { url: '/reference/not_indexed', sections: [{ title: 'x', hash: '#x' }] },
    ]);
    expect(headings).toEqual([
      { i: 3, t: 'Burst limits', u: '/docs/guides/rate-limits', h: '#burst', p: 2 },
      { i: 5, t: 'send_strategy', u: '/reference/create_campaign', h: '#request-data-attributes-send_strategy', p: 1 },
      { i: 6, t: 'included', u: '/reference/create_campaign', h: '#response-201-included', p: 1 },
    ]);
    expect(indexes[0]!.documents[0]!.x).toEqual({
      m: 'POST',
      d: '/api/campaigns',
      q: ['create_campaign', 'post api/campaigns'],
    });
    expect(indexes[0]!.documents[1]!.x).toBeUndefined();
  });

  it("rebuilds the headings' index with the plugin's own builder, so field names are found", () => {
    const indexes = smallIndex();
    applyPageExtras(indexes, [CAMPAIGN_EXTRAS], INDEX_CONFIG);
    // As the browser gets it: serialized.
    const headings = lunr.Index.load(JSON.parse(JSON.stringify(indexes[1]!.index)));
    const found = (query: string) =>
      headings.search(query).map(({ ref }) => indexes[1]!.documents.find((doc) => String(doc.i) === ref)?.h);
    expect(found('send_strategy')).toEqual(['#request-data-attributes-send_strategy']);
    expect(found('burst')).toEqual(['#burst']);
    expect(indexes[1]!.documents).toHaveLength(3);
  });

  it('keys exact queries the way the search box tokenizes them', () => {
    expect(exactQueryKey('GET /api/events')).toBe(tokenize('get /api/events').join(' '));
    expect(exactQueryKey('get_events')).toBe('get_events');
  });
});

describe('ranking', () => {
  const page = (title: string, operationId: string, route: string) => ({
    t: title,
    x: { m: 'GET', d: route, q: [operationId, exactQueryKey(`GET ${route}`)] },
  });
  const getEvent = page('Get Event', 'get_event', '/api/events/{id}');
  const getEvents = page('Get Events', 'get_events', '/api/events');
  const keywords = (target: { t: string; x: object }, tokens: string[]): RankedResult => ({
    document: { t: 'keywords' },
    type: 3,
    page: target,
    tokens,
  });

  it('moves the page named exactly by its operationId or METHOD /path to the top', () => {
    const results = [keywords(getEvent, ['get_events']), keywords(getEvents, ['get_events'])];
    promoteExactMatch(results);
    expect(results[0]!.page).toBe(getEvents);

    const byPath = [
      { document: { t: 'text' }, type: 4, page: getEvent, tokens: ['get', 'api/events'] },
      keywords(getEvent, ['get', 'api/events']),
      keywords(getEvents, ['get', 'api/events']),
    ];
    promoteExactMatch(byPath);
    expect(byPath[0]!.page).toBe(getEvents);
  });

  it('moves a page whose title is the query to the top', () => {
    const titles: RankedResult[] = [
      { document: getEvent, type: 0, tokens: ['get', 'events'] },
      { document: getEvents, type: 0, tokens: ['get', 'events'] },
    ];
    promoteExactMatch(titles);
    expect(titles[0]!.document).toBe(getEvents);
  });

  it('keeps the order when nothing is named exactly, or only a section or a shorter query matches', () => {
    const partial = [keywords(getEvent, ['get_eve']), keywords(getEvents, ['get_eve'])];
    promoteExactMatch(partial);
    expect(partial[0]!.page).toBe(getEvent);

    const section = [
      keywords(getEvent, ['get_events']),
      { document: { t: 'get_events' }, type: 1, page: getEvents, tokens: ['get_events'] },
    ];
    promoteExactMatch(section);
    expect(section[0]!.page).toBe(getEvent);

    // `get_events extra` found nothing whole; a result found by `get_events` alone is not an exact match.
    const shorter = [keywords(getEvent, ['get_events', 'extra']), keywords(getEvents, ['get_events'])];
    promoteExactMatch(shorter);
    expect(shorter[0]!.page).toBe(getEvent);
  });
});

describe('result badge', () => {
  const classes = { line: 'line', badge: 'badge', variant: (method: string) => `m_${method}`, detail: 'detail' };

  it('shows method and path, escaped', () => {
    expect(badgeLineHtml({ m: 'GET', d: '/api/profiles' }, classes)).toBe(
      '<span class="line" data-result-badge><span class="badge m_get">GET</span> <code class="detail">/api/profiles</code></span>',
    );
    const hostile = badgeLineHtml({ m: '<b>', d: '/api/"><img src=x onerror=alert(1)>' }, classes);
    expect(hostile).not.toMatch(/<img|<b>|"><img/);
    expect(hostile).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(badgeLineHtml({ q: ['x'] }, classes)).toBe('');
  });

  it('goes at the end of the text column, before the action icon', () => {
    const html =
      '<span class="icon"></span><span class="wrap"><span class="title">T</span></span><span class="act">›</span>';
    expect(insertBeforeMarker(html, '<span class="act">', '<i>B</i>')).toBe(
      '<span class="icon"></span><span class="wrap"><span class="title">T</span><i>B</i></span><span class="act">›</span>',
    );
    expect(insertBeforeMarker('<span>T</span>', '<span class="act">', '<i>B</i>')).toBe('<span>T</span><i>B</i>');
  });
});

describe('reference search pages', () => {
  let model: ReferenceModel;
  const ROOT = path.resolve(__dirname, '../..');
  beforeAll(async () => {
    model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
  });
  const extrasOf = (operationId: string) =>
    referenceSearchExtras(model, '/').find((extra) => extra.url === `/reference/${operationId}`)!;

  it('gives every latest operation its method, path and exact queries', () => {
    const latest = model.revisions.find((revision) => revision.isLatest)!;
    const extras = referenceSearchExtras(model, '/portal/');
    expect(extras).toHaveLength(latest.operations.length);
    expect(extras.find((extra) => extra.url === '/portal/reference/get_events')).toMatchObject({
      badge: 'GET',
      detail: '/api/events',
      exact: ['get_events', 'GET /api/events'],
    });
    expect(referenceSearchPages({ plugins: [], baseUrl: '/' })).toEqual([]);
  });

  it('indexes each field name once, at its anchor, request fields before response fields', () => {
    const campaign = extrasOf('create_campaign').sections!;
    expect(campaign.filter((section) => section.title === 'send_strategy')).toEqual([
      { title: 'send_strategy', hash: '#request-data-attributes-send_strategy', secondary: false },
    ]);
    expect(extrasOf('get_campaigns').sections).toContainEqual(
      expect.objectContaining({ title: 'send_strategy', secondary: true }),
    );
    // An API key: no field anchor, so the top of the page, whose facts name it.
    expect(extrasOf('create_client_event').sections).toContainEqual(
      expect.objectContaining({ title: 'company_id', hash: '' }),
    );
    expect(extrasOf('get_profiles').sections!.map((section) => section.title)).not.toContain('company_id');
    expect(extrasOf('get_profiles').sections).toContainEqual(
      expect.objectContaining({ title: 'page[size] (page_size)', hash: '#param-page-size' }),
    );
  });

  it('leaves out error responses and names most operations share', () => {
    const titles = referenceSearchExtras(model, '/').flatMap((extra) =>
      extra.sections!.map((section) => section.title),
    );
    for (const common of ['data', 'id', 'type', 'attributes', 'revision', 'errors', 'detail']) {
      expect(titles, common).not.toContain(common);
    }
    expect(
      referenceSearchExtras(model, '/').every((extra) =>
        extra.sections!.every((section) => !/^#response-[^2]/.test(section.hash)),
      ),
    ).toBe(true);
  });

  it('searches bracketed parameter names by their flat form too', () => {
    expect(fieldSearchTitle('page[size]')).toBe('page[size] (page_size)');
    expect(fieldSearchTitle('send_strategy')).toBe('send_strategy');
    const indexed = lunr.tokenizer(fieldSearchTitle('page[size]')).map((token) => lunr.trimmer(token)?.toString());
    expect(indexed).toEqual(expect.arrayContaining(tokenize('page[size]').concat(tokenize('page_size'))));
  });
});
