import { describe, expect, it } from 'vitest';
import { loadReferenceModel } from '../../../src/plugins/api-reference/spec';
import { listOperations } from '../../../src/plugins/api-reference/spec/operations';
import type { OpenApiDocument } from '../../../src/plugins/api-reference/spec/types';
import {
  buildChangelog,
  diffRevisions,
  flattenSchema,
  type ApiChange,
  type ChangelogRevision,
} from '../../../src/plugins/api-reference/changelog/diff';
import { renderAtomFeed, renderRssFeed } from '../../../src/plugins/api-reference/changelog/feeds';
import { changelogRouteConflicts } from '../../../src/plugins/api-reference/changelog/routes';
import { ROOT } from '../helpers';
import { HAS_REAL_SPEC, REAL_SPEC_DIR, REAL_SPEC_SKIP_REASON } from '../../real-spec-fixture';

type Json = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** A small bundled spec: `paths` maps a path to its path item; schemas go under components. */
function spec(paths: Record<string, Json>, schemas: Json = {}, parameters: Json = {}): OpenApiDocument {
  return {
    openapi: '3.0.3',
    info: { title: 'Test', version: '1' },
    paths,
    components: { schemas, parameters },
  } as OpenApiDocument;
}

function revision(name: string, document: OpenApiDocument, isLatest = false): ChangelogRevision {
  return {
    revision: name,
    isLatest,
    basePath: isLatest ? '/reference' : `/reference/v${name}`,
    spec: document,
    operations: listOperations(document, `${name}/openapi.yaml`),
  };
}

function diff(before: OpenApiDocument, after: OpenApiDocument): ApiChange[] {
  return diffRevisions(revision('2026-01-01', before), revision('2026-02-01', after, true));
}

const getThing = (extra: Json = {}) => ({
  get: {
    operationId: 'get_thing',
    summary: 'Get thing',
    responses: { '200': { description: 'OK', content: { 'application/json': { schema: ref('ThingDocument') } } } },
    ...extra,
  },
});

const createThing = (bodySchema: Json, extra: Json = {}) => ({
  post: {
    operationId: 'create_thing',
    summary: 'Create thing',
    requestBody: { required: true, content: { 'application/json': { schema: bodySchema } } },
    responses: { '201': { description: 'Created' } },
    ...extra,
  },
});

const THING = (attributes: Json, required: string[] = []) => ({
  ThingDocument: { type: 'object', properties: { data: ref('Thing') } },
  Thing: {
    type: 'object',
    required: ['id'],
    properties: { id: { type: 'string' }, attributes: { type: 'object', required, properties: attributes } },
  },
});

describe('operations', () => {
  it('reports an added operation, not breaking, linking the newer revision', () => {
    const changes = diff(spec({}), spec({ '/things/{id}': getThing() }, THING({})));
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'operation-added',
        breaking: false,
        operationId: 'get_thing',
        url: '/reference/get_thing',
        revision: '2026-02-01',
      }),
    ]);
  });

  it('reports a removed operation as breaking, linking the older revision page', () => {
    const changes = diff(spec({ '/things/{id}': getThing() }, THING({})), spec({}));
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'operation-removed',
        breaking: true,
        url: '/reference/v2026-01-01/get_thing',
        revision: '2026-01-01',
      }),
    ]);
  });

  it('reports a deprecation', () => {
    const changes = diff(
      spec({ '/things/{id}': getThing() }, THING({})),
      spec({ '/things/{id}': getThing({ deprecated: true }) }, THING({})),
    );
    expect(changes.map((change) => [change.kind, change.breaking])).toEqual([['operation-deprecated', false]]);
  });

  it('reports nothing for identical revisions', () => {
    const document = spec({ '/things/{id}': getThing() }, THING({ name: { type: 'string' } }));
    expect(diff(document, structuredClone(document))).toEqual([]);
  });
});

