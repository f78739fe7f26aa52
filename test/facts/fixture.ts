// Test helper: a Document around text written in the test.
import { makeDocument } from '../../src/document/index.js';
import { extractFacts } from '../../src/facts/index.js';
import type { Document, DocumentFacts, Kind } from '../../src/records.js';

export function fixture(text: string, kind: Kind = 'report'): Document {
  return makeDocument({ id: 'fixture', source: 'fixture.txt', sha256: '0'.repeat(64), kind, text, pages: [], sections: [] });
}

/** The facts of a Document around text written in the test. */
export const factsOf = (text: string, kind: Kind = 'report'): DocumentFacts => extractFacts(fixture(text, kind));
