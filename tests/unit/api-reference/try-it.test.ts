import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceModel, type RevisionModel } from '../../../src/plugins/api-reference/spec';
import { buildOperationSpec } from '../../../src/plugins/api-reference/spec/mini-spec';
import { buildCodeSamples } from '../../../src/plugins/api-reference/samples/code-samples';
import { requestExample, resolveRef } from '../../../src/plugins/api-reference/openapi';
import type { OperationInfo } from '../../../src/plugins/api-reference/spec/operations';
import type { OpenApiDocument, OperationObject } from '../../../src/plugins/api-reference/spec/types';
import {
  CUSTOM_SERVER,
  buildRequest,
  filledSamples,
  formParameters,
  initialState,
  readShareFragment,
  shareFragment,
} from '../../../src/plugins/api-reference/theme/ApiReference/TryIt/model';
import { OperationValidator } from '../../../src/plugins/api-reference/theme/ApiReference/TryIt/validate';
import {
  lineOf,
  locateJsonValues,
  offsetFor,
} from '../../../src/plugins/api-reference/theme/ApiReference/TryIt/json-locate';
import { ROOT } from '../helpers';

let latest: RevisionModel;
const SERVERS = [{ url: 'https://a.klaviyo.com' }];

function page(operationId: string): { info: OperationInfo; spec: OpenApiDocument } {
  const info = latest.operations.find((operation) => operation.operationId === operationId)!;
  return { info, spec: buildOperationSpec(latest.spec, info) };
}

beforeAll(async () => {
  const model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
  latest = model.revisions[0]!;
});

