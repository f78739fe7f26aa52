// The document-facts stage: which area a document is about, which inspection framework and outcome, the inspection
// dates, how many areas for priority action / improvement it lists, what a revisit found and whether an improvement
// notice was issued. See taxonomy.md, "Document facts".
import { DocumentFactsSchema, type Document, type DocumentFacts } from '../records.js';
import { documentArea } from './area.js';
import { findBodies, responsibleIcb } from './bodies.js';
import { recommendationCounts } from './counts.js';
import { inspectionDates, previousInspection, publicationYear } from './dates.js';
import { framework, is2023Report, outcome } from './outcome.js';
import { improvementNotice, revisitFacts } from './revisit.js';
import { flatSentences, flatten } from './text.js';

export function extractFacts(doc: Document): DocumentFacts {
  const flat = flatten(doc.text);
  const sentences = flatSentences(doc);
  const bodies = findBodies(flat);
  const dates = inspectionDates(flat, sentences);
  // A 2023-framework report may mention the revisit before it ("There was a subsequent revisit on ..."): not its own.
  const revisit = is2023Report(flat) ? null : revisitFacts(doc.text);
  const fw = framework(flat, sentences, {
    inspectionYear: dates ? Number(dates.end.slice(0, 4)) : null,
    writtenYear: publicationYear(doc.text),
    revisit: revisit !== null,
  });
  return DocumentFactsSchema.parse({
    area: documentArea(flat, sentences, bodies),
    icb: responsibleIcb(sentences, bodies),
    framework: fw,
    outcome: outcome(flat, sentences, fw, doc.kind, revisit !== null),
    inspection_start: dates?.start ?? null,
    inspection_end: dates?.end ?? null,
    previous_inspection: previousInspection(flat),
    ...recommendationCounts(doc.text, sentences),
    revisit,
    improvement_notice: improvementNotice(sentences),
  });
}