describe('parameters', () => {
  const withParameters = (parameters: unknown[]) =>
    spec({ '/things/{id}': getThing({ parameters }) }, THING({}), {
      Filter: { name: 'filter', in: 'query', schema: { type: 'string' } },
    });

  it('reports an optional parameter added as not breaking and a required one as breaking', () => {
    const changes = diff(
      withParameters([]),
      withParameters([
        { $ref: '#/components/parameters/Filter' },
        { name: 'revision', in: 'header', required: true, schema: { type: 'string' } },
      ]),
    );
    expect(changes.map((change) => [change.kind, change.breaking, change.description])).toEqual([
      ['parameter-added', true, 'New required header `revision`.'],
      ['parameter-added', false, 'New optional query parameter `filter`.'],
    ]);
  });

  it('reports a removed parameter as breaking', () => {
    const changes = diff(withParameters([{ $ref: '#/components/parameters/Filter' }]), withParameters([]));
    expect(changes).toEqual([expect.objectContaining({ kind: 'parameter-removed', breaking: true })]);
  });

  it('reports a parameter made required', () => {
    const changes = diff(
      withParameters([{ name: 'sort', in: 'query', schema: { type: 'string' } }]),
      withParameters([{ name: 'sort', in: 'query', required: true, schema: { type: 'string' } }]),
    );
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'parameter-required',
        breaking: true,
        description: 'Query parameter `sort` is now required.',
      }),
    ]);
  });

  it('reports a deprecated parameter and enum values of array items', () => {
    const fields = (values: string[], deprecated = false) => [
      {
        name: 'fields[thing]',
        in: 'query',
        deprecated,
        schema: { type: 'array', items: { type: 'string', enum: values } },
      },
    ];
    const changes = diff(withParameters(fields(['name', 'size'])), withParameters(fields(['name', 'color'], true)));
    expect(changes.map((change) => [change.kind, change.breaking, change.description])).toEqual([
      ['enum-value-removed', true, 'Query parameter `fields[thing]` (each item) no longer accepts `size`.'],
      ['parameter-deprecated', false, 'Query parameter `fields[thing]` is deprecated.'],
      ['enum-value-added', false, 'Query parameter `fields[thing]` (each item) now also accepts `color`.'],
    ]);
  });

  it('reports a parameter type change', () => {
    const changes = diff(
      withParameters([{ name: 'page', in: 'query', schema: { type: 'string' } }]),
      withParameters([{ name: 'page', in: 'query', schema: { type: 'integer' } }]),
    );
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'type-changed',
        breaking: true,
        description: 'The type of query parameter `page` changed from `string` to `integer`.',
      }),
    ]);
  });
});

describe('request bodies', () => {
  const body = (properties: Json, required: string[] = []) =>
    spec(
      { '/things': createThing(ref('CreateThing')) },
      {
        CreateThing: {
          type: 'object',
          properties: { data: { type: 'object', properties: { attributes: ref('CreateAttributes') } } },
        },
        CreateAttributes: { type: 'object', required, properties },
      },
    );

  it('reports optional and required properties added', () => {
    const changes = diff(
      body({ name: { type: 'string' } }),
      body({ name: { type: 'string' }, color: { type: 'string' }, size: { type: 'integer' } }, ['size']),
    );
    expect(changes.map((change) => [change.kind, change.breaking, change.description])).toEqual([
      ['request-property-added', true, 'New required property `data.attributes.size` in the request body.'],
      ['request-property-added', false, 'New optional property `data.attributes.color` in the request body.'],
    ]);
  });

  it('reports a removed property once, not once per nested field', () => {
    const changes = diff(
      body({ name: { type: 'string' }, address: { type: 'object', properties: { city: { type: 'string' } } } }),
      body({ name: { type: 'string' } }),
    );
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'request-property-removed',
        breaking: true,
        description: 'Property `data.attributes.address` was removed from the request body.',
      }),
    ]);
  });

  it('reports a property made required as breaking', () => {
    const changes = diff(body({ secret: { type: 'string' } }), body({ secret: { type: 'string' } }, ['secret']));
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'request-property-required',
        breaking: true,
        description: '`data.attributes.secret` in the request body is now required.',
      }),
    ]);
  });

  it('reports enum values removed (breaking) and added, through allOf', () => {
    const withStrategy = (values: string[]) => {
      const document = body({ strategy: { allOf: [ref('Strategy')] } });
      document.components!.schemas!.Strategy = { type: 'string', enum: values };
      return document;
    };
    const [before, after] = [withStrategy(['immediate', 'throttled']), withStrategy(['immediate', 'smart'])];
    expect(diff(before, after).map((change) => [change.kind, change.breaking, change.description])).toEqual([
      ['enum-value-removed', true, '`data.attributes.strategy` in the request body no longer accepts `throttled`.'],
      ['enum-value-added', false, '`data.attributes.strategy` in the request body now also accepts `smart`.'],
    ]);
  });

  it('reports a type change', () => {
    const changes = diff(body({ size: { type: 'string' } }), body({ size: { type: 'integer', format: 'int32' } }));
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'type-changed',
        breaking: true,
        description:
          'The type of `data.attributes.size` in the request body changed from `string` to `integer (int32)`.',
      }),
    ]);
  });

  it('reports a deprecated property', () => {
    const changes = diff(body({ size: { type: 'string' } }), body({ size: { type: 'string', deprecated: true } }));
    expect(changes).toEqual([expect.objectContaining({ kind: 'property-deprecated', breaking: false })]);
  });
});

