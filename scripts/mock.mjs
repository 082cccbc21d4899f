// Starts a mock of the Klaviyo API generated from the latest spec with @stoplight/prism-cli, so the
// reference's "Try it" panel can be used end to end without an account:
//
//   npm run mock                       http://127.0.0.1:4010 (the panel's "Local mock server")
//   npm run mock -- --port 4011        any other prism mock option (--host, --dynamic, --errors…)
//
// CORS is on (prism's default), so pages served from any origin may call it. SPECS_DIR as for the build.
// The e2e tests start the mock through this script too (tests/e2e/mock-server.ts).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The entry file of the newest dated revision folder (YYYY-MM-DD) in `specsDir`. */
export function latestSpec(specsDir) {
  const revisions = readdirSync(specsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d{4}-\d{2}-\d{2}$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
  const latest = revisions.at(-1);
  const file = latest && path.join(specsDir, latest, 'openapi.yaml');
  if (!file || !existsSync(file)) throw new Error(`No <YYYY-MM-DD>/openapi.yaml in ${specsDir}`);
  return file;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
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
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
