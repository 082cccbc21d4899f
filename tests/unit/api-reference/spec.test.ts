import path from 'node:path';
import { symlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadReferenceModel } from '../../../src/plugins/api-reference/spec';
import { SpecError } from '../../../src/plugins/api-reference/spec/errors';
import { loadLintConfig, loadSpec } from '../../../src/plugins/api-reference/spec/load';
import { buildOperationSpec } from '../../../src/plugins/api-reference/spec/mini-spec';
import { firstSentence, tagSlug } from '../../../src/plugins/api-reference/spec/operations';
import { buildCodeSamples } from '../../../src/plugins/api-reference/samples/code-samples';
import { discoverRevisions } from '../../../src/plugins/api-reference/spec/revisions';
import { makeSpecsDir, miniSpec, OPERATION, ROOT } from '../helpers';

const GOOD = miniSpec({ paths: `  /api/things:\n    get:${OPERATION('get_things')}` });

/** `rootDir` holds the lint configuration (redocly.yaml); the project's by default. */
async function loadError(files: Record<string, string>, rootDir = ROOT): Promise<SpecError> {
  const dir = makeSpecsDir(files);
  try {
    await loadReferenceModel(dir, rootDir);
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

  it('lists beta revisions (YYYY-MM-DD.pre) after every stable one, so a beta is never the default', () => {
    const dir = makeSpecsDir({
      '2026-01-01/openapi.yaml': GOOD,
      '2026-03-01.pre/openapi.yaml': GOOD,
      '2026-02-01/openapi.yaml': GOOD,
      '2026-01-01.pre/openapi.yaml': GOOD,
    });
    expect(discoverRevisions(dir).map((r) => r.revision)).toEqual([
      '2026-02-01',
      '2026-01-01',
      '2026-03-01.pre',
      '2026-01-01.pre',
    ]);
  });

  it('refuses a folder that starts like a revision but is not one, and a set of betas only', () => {
    const misnamed = makeSpecsDir({ '2026-01-01/openapi.yaml': GOOD, '2026-02-01-beta/openapi.yaml': GOOD });
    expect(() => discoverRevisions(misnamed)).toThrow(/2026-02-01-beta is not a revision name: expected YYYY-MM-DD/);
    const betaOnly = makeSpecsDir({ '2026-02-01.pre/openapi.yaml': GOOD });
    expect(() => discoverRevisions(betaOnly)).toThrow(/beta is never the default/);
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

  it('URL-unsafe operationId', async () => {
    const spec = miniSpec({ paths: `  /api/things:\n    get:${OPERATION('get things/all')}` });
    const error = await loadError({ '2026-01-01/openapi.yaml': spec });
    expect(error.message).toContain('#/paths/~1api~1things/get/operationId');
    expect(error.message).toContain('[operation-operationId-url-safe]');
  });

  it('structural problems fail even when redocly.yaml turns their rules off', async () => {
    const lenient = makeSpecsDir({
      'redocly.yaml': [
        'extends: [recommended]',
        'rules:',
        '  no-unresolved-refs: off',
        '  operation-operationId: off',
        '  operation-operationId-unique: off',
        '  operation-operationId-url-safe: off',
      ].join('\n'),
    });
    const unsafe = miniSpec({ paths: `  /api/things:\n    get:${OPERATION('get things')}` });
    expect((await loadError({ '2026-01-01/openapi.yaml': unsafe }, lenient)).message).toContain(
      'operation-operationId-url-safe',
    );
    const dangling = GOOD.replace("'#/components/schemas/Thing'", "'#/components/schemas/Missing'");
    expect((await loadError({ '2026-01-01/openapi.yaml': dangling }, lenient)).message).toContain('no-unresolved-refs');
  });

  it('a style rule set to error names redocly.yaml and the rule; set to warn, it only warns', async () => {
    const strict = makeSpecsDir({ 'redocly.yaml': 'extends: [recommended]\nrules:\n  info-license: error\n' });
    const unlicensed = { '2026-01-01/openapi.yaml': GOOD.replace(/ {2}license:.*\n/, '') };
    const error = await loadError(unlicensed, strict);
    expect(error.message).toContain('[info-license]');
    expect(error.message).toMatch(/info-license is set to error by redocly\.yaml/);
    const relaxed = makeSpecsDir({ 'redocly.yaml': 'extends: [recommended]\nrules:\n  info-license: warn\n' });
    const model = await loadReferenceModel(makeSpecsDir(unlicensed), relaxed);
    expect(model.revisions[0]!.warnings.map((warning) => warning.ruleId)).toContain('info-license');
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
    const config = await loadLintConfig(makeSpecsDir({}));
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
  it('use the page revision, placeholders and the method each SDK manifest lists', async () => {
    const spec = miniSpec({ paths: `  /api/profiles:\n    get:${OPERATION('get_profiles')}` });
    const model = await loadReferenceModel(makeSpecsDir({ '2026-01-01/openapi.yaml': spec }), ROOT);
    const revision = model.revisions[0]!;
    const samples = buildCodeSamples(revision.spec, revision.operations[0]!, '2026-01-01');
    const byLanguage = Object.fromEntries(samples.map((s) => [s.language, s.code]));
    expect(byLanguage.curl).toContain("--header 'revision: 2026-01-01'");
    expect(byLanguage.curl).toContain('Klaviyo-API-Key YOUR_PRIVATE_API_KEY');
    expect(byLanguage.python).toContain('klaviyo.Profiles.get_profiles()');
    expect(byLanguage.python).toContain('klaviyo-api 24.0.0 sends the header revision: 2026-07-15');
    expect(byLanguage.node).toContain('const { body } = await profilesApi.getProfiles();');
    expect(byLanguage.php).toContain('$klaviyo->Profiles->getProfiles()');
    expect(byLanguage.php).not.toContain('wait_seconds');
    expect(byLanguage.ruby).toContain('KlaviyoAPI::Profiles.get_profiles()');
  });

  it('show only curl for an operation no SDK has a method for', async () => {
    const model = await loadReferenceModel(makeSpecsDir({ '2026-01-01/openapi.yaml': GOOD }), ROOT);
    const revision = model.revisions[0]!;
    const samples = buildCodeSamples(revision.spec, revision.operations[0]!, '2026-01-01');
    expect(samples.map((s) => s.language)).toEqual(['curl']);
  });

  it('reach Redoc as x-codeSamples, the browser fetch call of client endpoints included', async () => {
    const model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
    const revision = model.revisions[0]!;
    const operation = revision.operations.find((candidate) => candidate.operationId === 'create_client_event')!;
    const samples = buildCodeSamples(revision.spec, operation, revision.revision);
    const fetchSample = samples.find((sample) => sample.language === 'browser')!;
    expect(fetchSample.code).toContain('company_id');
    expect(fetchSample.code).toContain(revision.revision);
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
    const config = await loadLintConfig(makeSpecsDir({}));
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