describe('response bodies', () => {
  const response = (attributes: Json, required: string[] = []) =>
    spec({ '/things/{id}': getThing() }, THING(attributes, required));

  it('reports an added property as not breaking and a removed one as breaking', () => {
    const changes = diff(response({ old: { type: 'string' } }), response({ fresh: { type: 'string' } }));
    expect(changes.map((change) => [change.kind, change.breaking, change.description])).toEqual([
      ['response-property-removed', true, 'Property `data.attributes.old` was removed from the 200 response.'],
      ['response-property-added', false, 'New property `data.attributes.fresh` in the 200 response.'],
    ]);
  });

  it('reports a property made required (always present) as not breaking', () => {
    const changes = diff(response({ name: { type: 'string' } }), response({ name: { type: 'string' } }, ['name']));
    expect(changes).toEqual([expect.objectContaining({ kind: 'response-property-required', breaking: false })]);
  });

  it('treats a response enum value removed as not breaking', () => {
    const changes = diff(
      response({ status: { type: 'string', enum: ['draft', 'live', 'manual'] } }),
      response({ status: { type: 'string', enum: ['draft', 'live'] } }),
    );
    expect(changes).toEqual([
      expect.objectContaining({
        kind: 'enum-value-removed',
        breaking: false,
        description: '`data.attributes.status` in the 200 response can no longer return `manual`.',
      }),
    ]);
  });
});

describe('change locations, anchors and links', () => {
  const withList = (attributes: Json, parameters: unknown[] = [], required: string[] = []) =>
    spec(
      {
        '/things/{id}': getThing({ parameters }),
      },
      {
        ThingDocument: { type: 'object', properties: { data: { type: 'array', items: ref('Thing') } } },
        Thing: { type: 'object', properties: { attributes: { type: 'object', required, properties: attributes } } },
      },
    );

  it('names the field of each change with its anchor id, array items transparent', () => {
    const changes = diff(
      withList({ status: { type: 'string', enum: ['a', 'b'] } }, [{ name: 'page[size]', in: 'query' }]),
      withList({ status: { type: 'string', enum: ['a'] }, label: { type: 'string' } }, [
        { name: 'page[size]', in: 'query', required: true },
      ]),
    );
    expect(changes.map((change) => [change.kind, change.field?.anchor, change.field?.label])).toEqual([
      ['parameter-required', 'param-page-size', 'page[size]'],
      ['response-property-added', 'response-200-data-attributes-label', 'data.attributes.label'],
      ['enum-value-removed', 'response-200-data-attributes-status', 'data.attributes.status'],
    ]);
    expect(changes[2]!.field!.location).toEqual({
      kind: 'response',
      status: '200',
      path: ['data', 'attributes', 'status'],
    });
  });

  it('links the field in both revisions where it exists, else the operation page, else nothing', () => {
    const changes = diff(
      withList({ status: { type: 'string' }, gone: { type: 'string' } }),
      withList({ status: { type: 'string' }, fresh: { type: 'string' } }, [], ['status']),
    );
    const byKind = Object.fromEntries(changes.map((change) => [change.kind, change.links]));
    expect(byKind['response-property-required']).toEqual({
      before: {
        revision: '2026-01-01',
        url: '/reference/v2026-01-01/get_thing#response-200-data-attributes-status',
        field: true,
      },
      after: { revision: '2026-02-01', url: '/reference/get_thing#response-200-data-attributes-status', field: true },
    });
    expect(byKind['response-property-added']).toEqual({
      before: { revision: '2026-01-01', url: '/reference/v2026-01-01/get_thing', field: false },
      after: { revision: '2026-02-01', url: '/reference/get_thing#response-200-data-attributes-fresh', field: true },
    });
    expect(byKind['response-property-removed']!.before?.url).toBe(
      '/reference/v2026-01-01/get_thing#response-200-data-attributes-gone',
    );
    expect(byKind['response-property-removed']!.after).toEqual({
      revision: '2026-02-01',
      url: '/reference/get_thing',
      field: false,
    });

    const removed = diff(withList({}), spec({}));
    expect(removed[0]!.links).toEqual({
      before: { revision: '2026-01-01', url: '/reference/v2026-01-01/get_thing', field: false },
      after: null,
    });
  });

  it('derives anchor ids from operation, kind and field, not from position', () => {
    const before = withList({ a: { type: 'string' } });
    const ids = diff(before, withList({ a: { type: 'string' }, b: { type: 'string' } })).map((change) => change.id);
    expect(ids).toEqual(['change-get_thing-response-property-added-response-200-data-attributes-b']);
    // More changes around it leave its id alone.
    const more = diff(
      before,
      withList({ b: { type: 'string' }, c: { type: 'string' } }, [{ name: 'sort', in: 'query' }]),
    ).map((change) => change.id);
    expect(more).toContain('change-get_thing-response-property-added-response-200-data-attributes-b');
    expect(more).toContain('change-get_thing-parameter-added-param-sort');
    expect(new Set(more).size).toBe(more.length);
    expect(diff(spec({}), withList({}))[0]!.id).toBe('change-get_thing-operation-added');
  });

  it('numbers two changes of one kind on one field (an array and its items changing type)', () => {
    const changes = diff(
      withList({ tags: { type: 'array', items: { type: 'string' } } }),
      withList({ tags: { type: 'array', items: { type: 'integer' } } }),
    );
    expect(changes.map((change) => change.id)).toEqual([
      'change-get_thing-type-changed-response-200-data-attributes-tags',
      'change-get_thing-type-changed-response-200-data-attributes-tags-2',
    ]);
  });
});

