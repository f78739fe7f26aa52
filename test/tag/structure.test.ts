// Structure as evidence: list items keep their own quote and carry their lead-in as context; a lead-in that
// recommends makes its items concerns; a sentence that points back carries the category it points back to.
import { describe, expect, it } from 'vitest';
import { loadRules, tag } from '../../src/tag/index.js';
import { makeDoc, noFacts } from './fixture.js';

const rules = loadRules();
const run = (text: string) => tag(makeDoc(text), noFacts, rules);
const pairs = (text: string, quote: string) =>
  [...new Set(run(text).filter((f) => f.quote === quote && f.polarity !== 'mention').map((f) => `${f.category}:${f.polarity}`))].sort();

describe('list items', () => {
  const text = [
    'Leaders across the partnership reviewed their services. The council must:',
    '• reduce the use of part-time timetables for pupils with SEND;',
    '• make sure that waits for wheelchairs are within the agreed timescales.',
    'Families say that waits for wheelchairs have fallen.',
  ].join('\n');

  it('keep their exact quote and offsets and carry the lead-in, as it stands in the text', () => {
    const found = run(text);
    const item = found.find((f) => f.category === 'part-time-timetables')!;
    expect(item.quote).toBe('reduce the use of part-time timetables for pupils with SEND;');
    expect(text.slice(item.start, item.end)).toBe(item.quote);
    expect(item.context).toEqual({ text: 'The council must:', start: text.indexOf('The council must:'), end: text.indexOf('must:') + 5 });
  });

  it('are concerns under a lead-in that recommends, even where their own words sound positive', () => {
    expect(pairs(text, 'reduce the use of part-time timetables for pupils with SEND;')).toEqual(['part-time-timetables:concern']);
    expect(pairs(text, 'make sure that waits for wheelchairs are within the agreed timescales.')).toEqual(['wheelchair-waits:concern']);
    const item = run(text).find((f) => f.category === 'wheelchair-waits' && f.context)!;
    expect(item.why.join(' ')).toMatch(/lead-in 'The council must:' recommends/);
  });

  it('end at the first line that is not an item', () => {
    const after = run(text).find((f) => f.quote.startsWith('Families say'))!;
    expect(after).toMatchObject({ category: 'wheelchair-waits', polarity: 'strength', context: null });
  });

  it('a lead-in that points back takes the sentence before it on its line', () => {
    const t = 'Leaders should improve the oversight of part-time timetables. This includes:\n• how long pupils spend on part-time timetables.';
    const item = run(t).find((f) => f.quote.startsWith('how long'))!;
    expect(item.context!.text).toBe('Leaders should improve the oversight of part-time timetables. This includes:');
    expect(t.slice(item.context!.start, item.context!.end)).toBe(item.context!.text);
  });

  it('a sentence with a colon in mid-line is no lead-in', () => {
    expect(run('Parents said: children wait too long for wheelchairs.').every((f) => f.context === null)).toBe(true);
  });
});

describe('follow-on sentences', () => {
  it('carry the concern of the sentence they point back to when they name its object again and their cues agree', () => {
    const text = 'Children wait too long for wheelchairs. As a result, the delays leave some children in pain.';
    expect(pairs(text, 'As a result, the delays leave some children in pain.')).toEqual(['wheelchair-waits:concern']);
    const f = run(text).find((x) => x.quote.startsWith('As a result'))!;
    expect(f.why).toContain("follows the previous sentence (wheelchair-waits concern) by 'As a result'");
  });

  it('carry nothing when they state a consequence in general words', () => {
    expect(pairs('Children wait too long for wheelchairs. As a result, some children are in pain.', 'As a result, some children are in pain.')).toEqual([]);
  });

  it('carry nothing when their own cues say the opposite, when they have a topic of their own, or after a mention', () => {
    expect(pairs('Children wait too long for wheelchairs. This means families feel well supported.', 'This means families feel well supported.')).toEqual([]);
    expect(pairs('Children wait too long for wheelchairs. This means exclusions are rising.', 'This means exclusions are rising.')).toEqual(['exclusions:concern']);
    expect(pairs('Leaders plan to review the wheelchair service. This causes frustration.', 'This causes frustration.')).toEqual([]);
  });

  it('carry a concern only, and only when a cue of their own says so', () => {
    expect(pairs('Waiting times for wheelchairs have fallen. As a result, families are positive.', 'As a result, families are positive.')).toEqual([]);
    expect(pairs('Children wait too long for wheelchairs. This can leave some children isolated.', 'This can leave some children isolated.')).toEqual([]);
  });

  it('need a back reference at the start of the sentence or of its first clause', () => {
    expect(pairs('Children wait too long for wheelchairs. In some cases, this delay causes pain.', 'In some cases, this delay causes pain.')).toEqual(['wheelchair-waits:concern']);
    expect(pairs('Children wait too long for wheelchairs. Families report frustration with this.', 'Families report frustration with this.')).toEqual([]);
  });
});

describe('terms that stand for a topic only in its paragraph', () => {
  it('an unspecified needs assessment is an EHC one where the paragraph has named EHC plans', () => {
    const text = 'Families value their EHC plans. Needs assessments take too long.\nNeeds assessments take too long.';
    const found = run(text).filter((f) => f.category === 'ehcp-timeliness' && f.polarity === 'concern');
    expect(found.map((f) => f.start)).toEqual([text.indexOf('Needs assessments')]);
    expect(found[0]!.why.some((w) => w.includes('stands for the topic the paragraph named'))).toBe(true);
  });
});

describe('a topic carried on by its wait', () => {
  it('a sentence with the wait but not the topic continues the one topic of the sentence before', () => {
    const text = 'EHC plans are not issued within 20 weeks. The average wait is now over a year.';
    expect(pairs(text, 'The average wait is now over a year.')).toEqual(['ehcp-timeliness:concern']);
    const f = run(text).find((x) => x.quote.startsWith('The average wait'))!;
    expect(f.why).toContain('continues the topic of the paragraph (ehcp-timeliness)');
  });

  it('reaches over a sentence with no finding, to the end of the paragraph only', () => {
    const text = 'EHC plans are not issued within 20 weeks. Leaders have recruited more staff. The average wait is over a year.\nThe average wait is over a year.';
    const found = run(text).filter((f) => f.category === 'ehcp-timeliness' && f.quote === 'The average wait is over a year.');
    expect(found.map((f) => f.start)).toEqual([text.indexOf('The average wait')]);
  });

  it('not a wait for something the sentence names itself', () => {
    const text = 'EHC plans are not issued within 20 weeks. Some children wait too long to receive support from other services.';
    expect(pairs(text, 'Some children wait too long to receive support from other services.')).toEqual([]);
  });

  it('not support offered while families wait, nor after a sentence about several topics', () => {
    expect(pairs('EHC plans are not issued within 20 weeks. Families get good support while they wait.', 'Families get good support while they wait.')).toEqual([]);
    expect(pairs('EHC plans are not issued within 20 weeks. Practitioners offer advice while children are waiting.', 'Practitioners offer advice while children are waiting.')).toEqual([]);
    // The wait named with no judgement of it.
    expect(pairs('EHC plans are not issued within 20 weeks. Children sit on separate waiting lists.', 'Children sit on separate waiting lists.')).toEqual([]);
    const two = 'EHC plans are not issued within 20 weeks and exclusions are rising. The average wait is over a year.';
    expect(pairs(two, 'The average wait is over a year.')).toEqual([]);
  });
});
