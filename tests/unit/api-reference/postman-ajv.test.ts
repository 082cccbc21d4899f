import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { validateSchemaAJV } from '../../../src/plugins/api-reference/artifacts/postman-ajv';

type Validate = { errors?: unknown } | undefined;
type ValidateSchemaAJV = (schema: unknown, value: unknown, draft?: string) => { validate?: Validate };

/** The converter's own validator module, compiled from its file beside the one postman-ajv.ts put in the cache. */
function converterValidator(): ValidateSchemaAJV {
  const nodeRequire = createRequire(__filename);
  const file = path.join(
    path.dirname(nodeRequire.resolve('openapi-to-postmanv2/package.json')),
    'lib/ajValidation/ajvValidator.js',
  );
  expect(nodeRequire.cache[file]?.exports).toEqual({ validateSchemaAJV });
  const original = new Module(file) as Module & { _compile(code: string, filename: string): void };
  original.filename = file;
  original.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(
    path.dirname(file),
  );
  original._compile(fs.readFileSync(file, 'utf8'), file);
  return (original.exports as { validateSchemaAJV: ValidateSchemaAJV }).validateSchemaAJV;
}

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
const DRAFT_2020 = 'https://json-schema.org/draft/2020-12/schema';
const profile = {
  type: 'object',
  required: ['email'],
  properties: { email: { type: 'string', format: 'email' }, age: { type: 'integer', minimum: 0 } },
};
const CASES: [name: string, schema: unknown, value: unknown, draft?: string][] = [
  ['a valid example', profile, { email: 'sarah.mason@klaviyo-demo.com', age: 30 }],
  ['a wrong format and a negative number', profile, { email: 'not an email', age: -1 }],
  ['a missing required property', profile, { age: 3 }],
  ['the same schema again, now valid', profile, { email: 'a@b.co' }],
  ['draft 7', { type: 'array', items: { type: 'string' }, maxItems: 1 }, ['a', 2], DRAFT_07],
  ['draft 2020-12', { type: 'object', properties: { a: { const: 1 } } }, { a: 2 }, DRAFT_2020],
  ['an $id', { $id: 'https://x.test/s', type: 'string' }, 4],
  ['another schema with the same $id', { $id: 'https://x.test/s', type: 'number' }, 'four'],
  ['a schema that does not compile', { type: 'nonsense' }, 1],
];

describe("openapi-to-postmanv2's example validator, compiled once per schema", () => {
  it("gives the converter's own results", () => {
    const original = converterValidator();
    for (const [name, schema, value, draft] of CASES) {
      const theirs = original(schema, value, draft);
      const ours = validateSchemaAJV(schema, value, draft!);
      expect({ name, valid: !!ours.validate, errors: ours.validate?.errors ?? null }).toEqual({
        name,
        valid: !!theirs.validate,
        errors: theirs.validate?.errors ?? null,
      });
    }
    // Both invalid cases really report errors (the comparison above is not between two empty answers).
    expect(validateSchemaAJV(profile, { email: 'no', age: -1 }, '').validate?.errors).toHaveLength(2);
  });

  it('loads again after the converter (the dev server reloads its config), keeping the validator the converter holds', async () => {
    const nodeRequire = createRequire(__filename);
    nodeRequire('openapi-to-postmanv2');
    const file = path.join(
      path.dirname(nodeRequire.resolve('openapi-to-postmanv2/package.json')),
      'lib/ajValidation/ajvValidator.js',
    );
    const before = nodeRequire.cache[file]!.exports as unknown;
    vi.resetModules();
    await expect(import('../../../src/plugins/api-reference/artifacts/postman-ajv')).resolves.toBeDefined();
    expect(nodeRequire.cache[file]!.exports).toBe(before);
  });
});
