import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
// @ts-expect-error -- postman-collection's package.json does not point to its typings; the shape used is declared below.
import { Collection as SdkCollection } from 'postman-collection';
import { loadReferenceModel, type ReferenceModel, type RevisionModel } from '../../../src/plugins/api-reference/spec';
import { SpecError } from '../../../src/plugins/api-reference/spec/errors';
import { HTTP_METHODS } from '../../../src/plugins/api-reference/spec/operations';
import { buildPostmanArtifacts } from '../../../src/plugins/api-reference/artifacts/postman';
import { buildSpecDownloads } from '../../../src/plugins/api-reference/artifacts/spec-downloads';
import { operationMarkdown } from '../../../src/plugins/api-reference/artifacts/markdown';
import {
  inlineMdxPartials,
  mdxToMarkdown,
  proseMarkdown,
  type ProsePage,
} from '../../../src/plugins/api-reference/artifacts/prose';
import { buildLlmsTxt } from '../../../src/plugins/api-reference/artifacts/llms';
import { buildSiteArtifacts, writeArtifactsAtomically } from '../../../src/plugins/api-reference/artifacts';
import { markdownTwinPath } from '../../../src/plugins/api-reference/artifacts/paths';
import { makeSpecsDir, miniSpec, OPERATION, ROOT } from '../helpers';
import { WEBHOOKS_ONLY_SPEC } from '../../fixtures/webhooks-only-spec';

const SITE_URL = 'https://developers.example.com';

/** The part of the postman-collection SDK these tests use. */
interface Item {
  request: {
    method: string;
    url: { getPath(unresolved?: boolean): string; getHost(): string };
    headers: { get(key: string): string | undefined };
  };
}
const Collection = SdkCollection as new (definition: unknown) => {
  forEachItem(callback: (item: Item) => void): void;
  variables: { get(key: string): unknown };
};

/** Operations read straight from a bundled spec, independently of the pipeline's own listing. */
function specOperations(spec: RevisionModel['spec']): { method: string; path: string; operationId: string }[] {
  return Object.entries(spec.paths ?? {}).flatMap(([operationPath, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({
      method: method.toUpperCase(),
      path: operationPath,
      operationId: (item[method] as { operationId: string }).operationId,
    })),
  );
}

/** Parameters of an operation in the raw spec, following `$ref`s to `#/components/parameters`. */
function specParameterNames(spec: RevisionModel['spec'], operationPath: string, method: string): string[] {
  const item = spec.paths![operationPath]!;
  const operation = item[method.toLowerCase()] as { parameters?: unknown[] };
  return [...(item.parameters ?? []), ...(operation.parameters ?? [])].map((parameter) => {
    const ref = (parameter as { $ref?: string }).$ref;
    const resolved = ref ? spec.components!.parameters![ref.split('/').pop()!] : parameter;
    return (resolved as { name: string }).name;
  });
}

let model: ReferenceModel;
beforeAll(async () => {
  model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
});

describe('Postman collection', () => {
  it('parses with the postman-collection SDK and holds exactly one request per operation, matching the spec', async () => {
    for (const revision of model.revisions) {
      const { collection: json, environment } = await buildPostmanArtifacts(revision, { siteUrl: SITE_URL });
      const collection = new Collection(JSON.parse(JSON.stringify(json)));
      const items: Item[] = [];
      collection.forEachItem((item) => items.push(item));

      const expected = specOperations(revision.spec);
      expect(expected.length).toBeGreaterThan(40);
      expect(items).toHaveLength(expected.length);
      const seen = new Set<string>();
      for (const item of items) {
        const method = item.request.method;
        const requestPath = item.request.url.getPath(true);
        const match = expected.find(
          (operation) => operation.method === method && operation.path.replace(/\{([^}]+)\}/g, ':$1') === requestPath,
        );
        expect(match, `${method} ${requestPath} is an operation of ${revision.revision}`).toBeDefined();
        expect(seen.has(match!.operationId), `${match!.operationId} appears once`).toBe(false);
        seen.add(match!.operationId);
        expect(item.request.url.getHost()).toBe('{{base_url}}');
        expect(item.request.headers.get('revision')).toBe(revision.revision);
      }

      // Folders by tag, in the reference's order.
      expect(json.item.map((folder) => folder.name)).toEqual(revision.tags.map((tag) => tag.name));
      // The key is a variable with the placeholder; nothing that looks like a real key.
      expect(collection.variables.get('private_api_key')).toBe('YOUR_PRIVATE_API_KEY');
      expect(JSON.stringify(json.auth)).toContain('Klaviyo-API-Key {{private_api_key}}');
      expect(JSON.stringify(json)).not.toMatch(/pk_[A-Za-z0-9]{20,}/);
      expect(environment.values).toEqual([
        expect.objectContaining({ key: 'base_url', value: revision.spec.servers![0]!.url.replace(/\/$/, '') }),
      ]);
    }
  });

  it('sends the public key as company_id on client endpoints and no auth header', async () => {
    const latest = model.revisions[0]!;
    const { collection } = await buildPostmanArtifacts(latest, { siteUrl: SITE_URL });
    const client = collection.item.find((folder) => folder.name === 'Client')!.item!;
    expect(client.length).toBeGreaterThan(0);
    for (const item of client) {
      expect(JSON.stringify(item.request!.auth)).toContain('company_id');
      expect(JSON.stringify(item.request!.auth)).toContain('{{public_api_key}}');
    }
  });

  it('fails with a message naming the artifact when the converter rejects the spec', async () => {
    // A webhooks-only OpenAPI 3.1 spec passes the reference pipeline, but the converter needs paths.
    const dir = makeSpecsDir({
      '2026-01-01/openapi.yaml': WEBHOOKS_ONLY_SPEC,
    });
    const hooks = await loadReferenceModel(dir, ROOT);
    const error = await buildPostmanArtifacts(hooks.revisions[0]!, { siteUrl: SITE_URL }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as Error).message).toMatch(/^Artifact \/postman\/2026-01-01\/collection\.json could not be built/);
    expect((error as Error).message).toContain('Paths Object');
  });
});

