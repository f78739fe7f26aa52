// Words and punctuation of a stretch of text, with offsets and Porter stems, so a rule on "wait" matches
// "waits", "waiting" and "waited". One linear regex pass; stems are cached because the vocabulary is small.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

export interface Token {
  /** Lower-cased word, or the punctuation character itself. */
  word: string;
  /** Porter stem of a word; the character itself for punctuation. */
  stem: string;
  start: number;
  end: number;
  punct: boolean;
}

const stems = new Map<string, string>();
/** "-ize" endings ("criticized", "prioritizing", "organization"), stemmed as "-ise". */
const AMERICAN_IZE = /iz(e|ed|es|ing|ation|ations)$/;

function stem(word: string): string {
  let s = stems.get(word);
  if (s === undefined) {
    // American spellings stem as the British do ("criticized" as "criticised"): rules and text go through the same.
    s = /^[a-z]+$/.test(word) ? PorterStemmer.stem(word.replace(AMERICAN_IZE, 'is$1')) : word;
    if (stems.size > 100_000) stems.clear(); // a bound for pathological inputs (random strings)
    stems.set(word, s);
  }
  return s;
}

/**
 * Words are letters/digits with inner apostrophes ("children's", "don't"); hyphens split words, so
 * "co-production" is "co" "production" in text and in rules alike. Percent signs and clause punctuation are
 * kept as tokens because measures and clause boundaries need them.
 */
const TOKEN = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|[%,;:.!?()]/gu;
const PUNCTUATION = '%,;:.!?()';

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  // Matching on the slice keeps a token from running past `to` (a page of letters must not be rescanned).
  const part = text.slice(from, to);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(part); m; m = TOKEN.exec(part)) {
    const raw = m[0];
    const start = from + m.index;
    const end = start + raw.length;
    const punct = raw.length === 1 && PUNCTUATION.includes(raw);
    // Possessives and contractions keep their meaning in the stem of the head word ("children's" → "children").
    // Most words have no apostrophe: the checks spare them two regex replacements each.
    let word = raw.toLowerCase();
    if (word.includes('’')) word = word.replace(/’/g, "'");
    const head = word.includes("'") && !word.endsWith("n't") ? word.replace(/'s$|'$/, '') : word;
    out.push({ word, stem: punct ? raw : stem(head), start, end, punct });
  }
  return out;
}
