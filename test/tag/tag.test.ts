import { describe, expect, it } from 'vitest';
import { resolveArea } from '../../src/gazetteer/index.js';
import type { Document } from '../../src/records.js';
import { loadRules, tag } from '../../src/tag/index.js';
import { makeDoc, noFacts } from './fixture.js';

const rules = loadRules();
const essex = { ...noFacts, area: resolveArea('Essex') };

/** Category:polarity pairs found in a text (mentions left out). */
const found = (text: string, facts = noFacts) =>
  [...new Set(tag(makeDoc(text), facts, rules).filter((f) => f.polarity !== 'mention').map((f) => `${f.category}:${f.polarity}`))].sort();

describe('tag', () => {
  it('quotes the sentence at its offsets, with its page, section, rule and measures', () => {
    const text = 'What does the area partnership need to do better?\nChildren wait too long for wheelchairs. Some wait over two years.';
    const doc: Document = { ...makeDoc(text, ['What does the area partnership need to do better?']), pages: [{ n: 1, start: 0, end: 60 }, { n: 2, start: 60, end: text.length }] };
    const findings = tag(doc, noFacts, rules);
    expect(findings).toMatchObject([
      { doc: 'fixture', category: 'wheelchair-waits', polarity: 'concern', quote: 'Children wait too long for wheelchairs.', page: 1, section: 'What does the area partnership need to do better?', rule: 'wcw-1', measures: [] },
      // The wait of the sentence before, carried on.
      { category: 'wheelchair-waits', polarity: 'concern', quote: 'Some wait over two years.', page: 2, rule: 'wcw-1' },
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.quote);
    const waits = tag(makeDoc('Children wait over two years for wheelchairs.'), noFacts, rules);
    expect(waits[0]!.measures).toMatchObject([{ kind: 'duration', weeks: 104, qualifier: 'over', text: 'two years' }]);
    expect(tag(makeDoc('Children wait too long for wheelchairs.'), noFacts, rules)[0]!.page).toBeNull();
  });

  it('tells neighbouring categories apart', () => {
    expect(found('Children wait too long for specialist seating.')).toEqual(['wheelchair-waits:concern']);
    expect(found('Children wait too long for specialist equipment.')).toEqual(['therapy-waits:concern']);
    expect(found('EHC plans are not issued within 20 weeks.')).toEqual(['ehcp-timeliness:concern']);
    expect(found('EHC plans are out of date and inaccurate.')).toEqual(['ehcp-quality:concern']);
    expect(found('Permanent exclusions of pupils with SEND are high.')).toEqual(['exclusions:concern']);
    expect(found('Pupils are taken off roll by their schools.')).toEqual(['off-rolling:concern']);
    expect(found('Some parents feel they have no option but to home educate because no school meets their needs.')).toEqual(['missing-education:concern']);
    expect(found('Families are pressured by schools to electively home educate their children.')).toEqual(['off-rolling:concern']);
  });

  it('leaves out sentences about another area only, and institutions named after places', () => {
    expect(found('In Suffolk, children wait too long for wheelchairs.', essex)).toEqual([]);
    expect(found('Unlike Suffolk, children in Essex wait too long for wheelchairs.', essex)).toEqual(['wheelchair-waits:concern']);
    expect(found('At Westminster School, children wait too long for wheelchairs.', essex)).toEqual(['wheelchair-waits:concern']);
    // A health body named after other places is not another area.
    expect(found('Norfolk and Waveney ICB has not commissioned enough wheelchairs, so children wait too long.', essex)).toEqual(['wheelchair-waits:concern']);
    expect(found('Suffolk County Council makes children wait too long for wheelchairs.', essex)).toEqual(['wheelchair-waits:concern']);
    expect(found('In Suffolk, children wait too long for wheelchairs.')).toEqual(['wheelchair-waits:concern']); // no area known
  });

  it('reads a 1 MB single line correctly, with every quote at its offsets', () => {
    const sentence = 'Children in Essex wait too long for wheelchairs, e.g. in the north. ';
    const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const doc = { ...makeDoc(text), kind: 'article' as const };
    const findings = tag(doc, essex, rules);
    expect(findings.length).toBe(Math.ceil(1_000_000 / sentence.length));
    for (const f of findings) {
      expect(f).toMatchObject({ category: 'wheelchair-waits', polarity: 'concern', quote: sentence.trim() });
      expect(text.slice(f.start, f.end)).toBe(f.quote);
    }
    const noStops = 'waiting lists for autism assessments are long '.repeat(22_000);
    const long = tag(makeDoc(noStops), noFacts, rules);
    expect(long.length).toBeGreaterThan(0);
    for (const f of long) expect(noStops.slice(f.start, f.end)).toBe(f.quote);
  });
});
