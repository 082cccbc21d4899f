import { describe, expect, it } from 'vitest';
import {
  mergedSchema,
  operationParameters,
  requestExample,
  resolvePointer,
  resolveRef,
} from '../../../src/plugins/api-reference/openapi';
import { buildCodeSamples } from '../../../src/plugins/api-reference/samples/code-samples';
import { listOperations } from '../../../src/plugins/api-reference/spec/operations';
import type { OpenApiDocument } from '../../../src/plugins/api-reference/spec/types';

const spec = {
  openapi: '3.0.3',
  info: { title: 'T', version: '1' },
  servers: [{ url: 'https://a.klaviyo.com' }],
  security: [{ 'Klaviyo-API-Key': [] }],
  paths: {
    '/api/profiles/{id}': {
      parameters: [
        { name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: 'PATH_LEVEL' },
        { $ref: '#/components/parameters/Revision' },
      ],
      get: {
        operationId: 'get_profile',
        tags: ['Profiles'],
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: '01GDDKASAP' }],
        responses: { '200': { description: 'OK' } },
      },
    },
  },
  components: {
    securitySchemes: { 'Klaviyo-API-Key': { type: 'apiKey', in: 'header', name: 'Authorization' } },
    parameters: { Revision: { name: 'revision', in: 'header', required: true, schema: { type: 'string' } } },
    schemas: {
      A: { $ref: '#/components/schemas/B' },
      B: { $ref: '#/components/schemas/A' },
      'a/b~c': { type: 'string' },
      Named: { allOf: [{ properties: { x: { type: 'string' } }, required: ['x'] }, { properties: { y: {} } }] },
    },
  },
} as unknown as OpenApiDocument;

describe('the OpenAPI walker', () => {
  it('resolves escaped pointers and stops on a cycle of refs', () => {
    expect(resolvePointer(spec, '#/components/schemas/a~1b~0c')).toEqual({ type: 'string' });
    expect(resolveRef(spec, { $ref: '#/components/schemas/A' })).toBeUndefined();
    expect(resolveRef(spec, { $ref: '#/components/schemas/missing' })).toBeUndefined();
  });

  it('lets an operation-level parameter override the path-level one of the same name and location', () => {
    const parameters = operationParameters(spec, '/api/profiles/{id}', 'get');
    expect(parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['path:id', 'header:revision']);
    expect(parameters[0]!.example).toBe('01GDDKASAP');
  });

  it('merges allOf members', () => {
    const merged = mergedSchema(spec, { $ref: '#/components/schemas/Named' });
    expect(Object.keys(merged.properties as object)).toEqual(['x', 'y']);
    expect(merged.required).toEqual(['x']);
    expect(requestExample(spec, { responses: {} } as never)).toBeUndefined();
  });

  it('the SDK samples pass the overridden path parameter once, with the operation-level example', () => {
    const [operation] = listOperations(spec, 'spec.yaml');
    const samples = Object.fromEntries(
      buildCodeSamples(spec, operation!, '2026-07-15').map((sample) => [sample.language, sample.code]),
    );
    expect(samples.python).toContain('klaviyo.Profiles.get_profile("01GDDKASAP")');
    expect(samples.node).toContain('profilesApi.getProfile("01GDDKASAP")');
    expect(samples.python).not.toContain('PATH_LEVEL');
  });
});
