// Documented inspections and facts set beside Ofsted's official 2016–22 table (rows from the shipped table).
import { describe, expect, it } from 'vitest';
import { contradictions, officialVisit } from '../../src/aggregate/against-official.js';
import { loadOfficialTable } from '../../src/aggregate/official.js';

const table = new Map(loadOfficialTable().map((o) => [o.la_code, o]));
// Worcestershire: inspected from 2018-03-05 (WSoA), revisited from 2021-11-01. Derbyshire: 2016-11-14, no WSoA.
const worcestershire = table.get('885')!;
const derbyshire = table.get('830')!;

const facts = (over: Partial<Parameters<typeof contradictions>[0]>) => ({
  doc: 'd', source: '/corpus/d.txt', la_code: '885', framework: null, outcome: null, inspection_start: null,
  inspection_end: null, previous_inspection: null, revisit: null, ...over,
});

describe('which official visit a documented inspection is', () => {
  const event = (framework: '2016' | '2023' | null, start: string | null) => ({ framework, inspection_start: start, inspection_end: null });

  it('is the inspection or the revisit by its date, whichever is nearer', () => {
    expect(officialVisit(event('2016', '2018-03-05'), worcestershire)).toBe('inspection');
    expect(officialVisit(event(null, '2018-04-20'), worcestershire)).toBe('inspection');
    expect(officialVisit(event('2016', '2021-11-03'), worcestershire)).toBe('revisit');
    expect(officialVisit(event('2016', '2020-01-01'), worcestershire)).toBeNull();
  });

  it('takes an undated 2016 piece about a revisit as the revisit, when the table has one', () => {
    expect(officialVisit(event('2016', null), worcestershire, true)).toBe('revisit');
    expect(officialVisit(event('2016', null), table.get('370'), true)).toBeNull();
  });

  it('takes an undated 2016 piece as the inspection, and never a 2023 one or an area the table lacks', () => {
    expect(officialVisit(event('2016', null), worcestershire)).toBe('inspection');
    expect(officialVisit(event(null, null), worcestershire)).toBeNull();
    expect(officialVisit(event('2023', '2018-03-05'), worcestershire)).toBeNull();
    expect(officialVisit(event('2016', '2018-03-05'), undefined)).toBeNull();
  });
});

describe('facts the official table contradicts', () => {
  it('flags a WSoA outcome other than the table’s, naming both and the row', () => {
    const [c] = contradictions(facts({ la_code: '830', outcome: 'wsoa' }), derbyshire);
    expect(c).toMatchObject({ doc: 'd', la_code: '830', fact: 'outcome', document: 'wsoa', official: 'no-wsoa' });
    expect(c!.message).toMatch(/Derbyshire.*\(Ofsted's table, ofsted-area-send-2016-2022\.csv line \d+\)$/);
    expect(contradictions(facts({ outcome: 'wsoa' }), worcestershire)).toEqual([]);
    // A 2023 outcome is not the table's business.
    expect(contradictions(facts({ la_code: '830', outcome: 'systemic-failings' }), derbyshire)).toEqual([]);
  });

  it('flags a visit date or previous-inspection date that is neither the inspection nor the revisit', () => {
    expect(contradictions(facts({ framework: '2016', inspection_start: '2018-03-07' }), worcestershire)).toEqual([]);
    expect(contradictions(facts({ framework: '2016', inspection_start: '2021-11-01' }), worcestershire)).toEqual([]);
    const [wrong] = contradictions(facts({ framework: '2016', inspection_start: '2019-03-04' }), worcestershire);
    expect(wrong).toMatchObject({ fact: 'inspection_start', document: '2019-03-04', official: 'inspection starting 2018-03-05, revisit starting 2021-11-01' });
    expect(contradictions(facts({ framework: '2023', previous_inspection: '2021-11-01' }), worcestershire)).toEqual([]);
    const [previous] = contradictions(facts({ framework: '2023', previous_inspection: '2018-11-01' }), worcestershire);
    expect(previous).toMatchObject({ fact: 'previous_inspection', document: '2018-11-01' });
  });

  it("flags a revisit's counts of weaknesses and of sufficient progress that differ from the table's", () => {
    // Worcestershire's revisit: 12 weaknesses, sufficient progress on 8.
    const revisit = (weaknesses: number | null, sufficient: number | null) => ({ weaknesses, sufficient, results: [] });
    expect(contradictions(facts({ framework: '2016', revisit: revisit(12, 8) }), worcestershire)).toEqual([]);
    expect(contradictions(facts({ framework: '2016', inspection_start: '2021-11-01', revisit: revisit(null, 8) }), worcestershire)).toEqual([]);
    expect(contradictions(facts({ framework: '2016', revisit: revisit(11, 9) }), worcestershire).map((c) => [c.fact, c.document, c.official])).toEqual([
      ['revisit_weaknesses', '11', '12'], ['revisit_sufficient', '9', '8'],
    ]);
    // Dated to the first inspection, not the revisit: not this revisit's counts.
    expect(contradictions(facts({ framework: '2016', inspection_start: '2018-03-05', revisit: revisit(3, 1) }), worcestershire)).toEqual([]);
  });

  it('leaves alone what the table cannot judge: later dates, 2023 visits, areas it lacks, documents with no area', () => {
    expect(contradictions(facts({ framework: '2016', inspection_start: '2022-10-10', outcome: 'no-wsoa' }), worcestershire)).toEqual([]);
    expect(contradictions(facts({ framework: '2023', inspection_start: '2019-03-04' }), worcestershire)).toEqual([]);
    expect(contradictions(facts({ la_code: '838', outcome: 'wsoa', previous_inspection: '2017-01-23' }), undefined)).toEqual([]);
    expect(contradictions(facts({ la_code: null, outcome: 'no-wsoa' }), worcestershire)).toEqual([]);
  });
});
