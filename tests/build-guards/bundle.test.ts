import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeBundle } from '../../scripts/bench-bundle';
import { assetHolding, mainAsset, modulesOf } from '../../scripts/lib/bench';
import { build, copySite } from '../site-copy';

describe('the shared bundle', () => {
  it("main.js holds no Prism core, Redoc or lodash; the bundle report names each module's size", async () => {
    const site = copySite();
    const reports = mkdtempSync(path.join(tmpdir(), 'bundle-report-'));
    try {
      const statsFile = path.join(reports, 'stats.json');
      const result = await build(site, { BUNDLE_STATS_FILE: statsFile });
      expect(result.code, result.output.slice(-3000)).toBe(0);
      const report = analyzeBundle(statsFile, path.join(site, 'build'), path.join(reports, 'report.json'));

      const main = mainAsset(report);
      const modules = modulesOf(main);
      const total = modules.reduce((sum, module) => sum + module.parsedBytes, 0);
      // Every byte of main.js is some module's (the rest is the bundler's runtime).
      expect(total / main.parsedSize!).toBeGreaterThan(0.97);
      expect(modules[0]!.path).toBe('./node_modules/react-dom/cjs/react-dom-client.production.js');
      const paths = modules.map((module) => module.path);
      expect(paths.filter((file) => /\/node_modules\/(prismjs\/prism\.js|redoc\/|lodash)/.test(file))).toEqual([]);
      // The site's extra grammars are there, for prism-react-renderer.
      expect(paths).toContain('./node_modules/prismjs/components/prism-bash.js?prism-react-renderer');

      const redoc = assetHolding(report, /\/node_modules\/redoc\//);
      expect(redoc?.label).not.toBe(main.label);
      expect(modulesOf(redoc!).map((module) => module.path)).toContain('./node_modules/prismjs/prism.js');
    } finally {
      rmSync(site, { recursive: true, force: true });
      rmSync(reports, { recursive: true, force: true });
    }
  });
});
