// Starts a mock of the Klaviyo API generated from the latest spec with @stoplight/prism-cli, so the
// reference's "Try it" panel can be used end to end without an account:
//
//   npm run mock                       http://127.0.0.1:4010 (the panel's "Local mock server")
//   npm run mock -- --port 4011        any other prism mock option (--host, --dynamic, --errors…)
//
// CORS is on (prism's default), so pages served from any origin may call it. SPECS_DIR as for the build.
// The e2e tests start the mock through this script too (tests/e2e/mock-server.ts).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { discoverRevisions } from '../src/plugins/api-reference/spec/revisions';
import { isMain } from './lib/main';

const ROOT = path.resolve(__dirname, '..');

/** The entry file of the newest dated revision folder (YYYY-MM-DD) in `specsDir`. */
export function latestSpec(specsDir: string): string {
  return discoverRevisions(specsDir)[0]!.entryFile;
}

if (isMain(__filename)) {
  const specsDir = process.env.SPECS_DIR ? path.resolve(process.env.SPECS_DIR) : path.join(ROOT, 'specs');
  const spec = latestSpec(specsDir);
  const args = process.argv.slice(2);
  const prism = require.resolve('@stoplight/prism-cli/dist/index.js');
  const withDefaults = [
    ...(args.some((arg) => /^(-p|--port)(=|$)/.test(arg)) ? [] : ['--port', '4010']),
    ...(args.some((arg) => /^(-h|--host)(=|$)/.test(arg)) ? [] : ['--host', '127.0.0.1']),
    ...args,
  ];
  console.log(`Mock of ${path.relative(process.cwd(), spec)} (prism mock ${withDefaults.join(' ')})`);
  const child = spawn(process.execPath, [prism, 'mock', spec, ...withDefaults], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
