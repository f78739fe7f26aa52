import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/tag/tokens.js';

const stems = (text: string) => tokenize(text).map((t) => t.stem);

describe('tokens', () => {
  it('stem American and British spellings alike, so one rule term matches both', () => {
    expect(stems('criticised criticized criticising criticizing')).toEqual(Array(4).fill(stems('criticise')[0]));
    expect(stems('prioritized')).toEqual(stems('prioritised'));
    expect(stems('organization')).toEqual(stems('organisation'));
  });

  it('keep offsets, punctuation and the head word of a possessive', () => {
    const text = "Children's waits, 40% longer.";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.word)).toEqual(["children's", 'waits', ',', '40', '%', 'longer', '.']);
    expect(tokens[0]!.stem).toBe(stems('children')[0]);
    for (const t of tokens) expect(text.slice(t.start, t.end).toLowerCase()).toBe(t.word);
  });
});
