// One file through the per-document stages, in the order STAGES lists them: ingest → facts → tag. Runs in a worker
// thread (see worker.ts) or inline. STAGES is the one list of them: the pipeline version hashes their code and the
// packages they import (version.ts), and the worker can stop after any of them (the benchmark times ingest alone).
import { ingestFile } from '../ingest/index.js';
import { extractFacts } from '../facts/index.js';
import { tag, type RuleSet } from '../tag/index.js';
import { DocumentRecordSchema, type ProcessedDocument } from '../records.js';
import { saveStageTimes, stageTimes, timed } from './stage-times.js';

/** The per-document stages, in order; each is the folder of src/ that holds it. */
export const STAGES = ['ingest', 'facts', 'tag'] as const;
export type Stage = (typeof STAGES)[number];
/** Folders of src/ that the stages share (the document model, the gazetteer): their code is the stages' code too. */
export const SHARED = ['document', 'gazetteer'] as const;

export interface Processed {
  pages: number;
  /** The record and text; null when stopped before the last stage. */
  processed: ProcessedDocument | null;
}

const LAST: Stage = STAGES[STAGES.length - 1]!;

/** Every stage: the document's record and clean text. */
export async function processFile(path: string, rules: RuleSet): Promise<ProcessedDocument> {
  return (await runStages(path, () => rules)).processed!;
}

/** Runs the stages up to and including `until` (default: all); `rules` is asked for only when the tag stage runs. */
export async function runStages(path: string, rules: () => RuleSet, until: Stage = LAST): Promise<Processed> {
  const times = stageTimes();
  const started = performance.now();
  const doc = await ingestFile(path);
  if (times) times.ingest = performance.now() - started;
  if (until === 'ingest') return { pages: doc.pages.length, processed: null };
  const facts = timed(times, 'facts', () => extractFacts(doc));
  if (until === 'facts') return { pages: doc.pages.length, processed: null };
  const ruleSet = rules();
  const findings = timed(times, 'tag', () => tag(doc, facts, ruleSet));
  saveStageTimes(times);
  // Validate here, where the record is made, so a malformed record names its document rather than failing a writer.
  const record = DocumentRecordSchema.parse({
    doc: doc.id,
    source: doc.source,
    kind: doc.kind,
    sha256: doc.sha256,
    pages: doc.pages.length,
    ...facts,
    findings,
  });
  return { pages: record.pages, processed: { record, text: doc.text } };
}
