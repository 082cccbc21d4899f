// The baseline the reference is measured against: a stock Docusaurus site (preset-classic) with the
// redocusaurus preset rendering one whole spec on one page, built the way its README says. It needs
// a bigger heap than Node's default on the 3 MB fixture, so it gets one; our build does not.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { countHtml, runMeasured, type MeasuredRun } from './measure-process';

const STOCK_HEAP_MB = 8192;

export async function measureStockRedocusaurus(
  root: string,
  specFile: string,
): Promise<MeasuredRun & { pages: number; heapMb: number }> {
  const siteDir = mkdtempSync(path.join(tmpdir(), 'bench-stock-redocusaurus-'));
  try {
    symlinkSync(path.join(root, 'node_modules'), path.join(siteDir, 'node_modules'));
    mkdirSync(path.join(siteDir, 'src', 'pages'), { recursive: true });
    writeFileSync(
      path.join(siteDir, 'docusaurus.config.js'),
      `module.exports = {
  title: 'Stock redocusaurus',
  url: 'http://localhost',
  baseUrl: '/',
  onBrokenLinks: 'warn',
  presets: [
    ['classic', { docs: false, blog: false }],
    ['redocusaurus', { specs: [{ id: 'api', spec: ${JSON.stringify(specFile)}, route: '/api/' }] }],
  ],
};
`,
    );
    writeFileSync(
      path.join(siteDir, 'src', 'pages', 'index.js'),
      "import React from 'react';\nexport default function Home() { return <p>Home</p>; }\n",
    );
    const build = await runMeasured(path.join(root, 'node_modules/.bin/docusaurus'), ['build'], {
      cwd: siteDir,
      env: { NODE_OPTIONS: `--max-old-space-size=${STOCK_HEAP_MB}` },
    });
    return { ...build, pages: countHtml(path.join(siteDir, 'build')), heapMb: STOCK_HEAP_MB };
  } finally {
    rmSync(siteDir, { recursive: true, force: true });
  }
}
