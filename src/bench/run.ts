// One `findings run` as a user starts it (a child process of the built CLI): wall-clock seconds, CPU seconds and
// peak RSS. CPU time shows how much of the wall time was the machine being busy with something else.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
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
}

const cli = join(packageRoot, 'dist', 'cli', 'main.js');
const probe = pathToFileURL(join(packageRoot, 'dist', 'bench', 'usage-probe.js')).href;

export async function timeRun(corpus: string, out: string): Promise<RunTiming> {
  // Beside out/, not in it: out/ is the run's.
  const usageFile = join(dirname(out), 'run-usage.json');
  const started = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    let stderr = '';
    const child = spawn(process.execPath, ['--import', probe, cli, 'run', '--corpus', corpus, '--out', out], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, FINDINGS_BENCH_USAGE_FILE: usageFile },
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`findings run exited with ${code}:\n${stderr.trim()}`);
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as Usage;
  rmSync(usageFile);
  return {
    seconds,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    peakRssMb: usage.maxRSS / 1024,
    summary: stderr.trim().split('\n').pop() ?? '',
  };
}
