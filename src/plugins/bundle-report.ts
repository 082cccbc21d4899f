/**
 * With BUNDLE_REPORT_FILE=/path/report.json, a production build also writes webpack-bundle-analyzer's
 * JSON report of the browser bundle: every asset with its modules and their stat, parsed (minified)
 * and gzip sizes. `npm run bench` reads it to name the largest modules of main.js and of Redoc's
 * chunk. Without the variable the plugin does nothing.
 */
import type { Plugin } from '@docusaurus/types';

export const BUNDLE_REPORT_ENV = 'BUNDLE_REPORT_FILE';

export default function bundleReportPlugin(): Plugin {
  return {
    name: 'bundle-report',
    configureWebpack(_config, isServer) {
      const reportFilename = process.env[BUNDLE_REPORT_ENV];
      if (isServer || !reportFilename) return {};
      // Loaded only when asked for: the analyzer is a dev dependency.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { BundleAnalyzerPlugin } = require('webpack-bundle-analyzer') as typeof import('webpack-bundle-analyzer');
      return {
        plugins: [
          new BundleAnalyzerPlugin({ analyzerMode: 'json', reportFilename, openAnalyzer: false, logLevel: 'warn' }),
        ],
      };
    },
  };
}
