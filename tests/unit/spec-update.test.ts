import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatResult, updateSpec } from '../../scripts/spec-update';
import { SpecError } from '../../src/plugins/api-reference/spec/errors';
import { makeSpecsDir, miniSpec, OPERATION, ROOT } from './helpers';

const spec = (...ids: string[]) =>
  miniSpec({ paths: ids.map((id) => `  /api/${id}:\n    get:${OPERATION(id)}`).join('\n') });

/** Every file under `dir` with its content, to prove a refused import changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current)) {
      const full = path.join(current, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(dir, full)] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}

function sourceFile(content: string, name = 'incoming.yaml'): string {
  const dir = makeSpecsDir({ [name]: content });
  return path.join(dir, name);
}

describe('spec:update', () => {
  it('adds a YAML spec as a new revision and reports the changes against the previous one', async () => {
    const specsDir = makeSpecsDir({ '2026-01-01/openapi.yaml': spec('get_things', 'get_old') });
    const result = await updateSpec({
      source: sourceFile(spec('get_things', 'get_new')),
      revision: '2026-02-01',
      specsDir,
      rootDir: ROOT,
    });
    expect(result.replaced).toBe(false);
    expect(readFileSync(path.join(specsDir, '2026-02-01/openapi.yaml'), 'utf8')).toBe(spec('get_things', 'get_new'));
    expect(result.changelog?.previous).toBe('2026-01-01');
    expect(result.changelog?.changes.map((change) => `${change.kind} ${change.operationId} ${change.url}`)).toEqual([
      'operation-removed get_old /reference/v2026-01-01/get_old',
      'operation-added get_new /reference/get_new',
    ]);
    const printed = formatResult(result);
    expect(printed).toContain('Added revision 2026-02-01');
    expect(printed).toContain('1 operation(s) added, 1 removed, 1 breaking change(s)');
    expect(printed).toContain('BREAKING get_old');
  });

  it("replaces a revision's spec (JSON replacing a multi-file YAML folder)", async () => {
    const specsDir = makeSpecsDir({
      '2026-01-01/openapi.yaml': spec('get_things'),
      '2026-02-01/openapi.yaml': spec('get_things'),
      '2026-02-01/paths/extra.yaml': 'get: {}\n',
    });
    const json = JSON.stringify((await import('js-yaml')).load(spec('get_things', 'get_more')) as object, null, 2);
    const result = await updateSpec({
      source: sourceFile(json, 'incoming.json'),
      revision: '2026-02-01',
      specsDir,
      rootDir: ROOT,
    });
    expect(result.replaced).toBe(true);
    expect(readdirSync(path.join(specsDir, '2026-02-01'))).toEqual(['openapi.json']);
    expect(readdirSync(specsDir).sort()).toEqual(['2026-01-01', '2026-02-01']);
    expect(result.changelog?.changes.map((change) => change.kind)).toEqual(['operation-added']);
  });

  it('takes the revision from info.version when it is a date', async () => {
    const specsDir = makeSpecsDir({});
    const result = await updateSpec({
      source: sourceFile(spec('get_things').replace("version: '2026-01-01'", "version: '2026-03-01'")),
      specsDir,
      rootDir: ROOT,
    });
    expect(result.revision).toBe('2026-03-01');
    expect(result.changelog).toBeNull();
    expect(existsSync(path.join(specsDir, '2026-03-01/openapi.yaml'))).toBe(true);
  });

  it('refuses an invalid spec and leaves the specs folder untouched', async () => {
    const specsDir = makeSpecsDir({ '2026-01-01/openapi.yaml': spec('get_things') });
    const before = snapshot(specsDir);
    const broken = [
      spec('get_things').replace('paths:', 'paths: [\n'), // YAML syntax error
      spec('get_things').replace("$ref: '#/components/schemas/Thing'", "$ref: '#/components/schemas/Missing'"), // dangling ref
      spec('get_things', 'get_things'), // duplicate operationId
    ];
    for (const content of broken) {
      await expect(
        updateSpec({ source: sourceFile(content), revision: '2026-01-01', specsDir, rootDir: ROOT }),
      ).rejects.toBeInstanceOf(SpecError);
      expect(snapshot(specsDir)).toEqual(before);
    }
  });

  it('downloads a spec from a URL', async () => {
    const body = spec('get_things', 'get_remote');
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/yaml' });
      response.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const specsDir = makeSpecsDir({ '2026-01-01/openapi.yaml': spec('get_things') });
      const result = await updateSpec({
        source: `http://127.0.0.1:${port}/openapi.yaml`,
        revision: '2026-02-01',
        specsDir,
        rootDir: ROOT,
      });
      expect(readFileSync(result.entryFile, 'utf8')).toBe(body);
      expect(result.changelog?.counts.operationsAdded).toBe(1);
    } finally {
      server.close();
    }
  });

  it('runs from the command line and exits non-zero on a refused spec', () => {
    const specsDir = makeSpecsDir({ '2026-01-01/openapi.yaml': spec('get_things') });
    const run = (...args: string[]) =>
      spawnSync('npx', ['tsx', 'scripts/spec-update.ts', ...args, '--specs-dir', specsDir], {
        cwd: ROOT,
        encoding: 'utf8',
      });
    const good = run(sourceFile(spec('get_things', 'get_cli')), '--revision', '2026-02-01');
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('Added revision 2026-02-01');
    expect(good.stdout).toContain('1 operation(s) added');

    const bad = run(sourceFile('openapi: [3.0.3\n'), '--revision', '2026-03-01');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Spec not imported');
    expect(existsSync(path.join(specsDir, '2026-03-01'))).toBe(false);
  });
});
