import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RetryWithExponentialBackoff } from 'klaviyo-api';
import { loadReferenceModel } from '../../src/plugins/api-reference/spec';
import { operationParameters } from '../../src/plugins/api-reference/openapi';
import { SDK_MANIFESTS } from '../../src/plugins/api-reference/samples/sdk-manifest';
import { ROOT } from './helpers';

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const section = (text: string, id: string) =>
  text.slice(text.indexOf(`{#${id}}`), text.indexOf('\n## ', text.indexOf(`{#${id}}`)));

describe('what the guides say about the SDKs matches their code', () => {
  it('retries: the status codes the SDKs retry, and no 500', () => {
    expect(new RetryWithExponentialBackoff().retryCodes).toEqual(SDK_MANIFESTS.node.client.retryStatusCodes);
    const retries = section(read('docs/sdks.mdx'), 'retries');
    const codes = new Set(Object.values(SDK_MANIFESTS).flatMap((manifest) => manifest.client.retryStatusCodes));
    for (const code of codes) if (code >= 400) expect(retries).toContain(`\`${code}`);
    expect(Object.values(SDK_MANIFESTS).every((m) => !m.client.retryStatusCodes.includes(500))).toBe(true);
    expect(retries).toContain('`500` included, reach your code at once');
  });

  it("retries: Python's max_delay caps one wait, Ruby's all waits together", () => {
    expect(SDK_MANIFESTS.python.client.parameters).toContain('max_delay?');
    expect(SDK_MANIFESTS.python.client.retryNotes).toContain('longest single wait');
    expect(SDK_MANIFESTS.ruby.client.retryNotes).toContain('all waits together');
    const retries = section(read('docs/sdks.mdx'), 'retries');
    expect(retries).toMatch(/`max_delay` \(the longest \*\*single\*\* wait/);
    expect(read('docs/guides/understanding-customer-data.mdx')).not.toMatch(/max_delay` caps the total/);
  });

  it('timeouts: no SDK sets one by default, and no README is said to explain them', () => {
    const nodeApis = path.join(ROOT, 'node_modules/klaviyo-api/api');
    for (const file of readdirSync(nodeApis))
      expect(readFileSync(path.join(nodeApis, file), 'utf8')).not.toMatch(/\btimeout\s*:/);
    for (const manifest of Object.values(SDK_MANIFESTS)) expect(manifest.client.defaultTimeoutSeconds).toBe(0);
    const timeouts = section(read('docs/sdks.mdx'), 'timeouts');
    expect(timeouts).toContain('None of the SDKs sets a request timeout by default');
    expect(read('docs/sdks.mdx')).not.toMatch(/README explains/);
  });

  it('endpoint-level authentication is a per-call key, in the SDKs that have one', () => {
    const auth = section(read('docs/sdks.mdx'), 'authentication');
    expect(SDK_MANIFESTS.python.commonParameters).toContain('_request_auth');
    expect(SDK_MANIFESTS.php.commonParameters).toContain('apiKey');
    expect(auth).toContain('`_request_auth`');
    expect(auth).toContain('`apiKey:`');
    expect(auth).not.toContain('company_id');
  });

  it('page[size], scopes and deprecations as the latest spec has them', async () => {
    const model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
    const latest = model.revisions.find((revision) => revision.isLatest)!;
    const withPageSize = latest.operations
      .filter((operation) =>
        operationParameters(latest.spec, operation.path, operation.method).some((p) => p.name === 'page[size]'),
      )
      .map((operation) => operation.operationId)
      .sort();
    expect(withPageSize).toEqual(['get_profiles', 'get_profiles_for_list', 'get_profiles_for_segment']);
    const guide = read('docs/guides/understanding-customer-data.mdx');
    expect(guide).toContain('not by Get Events, Get Lists or Get Metrics');

    const addToList = latest.operations.find((operation) => operation.operationId === 'add_profiles_to_list')!;
    for (const scope of addToList.scopes) expect(section(guide, 'step-5-save-to-a-list')).toContain(scope);

    expect(latest.operations.find((operation) => operation.operationId === 'update_flow')!.deprecated).toBe(true);
    expect(read('docs/guides/understanding-client-side-requests.mdx')).toContain(
      `**deprecated in revision ${latest.revision}**`,
    );
  });

  it("filter quoting: the spec's examples quote strings with single quotes, which the overview allows", async () => {
    const model = await loadReferenceModel(path.join(ROOT, 'specs'), ROOT);
    const latest = model.revisions.find((revision) => revision.isLatest)!;
    const filterExamples = latest.operations.flatMap((operation) =>
      operationParameters(latest.spec, operation.path, operation.method)
        .filter((p) => p.name === 'filter' && typeof p.example === 'string')
        .map((p) => p.example as string),
    );
    expect(filterExamples.some((example) => /'[^']*'/.test(example))).toBe(true);
    expect(read('docs/api-overview.mdx')).toContain('single or double');
  });
});
