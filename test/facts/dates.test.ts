import { describe, expect, it } from 'vitest';
import { parseDateRange } from '../../src/facts/dates.js';
import { factsOf } from './fixture.js';

describe('parseDateRange', () => {
  it('reads the forms reports use', () => {
    expect(parseDateRange('11 to 15 March 2024')).toEqual({ start: '2024-03-11', end: '2024-03-15' });
    expect(parseDateRange('23 September to 27 September 2024')).toEqual({ start: '2024-09-23', end: '2024-09-27' });
    expect(parseDateRange('30 January 2023 to 3 February 2023')).toEqual({ start: '2023-01-30', end: '2023-02-03' });
    expect(parseDateRange('28 February to 4 March 2022')).toEqual({ start: '2022-02-28', end: '2022-03-04' });
    expect(parseDateRange('11-15 March 2024')).toEqual({ start: '2024-03-11', end: '2024-03-15' });
    expect(parseDateRange('Between 12 March 2018 and 16 March 2018, Ofsted')).toEqual({ start: '2018-03-12', end: '2018-03-16' });
    expect(parseDateRange('4 July 2016')).toEqual({ start: '2016-07-04', end: '2016-07-04' });
  });

  it('puts a start month later than the end month in the year before', () => {
    expect(parseDateRange('28 December to 3 January 2024')).toEqual({ start: '2023-12-28', end: '2024-01-03' });
  });

  it('refuses dates that do not exist, ranges that run backwards, and text that is not a date', () => {
    expect(parseDateRange('29 to 31 June 2024')).toBeNull();
    expect(parseDateRange('15 to 11 March 2024')).toBeNull();
    expect(parseDateRange('Not previously inspected')).toBeNull();
  });
});

describe('inspection dates in documents', () => {
  it('reads the labelled dates, across a line break', () => {
    const facts = factsOf(`Area SEND inspection of Halton Local Area Partnership
Inspection dates: 20 September to
24 September 2024
Dates of previous
inspection: 27 to 31 March 2017`);
    expect(facts).toMatchObject({ inspection_start: '2024-09-20', inspection_end: '2024-09-24', previous_inspection: '2017-03-27' });
  });

  it('has no previous inspection when the area was not previously inspected', () => {
    const facts = factsOf('Inspection dates: 22 to 26 January 2024\nDate of previous inspection: Not previously inspected');
    expect(facts.previous_inspection).toBeNull();
    expect(facts.inspection_start).toBe('2024-01-22');
  });

  it("reads a 2016 letter's visit dates from its opening sentence", () => {
    const facts = factsOf(`Between 5 March 2018 and 9 March 2018, Ofsted and the Care Quality Commission (CQC) conducted a joint
inspection of the local area of Rutland.`);
    expect(facts).toMatchObject({ inspection_start: '2018-03-05', inspection_end: '2018-03-09', previous_inspection: null });
  });

  it('does not read loose dates in an article as the inspection dates', () => {
    const facts = factsOf('Inspectors visited in March. The report, published on 14 May 2024, will go to cabinet on 25 May.', 'article');
    expect(facts.inspection_start).toBeNull();
    expect(facts.inspection_end).toBeNull();
  });
});

describe('the previous inspection in other layouts', () => {
  const previous = (text: string) => factsOf(text).previous_inspection;

  it('reads a plural heading, taking the full inspection before its revisit', () => {
    expect(previous('Dates of previous inspections: 6 to 10 March 2017; revisit 13 to 15 May 2019')).toBe('2017-03-06');
    expect(previous('Dates of previous inspections\nFull inspection: 6 to 10 March 2017\nRevisit: 13 to 15 May 2019')).toBe('2017-03-06');
    expect(previous('Previous inspections\nLocal area SEND inspection: 6 to 10 March 2017')).toBe('2017-03-06');
  });

  it('reads the previous inspection given in prose', () => {
    expect(previous('The previous full inspection was on 6 March 2017. There was a subsequent revisit on 13 May 2019.')).toBe('2017-03-06');
    expect(previous('The previous inspection took place between 6 and 10 March 2017.')).toBe('2017-03-06');
  });

  it('does not read a date that is not the previous inspection', () => {
    expect(previous('Since the previous inspection in January 2022, leaders have changed. A new director started on 4 March 2023.')).toBeNull();
  });
});
