// Piscina worker: processes (or only ingests) one file per task, loading the rules once per thread when first needed
// (ingest alone never needs them). Failures come back as values, not throws, so the error text reaches the batch
// intact, a bad rules file included.
import { ingestFile } from '../ingest/index.js';
import { loadRules, type RuleSet } from '../tag/index.js';
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

let rules: RuleSet | undefined;

export default async function run(task: WorkerTask): Promise<WorkerResult> {
  try {
    if (task.stages === 'ingest') {
      const doc = await ingestFile(task.path);
      return { ok: true, processed: null, pages: doc.pages.length };
    }
    rules ??= loadRules();
    const processed = await processFile(task.path, rules);
    return { ok: true, processed, pages: processed.record.pages };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
