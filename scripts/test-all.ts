// `npm test`: typecheck, lint, unit tests, build guards, production build, then end-to-end tests in Chromium.
import { spawnSync } from 'node:child_process';
import { findChromium, NO_BROWSER_MESSAGE } from './browser';
import { isMain } from './lib/main';

const steps: [name: string, command: string, args: string[]][] = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit tests', 'npm', ['run', '--silent', 'test:unit']],
  ['build guards (broken content fails the build)', 'npm', ['run', '--silent', 'test:build-guards']],
  ['production build', 'npm', ['run', '--silent', 'build']],
  ['end-to-end tests', 'npm', ['run', '--silent', 'test:e2e']],
  ['dev server live reload', 'npm', ['run', '--silent', 'test:dev']],
];

async function main(): Promise<void> {
  if (!(await findChromium())) {
    console.error(NO_BROWSER_MESSAGE);
    process.exit(1);
  }
  for (const [name, command, args] of steps) {
    const started = Date.now();
    console.log(`\n▶ ${name}`);
    const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (result.status !== 0) {
      console.error(`✖ ${name} failed after ${seconds}s`);
      process.exit(result.status ?? 1);
    }
    console.log(`✔ ${name} (${seconds}s)`);
  }
}

if (isMain(__filename)) void main();
