import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadReferenceModel } from '../../src/plugins/api-reference/spec';
import { buildCodeSamples } from '../../src/plugins/api-reference/samples/code-samples';
import { requestExample } from '../../src/plugins/api-reference/openapi';
import type { OperationObject } from '../../src/plugins/api-reference/spec/types';
import { KLAVIYO_JS_DECLARATION } from '../../src/plugins/api-reference/samples/client-side';
import { SDK_BODY_GAPS, exampleFingerprint } from '../../src/plugins/api-reference/samples/sdk-body-gaps';
import { SDK_MANIFESTS } from '../../src/plugins/api-reference/samples/sdk-manifest';
import { codeBlocks, optOutReason } from './code-blocks';
import { ROOT } from './helpers';
import { HAS_REAL_SPEC, REAL_SPEC_DIR, REAL_SPEC_SKIP_REASON } from '../real-spec-fixture';

const JS_LANGUAGES = ['js', 'javascript', 'jsx', 'ts', 'typescript', 'tsx', 'node'];
/** Sample languages that are JavaScript: the SDK sample and the two client-side ones. */
const JS_SAMPLES = new Set(['node', 'browser', 'klaviyo-js']);

interface SampleFile {
  /** File name in the program, e.g. `reference/get_profiles.node.ts`. */
  name: string;
  /** Where the reader sees it, for messages. */
  origin: string;
  code: string;
}

/**
 * Type-checks every file as one strict TypeScript program against the installed klaviyo-api
 * (`.mjs` files, the docs' JavaScript blocks, are checked as JavaScript, where parameters need no
 * types). Returns the errors by file name.
 */
function typeCheck(files: SampleFile[]): Map<string, string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'node-samples-'));
  const names = files.map((file) => {
    const full = path.join(dir, file.name);
    mkdirSync(path.dirname(full), { recursive: true });
    // A block without import/export would be a global script, where top-level await is an error.
    writeFileSync(full, `${file.code}\nexport {};\n`);
    return full;
  });
  const declaration = path.join(dir, 'klaviyo-js.d.ts');
  writeFileSync(declaration, KLAVIYO_JS_DECLARATION);
  const program = ts.createProgram([...names, declaration], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    strict: true,
    noImplicitAny: false,
    allowJs: true,
    checkJs: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [path.join(ROOT, 'node_modules/@types')],
    baseUrl: ROOT,
    paths: { 'klaviyo-api': ['node_modules/klaviyo-api'] },
  });
  const errors = new Map<string, string[]>(files.map((file) => [file.name, []]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    const fileName = diagnostic.file ? path.relative(dir, diagnostic.file.fileName) : '(program)';
    const line = diagnostic.file ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1 : 0;
    const list = errors.get(fileName) ?? [];
    list.push(`line ${line}: TS${diagnostic.code} ${message}`);
    errors.set(fileName, list);
  }
  return errors;
}

async function referenceSamples(specsDir: string, options?: Parameters<typeof buildCodeSamples>[3]) {
  const model = await loadReferenceModel(specsDir, ROOT);
  const latest = model.revisions.find((revision) => revision.isLatest)!;
  return {
    latest,
    files: latest.operations.flatMap((operation) =>
      buildCodeSamples(latest.spec, operation, latest.revision, options)
        .filter((sample) => JS_SAMPLES.has(sample.language))
        .map((sample): SampleFile & { operationId: string; language: string } => ({
          name: `reference/${operation.operationId}.${sample.language}.ts`,
          origin: `/reference/${operation.operationId} (${sample.label})`,
          code: sample.code,
          operationId: operation.operationId,
          language: sample.language,
        })),
    ),
  };
}

function docsSamples(): SampleFile[] {
  return codeBlocks(JS_LANGUAGES)
    .filter((block) => optOutReason(block) === undefined)
    .map((block) => ({
      name: `${block.file.replace(/\.mdx?$/, '')}/line-${block.line}.${/^(ts|typescript|tsx)$/.test(block.language) ? 'ts' : 'mjs'}`,
      origin: `${block.file}:${block.line}`,
      code: block.code,
    }));
}

/** A sample the way a broken one would look: a method klaviyo-api does not have. */
const CANARY: SampleFile = {
  name: 'canary/missing-method.ts',
  origin: 'canary',
  code: [
    "import { ApiKeySession, ClientApi } from 'klaviyo-api';",
    "const clientApi = new ClientApi(new ApiKeySession('YOUR_PRIVATE_API_KEY'));",
    "await clientApi.createClientEvent({ data: { type: 'event', attributes: {} } });",
  ].join('\n'),
};

function report(files: SampleFile[], errors: Map<string, string[]>): string[] {
  return files.flatMap((file) => (errors.get(file.name) ?? []).map((error) => `${file.origin}: ${error}`));
}

