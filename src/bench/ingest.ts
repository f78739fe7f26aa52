// Our ingest alone, or pdf.js alone, through the pipeline's own worker pool (threads reused across files). The pool is
// started inside the first timed batch, so thread start-up and pdf.js loading count once, as they would in a run.
import { createPool, type FilePool } from '../pipeline/pool.js';
import type { WorkerTask } from '../pipeline/worker.js';
import { ownCpuSeconds, type Timing } from './cpu.js';

export interface PoolTimer {
  /** Runs the files through the pool; pages found and the time taken. */
  time(files: string[]): Promise<Timing & { pages: number }>;
  close(): Promise<void>;
}

/** Times tasks that stop after `until`: 'ingest' (our ingest, pdf.js inside it) or 'pdfjs' (pdf.js and nothing else). */
export function poolTimer(threads: number, until: 'ingest' | 'pdfjs'): PoolTimer {
  let pool: FilePool | undefined;
  return {
    async time(files) {
      const started = performance.now();
      const cpuBefore = ownCpuSeconds();
      pool ??= createPool({ threads });
      let pages = 0;
      const failures: string[] = [];
      await pool.each(
        files.map((path): WorkerTask => ({ path, until })),
        (task, result) => {
          if (result.ok) pages += result.pages;
          else failures.push(`${task.path}: ${result.error}`);
        },
      );
      if (failures.length > 0) throw new Error(`${until} failed on ${failures.length} files, first: ${failures[0]}`);
      return { pages, seconds: (performance.now() - started) / 1000, cpuSeconds: ownCpuSeconds() - cpuBefore };
    },
    close: async () => pool?.close(),
  };
}
