import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, copySite } from '../site-copy';
import { WEBHOOKS_ONLY_SPEC } from '../fixtures/webhooks-only-spec';

describe('the site build', () => {
  it('fails with one message naming the artifact, keeping the previous artifacts, when the converter rejects a spec', async () => {
    const site = copySite();
    rmSync(path.join(site, 'specs'), { recursive: true });
    mkdirSync(path.join(site, 'specs/2026-01-01'), { recursive: true });
    writeFileSync(path.join(site, 'specs/2026-01-01/openapi.yaml'), WEBHOOKS_ONLY_SPEC);
    mkdirSync(path.join(site, 'generated/static'), { recursive: true });
    writeFileSync(path.join(site, 'generated/static/llms.txt'), 'previous build');

    const result = await build(site);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('Artifact /postman/2026-01-01/collection.json could not be built');
    expect(result.output).toContain('Paths Object');
    expect(readFileSync(path.join(site, 'generated/static/llms.txt'), 'utf8')).toBe('previous build');
    // No half-written temp folder left behind (other plugins may keep their own folders in generated/).
    expect(readdirSync(path.join(site, 'generated')).filter((entry) => entry.startsWith('.artifacts-'))).toEqual([]);
    expect(existsSync(path.join(site, 'build/llms.txt'))).toBe(false);
  });
});
