import { expect, test } from '@playwright/test';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, copySite, serveSite } from '../site-copy';

/**
 * A specs folder with a beta revision (`YYYY-MM-DD.pre`, as Klaviyo names its previews): it builds,
 * is served under its own prefix, is marked Beta, comes last in the switcher and is never the default.
 */
test.describe.configure({ mode: 'serial' });

let origin = '';
let stop = () => {};
let beta = '';
let stable = '';

test.beforeAll(async () => {
  test.setTimeout(600_000);
  const site = copySite();
  const specs = path.join(site, 'specs');
  stable = '2026-07-15';
  beta = `${stable}.pre`;
  cpSync(path.join(specs, stable), path.join(specs, beta), { recursive: true });
  const entry = path.join(specs, beta, 'paths/api_profiles.yaml');
  writeFileSync(entry, readFileSync(entry, 'utf8').replace('summary: Get Profiles', 'summary: Get Profiles (Preview)'));
  const env = { SPECS_DIR: specs };
  const built = await build(site, env);
  expect(built.code, built.output.slice(-3000)).toBe(0);
  const server = await serveSite(site, `/reference/v${beta}/get_profiles`, env);
  origin = server.origin;
  stop = server.stop;
});

test.afterAll(() => stop());

test('a beta revision is served under its own prefix and marked Beta, and the default stays stable', async ({
  page,
}) => {
  await page.goto(`${origin}/reference/v${beta}/get_profiles`);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true', { timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get Profiles (Preview)');
  const banner = page.getByTestId('beta-revision-banner');
  await expect(banner).toContainText('Beta');
  await expect(banner).toContainText(`planned for ${stable}`);
  await expect(page).toHaveTitle(new RegExp(`beta revision ${beta.replace('.', '\\.')}`));

  await page.goto(`${origin}/reference/get_profiles`);
  await expect(page.locator('html')).toHaveAttribute('data-has-hydrated', 'true');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Get Profiles');
  await expect(page.getByTestId('beta-revision-banner')).toHaveCount(0);
  const labels = await page.locator('.navbar__items--right .dropdown__menu a[data-revision]').allTextContents();
  expect(labels.at(-1)).toContain(`${beta} (beta)`);
  expect(labels[0]).toContain(`${stable} (latest)`);
});
