// Serves a production build with `docusaurus serve` and resolves once `probePath` answers.
// `siteDir` is the site whose config applies (so BASE_URL in `env` is honoured); `dir` the build.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '..');

export interface ServeOptions {
  siteDir?: string;
  env?: NodeJS.ProcessEnv;
  probePath?: string;
}

export async function serveBuild(
  dir: string,
  port: number,
  { siteDir = root, env = {}, probePath = '/' }: ServeOptions = {},
): Promise<ChildProcess> {
  const child = spawn(
    path.join(siteDir, 'node_modules/.bin/docusaurus'),
    ['serve', '--dir', dir, '--port', String(port), '--no-open'],
    { cwd: siteDir, stdio: 'ignore', env: { ...process.env, ...env } },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://localhost:${port}${probePath}`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error(`docusaurus serve --dir ${dir} did not answer ${probePath}`);
}
