import path from 'node:path';
import { symlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadReferenceModel } from '../../src/spec-pipeline';
import { SpecError } from '../../src/spec-pipeline/errors';
import { createConfig } from '@redocly/openapi-core';
import { loadSpec } from '../../src/spec-pipeline/load';
import { buildOperationSpec } from '../../src/spec-pipeline/mini-spec';
import { firstSentence, tagSlug } from '../../src/spec-pipeline/operations';
import { buildCodeSamples } from '../../src/spec-pipeline/code-samples';
import { discoverRevisions } from '../../src/spec-pipeline/revisions';
import { makeSpecsDir, miniSpec, OPERATION, ROOT } from './helpers';

const GOOD = miniSpec({ paths: `  /api/things:\n    get:${OPERATION('get_things')}` });

async function loadError(files: Record<string, string>): Promise<SpecError> {
  const dir = makeSpecsDir(files);
  try {
    await loadReferenceModel(dir, ROOT);
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return error as SpecError;
  }
  throw new Error('expected the spec to be rejected');
}

describe('revisions', () => {
  it('finds dated folders newest first and ignores others', () => {
    const dir = makeSpecsDir({
      '2026-01-01/openapi.yaml': GOOD,
      '2026-03-01/openapi.json': '{}',
      'drafts/openapi.yaml': GOOD,
    });
    expect(discoverRevisions(dir).map((r) => r.revision)).toEqual(['2026-03-01', '2026-01-01']);
  });

  it('follows a revision folder that is a symlink, and ignores a dated file', () => {
    const elsewhere = makeSpecsDir({ '2026-05-01/openapi.yaml': GOOD });
    const dir = makeSpecsDir({ '2026-01-01/openapi.yaml': GOOD, '2026-02-01': 'not a folder' });
    symlinkSync(path.join(elsewhere, '2026-05-01'), path.join(dir, '2026-05-01'));
    expect(discoverRevisions(dir).map((r) => r.revision)).toEqual(['2026-05-01', '2026-01-01']);
  });
});

describe('loading a good spec', () => {
  it('lists operations with tag, auth, rate limits and scopes', async () => {
    const model = await loadReferenceModel(makeSpecsDir({ '2026-01-01/openapi.yaml': GOOD }), ROOT);
    const [operation] = model.revisions[0]!.operations;
    expect(operation).toMatchObject({
      operationId: 'get_things',
      method: 'get',
      path: '/api/things',
      tag: 'Things',
      auth: 'private',
      rateLimit: { burst: '10/s', steady: '150/m' },
      scopes: ['things:read'],
      firstSentence: 'Lists things.',
      pointer: '#/paths/~1api~1things/get',
    });
    expect(model.revisions[0]!.basePath).toBe('/reference');
  });

  it('bundles files the entry file $refs', async () => {
    const entry = miniSpec({ paths: `  /api/things:\n    $ref: './paths/things.yaml'` });
    const dir = makeSpecsDir({
      '2026-01-01/openapi.yaml': entry,
      '2026-01-01/paths/things.yaml': `get:${OPERATION('get_things').replace(/^ {4}/gm, '')}`.replace(
        "'#/components/schemas/Thing'",
        "'../openapi.yaml#/components/schemas/Thing'",
      ),
    });
    const model = await loadReferenceModel(dir, ROOT);
    expect(model.revisions[0]!.operations.map((o) => o.operationId)).toEqual(['get_things']);
    expect(model.revisions[0]!.files.some((file) => file.endsWith(path.join('paths', 'things.yaml')))).toBe(true);
  });

  it('puts older revisions under /reference/v{revision}', async () => {
    const model = await loadReferenceModel(
      makeSpecsDir({ '2026-01-01/openapi.yaml': GOOD, '2026-02-01/openapi.yaml': GOOD }),
      ROOT,
    );
    expect(model.revisions.map((r) => [r.revision, r.basePath])).toEqual([
      ['2026-02-01', '/reference'],
      ['2026-01-01', '/reference/v2026-01-01'],
    ]);
  });
});