describe('Try it form model', () => {
  it('lists parameters with enums, defaults and required flags, and prefills the revision and the body example', () => {
    const { info, spec } = page('get_profiles');
    const parameters = formParameters(spec, info);
    const sort = parameters.find((p) => p.name === 'sort')!;
    expect(sort.in).toBe('query');
    expect(sort.schema.enum).toContain('-created');
    expect(parameters.find((p) => p.name === 'revision')).toMatchObject({ in: 'header', required: true });
    const state = initialState(spec, info, latest.revision, SERVERS);
    expect(state.params['header:revision']).toBe(latest.revision);
    expect(state.server).toBe('https://a.klaviyo.com');

    const event = page('create_client_event');
    expect(JSON.parse(initialState(event.spec, event.info, latest.revision, SERVERS).body)).toEqual(
      requestExample(latest.spec, latest.spec.paths!['/client/events']!.post as OperationObject),
    );
  });

  it('builds the request: company_id for client operations, the private key only in the Authorization header', () => {
    const client = page('create_client_event');
    const clientState = { ...initialState(client.spec, client.info, '2026-07-15', SERVERS), server: CUSTOM_SERVER };
    clientState.customServer = 'http://127.0.0.1:4010/';
    const clientRequest = buildRequest(
      client.info,
      formParameters(client.spec, client.info),
      clientState,
      { privateKey: 'pk_secret', publicKey: 'ABC123' },
      true,
    );
    expect(clientRequest.url).toBe('http://127.0.0.1:4010/client/events?company_id=ABC123');
    expect(clientRequest.headers).toMatchObject({ revision: '2026-07-15', 'content-type': 'application/vnd.api+json' });
    expect(JSON.stringify(clientRequest)).not.toContain('pk_secret');

    const server = page('get_profiles');
    const parameters = formParameters(server.spec, server.info);
    const state = initialState(server.spec, server.info, '2026-07-15', SERVERS);
    state.params['query:page[size]'] = '5';
    state.params['query:fields[profile]'] = 'email,first_name';
    const request = buildRequest(server.info, parameters, state, { privateKey: 'pk_secret', publicKey: '' }, false);
    expect(request.url).toBe(
      'https://a.klaviyo.com/api/profiles?fields%5Bprofile%5D=email%2Cfirst_name&page%5Bsize%5D=5',
    );
    expect(request.headers.Authorization).toBe('Klaviyo-API-Key pk_secret');
    expect(request.url).not.toContain('pk_secret');
  });

  it('puts path parameters into the path, encoded, and into the SDK calls as positional arguments', () => {
    const { info, spec } = page('get_profile');
    const parameters = formParameters(spec, info);
    expect(parameters.find((p) => p.name === 'id')).toMatchObject({ in: 'path', required: true });
    const state = initialState(spec, info, '2026-07-15', SERVERS);
    state.params['path:id'] = '01GD/DK';
    const request = buildRequest(info, parameters, state, { privateKey: 'k', publicKey: '' }, false);
    expect(request.url).toBe('https://a.klaviyo.com/api/profiles/01GD%2FDK');
    const node = filledSamples(spec, info, parameters, state, { publicKey: '' }, undefined).find(
      (s) => s.language === 'node',
    )!;
    expect(node.code).toContain('profilesApi.getProfile("01GD/DK")');
  });

  it('turns the filled-in form into curl and SDK calls with the shared sample generator, never with the private key', () => {
    const { info, spec } = page('get_profiles');
    const parameters = formParameters(spec, info);
    const state = {
      ...initialState(spec, info, '2026-07-15', SERVERS),
      server: CUSTOM_SERVER,
      customServer: 'http://localhost:9',
    };
    state.params['query:page[size]'] = '5';
    state.params['query:filter'] = 'equals(email,"a@b.co")';
    const samples = Object.fromEntries(
      filledSamples(spec, info, parameters, state, { publicKey: '' }, undefined).map((s) => [s.language, s.code]),
    );
    expect(samples.curl).toContain(
      "--url 'http://localhost:9/api/profiles?filter=equals(email%2C%22a%40b.co%22)&page%5Bsize%5D=5'",
    );
    expect(samples.curl).toContain('Klaviyo-API-Key YOUR_PRIVATE_API_KEY');
    // Optional values go under each SDK's own option names, from its manifest.
    expect(samples.node).toContain(
      'profilesApi.getProfiles({\n  filter: "equals(email,\\"a@b.co\\")",\n  pageSize: 5\n})',
    );
    expect(samples.python).toContain('klaviyo.Profiles.get_profiles(filter="equals(email,\\"a@b.co\\")", page_size=5)');
    expect(samples.php).toContain(`getProfiles(filter: 'equals(email,"a@b.co")', page_size: 5)`);
    expect(samples.ruby).toContain('get_profiles({ filter: "equals(email,\\"a@b.co\\")", page_size: 5 })');
  });

  it('leaves the reference samples as they were for an operation without query values', () => {
    const { info } = page('create_client_event');
    const curl = buildCodeSamples(latest.spec, info, latest.revision)[0]!.code;
    expect(curl).toContain("--url 'https://a.klaviyo.com/client/events?company_id=YOUR_PUBLIC_API_KEY'");
  });

  it('shares every field but the key, and restores it', () => {
    const { info, spec } = page('get_profiles');
    const base = initialState(spec, info, '2026-07-15', SERVERS);
    const filled = {
      ...base,
      server: CUSTOM_SERVER,
      customServer: 'http://127.0.0.1:4010',
      params: { ...base.params, 'query:sort': '-created', 'query:filter': 'équals("ü")' },
    };
    const fragment = shareFragment(filled);
    expect(fragment).toMatch(/^#try-it=[A-Za-z0-9_-]+$/);
    expect(readShareFragment(fragment, base)).toEqual(filled);
    expect(readShareFragment('#try-it=%%%', base)).toEqual(base);
    expect(Object.keys(filled)).not.toContain('privateKey');
  });
});

describe('Try it validation (Ajv on the page mini-spec)', () => {
  it("every operation's request example and documented response examples match their schemas", () => {
    for (const info of latest.operations) {
      const spec = buildOperationSpec(latest.spec, info);
      const validator = new OperationValidator(spec, info);
      const operation = spec.paths![info.path]![info.method] as OperationObject;
      const example = requestExample(spec, operation);
      if (example !== undefined) expect(validator.validateRequestBody(example), info.operationId).toEqual([]);
      for (const [status, raw] of Object.entries(operation.responses ?? {})) {
        expect(validator.responseFor(Number(status))?.key, `${info.operationId} ${status}`).toBe(status);
        const response = resolveRef<{ content?: Record<string, { example?: unknown }> }>(spec, raw);
        for (const media of Object.values(response?.content ?? {})) {
          if (media.example === undefined) continue;
          expect(
            validator.validateResponseBody(Number(status), media.example),
            `${info.operationId} ${status}`,
          ).toEqual([]);
        }
      }
    }
  });

  it('reports a wrong enum value and a missing property at their fields', () => {
    const { info, spec } = page('create_client_event');
    const validator = new OperationValidator(spec, info);
    const body = JSON.parse(initialState(spec, info, '2026-07-15', SERVERS).body);
    body.data.type = 'evnt';
    delete body.data.attributes.metric;
    const errors = validator.validateRequestBody(body);
    expect(errors).toContainEqual({ pointer: '/data/type', message: 'must be one of "event"' });
    expect(errors).toContainEqual({ pointer: '/data/attributes/metric', message: 'is required' });
  });

  it('checks a response body against the schema of its status', () => {
    const { info, spec } = page('get_profiles');
    const validator = new OperationValidator(spec, info);
    expect(
      validator.validateResponseBody(200, {
        data: [],
        links: { self: 'https://a.klaviyo.com/api/profiles', next: null, prev: null },
      }),
    ).toEqual([]);
    const errors = validator.validateResponseBody(200, { data: [{ type: 'profile', id: 7 }] }).map((e) => e.pointer);
    expect(errors).toContain('/data/0/id');
    expect(errors).toContain('/links');
    expect(validator.responseFor(418)).toBeUndefined();
  });

  it('locates a pointer at its line, or at the object that lacks it', () => {
    const text = '{\n  "data": {\n    "type": "x",\n    "list": [1, {"a": 2}]\n  }\n}';
    const offsets = locateJsonValues(text);
    expect(lineOf(text, offsetFor(offsets, '/data/type'))).toBe(3);
    expect(lineOf(text, offsetFor(offsets, '/data/list/1/a'))).toBe(4);
    expect(lineOf(text, offsetFor(offsets, '/data/missing'))).toBe(2);
  });
});
