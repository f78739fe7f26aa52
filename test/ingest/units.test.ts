// The small pieces with rules of their own: joining a block's lines (hyphenation) and assembling units into text
// with its page map and sections.
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/ingest/assemble.js';
import { joinLines, vocabulary } from '../../src/ingest/hyphens.js';

describe('joinLines', () => {
  const vocab = vocabulary([
    'Each agency took part. The assessment was late. Leaders were re-engaging with families.',
    'A decision-making panel meets weekly.',
  ]);
  const join = (...lines: string[]) => joinLines(lines, vocab).text;

  it('joins lines with one space and says where each line starts', () => {
    expect(joinLines(['The  plan  was', ' late.'], vocab)).toEqual({ text: 'The plan was late.', starts: [0, 13] });
  });

  it('drops a hyphen that split a word the document uses whole', () => {
    expect(join('the assess-', 'ment of needs')).toBe('the assessment of needs');
  });

  it('drops a hyphen before the tail of a word, and after a soft hyphen', () => {
    expect(join('the particu-', 'larly slow service')).toBe('the particularly slow service');
    expect(join('commis\u00AD', 'sioning is weak')).toBe('commissioning is weak');
  });

  it('keeps a compound hyphen: a known compound, a second part used as a word, or no sign of a split', () => {
    expect(join('a decision-', 'making panel')).toBe('a decision-making panel');
    expect(join('a multi-', 'agency team')).toBe('a multi-agency team');
    expect(join('a well-', 'thought-out plan')).toBe('a well-thought-out plan');
    expect(join('to re-', 'engage pupils')).toBe('to re-engage pupils');
    expect(join('in mid-', 'July')).toBe('in mid-July');
    expect(join('aged 11-', '18')).toBe('aged 11-18');
  });

  it('keeps a spaced dash apart from the next word', () => {
    expect(join('the service -', 'which is new')).toBe('the service - which is new');
  });
});

describe('assemble', () => {
  const unit = (text: string, heading: boolean, ...pageStarts: [number, number][]) => ({
    text,
    heading,
    pageStarts: pageStarts.map(([offset, page]) => ({ offset, page })),
  });

  it('joins units with line breaks and maps pages in order, an empty page getting an empty range', () => {
    const out = assemble([unit('One.', false, [0, 1]), unit('Three.', false, [0, 3])], 4);
    expect(out.text).toBe('One.\nThree.');
    expect(out.pages).toEqual([
      { n: 1, start: 0, end: 5 },
      { n: 2, start: 5, end: 5 },
      { n: 3, start: 5, end: 11 },
      { n: 4, start: 11, end: 11 },
    ]);
  });

  it('counts text from a later page that comes before text from an earlier one with the earlier page', () => {
    // A table cell finished at the top of page 2 ("Board") ahead of the cell beside it, from page 1.
    const out = assemble([unit('NHS Care Board', false, [0, 1], [9, 2]), unit('Leaders should act.', false, [0, 1]), unit('Next.', false, [0, 2])], 2);
    expect(out.pages[1]!.start).toBe(out.text.indexOf('Next.'));
  });

  it('starts a section at each heading, except one repeating the heading just before it', () => {
    const out = assemble(
      [unit('Areas for improvement', true), unit('Areas for improvement', true), unit('Leaders should act.', false), unit('Team', true), unit('Ann Smith', false)],
      0,
    );
    expect(out.sections).toEqual([
      { title: 'Areas for improvement', start: 0, end: 64 },
      { title: 'Team', start: 64, end: out.text.length },
    ]);
    expect(out.pages).toEqual([]);
  });
});
