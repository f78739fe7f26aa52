import { describe, expect, it } from 'vitest';
import { findMeasures } from '../../src/tag/measures.js';
import { loadRules, tag } from '../../src/tag/index.js';
import { makeDoc, noFacts } from './fixture.js';

const measure = (text: string) => findMeasures(text, 0, text.length);
/** [what it measures, qualifier, text] of each measure: the short form of what a reader sees. */
const read = (text: string) => measure(text).map((m) => [m.of, m.qualifier, m.text]);

describe('findMeasures: durations of a wait, a time taken or a time limit', () => {
  it('reads waits as weeks with their qualifier', () => {
    expect(measure('Some children have been waiting over 12 months for an assessment.')).toEqual([
      { kind: 'duration', value: 12, unit: 'months', weeks: 52, qualifier: 'over', of: 'wait', text: '12 months', start: 37, end: 46 },
    ]);
    expect(measure('some can wait over two years to be assessed')).toMatchObject([{ value: 2, unit: 'years', weeks: 104, qualifier: 'over', of: 'wait' }]);
    expect(measure('most wait 18 months')).toMatchObject([{ weeks: 78, qualifier: 'exactly', of: 'wait' }]);
    expect(measure('children wait up to a year')).toMatchObject([{ value: 1, weeks: 52, qualifier: 'up-to', of: 'wait' }]);
    expect(measure('waiting as long as 37 weeks')).toMatchObject([{ weeks: 37, qualifier: 'up-to', of: 'wait' }]);
    expect(measure('the average wait is 30 weeks')).toMatchObject([{ weeks: 30, qualifier: 'average', of: 'wait' }]);
    expect(measure('Delays of about six months are common.')).toMatchObject([{ weeks: 26, qualifier: 'about', of: 'wait' }]);
    expect(measure('The waiting list for a wheelchair is more than 18 months long.')).toMatchObject([{ weeks: 78, qualifier: 'over', of: 'wait' }]);
  });

  it('reads number words, halves and ranges', () => {
    expect(read('Families wait twenty-six weeks for a first appointment.')).toEqual([['wait', 'exactly', 'twenty-six weeks']]);
    expect(measure('Children wait a year and a half for a wheelchair.')).toMatchObject([{ value: 1.5, unit: 'years', weeks: 78, text: 'a year and a half' }]);
    expect(measure('Some wait two and a half years.')).toMatchObject([{ value: 2.5, weeks: 130 }]);
    // A range's upper end is how long children may wait.
    expect(measure('Waits of 12 to 18 months are common.')).toMatchObject([{ value: 18, weeks: 78, qualifier: 'up-to', text: '12 to 18 months' }]);
    expect(measure('Waits of 12-18 months.')).toMatchObject([{ value: 18, qualifier: 'up-to', text: '12-18 months' }]);
  });

  it('tells a time taken and a time limit from a wait', () => {
    expect(read('EHC plans took on average 37 weeks to issue.')).toEqual([['time-taken', 'average', '37 weeks']]);
    expect(read('It takes up to a year to finalise a plan.')).toEqual([['time-taken', 'up-to', 'a year']]);
    expect(read('Few plans are issued within 20 weeks.')).toEqual([['time-limit', 'up-to', '20 weeks']]);
    expect(read('within the 20-week timescale')).toEqual([['time-limit', 'up-to', '20-week']]);
    expect(read('The 20-week statutory timescale is rarely met.')).toEqual([['time-limit', 'exactly', '20-week']]);
    expect(measure('Reviews are held within 35 working days.')).toMatchObject([{ value: 35, unit: 'days', weeks: 5, of: 'time-limit' }]);
  });

  it('leaves out ages, year groups, post-16 and periods', () => {
    for (const text of [
      'Young people aged 16 to 25 years wait too long.',
      'Support for children from 0 to 25 years is patchy.',
      'Services for 14-25 years are stretched.',
      'Some 16-year-olds wait for support.',
      'Young people who are 18 years old wait for adult services.',
      'Young people aged 16 years and above wait too long.',
      'Pupils in Year 9 and post-16 learners wait for support.',
      'Over the past two years, waits have grown.',
      'In the last 12 months, waiting lists have fallen.',
      'A three-year strategy sets out how waits will fall.',
      'Two years ago, the waits were worse.',
      'The plan must be submitted to the inspectorates within 70 days of receiving the report.',
      'Leaders have worked on this for two years.',
    ]) {
      expect(measure(text), text).toEqual([]);
    }
  });
});

describe('findMeasures: shares on time, late or waiting', () => {
  it('reads percentages and fractions with what they measure', () => {
    expect(read('Only 40% of EHC plans are issued within 20 weeks.')).toEqual([
      ['on-time', 'exactly', '40%'],
      ['time-limit', 'up-to', '20 weeks'],
    ]);
    expect(read('Nearly half of plans are completed on time.')).toEqual([['on-time', 'about', 'half']]);
    expect(measure('Two thirds of plans are completed on time.')).toMatchObject([{ kind: 'percent', value: 66.7, unit: '%', weeks: null }]);
    expect(read('30% of annual reviews are overdue.')).toEqual([['late', 'exactly', '30%']]);
    expect(read('25 per cent of assessments exceeded the statutory timescale.')).toEqual([['late', 'exactly', '25 per cent']]);
    expect(read('In 60% of cases, reviews are not completed within four weeks.')).toEqual([
      ['late', 'exactly', '60%'],
      ['time-limit', 'up-to', 'four weeks'],
    ]);
    expect(read('45% of children waited longer than 18 weeks.')).toEqual([
      ['waiting', 'exactly', '45%'],
      ['wait', 'over', '18 weeks'],
    ]);
  });

  it('leaves out shares of anything else', () => {
    for (const text of ['Attendance is 85%.', '12% of pupils have an EHC plan.', 'Half of the schools are good.', 'Requests rose by 20% last year.']) {
      expect(measure(text), text).toEqual([]);
    }
  });

  it('gives offsets into the document text', () => {
    const text = 'Intro. Children wait over two years; 40% of plans are late.';
    const found = findMeasures(text, 7, text.length);
    expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['two years', '40%']);
    expect(found.map((m) => m.text)).toEqual(['two years', '40%']);
  });
});

describe('measures on findings', () => {
  it('a finding carries the measures of its sentence', () => {
    const [finding] = tag(makeDoc('Some children wait over two years for a wheelchair.'), noFacts, loadRules());
    expect(finding!.measures).toMatchObject([{ kind: 'duration', weeks: 104, qualifier: 'over', of: 'wait', text: 'two years' }]);
  });
});
