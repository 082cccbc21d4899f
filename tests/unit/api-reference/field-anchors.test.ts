import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceModel, type ReferenceModel } from '../../../src/plugins/api-reference/spec';
import { anchorSlug, fieldAnchorId, operationFields } from '../../../src/plugins/api-reference/field-anchors/ids';
import type { OpenApiDocument } from '../../../src/plugins/api-reference/spec/types';
import { OperationFieldsMemo } from '../../../src/plugins/api-reference/field-anchors/reload-memo';
import { buildOperationSpec, miniSpecDigest } from '../../../src/plugins/api-reference/spec/mini-spec';
import { buildCodeSamples } from '../../../src/plugins/api-reference/samples/code-samples';

const ROOT = path.resolve(__dirname, '../../..');
let model: ReferenceModel;
beforeAll(async () => {
  model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
});

function fieldsOf(operationId: string, revisionIndex = 0) {
  const revision = model.revisions[revisionIndex]!;
  const operation = revision.operations.find((candidate) => candidate.operationId === operationId)!;
  return operationFields(revision.spec, operation.path, operation.method);
}

describe('field anchor ids', () => {
  it('slugs names readably and keeps underscores', () => {
    expect(anchorSlug('page[size]')).toBe('page-size');
    expect(anchorSlug('fields[profile]')).toBe('fields-profile');
    expect(anchorSlug('company_id')).toBe('company_id');
    expect(fieldAnchorId({ kind: 'request', path: ['data', 'attributes', 'email'] })).toBe(
      'request-data-attributes-email',
    );
    expect(fieldAnchorId({ kind: 'response', status: '200', path: ['data', 'attributes', 'email'] })).toBe(
      'response-200-data-attributes-email',
    );
  });

  it('covers parameters, request body and responses at depth on the project spec', () => {
    const profiles = fieldsOf('get_profiles').map((field) => field.id);
    expect(profiles).toContain('param-page-size');
    expect(profiles).toContain('param-filter');
    expect(profiles).toContain('response-200-data-attributes-email');
    const campaign = fieldsOf('create_campaign');
    const ids = campaign.map((field) => field.id);
    expect(ids).toContain('request-data-attributes-send_strategy');
    expect(ids.filter((id) => id.startsWith('request-data-attributes-send_strategy-')).length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    const strategy = campaign.find((field) => field.id === 'request-data-attributes-send_strategy')!;
    expect(strategy.label).toBe('data.attributes.send_strategy');
  });

  it("lists the fields of every variant of a one-of, also where the variants' properties share a name", () => {
    const ids = fieldsOf('get_event').map((field) => field.id);
    expect(ids).toContain('response-200-included-attributes-email');
    expect(ids).toContain('response-200-included-attributes-name');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives a field the same id in every revision that has it', () => {
    const older = new Set(fieldsOf('get_profiles', 1).map((field) => field.id));
    const newer = fieldsOf('get_profiles', 0).map((field) => field.id);
    expect(newer.filter((id) => older.has(id)).length).toBeGreaterThan(10);
  });

  it('terminates on self-referencing schemas and passes through arrays and variants', () => {
    const spec = {
      openapi: '3.0.3',
      info: { title: 'T', version: '1' },
      paths: {
        '/tree': {
          post: {
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } },
            responses: {
              '200': {
                description: 'OK',
                content: {
                  'application/json': {
                    schema: {
                      oneOf: [
                        { type: 'object', properties: { a: { type: 'string' } } },
                        { type: 'object', properties: { b: { type: 'string' } } },
                      ],
                    },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          Node: {
            type: 'object',
            required: ['name'],
            properties: {
              name: { type: 'string' },
              children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
            },
          },
        },
      },
    } as unknown as OpenApiDocument;
    const fields = operationFields(spec, '/tree', 'post');
    expect(fields.map((field) => field.id)).toEqual([
      'request-name',
      'request-children',
      'response-200-a',
      'response-200-b',
    ]);
    expect(fields[0]!.required).toBe(true);
  });
});

describe("the dev server's fields memo", () => {
  const miniSpecs = () =>
    model.revisions.flatMap((revision) =>
      revision.operations.map((operation) => ({
        operation,
        full: revision.spec,
        mini: buildOperationSpec(
          revision.spec,
          operation,
          buildCodeSamples(revision.spec, operation, revision.revision),
        ),
      })),
    );

  it('reads from a mini-spec the same fields as from the whole spec, for every operation of every revision', () => {
    // What makes the mini-spec a sound key: it holds all that an operation's fields are read from.
    const all = miniSpecs();
    expect(all.length).toBeGreaterThan(100);
    for (const { operation, full, mini } of all) {
      expect(operationFields(mini, operation.path, operation.method), operation.operationId).toEqual(
        operationFields(full, operation.path, operation.method),
      );
    }
  });

  it('walks on a reload only the operations whose mini-spec changed, and forgets the others', () => {
    const memo = new OperationFieldsMemo();
    const all = miniSpecs();
    const reload = (specs: typeof all) => {
      const fields = specs.map(({ operation, mini }) =>
        memo.fields(mini, miniSpecDigest(mini), operation.path, operation.method),
      );
      memo.endReload();
      return fields;
    };
    const first = reload(all);
    expect(memo.computed).toBe(all.length);

    const edited = structuredClone(all[0]!.mini);
    const operation = all[0]!.operation;
    (edited.paths![operation.path] as Record<string, { summary?: string }>)[operation.method]!.summary = 'Edited';
    const second = reload([{ ...all[0]!, mini: edited }, ...all.slice(1)]);
    expect(memo.computed).toBe(all.length + 1);
    expect(second.slice(1).every((fields, index) => fields === first[index + 1])).toBe(true);
    expect(second[0]).toEqual(first[0]);

    // The unedited first operation was not asked for by the last reload: it is walked again.
    reload(all.slice(0, 1));
    expect(memo.computed).toBe(all.length + 2);
  });
});
