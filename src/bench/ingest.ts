// The project's ingest alone, through the pipeline's own worker pool (threads reused across files). The pool is
// started inside the first timed batch, so thread start-up and pdf.js loading count once, as they would in a run.
import { createPool, type FilePool } from '../pipeline/pool.js';
import { ownCpuSeconds, type Timing } from './cpu.js';

export interface IngestTimer {
  /** Ingests the files; pages found and the time taken. */
  time(files: string[]): Promise<Timing & { pages: number }>;
  close(): Promise<void>;
}

export function ingestTimer(threads: number): IngestTimer {
  let pool: FilePool | undefined;
  return {
    async time(files) {
      const started = performance.now();
      const cpuBefore = ownCpuSeconds();
      pool ??= createPool({ threads });
      let pages = 0;
      const failures: string[] = [];
      await pool.each(
        files.map((path) => ({ path, until: 'ingest' as const })),
        (task, result) => {
          if (result.ok) pages += result.pages;
          else failures.push(`${task.path}: ${result.error}`);
        },
      );
      if (failures.length > 0) throw new Error(`ingest failed on ${failures.length} files, first: ${failures[0]}`);
      return { pages, seconds: (performance.now() - started) / 1000, cpuSeconds: ownCpuSeconds() - cpuBefore };
    },
    close: async () => pool?.close(),
  };
}