describe('Node samples against klaviyo-api', () => {
  it('the Node manifest describes the installed klaviyo-api', () => {
    const installed = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/klaviyo-api/package.json'), 'utf8'));
    const source = readFileSync(path.join(ROOT, 'node_modules/klaviyo-api/api/apis.ts'), 'utf8');
    expect(SDK_MANIFESTS.node.version).toBe(installed.version);
    expect(source).toContain(`const revision =  "${SDK_MANIFESTS.node.revision}"`);
  });

  it('every sample of the latest revision and every js/ts block in docs/ and blog/ type-checks, in one program', async () => {
    const { files: reference } = await referenceSamples(path.join(ROOT, 'specs'));
    const docs = docsSamples();
    const errors = typeCheck([...reference, ...docs, CANARY]);

    expect(report([...reference, ...docs], errors)).toEqual([]);
    expect(errors.get(CANARY.name)!.join('\n')).toContain(
      "Property 'createClientEvent' does not exist on type 'ClientApi'",
    );

    const sdkSamples = reference.filter((file) => file.language === 'node').length;
    expect(sdkSamples).toBeGreaterThanOrEqual(45);
    expect(docs.length).toBeGreaterThanOrEqual(5);
    console.log(
      `${sdkSamples} Node SDK samples, ${reference.length - sdkSamples} browser and klaviyo.js samples ` +
        `and ${docs.length} docs/blog blocks type-check against klaviyo-api ${SDK_MANIFESTS.node.version}`,
    );
  });

  it('every js/ts block that opts out of the check says why', () => {
    for (const block of codeBlocks(JS_LANGUAGES)) {
      const reason = optOutReason(block);
      if (reason !== undefined) expect(reason.trim().length, `${block.file}:${block.line}`).toBeGreaterThan(10);
    }
  });

  it('/client/ operations show curl, a browser fetch and Python requests, and no SDK sample', async () => {
    const model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
    const latest = model.revisions.find((revision) => revision.isLatest)!;
    const client = latest.operations.filter((operation) => operation.path.startsWith('/client/'));
    expect(client.length).toBeGreaterThanOrEqual(4);
    for (const operation of client) {
      const samples = buildCodeSamples(latest.spec, operation, latest.revision);
      const byLanguage = Object.fromEntries(samples.map((sample) => [sample.language, sample.code]));
      expect(Object.keys(byLanguage), operation.operationId).not.toContain('node');
      expect(Object.keys(byLanguage)).not.toContain('php');
      expect(Object.keys(byLanguage)).not.toContain('ruby');
      expect(byLanguage.browser).toContain('?company_id=YOUR_PUBLIC_API_KEY');
      expect(byLanguage.browser).toContain(`revision: '${latest.revision}'`);
      expect(byLanguage.browser).toContain('if (!response.ok)');
      expect(byLanguage.browser).toContain('202 Accepted');
      expect(byLanguage.python).toContain('import requests');
      expect(byLanguage.python).not.toContain('klaviyo_api');
      expect(samples.map((sample) => sample.code).join('\n')).not.toContain('YOUR_PRIVATE_API_KEY');
    }
    const byId = (id: string) =>
      buildCodeSamples(
        latest.spec,
        client.find((operation) => operation.operationId === id)!,
        latest.revision,
      );
    expect(byId('create_client_event').find((sample) => sample.language === 'klaviyo-js')?.code).toContain(
      'klaviyo.track(',
    );
    expect(byId('create_client_profile').find((sample) => sample.language === 'klaviyo-js')?.code).toContain(
      'klaviyo.identify(',
    );
    expect(byId('create_client_subscription').map((sample) => sample.language)).not.toContain('klaviyo-js');
  });

  it('every SDK body gap is still one: without it, its sample would not type-check', async () => {
    const { files, latest } = await referenceSamples(path.join(ROOT, 'specs'), { bodyGaps: [] });
    for (const gap of SDK_BODY_GAPS) {
      const operation = latest.operations.find(
        (candidate) =>
          candidate.operationId === gap.operationId &&
          exampleFingerprint(
            requestExample(latest.spec, latest.spec.paths![candidate.path]![candidate.method] as OperationObject),
          ) === gap.example,
      );
      expect(operation, `${gap.operationId} ${gap.example}`).toBeDefined();
    }
    const gapFiles = files.filter(
      (file) => file.language === 'node' && SDK_BODY_GAPS.some((gap) => gap.operationId === file.operationId),
    );
    const errors = typeCheck(gapFiles);
    for (const file of gapFiles) expect(errors.get(file.name), file.origin).not.toEqual([]);
  });

  it.skipIf(!HAS_REAL_SPEC)(
    'the real Klaviyo spec: N of 345 operations have an SDK sample that type-checks',
    async () => {
      const { files, latest } = await referenceSamples(REAL_SPEC_DIR);
      const errors = typeCheck(files);
      const passing = new Set(
        files
          .filter((file) => file.language === 'node' && errors.get(file.name)!.length === 0)
          .map((file) => file.operationId),
      );
      const total = latest.operations.length;
      console.log(`${passing.size} of ${total} operations have an SDK sample that type-checks`);
      const failing = report(files, errors);
      if (failing.length > 0) console.log(failing.slice(0, 20).join('\n'));
      expect(failing).toEqual([]);
      expect(passing.size).toBeGreaterThan(total / 2);
    },
  );
});

if (!HAS_REAL_SPEC) console.log(REAL_SPEC_SKIP_REASON);
