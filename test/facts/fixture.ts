// Test helper: a Document around text written in the test.
import { makeDocument } from '../../src/document/index.js';
import type { Document, Kind } from '../../src/records.js';

export function fixture(text: string, kind: Kind = 'report'): Document {
  return makeDocument({ id: 'fixture', source: 'fixture.txt', sha256: '0'.repeat(64), kind, text, pages: [], sections: [] });
}
