import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/browser';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build, copySite, serveSite } from '../site-copy';

describe('the production build refuses broken content', () => {
  it('fails on a broken internal link', async () => {
    const site = copySite();
    writeFileSync(
      path.join(site, 'docs/link-probe.mdx'),
      '---\ntitle: Probe\n---\n\nSee [nowhere](/docs/no-such-page).\n',
    );
    const result = await build(site);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('/docs/no-such-page');
  });

  it('fails on a broken anchor', async () => {
    const site = copySite();
    writeFileSync(
      path.join(site, 'docs/anchor-probe.mdx'),
      '---\ntitle: Probe\n---\n\nSee [no anchor](/docs/api-overview#no-such-anchor).\n',
    );
    const result = await build(site);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('#no-such-anchor');
  });

  it('fails on a broken Markdown file link', async () => {
    const site = copySite();
    writeFileSync(path.join(site, 'docs/md-link-probe.md'), '---\ntitle: Probe\n---\n\nSee [gone](./gone.md).\n');
    const result = await build(site);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/gone\.md/);
  });

  it('fails on a dangling $ref with one readable message naming file and pointer', async () => {
    const site = copySite();
    const entry = path.join(site, 'specs/2026-07-15/openapi.yaml');
    writeFileSync(entry, readFileSync(entry, 'utf8') + '\nx-probe:\n  $ref: "#/components/schemas/DoesNotExist"\n');
    const result = await build(site, { SPECS_DIR: path.join(site, 'specs') });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/specs[\\/]2026-07-15[\\/]openapi\.yaml:\d+/);
    expect(result.output).toContain('#/x-probe');
    // A readable report, not a dump of the spec.
    expect(result.output.length).toBeLessThan(20_000);
    expect(result.output).not.toContain('operationId: get_profiles');
  });
});

describe('a portal served under a base URL (as on GitHub Pages)', () => {
  it('serves reference pages under it, and moves between them in the browser', async () => {
    const site = copySite();
    const env = { BASE_URL: '/portal/', SPECS_DIR: path.join(site, 'specs') };
    const built = await build(site, env);
    expect(built.code, built.output.slice(-2000)).toBe(0);
    const server = await serveSite(site, '/portal/reference/get_profiles', env);
    const executablePath = await findChromium();
    const browser = await chromium.launch({ executablePath: executablePath ?? undefined, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await page.goto(`${server.origin}/portal/reference/get_profiles`);
      await page.waitForSelector('html[data-has-hydrated="true"]');
      expect(await page.getByTestId('endpoint').textContent()).toContain('/api/profiles');
      await page.locator('aside summary').getByText('Events', { exact: true }).click();
      await page.locator('aside a[href="/portal/reference/get_events"]').click();
      await page.waitForURL(`${server.origin}/portal/reference/get_events`);
      await page.getByTestId('endpoint').getByText('/api/events').waitFor();
      await page.locator('aside a[href="/portal/reference"]').first().click();
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.locator('aside a[href="/portal/reference/profiles"]').count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      server.stop();
    }
  });
});
