import { createServer, type AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serveBuild } from '../scripts/serve-build';

const ROOT = path.resolve(__dirname, '..');

const COPIED = [
  'docs',
  'blog',
  'src',
  'static',
  'specs',
  'docusaurus.config.ts',
  'sidebars.ts',
  'tsconfig.json',
  'redocly.yaml',
  'package.json',
];

/** A throwaway copy of the site (sharing node_modules) that a test may break on purpose. */
export function copySite(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-site-'));
  for (const entry of COPIED) cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

export interface CommandResult {
  code: number | null;
  output: string;
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

export function build(siteDir: string, env: NodeJS.ProcessEnv = {}): Promise<CommandResult> {
  return run(path.join(siteDir, 'node_modules/.bin/docusaurus'), ['build'], siteDir, env);
}

/** Serves a built copy with `docusaurus serve` (which honours BASE_URL) and resolves once `probePath` answers. */
export async function serveSite(
  siteDir: string,
  probePath: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ origin: string; stop: () => void }> {
  // A port the OS reports free: a random pick could land on the suite's own server (E2E_PORT).
  const port = await freePort();
  const server = await serveBuild(path.join(siteDir, 'build'), port, { siteDir, env, probePath });
  return { origin: `http://localhost:${port}`, stop: () => server.kill() };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
