// Starts `docusaurus start` on a private copy of the specs and records its terminal output.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface DevServer {
  url: string;
  specsDir: string;
  /** Everything the dev server printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

export function copySpecs(from: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'portal-dev-specs-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Replaces the first occurrence of `from` in a spec file (throws when it is absent: the test would prove nothing). */
export function editSpec(specsDir: string, file: string, from: string, to: string): void {
  const target = path.join(specsDir, file);
  const text = readFileSync(target, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(target, text.replace(from, to));
}

/** Any FORCE_COLOR (even "0") turns colors on in some loggers. */
function withoutForceColor(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _ignored, ...rest } = env;
  return rest;
}

export async function startDevServer({
  siteDir,
  specsDir,
  port,
  timeoutMs = 420_000,
}: {
  siteDir: string;
  specsDir: string;
  port: number;
  timeoutMs?: number;
}): Promise<DevServer> {
  let output = '';
  const child: ChildProcess = spawn('npx', ['docusaurus', 'start', '--port', String(port), '--no-open'], {
    cwd: siteDir,
    env: { ...withoutForceColor(process.env), SPECS_DIR: specsDir, BROWSER: 'none', NO_COLOR: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // eslint-disable-next-line no-control-regex
  const record = (chunk: Buffer) => (output += chunk.toString().replace(/\u001b\[[0-9;]*m/g, ''));
  child.stdout!.on('data', record);
  child.stderr!.on('data', record);

  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM'); // the whole group: npx, docusaurus and its workers
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  };

  const started = Date.now();
  while (!/compiled successfully/.test(output)) {
    if (child.exitCode !== null) throw new Error(`dev server exited (${child.exitCode}):\n${output.slice(-3000)}`);
    if (Date.now() - started > timeoutMs) {
      await stop();
      throw new Error(`dev server not ready after ${timeoutMs / 1000}s:\n${output.slice(-3000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url: `http://localhost:${port}`, specsDir, output: () => output, stop };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
