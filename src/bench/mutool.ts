// The reference: MuPDF extracting the text of every page (`mutool draw -F txt`), on both cores as two shell loops
// that each take half the files, so process start-up is paid per file as it would be in a script.
import { spawn, spawnSync } from 'node:child_process';
import { childrenCpuSeconds, type Timing } from './cpu.js';

/** mutool's version; throws when mutool cannot be run. */
export function mutoolVersion(): string {
  const probe = spawnSync('mutool', ['-v'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'mutool (MuPDF) is not installed; the benchmark measures against it. Install it with: apt-get install -y mupdf-tools',
    );
  }
  return `${probe.stdout}${probe.stderr}`.match(/\d+\.\d+(\.\d+)?/)?.[0] ?? 'unknown';
}

/** Time for `processes` parallel loops to extract the text of every file. */
export async function timeMutool(files: string[], processes: number): Promise<Timing> {
  const shares = Array.from({ length: processes }, (_, p) => files.filter((_, i) => i % processes === p));
  const started = performance.now();
  const cpuBefore = childrenCpuSeconds();
  await Promise.all(shares.filter((s) => s.length > 0).map(loop));
  const cpuAfter = childrenCpuSeconds();
  return {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
  };
}

function loop(files: string[]): Promise<void> {
  const script = 'for f; do mutool draw -q -F txt -o /dev/null "$f" || exit 1; done';
  return new Promise((resolve, reject) => {
    let stderr = '';
    const child = spawn('sh', ['-c', script, 'sh', ...files], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`mutool failed (exit ${code}): ${stderr.trim() || 'no message'}`)),
    );
  });
}
