// Piscina worker: processes one file per task up to a given stage, loading the rules once per thread when first needed
// (ingest alone never needs them). Failures come back as values, not throws, so the error text reaches the batch
// intact, a bad rules file included.
import { loadRules, type RuleSet } from '../tag/index.js';
import { runStages, STAGES, type Stage } from './process.js';
import type { ProcessedDocument } from '../records.js';

export interface WorkerTask {
  path: string;
  /**
   * The last stage to run (see STAGES; default: all of them), or 'pdfjs': pdf.js alone over every page's text, none
   * of our code, which the benchmark times against the whole pipeline.
   */
  until?: Stage | 'pdfjs';
}

export type WorkerResult =
  | { ok: true; processed: ProcessedDocument | null; pages: number }
  | { ok: false; error: string };

let rules: RuleSet | undefined;

export default async function run(task: WorkerTask): Promise<WorkerResult> {
  try {
    if (task.until === 'pdfjs') {
      const { pdfjsAlone } = await import('../bench/pdfjs-alone.js');
      return { ok: true, processed: null, pages: await pdfjsAlone(task.path) };
    }
    return { ok: true, ...(await runStages(task.path, task.until ?? STAGES[STAGES.length - 1]!, () => (rules ??= loadRules()))) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
