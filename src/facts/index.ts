// The document-facts stage: which area a document is about, which inspection framework and outcome, the inspection
// dates and how many areas for priority action / improvement it lists. See taxonomy.md, "Document facts".
import { DocumentFactsSchema, type Document, type DocumentFacts } from '../records.js';
import { documentArea } from './area.js';
import { findBodies, responsibleIcb } from './bodies.js';
import { recommendationCounts } from './counts.js';
import { inspectionDates, previousInspection } from './dates.js';
import { framework, outcome } from './outcome.js';
import { flatten } from './text.js';

export { allAreas, resolveArea } from './gazetteer.js';

export function extractFacts(doc: Document): DocumentFacts {
  const flat = flatten(doc.text);
  const bodies = findBodies(flat);
  const dates = inspectionDates(flat);
  const fw = framework(flat, dates ? Number(dates.start.slice(0, 4)) : null);
  return DocumentFactsSchema.parse({
    area: documentArea(flat, bodies),
    icb: responsibleIcb(flat, bodies),
    framework: fw,
    outcome: outcome(flat, fw, doc.kind),
    inspection_start: dates?.start ?? null,
    inspection_end: dates?.end ?? null,
    previous_inspection: previousInspection(flat),
    ...recommendationCounts(doc.text),
  });
}
