// Documents made up for the dataset tests (our own sentences): four areas, reports and the articles about them,
// an undated article about an older inspection, minutes naming no area, and text written to break out of HTML/CSV.
import { createHash } from 'node:crypto';
import type { Area, DocumentRecord, Finding, Measure } from '../../src/records.js';
import type { StoredDocument } from '../../src/aggregate/index.js';

export const TAXONOMY = ['ehcp-timeliness', 'part-time-timetables', 'off-rolling', 'wheelchair-waits', 'exclusions', 'parent-engagement', 'tribunals'];

export const AREAS = {
  derby: { name: 'Derby', la_code: '831', gss: 'E06000015', region: 'East Midlands', urn: '80459' },
  derbyshire: { name: 'Derbyshire', la_code: '830', gss: 'E10000007', region: 'East Midlands', urn: '80460' },
  nottinghamshire: { name: 'Nottinghamshire', la_code: '891', gss: 'E10000024', region: 'East Midlands', urn: '80534' },
  worcestershire: { name: 'Worcestershire', la_code: '885', gss: 'E10000034', region: 'West Midlands', urn: '80584' },
} satisfies Record<string, Area>;

type Quote = [category: string, polarity: Finding['polarity'], quote: string, weeks?: number];

interface DocSpec {
  doc: string;
  kind?: DocumentRecord['kind'];
  area: Area | null;
  framework?: DocumentRecord['framework'];
  outcome?: DocumentRecord['outcome'];
  start?: string | null;
  end?: string | null;
  priority?: number | null;
  quotes: Quote[];
  /** Text around the quotes (e.g. the years an article names). */
  preamble?: string;
}

/** A stored document whose findings point at their quotes in its text, one quote per page. */
export function storedDoc(spec: DocSpec): StoredDocument {
  let text = spec.preamble ? `${spec.preamble}\n` : '';
  const findings: Finding[] = spec.quotes.map(([category, polarity, quote, weeks], i) => {
    const start = text.length;
    text += `${quote}\n`;
    const measures: Measure[] = weeks === undefined ? [] : [{
      kind: 'duration', value: weeks, unit: 'weeks', weeks, qualifier: 'up-to', of: 'wait', text: `up to ${weeks} weeks`,
      start: start + quote.indexOf(String(weeks)), end: start + quote.indexOf(String(weeks)) + 8,
    }];
    return {
      doc: spec.doc, category, polarity, quote, page: spec.kind && spec.kind !== 'report' ? null : i + 1, start,
      end: start + quote.length, section: null, measures, rule: `${category}-1`,
    };
  });
  const record: DocumentRecord = {
    doc: spec.doc,
    source: `/corpus/${spec.doc}.${spec.kind && spec.kind !== 'report' ? 'txt' : 'pdf'}`,
    kind: spec.kind ?? 'report',
    sha256: createHash('sha256').update(spec.doc).digest('hex'),
    pages: spec.kind && spec.kind !== 'report' ? 0 : findings.length,
    area: spec.area,
    icb: null,
    framework: spec.framework ?? null,
    outcome: spec.outcome ?? null,
    inspection_start: spec.start ?? null,
    inspection_end: spec.end ?? null,
    previous_inspection: null,
    priority_actions: spec.priority ?? null,
    improvement_areas: null,
    findings,
  };
  return { record, text };
}

export const WHEELCHAIR_QUOTE = 'Children and young people wait up to 40 weeks for a wheelchair or specialist seating assessment.';
export const HOSTILE_QUOTE = 'Parents said "</script><script>alert(1)</script>" and <img src=x onerror=alert(2)> about the delays.';
export const FORMULA_QUOTE = '=HYPERLINK("http://example.invalid/","click me") families were not listened to.';

