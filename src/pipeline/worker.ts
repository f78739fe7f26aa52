// Piscina worker: loads the rules once per thread, then processes (or only ingests) one file per task.
// Failures come back as values, not throws, so the error text reaches the batch intact.
import { ingestFile } from '../ingest/index.js';
import { loadRules } from '../tag/index.js';
import { processFile } from './process.js';
import type { ProcessedDocument } from '../records.js';

export interface WorkerTask {
  path: string;
  /** 'ingest' stops after ingest (the benchmark measures it alone); 'all' runs every stage. */
  stages: 'ingest' | 'all';
}

export type WorkerResult =
  | { ok: true; processed: ProcessedDocument | null; pages: number }
  | { ok: false; error: string };

const rules = loadRules();

export default async function run(task: WorkerTask): Promise<WorkerResult> {
  try {
    if (task.stages === 'ingest') {
      const doc = await ingestFile(task.path);
      return { ok: true, processed: null, pages: doc.pages.length };
    }
    const processed = await processFile(task.path, rules);
    return { ok: true, processed, pages: processed.record.pages };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