describe('$ref resolution', () => {
  it('follows refs and stops at cycles', () => {
    const document = spec(
      {},
      {
        Node: {
          type: 'object',
          properties: { name: { type: 'string' }, children: { type: 'array', items: ref('Node') } },
        },
      },
    );
    const fields = flattenSchema(document, ref('Node'));
    expect([...fields.keys()]).toEqual(['', 'name', 'children', 'children[]']);
    expect(fields.get('children')?.type).toBe('array of object');
  });

  it('diffs properties of a recursive schema without looping', () => {
    const tree = (extra: Json) =>
      spec(
        { '/things/{id}': getThing() },
        {
          ThingDocument: { type: 'object', properties: { data: ref('Node') } },
          Node: { type: 'object', properties: { parent: ref('Node'), ...extra } },
        },
      );
    const changes = diff(tree({}), tree({ label: { type: 'string' } }));
    expect(changes.map((change) => change.description)).toEqual(['New property `data.label` in the 200 response.']);
  });
});

describe('operation-level parameters', () => {
  const pageSize = (where: string, required: boolean, type = 'integer') => ({
    name: 'page[size]',
    in: 'query',
    required,
    description: where,
    schema: { type },
  });
  const withParameters = (pathLevel: Json[], operationLevel: Json[]) =>
    spec(
      {
        '/things/{id}': {
          parameters: pathLevel,
          ...getThing(operationLevel.length > 0 ? { parameters: operationLevel } : {}),
        },
      },
      THING({}),
    );

  it("compare the operation's own parameter where it overrides the path item's", () => {
    // The path item keeps an optional integer `page[size]`; the operation's own one becomes a required string.
    const changes = diff(
      withParameters([pageSize('path', false)], []),
      withParameters([pageSize('path', false)], [pageSize('operation', true, 'string')]),
    );
    expect(changes.map((change) => change.description)).toEqual([
      'Query parameter `page[size]` is now required.',
      'The type of query parameter `page[size]` changed from `integer` to `string`.',
    ]);
  });

  it('report nothing when an override only moves a parameter from the path item to the operation', () => {
    expect(diff(withParameters([pageSize('path', true)], []), withParameters([], [pageSize('op', true)]))).toEqual([]);
  });
});

