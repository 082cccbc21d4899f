/**
 * With BUNDLE_STATS_FILE=/path/stats.json, a production build also writes the bundler's stats of the
 * browser bundle (assets, chunks, modules), through webpack-bundle-analyzer's plugin. `npm run bench`
 * turns them into the analyzer's JSON report (`webpack-bundle-analyzer stats.json <build> -m json`:
 * every module with its parsed and gzip size) after the build, so the build's own time barely
 * changes. Without the variable the plugin does nothing.
 */
import type { Plugin } from '@docusaurus/types';

export const BUNDLE_STATS_ENV = 'BUNDLE_STATS_FILE';

export default function bundleReportPlugin(): Plugin {
  return {
    name: 'bundle-report',
    configureWebpack(_config, isServer) {
      const statsFilename = process.env[BUNDLE_STATS_ENV];
      if (isServer || !statsFilename) return {};
      // Loaded only when asked for: the analyzer is a dev dependency.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { BundleAnalyzerPlugin } = require('webpack-bundle-analyzer') as typeof import('webpack-bundle-analyzer');
      return {
        plugins: [
          new BundleAnalyzerPlugin({
            analyzerMode: 'disabled',
            generateStatsFile: true,
            statsFilename,
            // What the analyzer reads (assets, chunks, modules and concatenated modules), less the parts
            // that would make the file large (module reasons, per-chunk module copies, export lists).
            statsOptions: {
              reasons: false,
              chunkModules: false,
              chunkOrigins: false,
              usedExports: false,
              providedExports: false,
              optimizationBailout: false,
              source: false,
            },
            openAnalyzer: false,
            logLevel: 'warn',
          }),
        ],
      };
    },
  };
}
