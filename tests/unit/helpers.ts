import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/** A specs folder in a temp dir: `{ '2026-01-01/openapi.yaml': '...' }`. */
export function makeSpecsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'specs-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

export const OPERATION = (id: string, extra = '') => `
      operationId: ${id}
      summary: Get things
      description: Lists things. More text follows here.
      tags: [Things]
      x-klaviyo-ratelimit: { burst: 10/s, steady: 150/m }
      x-klaviyo-scopes: ['things:read']${extra}
      responses:
        '200':
          description: OK
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Thing' }
        '400':
          description: Bad request
`;

export function miniSpec({ paths, schemas = '' }: { paths: string; schemas?: string }): string {
  return `openapi: 3.0.3
info:
  title: Test API
  version: '2026-01-01'
  description: A test API.
  license: { name: MIT, url: https://opensource.org/licenses/MIT }
servers:
  - url: https://a.example.com
security:
  - Klaviyo-API-Key: []
tags:
  - name: Things
    description: Things.
paths:
${paths}
components:
  securitySchemes:
    Klaviyo-API-Key: { type: apiKey, in: header, name: Authorization }
  schemas:
    Thing:
      type: object
      properties:
        id: { type: string }
        child: { $ref: '#/components/schemas/Child' }
    Child:
      type: object
      properties:
        name: { type: string }
    Unused:
      type: object
      properties:
        secret: { type: string }
${schemas}`;
}