describe('changelog', () => {
  it('lists breaking changes first and has one entry per revision, newest first', () => {
    const older = revision('2026-01-01', spec({ '/things/{id}': getThing() }, THING({})));
    const newer = revision('2026-02-01', spec({ '/things': createThing({ type: 'object' }) }, THING({})), true);
    const changelog = buildChangelog([older, newer]);
    expect(changelog.map((entry) => [entry.revision, entry.previous])).toEqual([
      ['2026-02-01', '2026-01-01'],
      ['2026-01-01', null],
    ]);
    expect(changelog[0]!.changes.map((change) => change.kind)).toEqual(['operation-removed', 'operation-added']);
    expect(changelog[0]!.counts).toEqual({ total: 2, breaking: 1, operationsAdded: 1, operationsRemoved: 1 });
  });

  it('renders RSS and Atom feeds with absolute, escaped links', () => {
    const older = revision('2026-01-01', spec({}));
    const newer = revision('2026-02-01', spec({ '/things/{id}': getThing() }, THING({})), true);
    const changelog = buildChangelog([older, newer]);
    const site = { siteUrl: 'https://example.com/docs', title: 'A & B' };
    const rss = renderRssFeed(changelog, site);
    expect(rss).toContain('<link>https://example.com/docs/reference/changelog/2026-02-01</link>');
    expect(rss).toContain('<title>A &amp; B API changelog</title>');
    expect(rss).toContain('https://example.com/docs/reference/get_thing');
    expect(rss).toContain(
      '<atom:link href="https://example.com/docs/reference/changelog/feed.xml" rel="self" type="application/rss+xml"/>',
    );
    expect(rss.match(/<item>/g)).toHaveLength(1);
    // `feed` wraps item titles and HTML content in CDATA; the HTML inside is escaped once.
    expect(rss).toContain('<title><![CDATA[API revision 2026-02-01: 1 change(s), 0 breaking');
    expect(rss).toContain(
      '<a href="https://example.com/docs/reference/get_thing">get_thing</a>: New operation <code>GET /things/{id}</code>.',
    );
    const atom = renderAtomFeed(changelog, site);
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    expect(atom).toContain('<link rel="self" href="https://example.com/docs/reference/changelog/atom.xml"/>');
    expect(atom).toContain('<link href="https://example.com/docs/reference/changelog/2026-02-01"/>');
    expect(atom).toContain('<updated>2026-02-01T00:00:00.000Z</updated>');
    expect(atom.match(/<entry>/g)).toHaveLength(1);
  });

  it('finds a tag or operation that would take the /reference/changelog URL', () => {
    const document = spec({ '/things/{id}': getThing() }, THING({}));
    const latest = revision('2026-02-01', document, true);
    expect(
      changelogRouteConflicts({ operations: latest.operations, tags: [{ name: 'Things', slug: 'things' }] }),
    ).toEqual([]);
    expect(
      changelogRouteConflicts({ operations: latest.operations, tags: [{ name: 'Changelog', slug: 'changelog' }] }),
    ).toEqual(['tag "Changelog"']);
  });
});

describe('specs on disk', () => {
  it("reports added, removed and changed operations between the tests' own two revisions", async () => {
    const model = await loadReferenceModel(`${ROOT}/tests/fixtures/changelog-specs`, ROOT);
    const [latest] = buildChangelog(model.revisions);
    expect(latest!.revision).toBe('2026-02-01');
    expect(latest!.previous).toBe('2026-01-01');
    expect(latest!.counts.operationsAdded).toBe(1);
    expect(latest!.counts.operationsRemoved).toBe(1);
    const summary = latest!.changes.map(
      (change) => `${change.kind}${change.breaking ? '!' : ''} ${change.operationId}`,
    );
    expect(summary).toEqual(
      expect.arrayContaining([
        'operation-added get_widget_sizes',
        'operation-removed! get_widget_colors',
        'operation-deprecated get_widget',
        'parameter-added get_widgets',
        'parameter-added! get_widgets',
        'parameter-removed! get_widgets',
        'request-property-required! create_widget',
        'request-property-removed! create_widget',
        'enum-value-removed! create_widget',
        'response-property-added get_widget',
      ]),
    );
  });

  it.skipIf(!HAS_REAL_SPEC)('reports the 36 operations added to the real spec and no removal', async () => {
    const model = await loadReferenceModel(REAL_SPEC_DIR, ROOT);
    const [latest] = buildChangelog(model.revisions);
    expect(latest!.revision).toBe('2026-07-15');
    expect(latest!.previous).toBe('2026-04-15');
    expect(latest!.counts.operationsAdded).toBe(36);
    expect(latest!.counts.operationsRemoved).toBe(0);
    expect(latest!.changes.filter((change) => change.kind === 'operation-added')).toHaveLength(36);
  });
  if (!HAS_REAL_SPEC) console.log(REAL_SPEC_SKIP_REASON);

  it("reports the project spec's documented differences", async () => {
    const model = await loadReferenceModel(`${ROOT}/specs`, ROOT);
    const [latest] = buildChangelog(model.revisions);
    const summary = latest!.changes.map(
      (change) => `${change.kind}${change.breaking ? '!' : ''} ${change.operationId}`,
    );
    expect(summary).toEqual(
      expect.arrayContaining([
        'operation-removed! get_flow_actions',
        'operation-removed! get_list_tags',
        'operation-added render_template',
        'operation-added get_webhook_topics',
        'parameter-added get_segments',
        'request-property-required! create_webhook',
        'operation-deprecated update_flow',
        'enum-value-removed! create_campaign',
      ]),
    );
    // Breaking changes come first.
    const firstNonBreaking = latest!.changes.findIndex((change) => !change.breaking);
    expect(latest!.changes.slice(firstNonBreaking).every((change) => !change.breaking)).toBe(true);
  });
});
