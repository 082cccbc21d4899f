// `npx tsx scripts/bench-artifacts.ts [<specs folder>]` (or SPECS_DIR=...): how much the downstream artifacts
// (Postman collections, spec downloads, llms.txt, Markdown twins) add to a production build. Builds the site
// with SKIP_ARTIFACTS=1 and without it, BENCH_ARTIFACTS_RUNS times each (default 2, interleaved), and prints
//   artifacts_build_seconds_without  fastest build without the artifacts
//   artifacts_build_seconds_with     fastest build with them
//   artifacts_build_overhead_pct     (with - without) / without, in percent (the budget is 20)
//   artifacts_generation_seconds     time the plugin spent building and writing them inside the build, and
//   artifacts_generation_pct_of_build  that time over the build without them: steadier than the difference of two
//                                    wall-clock builds on a busy machine
//   artifacts_files / artifacts_bytes  what the build published
// bench.ts can import measureArtifactsOverhead() instead.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isMain } from './lib/main';

const root = path.resolve(__dirname, '..');
const generated = path.join(root, 'generated', 'static');

interface BuildRun {
  seconds: number;
  generationSeconds: number;
}

export interface ArtifactsOverhead {
  secondsWithout: number;
  secondsWith: number;
  overheadPct: number;
  generationSeconds: number;
  generationPct: number;
  files: number;
  bytes: number;
}

function buildOnce(specsDir: string, skipArtifacts: boolean): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'bench-artifacts-'));
    rmSync(path.join(root, '.docusaurus'), { recursive: true, force: true });
    const started = performance.now();
    const child = spawn(path.join(root, 'node_modules/.bin/docusaurus'), ['build', '--out-dir', outDir], {
      cwd: root,
      env: { ...process.env, SPECS_DIR: specsDir, SKIP_ARTIFACTS: skipArtifacts ? '1' : '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const llms = existsSync(path.join(outDir, 'llms.txt'));
      rmSync(outDir, { recursive: true, force: true });
      if (code !== 0) reject(new Error(`docusaurus build failed:\n${output.slice(-3000)}`));
      else if (llms === skipArtifacts) reject(new Error(`SKIP_ARTIFACTS=${skipArtifacts ? 1 : 0} was not honoured`));
      else {
        // The plugin logs how long generating the artifacts took inside this build.
        const generation = /Artifacts: \d+ files written to generated\/static in ([\d.]+) s/.exec(output);
        resolve({ seconds, generationSeconds: generation ? Number(generation[1]) : 0 });
      }
    });
  });
}

function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    const stat = statSync(full);
    if (stat.isDirectory()) {
      const inner = folderSize(full);
      files += inner.files;
      bytes += inner.bytes;
    } else {
      files++;
      bytes += stat.size;
    }
  }
  return { files, bytes };
}

/** Builds without and with the artifacts, interleaved, and compares the fastest build of each kind. */
export async function measureArtifactsOverhead({
  specsDir,
  runs = 2,
  log = () => {},
}: {
  specsDir: string;
  runs?: number;
  log?: (line: string) => void;
}): Promise<ArtifactsOverhead> {
  const without: number[] = [];
  const withArtifacts: number[] = [];
  const generation: number[] = [];
  // A build without artifacts must not copy the previous build's: park them while it runs.
  const parked = `${generated}.bench-parked`;
  for (let run = 0; run < runs; run++) {
    rmSync(parked, { recursive: true, force: true });
    if (existsSync(generated)) renameSync(generated, parked);
    try {
      const withoutRun = await buildOnce(specsDir, true);
      without.push(withoutRun.seconds);
      log(`run ${run + 1}: without artifacts ${withoutRun.seconds.toFixed(1)} s`);
    } finally {
      if (!existsSync(generated) && existsSync(parked)) renameSync(parked, generated);
      rmSync(parked, { recursive: true, force: true });
    }
    const withRun = await buildOnce(specsDir, false);
    withArtifacts.push(withRun.seconds);
    generation.push(withRun.generationSeconds);
    log(
      `run ${run + 1}: with artifacts ${withRun.seconds.toFixed(1)} s (generating them: ${withRun.generationSeconds} s)`,
    );
  }
  const best = (values: number[]) => Math.min(...values);
  const size = folderSize(generated);
  return {
    secondsWithout: best(without),
    secondsWith: best(withArtifacts),
    overheadPct: ((best(withArtifacts) - best(without)) / best(without)) * 100,
    generationSeconds: best(generation),
    generationPct: (best(generation) / best(without)) * 100,
    files: size.files,
    bytes: size.bytes,
  };
}

async function main(): Promise<void> {
  const specsDir = path.resolve(process.argv[2] ?? process.env.SPECS_DIR ?? path.join(root, 'specs'));
  if (!existsSync(specsDir)) {
    console.error(`No specs folder at ${specsDir}`);
    process.exit(1);
  }
  const runs = Number(process.env.BENCH_ARTIFACTS_RUNS ?? 2);
  const figures = await measureArtifactsOverhead({ specsDir, runs, log: (line) => console.error(line) });
  console.log(`artifacts.specs_dir: ${specsDir}`);
  console.log(`artifacts_build_seconds_without: ${figures.secondsWithout.toFixed(1)}`);
  console.log(`artifacts_build_seconds_with: ${figures.secondsWith.toFixed(1)}`);
  console.log(`artifacts_build_overhead_pct: ${figures.overheadPct.toFixed(1)}`);
  console.log(`artifacts_generation_seconds: ${figures.generationSeconds.toFixed(1)}`);
  console.log(`artifacts_generation_pct_of_build: ${figures.generationPct.toFixed(1)}`);
  console.log(`artifacts_files: ${figures.files}`);
  console.log(`artifacts_bytes: ${figures.bytes}`);
}

if (isMain(__filename)) void main();
