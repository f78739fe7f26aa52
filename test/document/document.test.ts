// The document model: ingest's output completed with its sentence spans, which the facts and tag stages both read
// (neither splits the text again).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDocument } from '../../src/document/index.js';
import { extractFacts } from '../../src/facts/index.js';
import { ingestFile } from '../../src/ingest/index.js';
import type { Document } from '../../src/records.js';
import { loadRules, tag } from '../../src/tag/index.js';
import { reportsDir } from '../helpers.js';
import { noFacts } from '../tag/fixture.js';

const base = { id: 'd', source: 'd.txt', sha256: '0'.repeat(64), kind: 'article' as const, pages: [], sections: [] };
const units = (doc: Document) => doc.sentences.map((s) => doc.text.slice(s.start, s.end));

describe('makeDocument', () => {
  it('splits the text once into sentences and list items, offsets into the text', () => {
    const doc = makeDocument({ ...base, text: 'Leaders should improve:\n• the local offer\nWaits are long. Plans are late.' });
    expect(units(doc)).toEqual(['Leaders should improve:', 'the local offer', 'Waits are long.', 'Plans are late.']);
  });
});

describe('ingest', () => {
  it('gives every document its sentences, in order and inside the text', async () => {
    const pdf = readdirSync(reportsDir).find((f) => f.endsWith('.pdf'))!;
    const doc = await ingestFile(join(reportsDir, pdf));
    expect(doc.sentences.length).toBeGreaterThan(50);
    doc.sentences.forEach((s, i) => {
      expect(s.start).toBeLessThan(s.end);
      expect(s.end).toBeLessThanOrEqual(doc.text.length);
      if (i > 0) expect(s.start).toBeGreaterThanOrEqual(doc.sentences[i - 1]!.end);
    });
  });
});

describe('the stages read the document\'s sentences', () => {
  const text = 'The council was issued with an improvement notice. It could face intervention if waits for EHC plans stay too long.';
  const split = makeDocument({ ...base, text });
  // The same text held as one unit: what the stages find must follow the spans the document holds.
  const whole: Document = { ...split, sentences: [{ start: 0, end: text.length }] };

  it('facts: a doubt in the next sentence does not reach the notice, unless the document holds them as one', () => {
    expect(extractFacts(split).improvement_notice).toBe(true);
    expect(extractFacts(whole).improvement_notice).toBe(false);
  });

  it('tag: a finding quotes the sentence span the document holds', () => {
    const rules = loadRules();
    const quotes = (doc: Document) => [...new Set(tag(doc, noFacts, rules).map((f) => f.quote))];
    expect(quotes(split)).toEqual([text.slice(split.sentences[1]!.start, split.sentences[1]!.end)]);
    expect(quotes(whole)).toEqual([text]);
  });
});