describe('bad input gets one readable error naming file, line and pointer', () => {
  it('YAML syntax error', async () => {
    const error = await loadError({ '2026-01-01/openapi.yaml': GOOD.replace('paths:', 'paths: [unclosed') });
    expect(error.message).toMatch(/2026-01-01[\\/]openapi\.yaml:\d+/);
    expect(error.message).toMatch(/syntax error/);
    expect(error.message.length).toBeLessThan(1000);
    expect(error.stack).not.toMatch(/\n\s+at /);
  });

  it('dangling $ref', async () => {
    const error = await loadError({
      '2026-01-01/openapi.yaml': GOOD.replace("'#/components/schemas/Thing'", "'#/components/schemas/Missing'"),
    });
    expect(error.message).toContain('openapi.yaml:');
    expect(error.message).toContain('#/paths/~1api~1things/get/responses/200/content/application~1json/schema');
    expect(error.message).toMatch(/Missing|resolve/i);
  });

  it('dangling $ref to a missing file', async () => {
    const error = await loadError({
      '2026-01-01/openapi.yaml': miniSpec({ paths: `  /api/things:\n    $ref: './paths/nope.yaml'` }),
    });
    expect(error.message).toContain('#/paths/~1api~1things');
    expect(error.message).toMatch(/nope\.yaml/);
  });

  it('duplicate operationId', async () => {
    const spec = miniSpec({
      paths: `  /api/things:\n    get:${OPERATION('get_things')}  /api/other:\n    get:${OPERATION('get_things')}`,
    });
    const error = await loadError({ '2026-01-01/openapi.yaml': spec });
    expect(error.message).toMatch(/operationId|get_things/);
    expect(error.message).toContain('#/paths/~1api~1other/get');
  });

  it('missing operationId', async () => {
    const spec = miniSpec({
      paths: `  /api/things:\n    get:${OPERATION('get_things').replace(/\s+operationId: get_things/, '')}`,
    });
    const error = await loadError({ '2026-01-01/openapi.yaml': spec });
    expect(error.message).toContain('#/paths/~1api~1things/get');
    expect(error.message).toMatch(/operationId/);
  });

  it('lint error (no servers, invalid example type) fails; the message has the rule', async () => {
    const spec = GOOD.replace(/servers:\n {2}- url: https:\/\/a\.example\.com\n/, '').replace(
      '      x-klaviyo-ratelimit',
      "      parameters:\n        - { name: limit, in: query, schema: { type: integer }, example: 'many' }\n      x-klaviyo-ratelimit",
    );
    const error = await loadError({ '2026-01-01/openapi.yaml': spec });
    expect(error.message).toMatch(/\[[a-z0-9-]+\]/);
    expect(error.message).toMatch(/openapi\.yaml:\d+/);
  });

  it('lint warnings are returned, not thrown', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const dir = makeSpecsDir({ '2026-01-01/openapi.yaml': GOOD.replace(/ {2}license:.*\n/, '') });
    const loaded = await loadSpec(path.join(dir, '2026-01-01/openapi.yaml'), config);
    expect(loaded.warnings.some((w) => w.ruleId === 'info-license')).toBe(true);
  });
});

describe('operation spec for one page', () => {
  it('holds the operation and only the components it references', async () => {
    const model = await loadReferenceModel(makeSpecsDir({ '2026-01-01/openapi.yaml': GOOD }), ROOT);
    const revision = model.revisions[0]!;
    const slim = buildOperationSpec(revision.spec, revision.operations[0]!);
    expect(Object.keys(slim.paths!)).toEqual(['/api/things']);
    expect(Object.keys(slim.components!.schemas!).sort()).toEqual(['Child', 'Thing']);
    expect(JSON.stringify(slim)).not.toContain('Unused');
  });
});

