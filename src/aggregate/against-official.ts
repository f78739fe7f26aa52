// Documents set beside Ofsted's official 2016–22 table: which official visit (the inspection or its revisit) a
// documented 2016 inspection is, and which facts read from a document the table contradicts.
import type { DocumentFacts } from '../records.js';
import type { OfficialInspection } from './official.js';

/** The table covers inspections and revisits to this day; a later date cannot be checked against it. */
const OFFICIAL_TABLE_END = '2022-08-31';
/** A document's date for a visit may sit this far from the table's start date (the table gives a visit's first day;
 * a document may give any day of the visit week). */
const SAME_VISIT_DAYS = 7;
/** How far an event's date may sit from the table's and still be that visit, for grouping (articles date loosely). */
const LINK_DAYS = 60;
const DAY_MS = 86_400_000;

type OfficialVisit = 'inspection' | 'revisit';

const daysApart = (a: string, b: string) => Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS;

/** The official visit nearest `date` within `days`, or null. */
function visitOn(date: string, official: OfficialInspection, days: number): OfficialVisit | null {
  const visits: [OfficialVisit, string | null][] = [['inspection', official.inspection_start], ['revisit', official.revisit_start]];
  let best: { visit: OfficialVisit; gap: number } | null = null;
  for (const [visit, start] of visits) {
    if (start === null) continue;
    const gap = daysApart(date, start);
    if (gap <= days && (!best || gap < best.gap)) best = { visit, gap };
  }
  return best?.visit ?? null;
}

/**
 * Which of the area's official visits a documented inspection event is: one dated near the inspection or the revisit
 * is that visit; an undated one under the 2016 framework is the revisit when its documents are about one (and the
 * table has it), else the inspection (the table has one per area). An event under the 2023 framework, or dated away
 * from both visits, is neither.
 */
export function officialVisit(
  event: { framework: DocumentFacts['framework']; inspection_start: string | null; inspection_end: string | null },
  official: OfficialInspection | undefined,
  aboutRevisit = false,
): OfficialVisit | null {
  if (!official || event.framework === '2023') return null;
  const date = event.inspection_start ?? event.inspection_end;
  if (date !== null) return visitOn(date, official, LINK_DAYS);
  if (event.framework !== '2016') return null;
  if (!aboutRevisit) return 'inspection';
  return official.revisit_start === null ? null : 'revisit';
}

/** A fact read from a document that Ofsted's official table contradicts. */
export interface Contradiction {
  doc: string;
  source: string;
  la_code: string;
  fact: 'outcome' | 'inspection_start' | 'previous_inspection' | 'revisit_weaknesses' | 'revisit_sufficient';
  /** The value as the document gives it. */
  document: string;
  /** What the official table has instead. */
  official: string;
  /** The disagreement in words, citing the table's row. */
  message: string;
}

type Facts = Pick<DocumentFacts, 'framework' | 'outcome' | 'inspection_start' | 'inspection_end' | 'previous_inspection' | 'revisit'> & {
  doc: string;
  source: string;
  la_code: string | null;
};

/**
 * The facts of one document that disagree with its area's row in the official table: a 2016–22 outcome (WSoA or
 * not) other than the table's; an inspection date or previous-inspection date up to 31 August 2022 that is neither
 * the table's inspection nor its revisit; a revisit's number of weaknesses, or of weaknesses with sufficient
 * progress, other than the table's. Areas the table does not cover, and later dates, are not judged.
 */
export function contradictions(d: Facts, official: OfficialInspection | undefined): Contradiction[] {
  if (!official || d.la_code === null) return [];
  const out: Contradiction[] = [];
  const flag = (fact: Contradiction['fact'], document: string, officialValue: string, message: string) =>
    out.push({ doc: d.doc, source: d.source, la_code: d.la_code!, fact, document, official: officialValue, message: `${message} (Ofsted's table, ${official.source})` });
  const visits = `inspection starting ${official.inspection_start}${official.revisit_start ? `, revisit starting ${official.revisit_start}` : ''}`;
  const date = d.inspection_start ?? d.inspection_end;
  const checkable = (day: string | null): day is string => day !== null && day <= OFFICIAL_TABLE_END;

  const tableOutcome = official.outcome;
  if ((d.outcome === 'wsoa' || d.outcome === 'no-wsoa') && d.outcome !== tableOutcome && (date === null || date <= OFFICIAL_TABLE_END)) {
    const said = (o: string) => (o === 'wsoa' ? 'a written statement of action was required' : 'no written statement of action was required');
    flag('outcome', d.outcome, tableOutcome, `the document says ${said(d.outcome)} of ${official.name}; the official table says ${said(tableOutcome)}`);
  }
  if (d.framework !== '2023' && checkable(d.inspection_start) && visitOn(d.inspection_start, official, SAME_VISIT_DAYS) === null) {
    flag('inspection_start', d.inspection_start, visits, `the document dates the visit to ${official.name} ${d.inspection_start}; the official table has no visit then (${visits})`);
  }
  if (checkable(d.previous_inspection) && visitOn(d.previous_inspection, official, SAME_VISIT_DAYS) === null) {
    flag('previous_inspection', d.previous_inspection, visits, `the document gives ${official.name}'s previous inspection as ${d.previous_inspection}; the official table has no visit then (${visits})`);
  }
  // A revisit's counts, when the document is about the table's revisit (undated, or dated to it).
  const r = d.revisit;
  const theRevisit = official.revisit_start !== null && (date === null || visitOn(date, official, SAME_VISIT_DAYS) === 'revisit');
  if (r && theRevisit) {
    if (r.weaknesses !== null && official.weaknesses !== null && r.weaknesses !== official.weaknesses) {
      flag('revisit_weaknesses', String(r.weaknesses), String(official.weaknesses), `the document says ${official.name}'s revisit judged ${r.weaknesses} significant weaknesses; the official table has ${official.weaknesses}`);
    }
    if (r.sufficient !== null && official.weaknesses_progressed !== null && r.sufficient !== official.weaknesses_progressed) {
      flag('revisit_sufficient', String(r.sufficient), String(official.weaknesses_progressed), `the document says ${official.name} made sufficient progress on ${r.sufficient} weaknesses at the revisit; the official table has ${official.weaknesses_progressed} of ${official.weaknesses}`);
    }
  }
  return out;
}
