// Piscina worker: processes one file per task up to a given stage, loading the rules once per thread when first needed
// (ingest alone never needs them). Failures come back as values, not throws, so the error text reaches the batch
// intact, a bad rules file included.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { loadRules, type RuleSet } from '../tag/index.js';
import { checkInflatedSize } from './inflate-check.js';
import { runStages, type Stage } from './process.js';
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
    // Memory pdf.js would take outside the heap limit is refused before it is taken (see inflate-check.ts).
    if (extname(task.path).toLowerCase() === '.pdf') await checkInflatedSize(await readFile(task.path));
    return { ok: true, ...(await runStages(task.path, () => (rules ??= loadRules()), task.until)) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