describe('spec downloads', () => {
  it('JSON and YAML both parse back to the bundled spec', () => {
    for (const revision of model.revisions) {
      const { json, yaml } = buildSpecDownloads(revision);
      expect(JSON.parse(json)).toEqual(revision.spec);
      expect(load(yaml)).toEqual(revision.spec);
    }
  });
});

describe('Markdown twins of operations', () => {
  it('name the method, path, every parameter, auth, revision header, rate limits, scopes and the curl sample', () => {
    for (const revision of model.revisions) {
      for (const operation of specOperations(revision.spec)) {
        const info = revision.operations.find((candidate) => candidate.operationId === operation.operationId)!;
        const markdown = operationMarkdown(revision, info, { siteUrl: SITE_URL });
        expect(markdown).toContain(`\`${operation.method} ${operation.path}\``);
        for (const name of specParameterNames(revision.spec, operation.path, operation.method)) {
          expect(markdown, `${operation.operationId} documents ${name}`).toContain(`| \`${name}\` |`);
        }
        expect(markdown).toContain(`\`revision: ${revision.revision}\``);
        expect(markdown).toContain('**Authentication:**');
        if (info.rateLimit?.burst) expect(markdown).toContain(info.rateLimit.burst);
        for (const scope of info.scopes) expect(markdown).toContain(`\`${scope}\``);
        expect(markdown).toMatch(/```bash\ncurl --request /);
      }
    }
  });

  it('lists request body fields as a nested list and stops at recursive schemas', () => {
    const spec = miniSpec({
      paths: `  /api/things:\n    post:${OPERATION('create_thing')}      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/Node' }`,
      schemas: `    Node:
      type: object
      required: [name]
      properties:
        name: { type: string, description: Display name., enum: [a, b] }
        parent: { $ref: '#/components/schemas/Node' }
`,
    });
    return loadReferenceModel(makeSpecsDir({ '2026-01-01/openapi.yaml': spec }), ROOT).then((loaded) => {
      const revision = loaded.revisions[0]!;
      const markdown = operationMarkdown(revision, revision.operations[0]!, { siteUrl: SITE_URL });
      expect(markdown).toContain('## Request body');
      expect(markdown).toContain('- `name` (string, required): Display name. Allowed values: `a`, `b`.');
      expect(markdown).toContain('- `parent` (object (Node)) (recursive: same shape as above)');
    });
  });
  it("show an operation's own parameter where it overrides the path item's (same name and location)", async () => {
    const spec = miniSpec({
      paths: `  /api/things:
    parameters:
      - { name: 'page[size]', in: query, description: Path-level page size., schema: { type: integer } }
      - { name: 'fields[thing]', in: query, description: Kept from the path item., schema: { type: string } }
    get:${OPERATION(
      'get_things',
      `
      parameters:
        - { name: 'page[size]', in: query, required: true, description: Operation-level page size., schema: { type: string } }`,
    )}`,
    });
    const loaded = await loadReferenceModel(makeSpecsDir({ '2026-01-01/openapi.yaml': spec }), ROOT);
    const revision = loaded.revisions[0]!;
    const markdown = operationMarkdown(revision, revision.operations[0]!, { siteUrl: SITE_URL });
    expect(markdown).toContain('| `page[size]` | query | string | yes | Operation-level page size. |');
    expect(markdown).not.toContain('Path-level page size.');
    expect(markdown.match(/\| `page\[size\]` \|/g)).toHaveLength(1);
    expect(markdown).toContain('| `fields[thing]` | query | string | no | Kept from the path item. |');
  });
});

describe('prose twins', () => {
  it('flatten MDX: imports, exports and comments dropped, tabs labelled, admonitions quoted, heading ids removed', () => {
    const source = `---
title: Sample
description: A sample page.
---

import Tabs from "@theme/Tabs";
import TabItem from "@theme/TabItem";

{/* a comment */}
export const base = 'https://example.org';
export const url = \`\${base}/notebook\`;

## Install {#install}

:::tip Prefer a notebook?
Read the <a href={url}>original</a>.
:::

<Tabs groupId="language" queryString="lang">
<TabItem value="python" label="Python" default>

\`\`\`python title="a.py"
import os
\`\`\`

</TabItem>
<TabItem value="curl" label="curl">

See [the overview](/docs/api-overview#pagination).

</TabItem>
</Tabs>
`;
    const markdown = proseMarkdown(
      { kind: 'doc', path: '/docs/sample', title: 'Sample', description: 'A sample page.', source },
      SITE_URL,
    );
    expect(markdown).toBe(`# Sample

> A sample page.

Source: ${SITE_URL}/docs/sample

## Install

> **Tip: Prefer a notebook?**
>
> Read the [original](https://example.org/notebook).

**Python**

\`\`\`python
import os
\`\`\`

**curl**

See [the overview](${SITE_URL}/docs/api-overview#pagination).
`);
  });

  it('drop HTML comments (as Docusaurus allows in MDX) but keep blank lines and `{#id}`-like text inside code', () => {
    const body = 'Intro.\n\n<!-- truncate -->\n\n## Next {#next}\n\n```py\na = 1\n\n\ndef f(): {#x}\n```';
    expect(mdxToMarkdown(body)).toBe('Intro.\n\n## Next\n\n```py\na = 1\n\n\ndef f(): {#x}\n```');
  });

  it('quote an admonition that spans several blocks', () => {
    const body = 'Before.\n\n:::warning\n\nFirst.\n\n```sh\nx\n```\n\n:::\n\nAfter.';
    expect(mdxToMarkdown(body)).toBe('Before.\n\n> **Warning**\n>\n> First.\n>\n> ```sh\n> x\n> ```\n\nAfter.');
  });

  it('leave fenced code untouched, even lines that look like MDX', () => {
    const body = '```js\nimport x from "y";\nexport const a = 1;\n<Tabs>\n```';
    expect(mdxToMarkdown(body)).toBe(body);
  });
});

describe('llms.txt', () => {
  it('lists every operation of the latest revision and every doc page, each as a Markdown twin', () => {
    const pages: ProsePage[] = [
      { kind: 'doc', path: '/docs/getting-started', title: 'Quick start', description: 'First call.', source: '# x' },
      { kind: 'doc', path: '/docs/community/code-of-conduct', title: 'Code', description: 'Rules.', source: '# x' },
    ];
    const text = buildLlmsTxt({ siteTitle: 'Portal', tagline: 'Build things', siteUrl: SITE_URL, model, pages });
    expect(text).toMatch(/^# Portal\n\n> Build things\./);
    for (const operation of model.revisions[0]!.operations) {
      expect(text).toContain(`(${SITE_URL}/reference/${operation.operationId}.md)`);
    }
    expect(text).toContain(`## Guides\n\n- [Quick start](${SITE_URL}/docs/getting-started.md): First call.`);
    expect(text).toContain(`## Community\n\n- [Code](${SITE_URL}/docs/community/code-of-conduct.md): Rules.`);
  });
});

describe('writing artifacts', () => {
  it('builds from the loaded model alone: the spec files are never read again', async () => {
    const dir = makeSpecsDir({
      '2026-01-01/openapi.yaml': miniSpec({ paths: `  /api/things:\n    get:${OPERATION('get_things')}` }),
    });
    const small = await loadReferenceModel(dir, ROOT);
    rmSync(dir, { recursive: true, force: true });
    const files = await buildSiteArtifacts({
      model: small,
      pages: [],
      siteTitle: 'T',
      tagline: 'x',
      siteUrl: SITE_URL,
    });
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        '/specs/2026-01-01/openapi.json',
        '/specs/latest/openapi.yaml',
        '/postman/2026-01-01/collection.json',
        '/postman/2026-01-01/environment.json',
        '/reference/get_things.md',
        '/reference/things.md',
        '/reference.md',
        '/llms.txt',
        '/llms-full.txt',
      ]),
    );
  });

  it('replaces the output folder as a whole, and leaves it untouched when writing fails', () => {
    const parent = makeSpecsDir({});
    const outDir = path.join(parent, 'static');
    mkdirSync(outDir);
    writeFileSync(path.join(outDir, 'old.txt'), 'previous build');

    expect(() => writeArtifactsAtomically(outDir, new Map([['/../escape.txt', 'x']]))).toThrow(SpecError);
    expect(readFileSync(path.join(outDir, 'old.txt'), 'utf8')).toBe('previous build');
    expect(readdirSync(parent)).toEqual(['static']);

    writeArtifactsAtomically(outDir, new Map([['/llms.txt', 'new']]));
    expect(existsSync(path.join(outDir, 'old.txt'))).toBe(false);
    expect(readFileSync(path.join(outDir, 'llms.txt'), 'utf8')).toBe('new');
    expect(readdirSync(parent)).toEqual(['static']);
  });

  it('maps pages to their Markdown twins', () => {
    expect(markdownTwinPath('/docs/sdks')).toBe('/docs/sdks.md');
    expect(markdownTwinPath('/docs/')).toBe('/docs/index.md');
    expect(markdownTwinPath('/reference/v2026-04-15/get_profiles')).toBe('/reference/v2026-04-15/get_profiles.md');
  });
});

describe('MDX partials in Markdown twins', () => {
  it('are replaced by their content where the page uses them', () => {
    const page = ['import Shared from "./_partials/_shared.mdx";', '', 'Before.', '', '<Shared />', '', 'After.'].join(
      '\n',
    );
    const inlined = inlineMdxPartials(page, (file) => {
      expect(file).toBe('./_partials/_shared.mdx');
      return '```python\nprint("shared")\n```';
    });
    expect(mdxToMarkdown(inlined)).toBe('Before.\n\n```python\nprint("shared")\n```\n\nAfter.');
  });
});
