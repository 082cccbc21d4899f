import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { RecentResults } from '../../../lib/recent-results';

/**
 * openapi-to-postmanv2 checks a schema's `example` before it uses it (json-schema-faker → ajvValidation →
 * ajvValidator's `validateSchemaAJV`), and for each check it creates an Ajv, adds the formats to it and
 * compiles the schema: three quarters of a large spec's conversion, although the same schemas come back
 * in operation after operation. Before the converter loads, its validator module is put in Node's module
 * cache with one that compiles each distinct schema once, in one Ajv per draft, and gives the same results.
 * Import this module before `openapi-to-postmanv2`.
 */

type Validate = ((value: unknown) => boolean) & { errors?: unknown };
interface ValidationResult {
  filteredValidationError?: unknown;
  validate?: Validate;
}
interface AjvInstance {
  compile(schema: unknown): Validate;
  addMetaSchema(schema: unknown): void;
}

const nodeRequire = createRequire(__filename);
const converterRoot = path.dirname(nodeRequire.resolve('openapi-to-postmanv2/package.json'));
const validatorPath = path.join(converterRoot, 'lib', 'ajValidation', 'ajvValidator.js');
const validationPath = path.join(converterRoot, 'lib', 'ajValidation', 'ajvValidation.js');
/** Marks our module, also when this file is evaluated again (the dev server reloads its config). */
const INSTALLED = Symbol.for('api-reference/postman-ajv');
const installed = (nodeRequire.cache[validatorPath]?.exports as Record<symbol, unknown> | undefined)?.[INSTALLED];
if (nodeRequire.cache[validationPath] && !installed) {
  throw new Error('api-reference: openapi-to-postmanv2 was loaded before artifacts/postman-ajv.ts could speed it up');
}
// The packages the validator itself requires, resolved from where it is.
const validatorRequire = createRequire(validatorPath);
type AjvClass = new (options: object) => AjvInstance;
/** A CommonJS module that is also its own default export, as Ajv's are. */
const required = <T>(request: string): T => {
  const loaded = validatorRequire(request) as T & { default?: T };
  return loaded.default ?? loaded;
};
const Ajv = required<AjvClass>('ajv');
const Ajv2019 = required<AjvClass>('ajv/dist/2019');
const addFormats = required<(ajv: AjvInstance) => void>('ajv-formats');
const DRAFTS_2019 = ['https://json-schema.org/draft/2019-09/schema', 'https://json-schema.org/draft/2020-12/schema'];
const META_SCHEMAS: Record<string, string> = {
  'http://json-schema.org/draft-06/schema#': 'ajv/dist/refs/json-schema-draft-06.json',
  'http://json-schema.org/draft-07/schema#': 'ajv/dist/refs/json-schema-draft-07.json',
};

/** The same Ajv as the converter's `buildValidatorObject` makes for a draft. */
function newAjv(draft: string): AjvInstance {
  const options = { allErrors: true, strict: false };
  const ajv = DRAFTS_2019.includes(draft) ? new Ajv2019(options) : new Ajv(options);
  const metaSchema = DRAFTS_2019.includes(draft) ? undefined : META_SCHEMAS[draft];
  if (metaSchema) ajv.addMetaSchema(validatorRequire(metaSchema));
  addFormats(ajv);
  return ajv;
}

const ajvByDraft = new Map<string, AjvInstance>();
const compiled = new RecentResults<Validate | null>(5000);

function compile(schema: unknown, draft: string): Validate | null {
  return compiled.get(`${draft}\u0000${JSON.stringify(schema)}`, () => {
    try {
      const ajv = ajvByDraft.get(draft) ?? ajvByDraft.set(draft, newAjv(draft)).get(draft)!;
      return ajv.compile(schema);
    } catch {
      // A shared Ajv refuses a second schema with the same `$id`: such a schema gets an Ajv of its own,
      // as every schema did in the converter.
      try {
        return newAjv(draft).compile(schema);
      } catch {
        return null;
      }
    }
  });
}

/** `validateSchemaAJV(schema, value, draft)`, with the converter's results. */
export function validateSchemaAJV(schema: unknown, valueToUse: unknown, draftToUse: string): ValidationResult {
  const validate = compile(schema, draftToUse);
  // The converter's answer when the schema does not compile: no errors to report.
  if (!validate) return { filteredValidationError: undefined };
  try {
    validate(valueToUse);
  } catch {
    return { filteredValidationError: undefined };
  }
  return { filteredValidationError: undefined, validate };
}

if (!installed) installValidator();

function installValidator(): void {
  const cached = new Module(validatorPath);
  cached.filename = validatorPath;
  cached.paths = [path.dirname(validatorPath)];
  cached.exports = Object.defineProperty({ validateSchemaAJV }, INSTALLED, { value: true });
  cached.loaded = true;
  nodeRequire.cache[validatorPath] = cached;
}
