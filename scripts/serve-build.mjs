// Serves a production build folder with `docusaurus serve` and resolves once it answers.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export async function serveBuild(dir, port) {
  const child = spawn(
    path.join(root, 'node_modules/.bin/docusaurus'),
    ['serve', '--dir', dir, '--port', String(port), '--no-open'],
    { cwd: root, stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/`)).ok) return child;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill();
  throw new Error(`docusaurus serve --dir ${dir} did not start`);
}