describe('code samples', () => {
  it('use the page revision, placeholders and the SDK naming convention', async () => {
    const model = await loadReferenceModel(makeSpecsDir({ '2026-01-01/openapi.yaml': GOOD }), ROOT);
    const revision = model.revisions[0]!;
    const samples = buildCodeSamples(revision.spec, revision.operations[0]!, '2026-01-01');
    const byLanguage = Object.fromEntries(samples.map((s) => [s.language, s.code]));
    expect(byLanguage.curl).toContain("--header 'revision: 2026-01-01'");
    expect(byLanguage.curl).toContain('Klaviyo-API-Key YOUR_PRIVATE_API_KEY');
    expect(byLanguage.python).toContain('klaviyo.Things.get_things()');
    expect(byLanguage.node).toContain('thingsApi.getThings()');
    expect(byLanguage.php).toContain('$klaviyo->Things->getThings()');
    expect(byLanguage.ruby).toContain('KlaviyoAPI::Things.get_things()');
    // Private-key endpoints are not called from browsers: no fetch sample.
    expect(byLanguage.fetch).toBeUndefined();
  });

  it('add a browser fetch call for client endpoints of the real spec, and reach Redoc as x-codeSamples', async () => {
    const model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
    const revision = model.revisions[0]!;
    const operation = revision.operations.find((candidate) => candidate.operationId === 'create_client_event')!;
    const samples = buildCodeSamples(revision.spec, operation, revision.revision);
    const fetchSample = samples.find((sample) => sample.language === 'fetch')!;
    expect(fetchSample.code).toContain(
      "await fetch('https://a.klaviyo.com/client/events?company_id=YOUR_PUBLIC_API_KEY'",
    );
    expect(fetchSample.code).toContain("method: 'POST'");
    expect(fetchSample.code).toContain(`revision: '${revision.revision}'`);
    expect(fetchSample.code).toContain('body: JSON.stringify({');
    const slim = buildOperationSpec(revision.spec, operation, samples);
    const codeSamples = (slim.paths![operation.path]![operation.method] as { 'x-codeSamples': unknown[] })[
      'x-codeSamples'
    ];
    expect(codeSamples.map((sample) => (sample as { label: string }).label)).toEqual(
      samples.map((sample) => sample.label),
    );
    // The shared spec is not changed.
    expect(revision.spec.paths![operation.path]![operation.method]).not.toHaveProperty('x-codeSamples');
  });
});

describe('text helpers', () => {
  it('firstSentence strips markdown and HTML', () => {
    expect(firstSentence('Get **all** [profiles](http://x) in an account.<br>More.')).toBe(
      'Get all profiles in an account.',
    );
  });
  it('tagSlug', () => {
    expect(tagSlug('Custom Objects')).toBe('custom-objects');
  });
});

describe("the project's own specs", () => {
  it('lint clean under Redocly recommended (no errors, no warnings) with 40+ operations in 10+ tags', async () => {
    const config = await createConfig({ extends: ['recommended'] });
    for (const { entryFile } of discoverRevisions(path.join(ROOT, 'specs'))) {
      const loaded = await loadSpec(entryFile, config, ROOT);
      expect(loaded.warnings, entryFile).toEqual([]);
    }
    const model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
    const latest = model.revisions[0]!;
    expect(latest.operations.length).toBeGreaterThanOrEqual(40);
    expect(latest.tags.length).toBeGreaterThanOrEqual(10);
    for (const id of ['get_profiles', 'get_events', 'get_metrics', 'create_client_event', 'query_metric_aggregates']) {
      expect(latest.operations.map((o) => o.operationId)).toContain(id);
    }
  });
});

describe('untrusted spec text', () => {
  it('loses scripts and event handlers but keeps Markdown', async () => {
    const hostile = GOOD.replace(
      'description: Lists things. More text follows here.',
      `description: "Lists **things**. <script>window.__xss = 1</script><img src=x onerror=\\"window.__xss = 2\\"> <a href=\\"javascript:alert(1)\\">x</a> <b>bold</b>"`,
    );
    const model = await loadReferenceModel(makeSpecsDir({ '2026-01-01/openapi.yaml': hostile }), ROOT);
    const description = (model.revisions[0]!.spec.paths!['/api/things']!.get as { description: string }).description;
    expect(description).toContain('Lists **things**.');
    expect(description).toContain('<b>bold</b>');
    expect(description).not.toMatch(/<script|onerror|javascript:/i);
  });
});
