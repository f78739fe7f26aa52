// Phrase matching over tokens. A term is words separated by spaces; each word matches by Porter stem, or exactly
// when written "=word" (stems that collide: "timely" stems to "time"), or by prefix when written "word*".
// Matching looks each token up in an index keyed by the first word, so the cost is linear in the sentence.
import { tokenize, type Token } from './tokens.js';

type WordTest = { kind: 'stem' | 'exact' | 'prefix'; value: string };

export interface Phrase<T> {
  term: string;
  words: WordTest[];
  payload: T;
}

export interface PhraseMatch<T> {
  phrase: Phrase<T>;
  /** Token range [from, to). */
  from: number;
  to: number;
}

/** A phrase steps over commas and a short bracketed aside: "education, health and care (EHC) plan". */
const ASIDE = 5;

function skipAside(tokens: Token[], j: number): number {
  const t = tokens[j];
  if (t?.punct && t.word === ',') return j + 1;
  if (t?.punct && t.word === '(') {
    for (let k = j + 1; k < tokens.length && k <= j + ASIDE; k++) if (tokens[k]!.word === ')') return k + 1;
  }
  return j;
}

function parseWord(piece: string): WordTest[] {
  if (piece.startsWith('=')) return tokenize(piece.slice(1)).map((t) => ({ kind: 'exact', value: t.word }));
  if (piece.endsWith('*')) return tokenize(piece.slice(0, -1)).map((t) => ({ kind: 'prefix', value: t.word }));
  return tokenize(piece).filter((t) => !t.punct).map((t) => ({ kind: 'stem', value: t.stem }));
}

export function parseTerm(term: string): WordTest[] {
  return term.split(/[\s-]+/).filter(Boolean).flatMap(parseWord);
}

const test = (w: WordTest, t: Token) =>
  w.kind === 'stem' ? t.stem === w.value : w.kind === 'exact' ? t.word === w.value : t.word.startsWith(w.value);

export class PhraseSet<T> {
  // Keyed by the token's own stem or word string, never a concatenation: a key built per token would be a new
  // string to hash at every lookup, the main cost of matching.
  private readonly byStem = new Map<string, Phrase<T>[]>();
  private readonly byWord = new Map<string, Phrase<T>[]>();
  /** Phrases whose first word is a prefix, by the prefix's first character (in rule order within each). */
  private readonly prefixed = new Map<string, Phrase<T>[]>();
  readonly size: number;

  constructor(entries: Iterable<[term: string, payload: T]>) {
    let n = 0;
    for (const [term, payload] of entries) {
      const words = parseTerm(term);
      if (words.length === 0) continue;
      const phrase = { term, words, payload };
      const first = words[0]!;
      const [index, key] =
        first.kind === 'prefix' ? [this.prefixed, first.value[0]!] : [first.kind === 'stem' ? this.byStem : this.byWord, first.value];
      const list = index.get(key);
      if (list) list.push(phrase);
      else index.set(key, [phrase]);
      n++;
    }
    this.size = n;
  }

  private matchAt(tokens: Token[], i: number, phrase: Phrase<T>): number {
    let j = i;
    for (const w of phrase.words) {
      for (let next = j > i ? skipAside(tokens, j) : j; next !== j; next = skipAside(tokens, j)) j = next;
      const t = tokens[j];
      if (!t || t.punct || !test(w, t)) return -1;
      j++;
    }
    return j;
  }

  private matchEach(phrases: Phrase<T>[] | undefined, tokens: Token[], i: number, out: PhraseMatch<T>[]): void {
    if (!phrases) return;
    for (const phrase of phrases) {
      const to = this.matchAt(tokens, i, phrase);
      if (to > 0) out.push({ phrase, from: i, to });
    }
  }

  /** Every match in the tokens, longest first at each position. */
  find(tokens: Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.punct) continue;
      const first = out.length;
      this.matchEach(this.byStem.get(t.stem), tokens, i, out);
      this.matchEach(this.byWord.get(t.word), tokens, i, out);
      this.matchEach(this.prefixed.get(t.word[0]!), tokens, i, out);
      if (out.length - first > 1) out.splice(first, Infinity, ...out.slice(first).sort((a, b) => b.to - a.to));
    }
    return out;
  }
}

