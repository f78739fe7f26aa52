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
  private readonly byKey = new Map<string, Phrase<T>[]>();
  private readonly prefixed: Phrase<T>[] = [];
  readonly size: number;

  constructor(entries: Iterable<[term: string, payload: T]>) {
    let n = 0;
    for (const [term, payload] of entries) {
      const words = parseTerm(term);
      if (words.length === 0) continue;
      const phrase = { term, words, payload };
      const first = words[0]!;
      if (first.kind === 'prefix') this.prefixed.push(phrase);
      else {
        const key = (first.kind === 'stem' ? 's:' : 'w:') + first.value;
        const list = this.byKey.get(key);
        if (list) list.push(phrase);
        else this.byKey.set(key, [phrase]);
      }
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

  /** Every match in the tokens, longest first at each position. */
  find(tokens: Token[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.punct) continue;
      const first = out.length;
      for (const list of [this.byKey.get('s:' + t.stem), this.byKey.get('w:' + t.word), this.prefixed]) {
        for (const phrase of list ?? []) {
          const to = this.matchAt(tokens, i, phrase);
          if (to > 0) out.push({ phrase, from: i, to });
        }
      }
      if (out.length - first > 1) out.splice(first, Infinity, ...out.slice(first).sort((a, b) => b.to - a.to));
    }
    return out;
  }
}

