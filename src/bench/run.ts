// One `findings run` as a user starts it (a child process of the built CLI): wall-clock seconds and peak RSS.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../pipeline/root.js';

export interface RunTiming {
  seconds: number;
  peakRssMb: number;
  /** The run's closing summary line ("N documents, … in S s"). */
  summary: string;
}

const cli = join(packageRoot, 'dist', 'cli', 'main.js');
const probe = pathToFileURL(join(packageRoot, 'dist', 'bench', 'rss-probe.js')).href;

export async function timeRun(corpus: string, out: string): Promise<RunTiming> {
  // Beside out/, not in it: out/ is the run's.
  const rssFile = join(dirname(out), 'peak-rss-kb');
  const started = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    let stderr = '';
    const child = spawn(process.execPath, ['--import', probe, cli, 'run', '--corpus', corpus, '--out', out], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, FINDINGS_BENCH_RSS_FILE: rssFile },
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`findings run exited with ${code}:\n${stderr.trim()}`);
  const peakRssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
  rmSync(rssFile);
  return { seconds, peakRssMb, summary: stderr.trim().split('\n').pop() ?? '' };
}
