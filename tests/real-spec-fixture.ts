import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The real 3 MB Klaviyo spec (two revisions, 345 operations) sits beside the project in CI, never
 * inside it. `FIXTURE_SPECS_DIR` points elsewhere; without it, tests that measure it skip with
 * `REAL_SPEC_SKIP_REASON`.
 */
export const REAL_SPEC_DIR =
  process.env.FIXTURE_SPECS_DIR ?? path.resolve(__dirname, '../../shared/fixtures/klaviyo-openapi');

export const HAS_REAL_SPEC = existsSync(REAL_SPEC_DIR);

export const REAL_SPEC_SKIP_REASON = `skipped: the real Klaviyo spec is not at ${REAL_SPEC_DIR} (set FIXTURE_SPECS_DIR to run it)`;
