// The same finding reported twice (an article quoting the report, a sentence matched by two rules) is counted once.
// Two quotes of one category and polarity in one inspection are the same finding when nearly all the words of the
// shorter one are in the longer: articles trim, splice and re-punctuate the report's sentences.

/** Share of the shorter quote's words that must appear in the longer. */
const OVERLAP = 0.85;
/** Below this many distinct words a quote must match exactly: short phrases overlap by chance. */
const MIN_WORDS = 6;

export function quoteWords(quote: string): Set<string> {
  return new Set(quote.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
}

export function sameFinding(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return false;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  if (small.size < MIN_WORDS) return shared === small.size && small.size === large.size;
  return shared / small.size >= OVERLAP;
}

/**
 * For findings of one inspection, category and polarity, in order of preference (the first of a repeated finding
 * is the one kept), returns each repeat's id mapped to the id of the finding it repeats.
 */
export function findRepeats(group: { id: number; quote: string }[]): Map<number, number> {
  const kept: { id: number; words: Set<string> }[] = [];
  const repeats = new Map<number, number>();
  for (const f of group) {
    const words = quoteWords(f.quote);
    const original = kept.find((k) => sameFinding(k.words, words));
    if (original) repeats.set(f.id, original.id);
    else kept.push({ id: f.id, words });
  }
  return repeats;
}
