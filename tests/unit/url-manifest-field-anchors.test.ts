// The URL manifest guard and the API reference's field anchors: listed from what the build publishes, checked
// against it, and kept alive by the plugin's `fieldAnchorRedirects`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkManifest, describeProblem, scanBuild } from '../../scripts/url-manifest';
import {
  FIELD_ANCHORS_FILE,
  pageFieldAnchorRedirects,
  type PublishedFieldAnchors,
} from '../../src/plugins/api-reference/field-anchors/published';
import type { OperationField } from '../../src/plugins/api-reference/field-anchors/ids';

let buildDir: string | undefined;
afterEach(() => {
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  buildDir = undefined;
});

function build(fieldAnchors: PublishedFieldAnchors): string {
  buildDir = mkdtempSync(path.join(os.tmpdir(), 'field-anchors-manifest-'));
  mkdirSync(path.join(buildDir, 'reference'), { recursive: true });
  writeFileSync(
    path.join(buildDir, 'sitemap.xml'),
    '<urlset><url><loc>https://example.com/</loc></url><url><loc>https://example.com/reference/get_profiles</loc></url></urlset>',
  );
  writeFileSync(path.join(buildDir, 'index.html'), '<html><body><h2 id="welcome">Hi</h2></body></html>');
  writeFileSync(
    path.join(buildDir, 'reference/get_profiles.html'),
    '<html><body><table><tr id="param-page-size" class="anchor"><td kind="field" title="page[size]"></td></tr></table></body></html>',
  );
  mkdirSync(path.dirname(path.join(buildDir, FIELD_ANCHORS_FILE)), { recursive: true });
  writeFileSync(path.join(buildDir, FIELD_ANCHORS_FILE), JSON.stringify(fieldAnchors));
  return buildDir;
}

const PUBLISHED: PublishedFieldAnchors = {
  pages: { '/reference/get_profiles': ['param-page-size', 'response-200-data-attributes-email'] },
  redirects: {},
};

describe('field anchors in the URL manifest', () => {
  it('lists the published field anchors of a page with the ids of its HTML', () => {
    const site = scanBuild(build(PUBLISHED));
    expect(site.pages['/reference/get_profiles']).toEqual(['param-page-size', 'response-200-data-attributes-email']);
  });

  it('fails when a field anchor is renamed, unless it is redirected to one the page has', () => {
    const manifest = {
      pages: { '/reference/get_profiles': ['param-page-size', 'response-200-data-attributes-e_mail'] },
      files: [],
    };
    const renamed = checkManifest(manifest, build(PUBLISHED)).map(describeProblem);
    expect(renamed).toEqual([
      '/reference/get_profiles#response-200-data-attributes-e_mail: anchor #response-200-data-attributes-e_mail is gone',
    ]);

    const redirected = build({
      ...PUBLISHED,
      redirects: {
        '/reference/get_profiles': { 'response-200-data-attributes-e_mail': 'response-200-data-attributes-email' },
      },
    });
    expect(checkManifest(manifest, redirected)).toEqual([]);

    const brokenRedirect = build({
      ...PUBLISHED,
      redirects: { '/reference/get_profiles': { 'response-200-data-attributes-e_mail': 'response-200-gone' } },
    });
    expect(checkManifest(manifest, brokenRedirect).map(describeProblem)).toEqual([
      '/reference/get_profiles#response-200-data-attributes-e_mail: anchor #response-200-data-attributes-e_mail redirects to #response-200-gone, which is gone too',
    ]);
  });

  it('applies an operation’s redirects only on pages that lack the old anchor', () => {
    const fields = [{ id: 'param-page-size' }, { id: 'param-old' }] as OperationField[];
    const redirects = { get_profiles: { 'param-old': 'param-new', 'param-gone': 'param-page-size' } };
    expect(pageFieldAnchorRedirects(redirects, 'get_profiles', fields)).toEqual({ 'param-gone': 'param-page-size' });
    expect(pageFieldAnchorRedirects(redirects, 'get_events', fields)).toBeUndefined();
  });
});
