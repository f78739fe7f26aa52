import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE, splitSentences } from '../../src/document/sentences.js';

const units = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at full stops but not after abbreviations, initials or before lower case', () => {
    const text = 'Support, e.g. speech therapy, is slow. Dr. Smith and J. Jones agree, i.e. it is late. Plans (no. 4) wait. Next one.';
    expect(units(text)).toEqual([
      'Support, e.g. speech therapy, is slow.',
      'Dr. Smith and J. Jones agree, i.e. it is late.',
      'Plans (no. 4) wait.',
      'Next one.',
    ]);
  });

  it('keeps a closing quote with its sentence and starts the next after it', () => {
    expect(units('He said it was “obviously disappointing.” Then he left! Why? Because.')).toEqual([
      'He said it was “obviously disappointing.”',
      'Then he left!',
      'Why?',
      'Because.',
    ]);
  });

  it('treats bullet items and table cells as units, without the bullet mark', () => {
    const text = 'The main findings were:\n• plans were late\n◼ waits were long; too long\n1. the offer was poor\nArea\tOutcome\tDate';
    expect(units(text)).toEqual(['The main findings were:', 'plans were late', 'waits were long; too long', 'the offer was poor', 'Area', 'Outcome', 'Date']);
  });

  it('joins a line wrapped mid-sentence or mid-quotation, but not a new quoted paragraph', () => {
    const text = 'Leaders recognise that improvements urgently need to be\nmade now. She said: “The plan is to go\nAhead with it.”\n“We will go on.”';
    expect(units(text)).toEqual([
      'Leaders recognise that improvements urgently need to be\nmade now.',
      'She said: “The plan is to go\nAhead with it.”',
      '“We will go on.”',
    ]);
  });

  it('a quoted paragraph left open (news style) does not swallow the next paragraph', () => {
    const text = 'He said: “It speaks to national problems.\n“But also to ours.';
    expect(units(text)).toEqual(['He said: “It speaks to national problems.', '“But also to ours.']);
  });

  it('gives offsets into the text and covers a 1 MB line without a stop in bounded pieces', () => {
    const text = 'word '.repeat(200_000) + 'end.';
    const spans = splitSentences(text);
    expect(spans.length).toBeGreaterThan(100);
    for (const s of spans) expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE);
    expect(text.slice(spans.at(-1)!.start, spans.at(-1)!.end).endsWith('end.')).toBe(true);
    const covered = spans.reduce((n, s) => n + text.slice(s.start, s.end).split(' ').length, 0);
    expect(covered).toBe(200_001);
  });

  it('handles a 1 MB single line of sentences with every offset exact', () => {
    const sentence = 'Children wait too long for an assessment, e.g. for autism. ';
    const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const spans = splitSentences(text);
    expect(spans.length).toBe(Math.ceil(1_000_000 / sentence.length));
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(sentence.trim());
  });
});
