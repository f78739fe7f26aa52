// The project's ingest alone, through the pipeline's own worker pool (threads reused across files), timed from the
// pool's start so thread start-up and pdf.js loading count, as mutool's process start-up does.
import { createPool } from '../pipeline/pool.js';
import { ownCpuSeconds } from './cpu.js';

export interface IngestTiming {
  pages: number;
  seconds: number;
  cpuSeconds: number;
}

export async function timeIngest(files: string[], threads: number): Promise<IngestTiming> {
  const started = performance.now();
  const cpuBefore = ownCpuSeconds();
  const pool = createPool({ threads });
  let pages = 0;
  const failures: string[] = [];
  try {
    await pool.each(
      files.map((path) => ({ path, stages: 'ingest' as const })),
      (task, result) => {
        if (result.ok) pages += result.pages;
        else failures.push(`${task.path}: ${result.error}`);
      },
    );
  } finally {
    await pool.close();
  }
  if (failures.length > 0) throw new Error(`ingest failed on ${failures.length} files, first: ${failures[0]}`);
  return { pages, seconds: (performance.now() - started) / 1000, cpuSeconds: ownCpuSeconds() - cpuBefore };
}
