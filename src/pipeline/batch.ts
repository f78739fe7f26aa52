// Processing the documents a run found stale, so that no one document can stop every run: each is recorded in the
// store as started before a worker takes it. A document a run died on (killed, out of memory) is a suspect: the next
// run processes it last and alone, so that if it kills that run too it is the only one to blame; a document two runs
// died on is an error line and skipped until its file or the pipeline changes, and the run after completes.
import type { CorpusFile } from './corpus.js';
import { createPool, type PoolOptions } from './pool.js';
import type { Store } from './store.js';
import type { WorkerResult, WorkerTask } from './worker.js';

export interface BatchOptions extends PoolOptions {
  /** Called once the work is known (done = 0), then after each processed file. */
  onProgress?: (done: number, total: number, doc: string | null) => void;
}

/** Runs that may die on a document before it is skipped. */
const DEATHS_ALLOWED = 1;

export async function processStale(stale: CorpusFile[], store: Store, version: string, opts: BatchOptions): Promise<void> {
  opts.onProgress?.(0, stale.length, null);
  if (stale.length === 0) return;
  const unfinished = store.unfinished();
  const deaths = (f: CorpusFile) => {
    const row = unfinished.get(f.doc);
    return row && row.sha256 === f.sha256 && row.version === version ? row.starts : 0;
  };
  let done = 0;
  const progress = (f: CorpusFile) => opts.onProgress?.(++done, stale.length, f.doc);

  for (const f of stale.filter((f) => deaths(f) > DEATHS_ALLOWED)) {
    const error = `a run was killed while processing this file ${deaths(f)} times (out of memory?); skipped until the file or the pipeline changes`;
    store.saveError({ doc: f.doc, source: f.source, error }, f.sha256, version);
    progress(f);
  }
  const suspects = stale.filter((f) => deaths(f) === DEATHS_ALLOWED);
  const others = stale.filter((f) => deaths(f) === 0);

  const bySource = new Map(stale.map((f) => [f.source, f]));
  const onStart = (task: WorkerTask) => store.markStarted(bySource.get(task.path)!.doc, bySource.get(task.path)!.sha256, version);
  const onResult = (task: WorkerTask, result: WorkerResult) => {
    const file = bySource.get(task.path)!;
    if (result.ok && result.processed) store.saveProcessed(result.processed, version);
    else store.saveError({ doc: file.doc, source: file.source, error: result.ok ? 'no record produced' : result.error }, file.sha256, version);
    progress(file);
  };
  const pool = createPool(opts);
  try {
    await pool.each(others.map((f) => ({ path: f.source })), onResult, onStart);
    for (const f of suspects) await pool.each([{ path: f.source }], onResult, onStart);
  } finally {
    await pool.close();
  }
}
