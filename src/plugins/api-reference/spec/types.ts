/** The parts of an OpenAPI 3 document the pipeline reads. Specs are untrusted input: everything is optional. */
export interface OpenApiDocument {
  openapi?: string;
  info?: { title?: string; version?: string; description?: string; [key: string]: unknown };
  servers?: { url: string; description?: string }[];
  paths?: Record<string, PathItem>;
  components?: Record<string, Record<string, unknown>>;
  tags?: { name: string; description?: string; [key: string]: unknown }[];
  security?: Record<string, string[]>[];
  [key: string]: unknown;
}

export type PathItem = Record<string, unknown> & { parameters?: unknown[] };

export interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  parameters?: unknown[];
  requestBody?: unknown;
  responses?: Record<string, unknown>;
  security?: Record<string, string[]>[];
  'x-klaviyo-ratelimit'?: { burst?: string; steady?: string };
  'x-klaviyo-scopes'?: string[];
  [key: string]: unknown;
}
