import { describe, expect, it } from 'vitest';
import { groupInspections, yearsNamed, type DocFacts } from '../../src/aggregate/inspections.js';
import { findRepeats, sameFinding, quoteWords } from '../../src/aggregate/repeats.js';

function facts(doc: string, over: Partial<DocFacts>): DocFacts {
  return {
    doc, source: `/corpus/${doc}`, kind: 'report', la_code: '830', framework: null, outcome: null, inspection_start: null, inspection_end: null,
    previous_inspection: null, priority_actions: null, improvement_areas: null, revisit: null, years: new Map(), ...over,
  };
}

describe('groupInspections', () => {
  it('puts an undated article with the report of its area and framework', () => {
    const { inspections, inspectionOf } = groupInspections([
      facts('art', { kind: 'article', framework: '2023', outcome: 'systemic-failings', priority_actions: 6 }),
      facts('rep', { framework: '2023', outcome: 'systemic-failings', inspection_start: '2024-09-23', inspection_end: '2024-09-27', priority_actions: 6 }),
    ]);
    expect(inspections).toHaveLength(1);
    expect(inspections[0]).toMatchObject({ id: '830-2023-2024-09-23', docs: ['rep', 'art'], has_report: true, sequence: 1 });
    expect(inspectionOf.get('art')).toBe('830-2023-2024-09-23');
  });

  it("keeps an article about a 2016-framework inspection apart from the area's 2023 report", () => {
    const { inspections, inspectionOf } = groupInspections([
      facts('rep', { la_code: '885', framework: '2023', inspection_start: '2024-04-22', outcome: 'systemic-failings' }),
      facts('art', { la_code: '885', kind: 'article', framework: '2016', outcome: 'wsoa', years: new Map([[2018, 1]]) }),
    ]);
    expect(inspections.map((i) => [i.id, i.sequence, i.outcome])).toEqual([
      ['885-2016-undated', 1, 'wsoa'],
      ['885-2023-2024-04-22', 2, 'systemic-failings'],
    ]);
    expect(inspectionOf.get('art')).toBe('885-2016-undated');
  });

  it('separates inspections of one framework by date, and joins dated documents within the slack', () => {
    const { inspections, inspectionOf } = groupInspections([
      facts('first', { framework: '2016', inspection_start: '2016-11-14', inspection_end: '2016-11-18' }),
      facts('revisit', { framework: '2016', inspection_start: '2019-03-04' }),
      facts('minutes', { kind: 'minutes', framework: null, inspection_start: '2016-11-14' }),
    ]);
    expect(inspections.map((i) => i.id)).toEqual(['830-2016-2016-11-14', '830-2016-2019-03-04']);
    expect(inspectionOf.get('minutes')).toBe('830-2016-2016-11-14');
  });

  it('places an undated article by the years it names, and on no evidence with the latest', () => {
    const events = [
      facts('a', { framework: '2016', inspection_start: '2016-11-14' }),
      facts('b', { framework: '2016', inspection_start: '2019-03-04' }),
    ];
    const named = groupInspections([...events, facts('art', { kind: 'article', framework: '2016', years: yearsNamed('In November 2016 inspectors...') })]);
    expect(named.inspectionOf.get('art')).toBe('830-2016-2016-11-14');
    const unnamed = groupInspections([...events, facts('art', { kind: 'article', framework: '2016' })]);
    expect(unnamed.inspectionOf.get('art')).toBe('830-2016-2019-03-04');
  });

  it('takes facts from the report before articles, and leaves documents with no area out', () => {
    const { inspections, inspectionOf } = groupInspections([
      facts('art', { kind: 'article', framework: '2023', priority_actions: 3, improvement_areas: 4 }),
      facts('rep', { framework: '2023', inspection_start: '2023-07-10', priority_actions: 2 }),
      facts('min', { kind: 'minutes', la_code: null, framework: '2023' }),
    ]);
    expect(inspections[0]).toMatchObject({ priority_actions: 2, improvement_areas: 4 });
    expect(inspectionOf.has('min')).toBe(false);
  });

  it('does not mix areas whose names overlap', () => {
    const { inspections } = groupInspections([
      facts('derby', { la_code: '831', framework: '2016' }),
      facts('derbyshire', { la_code: '830', framework: '2016' }),
    ]);
    expect(inspections.map((i) => [i.la_code, i.docs])).toEqual([['830', ['derbyshire']], ['831', ['derby']]]);
  });
});

describe('revisits', () => {
  it('keeps a piece about a revisit apart from one about the inspection, and joins revisit pieces together', () => {
    const revisit = { weaknesses: 5, sufficient: 5, results: [] };
    const { inspections } = groupInspections([
      facts('letter', { la_code: '831', framework: '2016', outcome: 'wsoa' }),
      facts('revisit-story', { la_code: '831', kind: 'article', framework: '2016', revisit }),
      facts('revisit-minutes', { la_code: '831', kind: 'minutes', framework: null, revisit }),
    ]);
    expect(inspections.map((i) => [i.id, i.sequence, i.revisit, i.docs])).toEqual([
      ['831-2016-undated', 1, false, ['letter']],
      ['831-2016-revisit-undated', 2, true, ['revisit-minutes', 'revisit-story']],
    ]);
  });
});

describe('repeated findings', () => {
  it('treats a trimmed, re-punctuated quotation as the same finding', () => {
    const report = quoteWords('Children and young people wait up to 40 weeks for a wheelchair or specialist seating assessment.');
    const article = quoteWords('children and young people "wait up to 40 weeks for a wheelchair or specialist seating"');
    expect(sameFinding(report, article)).toBe(true);
  });

  it('keeps different sentences on one topic apart, and short phrases only match exactly', () => {
    const a = quoteWords('Children wait too long for wheelchairs.');
    expect(sameFinding(a, quoteWords('Children wait too long for speech and language therapy in the north of the county.'))).toBe(false);
    expect(sameFinding(quoteWords('waits are long'), quoteWords('waits are long and rising for many families'))).toBe(false);
    expect(sameFinding(quoteWords('Waits are long.'), quoteWords('waits are LONG'))).toBe(true);
  });

  it('maps each repeat to the first finding it repeats', () => {
    const repeats = findRepeats([
      { id: 1, quote: 'Some children with complex needs wait as long as 37 weeks for their EHC assessment.' },
      { id: 2, quote: 'Annual reviews are often late and some are not held at all this year.' },
      { id: 3, quote: 'some children with complex needs wait as long as 37 weeks for their EHC assessment' },
    ]);
    expect([...repeats]).toEqual([[3, 1]]);
  });
});
