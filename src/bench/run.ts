// One `findings run` as a user starts it (a child process of the built CLI): wall-clock seconds, CPU seconds and
// peak RSS. CPU time shows how much of the wall time was the machine being busy with something else.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../pipeline/root.js';
import type { Usage } from './usage-probe.js';

export interface RunTiming {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  /** The run's closing summary line ("N documents, … in S s"). */
  summary: string;
  /** Seconds each per-document stage took over all documents (see src/pipeline/stage-times.ts). */
  stageSeconds: Record<string, number>;
}

const cli = join(packageRoot, 'dist', 'cli', 'main.js');
const probe = pathToFileURL(join(packageRoot, 'dist', 'bench', 'usage-probe.js')).href;

export async function timeRun(corpus: string, out: string): Promise<RunTiming> {
  // Beside out/, not in it: out/ is the run's.
  const usageFile = join(dirname(out), 'run-usage.json');
  const stagesFile = join(dirname(out), 'run-stages.jsonl');
  rmSync(stagesFile, { force: true });
  const started = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    let stderr = '';
    const child = spawn(process.execPath, ['--import', probe, cli, 'run', '--corpus', corpus, '--out', out], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, FINDINGS_BENCH_USAGE_FILE: usageFile, FINDINGS_BENCH_STAGES_FILE: stagesFile },
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`findings run exited with ${code}:\n${stderr.trim()}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as Usage;
  rmSync(usageFile);
  const stageSeconds = sumStages(stagesFile);
  return {
    seconds,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    peakRssMb: usage.maxRSS / 1024,
    summary: stderr.trim().split('\n').pop() ?? '',
    stageSeconds,
  };
}

/** Adds up the per-document stage milliseconds the run's threads appended (none for a run that processed nothing). */
function sumStages(file: string): Record<string, number> {
  const sums: Record<string, number> = {};
  if (!existsSync(file)) return sums;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line) continue;
    for (const [stage, ms] of Object.entries(JSON.parse(line) as Record<string, number>)) sums[stage] = (sums[stage] ?? 0) + ms / 1000;
  }
  rmSync(file);
  return sums;
}
