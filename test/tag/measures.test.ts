import { describe, expect, it } from 'vitest';
import { findMeasures } from '../../src/tag/measures.js';

const measure = (text: string) => findMeasures(text, 0, text.length);

describe('findMeasures', () => {
  it('reads durations as weeks with their qualifier', () => {
    expect(measure('some can wait over two years to be assessed')).toMatchObject([
      { kind: 'duration', value: 2, unit: 'years', weeks: 104, qualifier: 'over', text: 'two years' },
    ]);
    expect(measure('most wait 18 months')).toMatchObject([{ kind: 'duration', value: 18, unit: 'months', weeks: 78, qualifier: 'exactly' }]);
    expect(measure('children wait up to a year')).toMatchObject([{ kind: 'duration', value: 1, weeks: 52, qualifier: 'up-to' }]);
    expect(measure('waiting as long as 37 weeks')).toMatchObject([{ kind: 'duration', value: 37, weeks: 37, qualifier: 'up-to' }]);
    expect(measure('plans took 37 weeks')).toMatchObject([{ weeks: 37, qualifier: 'exactly' }]);
    expect(measure('the average wait is 30 weeks')).toMatchObject([{ weeks: 30, qualifier: 'average' }]);
    expect(measure('about six months')).toMatchObject([{ weeks: 26, qualifier: 'about' }]);
    expect(measure('within the 20-week timescale')).toMatchObject([{ weeks: 20, qualifier: 'up-to', text: '20-week' }]);
    expect(measure('more than 18 months')).toMatchObject([{ weeks: 78, qualifier: 'over' }]);
  });

  it('reads percentages and counts, not years or dates', () => {
    expect(measure('only 45% of plans, and 12 per cent of reviews')).toMatchObject([
      { kind: 'percent', value: 45, unit: '%' },
      { kind: 'percent', value: 12, unit: '%' },
    ]);
    expect(measure('1,200 children wait, since 2016 and on 3 March')).toMatchObject([{ kind: 'count', value: 1200, unit: 'children' }]);
    expect(measure('a few children')).toEqual([]);
  });

  it('gives offsets into the document text', () => {
    const text = 'Intro. Waits of over two years.';
    const [m] = findMeasures(text, 7, text.length);
    expect(text.slice(m!.start, m!.end)).toBe('two years');
  });
});
