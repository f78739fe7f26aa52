// One file through every per-document stage: ingest → facts → tag. Runs in a worker thread (see worker.ts) or inline.
import { ingestFile } from '../ingest/index.js';
import { extractFacts } from '../facts/index.js';
import { tag, type RuleSet } from '../tag/index.js';
import { DocumentRecordSchema, type ProcessedDocument } from '../records.js';

export async function processFile(path: string, rules: RuleSet): Promise<ProcessedDocument> {
  const doc = await ingestFile(path);
  const facts = extractFacts(doc);
  const findings = tag(doc, facts, rules);
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
  return { record, text: doc.text };
}
