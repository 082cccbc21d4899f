/**
 * Request and response bodies checked against the operation's schemas with Ajv (the copy this tree
 * already locks: Redocly's maintained fork, which @redocly/openapi-core uses for the same job).
 * The page's mini-spec is added to Ajv as one document, so its `#/components/...` refs resolve as is.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { escapePointerSegment, locate } from '../../../openapi';
import type { OperationInfo } from '../../../spec/operations';
import type { OpenApiDocument } from '../../../spec/types';
import { operationObject, type FormParameter } from './model';

export interface FieldError {
  /** JSON pointer of the value in the body ('' for the whole body). */
  pointer: string;
  message: string;
}

const SPEC_ID = 'operation-spec';

interface MediaTypeObject {
  schema?: unknown;
}

function firstJsonMedia(content: Record<string, MediaTypeObject> | undefined): [string, MediaTypeObject] | undefined {
  const entries = Object.entries(content ?? {});
  return entries.find(([type]) => /json/i.test(type)) ?? entries[0];
}

/** The human-readable message for one Ajv error, and the pointer of the field it is about. */
export function describeError(error: ErrorObject): FieldError {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return {
        pointer: `${error.instancePath}/${escapePointerSegment(String(params.missingProperty))}`,
        message: 'is required',
      };
    case 'additionalProperties':
      return {
        pointer: `${error.instancePath}/${escapePointerSegment(String(params.additionalProperty))}`,
        message: 'is not a property of this object',
      };
    case 'enum':
      return {
        pointer: error.instancePath,
        message: `must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}`,
      };
    default:
      return { pointer: error.instancePath, message: error.message ?? 'is invalid' };
  }
}

function unique(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.pointer} ${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export class OperationValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction | null>();

  constructor(
    private readonly spec: OpenApiDocument,
    private readonly info: Pick<OperationInfo, 'path' | 'method' | 'pointer'>,
  ) {
    // OpenAPI 3.0 schemas carry keywords JSON Schema does not know (example, x-…): not strict.
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addSchema(spec as object, SPEC_ID);
  }

  private compile(pointer: string): ValidateFunction | null {
    if (!this.compiled.has(pointer)) {
      let validate: ValidateFunction | null = null;
      try {
        validate = this.ajv.compile({ $ref: `${SPEC_ID}#${pointer}` });
      } catch {
        // A schema Ajv cannot compile is not checked rather than reported as the reader's mistake.
      }
      this.compiled.set(pointer, validate);
    }
    return this.compiled.get(pointer) ?? null;
  }

  private run(pointer: string | undefined, value: unknown): FieldError[] {
    const validate = pointer ? this.compile(pointer) : null;
    if (!validate || validate(value)) return [];
    return unique((validate.errors ?? []).map(describeError));
  }

  /** Pointer (in the mini-spec) of the request body schema, if any. */
  requestSchemaPointer(): string | undefined {
    const operation = operationObject(this.spec, this.info);
    if (!operation.requestBody) return undefined;
    const { node: body, pointer: bodyPointer } = locate<{ content?: Record<string, MediaTypeObject> }>(
      this.spec,
      operation.requestBody,
      `${this.info.pointer}/requestBody`,
    );
    const media = firstJsonMedia(body?.content);
    if (!media?.[1].schema) return undefined;
    return `${bodyPointer}/content/${escapePointerSegment(media[0])}/schema`;
  }

  validateRequestBody(value: unknown): FieldError[] {
    return this.run(this.requestSchemaPointer(), value);
  }

  /** The documented response for a status (exact, then `4XX`-style, then `default`), if any. */
  responseFor(status: number): { key: string; schemaPointer?: string } | undefined {
    const operation = operationObject(this.spec, this.info);
    const responses = (operation.responses ?? {}) as Record<string, unknown>;
    const key = [String(status), `${String(status)[0]}XX`, 'default'].find((candidate) => candidate in responses);
    if (!key) return undefined;
    const { node: response, pointer: responsePointer } = locate<{ content?: Record<string, MediaTypeObject> }>(
      this.spec,
      responses[key],
      `${this.info.pointer}/responses/${escapePointerSegment(key)}`,
    );
    const media = firstJsonMedia(response?.content);
    if (!media?.[1].schema) return { key };
    return { key, schemaPointer: `${responsePointer}/content/${escapePointerSegment(media[0])}/schema` };
  }

  validateResponseBody(status: number, value: unknown): FieldError[] {
    return this.run(this.responseFor(status)?.schemaPointer, value);
  }

  /** Checks a parameter's typed value against its schema; '' when valid. */
  validateParameter(parameter: FormParameter, value: unknown): string {
    const key = `parameter:${parameter.in}:${parameter.name}`;
    if (!this.compiled.has(key)) {
      let validate: ValidateFunction | null = null;
      try {
        validate = this.ajv.compile(parameter.schema);
      } catch {
        validate = null;
      }
      this.compiled.set(key, validate);
    }
    const validate = this.compiled.get(key);
    if (!validate || validate(value)) return '';
    return (validate.errors ?? [])
      .map(describeError)
      .map((error) => (error.pointer ? `${error.pointer.slice(1)} ${error.message}` : error.message))
      .join('; ');
  }
}
