// Small documents made in the test: one paragraph per line, with optional sections by title; and the polarities the
// repository's own rules give one sentence.
import { makeDocument } from '../../src/document/index.js';
import type { Document, DocumentFacts } from '../../src/records.js';
import { loadRules, tag } from '../../src/tag/index.js';

export function makeDoc(text: string, sections: string[] = [], id = 'fixture'): Document {
  const found = sections.map((title) => ({ title, start: text.indexOf(title), end: text.length }));
  found.sort((a, b) => a.start - b.start).forEach((s, i, all) => (s.end = all[i + 1]?.start ?? text.length));
  return makeDocument({ id, source: `${id}.txt`, sha256: '0'.repeat(64), kind: 'report', text, pages: [], sections: found });
}

export const noFacts: DocumentFacts = {
  area: null,
  icb: null,
  framework: null,
  outcome: null,
  inspection_start: null,
  inspection_end: null,
  previous_inspection: null,
  priority_actions: null,
  improvement_areas: null,
};

const rules = loadRules();

/** The polarities the tagger gives one category in one sentence (empty: no finding), under an optional section. */
export function polarity(sentence: string, category: string, section?: string): string[] {
  const text = section ? `${section}\n${sentence}` : sentence;
  const found = tag(makeDoc(text, section ? [section] : []), noFacts, rules).filter((f) => f.category === category);
  return [...new Set(found.map((f) => f.polarity))].sort();
}
