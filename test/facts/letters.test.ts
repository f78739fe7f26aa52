// 2016-22 outcome letters and revisit letters as first-class reports: PDFs in the published structure (see
// letter-fixtures.ts) through ingest and facts, as the pipeline runs them.
import { beforeAll, describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/index.js';
import { ingestFile } from '../../src/ingest/index.js';
import { DocumentFactsSchema, type Document, type DocumentFacts } from '../../src/records.js';
import { writeFixture } from '../ingest/pdf-fixtures.js';
import { letterWithWsoa, letterWithoutWsoa, REVISIT_WEAKNESSES, revisitLetter } from './letter-fixtures.js';

const read = async (name: string, bytes: Buffer) => {
  const doc = await ingestFile(writeFixture(name, bytes));
  return { doc, facts: extractFacts(doc) };
};

const titles = (doc: Document) => doc.sections.map((s) => s.title);
const sectionOf = (doc: Document, phrase: string) => {
  const at = doc.text.indexOf(phrase);
  expect(at).toBeGreaterThanOrEqual(0);
  return doc.sections.find((s) => at >= s.start && at < s.end)?.title;
};

const ASPECTS = [
  "The effectiveness of the local area in identifying children and young people's special educational needs and/or disabilities",
  'The effectiveness of the local area in meeting the needs of children and young people who have special educational needs and/or disabilities',
  'The effectiveness of the local area in improving outcomes for children and young people who have special educational needs and/or disabilities',
];

describe('an outcome letter that requires a written statement of action', () => {
  let doc: Document;
  let facts: DocumentFacts;
  beforeAll(async () => ({ doc, facts } = await read('rutland-letter.pdf', letterWithWsoa())));

  it('is a report with the facts of a 2016-framework inspection', () => {
    expect(doc.kind).toBe('report');
    expect(facts).toEqual(
      DocumentFactsSchema.parse({
        area: { name: 'Rutland', la_code: '857', gss: 'E06000017', region: 'East Midlands', urn: '80547' },
        icb: null,
        framework: '2016',
        outcome: 'wsoa',
        inspection_start: '2018-03-05',
        inspection_end: '2018-03-09',
        previous_inspection: null,
        priority_actions: null,
        improvement_areas: null,
        revisit: null,
        improvement_notice: false,
      }),
    );
  });

  it('takes the area from the letter, not from Ofsted\'s address in Manchester', () => {
    expect(doc.text).toContain('Manchester');
    expect(facts.area?.name).toBe('Rutland');
  });

  it('has the letter\'s sections: main findings, and strengths and areas for development under each aspect', () => {
    expect(titles(doc)).toEqual([
      'Joint local area SEND inspection in Rutland',
      'Main findings',
      ...ASPECTS.flatMap((aspect) => [aspect, 'Strengths', 'Areas for development']),
    ]);
    expect(sectionOf(doc, 'HMCI) has determined that a Written Statement of Action (WSOA) is required')).toBe(
      'Joint local area SEND inspection in Rutland',
    );
    expect(sectionOf(doc, 'Too many education, health and care (EHC) plans are late')).toBe('Main findings');
    expect(sectionOf(doc, 'Short breaks are valued')).toBe('Strengths');
    expect(sectionOf(doc, 'The local offer is hard to find')).toBe('Areas for development');
    // The areas of significant weakness the WSOA must tackle close the last aspect's areas for development.
    expect(sectionOf(doc, 'the quality and accessibility of the local offer')).toBe('Areas for development');
  });
});

describe('an outcome letter without a written statement of action', () => {
  it('reads no-wsoa, the dates and the area', async () => {
    const { doc, facts } = await read('wokingham-letter.pdf', letterWithoutWsoa());
    expect(facts).toMatchObject({
      area: { la_code: '872' },
      framework: '2016',
      outcome: 'no-wsoa',
      inspection_start: '2019-01-15',
      inspection_end: '2019-01-19',
      revisit: null,
    });
    expect(titles(doc)).toContain('Areas for development');
  });
});

describe('a revisit letter', () => {
  let doc: Document;
  let facts: DocumentFacts;
  beforeAll(async () => ({ doc, facts } = await read('torbay-revisit.pdf', revisitLetter())));

  it('reads the revisit: its dates, the area, and the WSOA it follows', () => {
    expect(facts).toMatchObject({
      area: { la_code: '880' },
      framework: '2016',
      outcome: 'wsoa',
      inspection_start: '2021-06-07',
      inspection_end: '2021-06-09',
      improvement_notice: false,
    });
  });

  it('reads the verdict on each weakness, and the summary', () => {
    expect(facts.revisit).toEqual({
      weaknesses: 3,
      sufficient: 2,
      results: [
        { weakness: REVISIT_WEAKNESSES[0], progress: 'sufficient' },
        { weakness: REVISIT_WEAKNESSES[1], progress: 'sufficient' },
        { weakness: REVISIT_WEAKNESSES[2], progress: 'insufficient' },
      ],
    });
  });

  it('has a section for each weakness', () => {
    expect(titles(doc)).toEqual(['Joint local area SEND revisit in Torbay', 'Main findings', ...REVISIT_WEAKNESSES]);
    expect(sectionOf(doc, 'Children still wait more than 18 months')).toBe(REVISIT_WEAKNESSES[2]);
  });
});
