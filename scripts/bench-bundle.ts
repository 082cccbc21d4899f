// Turns the bundler stats a build wrote (BUNDLE_STATS_FILE, see src/plugins/bundle-report.ts) into
// webpack-bundle-analyzer's JSON report, with the analyzer's own command line, and reads it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BundleReportNode } from './lib/bench';

const root = path.resolve(__dirname, '..');

export function analyzeBundle(statsFile: string, buildDir: string, reportFile: string): BundleReportNode[] {
  execFileSync(
    path.join(root, 'node_modules/.bin/webpack-bundle-analyzer'),
    [statsFile, buildDir, '--mode', 'json', '--report', reportFile, '--log-level', 'warn'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  return JSON.parse(readFileSync(reportFile, 'utf8')) as BundleReportNode[];
}
