// A news headline is kept in the text and searched like any line, but it only summarises: where a body sentence
// gives the same finding (category and polarity), that sentence is the one to cite.
import type { Document, Finding } from '../records.js';

export function preferBody(doc: Document, findings: Finding[]): Finding[] {
  const headline = doc.article?.headline;
  if (!headline) return findings;
  const inHeadline = (f: Finding) => f.start >= headline.start && f.end <= headline.end;
  const key = (f: Finding) => `${f.category}:${f.polarity}`;
  const body = new Set(findings.filter((f) => !inHeadline(f)).map(key));
  return findings.filter((f) => !inHeadline(f) || !body.has(key(f)));
}
