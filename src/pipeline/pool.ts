// The worker pool: one thread per core, reused across files, with a per-file time limit. p-limit keeps only a few
// tasks in flight so a large corpus is streamed through, never queued whole in memory.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pLimit from 'p-limit';
import { Piscina } from 'piscina';
import { packageRoot } from './root.js';
import type { WorkerResult, WorkerTask } from './worker.js';

export interface PoolOptions {
  threads?: number;
  /** A file that takes longer is abandoned (its thread is replaced) and reported as an error. */
  timeoutMs?: number;
  /** Each thread's V8 heap limit (old generation), in MB; default: see HEAP_MB. */
  heapMb?: number;
}

export interface FilePool {
  /**
   * Runs every task, calling onStart as each is handed to a thread and onResult as each finishes (completion order);
   * resolves when all are done.
   */
  each(
    tasks: Iterable<WorkerTask>,
    onResult: (task: WorkerTask, result: WorkerResult) => void,
    onStart?: (task: WorkerTask) => void,
  ): Promise<void>;
  close(): Promise<void>;
}

const workerFile = join(packageRoot, 'dist', 'pipeline', 'worker.js');

// Each thread's V8 heap limit. A document holds a few tens of MB live, but the old-generation limit also sets how far
// V8 lets a heap grow before collecting: from ~2 GB up (the default is 4 GB) the full benchmark run peaked at ~460 MB;
// at 1.5 GB it peaks at ~360 MB for ~10% more CPU, and lower limits cost more CPU for no less memory (README,
// Performance). A runaway document ends its own task, with an error naming the limit, rather than the machine's
// memory. Memory outside the heap (pdf.js's decoded streams, which a compression bomb inflates) is bounded before
// pdf.js starts, by inflate-check.ts.
const HEAP_MB = 1536;
const YOUNG_GENERATION_MB = 16;

export function createPool({ threads = availableParallelism(), timeoutMs = 120_000, heapMb = HEAP_MB }: PoolOptions = {}): FilePool {
  // Workers run compiled code: under vitest the sources are TypeScript, so the pool always uses the build.
  if (!existsSync(workerFile)) throw new Error(`${workerFile} is missing: run \`npm run build\` first`);
  const pool = new Piscina({
    filename: pathToFileURL(workerFile).href,
    minThreads: threads,
    maxThreads: threads,
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
  });
  const limit = pLimit(threads * 2);

  const runOne = async (task: WorkerTask, onStart?: (task: WorkerTask) => void): Promise<WorkerResult> => {
    onStart?.(task);
    try {
      return (await pool.run(task, { signal: AbortSignal.timeout(timeoutMs) })) as WorkerResult;
    } catch (err) {
      return { ok: false, error: failure(err, timeoutMs, heapMb) };
    }
  };

  return {
    async each(tasks, onResult, onStart) {
      await Promise.all([...tasks].map((task) => limit(async () => onResult(task, await runOne(task, onStart)))));
    },
    close: () => pool.destroy(),
  };
}

/** Why a task ended without a result: a time limit, the memory limit, or the thread's own error. */
function failure(err: unknown, timeoutMs: number, heapMb: number): string {
  const text = err instanceof Error ? `${err.name} ${err.message} ${(err as NodeJS.ErrnoException).code ?? ''}` : String(err);
  if (/abort|timeout/i.test(text)) return `took longer than ${timeoutMs / 1000} s; abandoned`;
  if (/ERR_WORKER_OUT_OF_MEMORY/.test(text)) {
    return `needed more than the ${heapMb} MB memory limit to process; abandoned (is the file far larger than a report?)`;
  }
  return String(err);
}