export function fixtureDocuments(): StoredDocument[] {
  return [
    storedDoc({
      doc: 'derbyshire-report', area: AREAS.derbyshire, framework: '2023', outcome: 'systemic-failings',
      start: '2024-09-23', end: '2024-09-27', priority: 6,
      quotes: [
        ['wheelchair-waits', 'concern', WHEELCHAIR_QUOTE, 40],
        ['part-time-timetables', 'concern', 'Too many pupils with SEND spend months on part-time timetables that nobody reviews.'],
        ['ehcp-timeliness', 'concern', 'Most new EHC plans are finalised well after the 20-week statutory deadline.'],
        ['parent-engagement', 'strength', 'Parent carer forum members say leaders now listen and act on what they hear.'],
      ],
    }),
    storedDoc({
      doc: 'derbyshire-article', kind: 'article', area: AREAS.derbyshire, framework: '2023', outcome: 'systemic-failings',
      preamble: 'The report was published in November 2024 after the visit in September 2024.',
      quotes: [
        // The report's sentence as the article quotes it: trimmed and re-punctuated.
        ['wheelchair-waits', 'concern', 'children and young people "wait up to 40 weeks for a wheelchair or specialist seating"', 40],
        ['exclusions', 'concern', 'Councillors heard that suspensions of pupils with SEND had doubled in two years.'],
      ],
    }),
    storedDoc({
      doc: 'derby-blog', kind: 'blog', area: AREAS.derby, framework: '2016',
      preamble: 'Written in 2017 about the inspection this spring.',
      quotes: [
        ['ehcp-timeliness', 'concern', 'Families in the city wait far longer than the statutory maximum for an EHC plan.'],
        ['tribunals', 'concern', 'The number of appeals to the tribunal has risen every year.'],
      ],
    }),
    storedDoc({
      doc: 'worcestershire-article', kind: 'article', area: AREAS.worcestershire, framework: '2016', outcome: 'wsoa',
      preamble: 'Inspectors visited the county in March 2018.',
      quotes: [
        ['part-time-timetables', 'concern', 'Inspectors found pupils kept on reduced timetables for long periods without review.'],
      ],
    }),
    storedDoc({
      doc: 'worcestershire-report', area: AREAS.worcestershire, framework: '2023', outcome: 'systemic-failings',
      start: '2024-04-22', end: '2024-04-26', priority: 2,
      quotes: [
        ['part-time-timetables', 'concern', 'Some children remain on part-time timetables for too long, missing much of their education.'],
        ['exclusions', 'concern', 'Suspensions of pupils with SEND are high and rising.'],
      ],
    }),
    storedDoc({
      doc: 'nottinghamshire-2016-report', area: AREAS.nottinghamshire, framework: '2016', outcome: 'wsoa',
      start: '2016-06-20', end: '2016-06-24',
      quotes: [['ehcp-timeliness', 'concern', 'Too few statements are converted to EHC plans within the expected timescales.']],
    }),
    storedDoc({
      doc: 'nottinghamshire-report', area: AREAS.nottinghamshire, framework: '2023', outcome: 'systemic-failings',
      start: '2023-01-30', end: '2023-02-03', priority: 2,
      quotes: [
        ['ehcp-timeliness', 'concern', 'Some children with complex needs wait as long as 37 weeks for their EHC assessment.', 37],
        ['parent-engagement', 'concern', HOSTILE_QUOTE],
      ],
    }),
    storedDoc({
      doc: 'nottinghamshire-article', kind: 'article', area: AREAS.nottinghamshire, framework: '2023', outcome: 'systemic-failings',
      preamble: 'The report, published in May 2023, follows the visit at the start of 2023.',
      quotes: [['ehcp-timeliness', 'concern', 'Some children with complex needs wait as long as 37 weeks for their EHC assessment.', 37]],
    }),
    storedDoc({
      doc: 'panel-minutes', kind: 'minutes', area: null, framework: '2016', outcome: 'wsoa',
      quotes: [['parent-engagement', 'concern', FORMULA_QUOTE]],
    }),
  ];
}
