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
}

export interface FilePool {
  /** Runs every task, calling onResult as each finishes (completion order); resolves when all are done. */
  each(tasks: Iterable<WorkerTask>, onResult: (task: WorkerTask, result: WorkerResult) => void): Promise<void>;
  close(): Promise<void>;
}

const workerFile = join(packageRoot, 'dist', 'pipeline', 'worker.js');

export function createPool({ threads = availableParallelism(), timeoutMs = 120_000 }: PoolOptions = {}): FilePool {
  // Workers run compiled code: under vitest the sources are TypeScript, so the pool always uses the build.
  if (!existsSync(workerFile)) throw new Error(`${workerFile} is missing: run \`npm run build\` first`);
  const pool = new Piscina({ filename: pathToFileURL(workerFile).href, minThreads: threads, maxThreads: threads });
  const limit = pLimit(threads * 2);

  const runOne = async (task: WorkerTask): Promise<WorkerResult> => {
    try {
      return (await pool.run(task, { signal: AbortSignal.timeout(timeoutMs) })) as WorkerResult;
    } catch (err) {
      const timedOut = err instanceof Error && /abort|timeout/i.test(`${err.name} ${err.message}`);
      return { ok: false, error: timedOut ? `took longer than ${timeoutMs / 1000} s; abandoned` : String(err) };
    }
  };

  return {
    async each(tasks, onResult) {
      await Promise.all([...tasks].map((task) => limit(async () => onResult(task, await runOne(task)))));
    },
    close: () => pool.destroy(),
  };
}
