// The document model: what ingest reads from a file, completed with what the later stages all need, computed once
// (as spaCy's Doc holds its sentences): the sentence spans. Offsets are into the clean text.
import type { Document } from '../records.js';
import { splitSentences } from './sentences.js';

/** The Document for ingest's output: its text split into sentences, list items and table cells. */
export function makeDocument(ingested: Omit<Document, 'sentences'>): Document {
  return { ...ingested, sentences: splitSentences(ingested.text) };
}
