// A fast sentence splitter for clean text (one paragraph per line). Units are sentences, bullet items and table
// cells. Linear: one regex pass over candidate boundaries, each decided by looking at a few characters around it.
// Run once per document (see index.ts): facts and tag read the same units.
import type { Span } from '../records.js';

/** Words that take a full stop without ending a sentence (compared lower-case, without the stop). */
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'eg', 'ie', 'dr', 'mr', 'mrs', 'ms', 'prof', 'st', 'vs', 'cf', 'approx', 'para', 'paras', 'fig',
  'ltd', 'inc', 'cllr', 'rev', 'hon', 'dept', 'govt', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'ref', 'c.f', 'a.m', 'p.m',
]);
/** Abbreviations that are only such before a number ("no. 5", "p. 12"). */
const BEFORE_NUMBER = new Set(['no', 'nos', 'p', 'pp', 'vol', 'ch', 'sec', 'art']);

/** Bullet markers that open an item; the item's text starts after them. */
const BULLET = /^(?:[•◼▪■●○◦‣⁃∙·*–—-]|o(?=\s)|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])\s+/u;

/** Longest unit kept whole; a longer run (a page of text without a stop) is cut at a word boundary. */
export const MAX_SENTENCE = 1200;

/** Candidate boundaries: a stop (with closing quotes/brackets) before space, a line break, a tab, a " | " cell. */
const CANDIDATE = /[.!?]["”’')\]]*[ \u00a0]+|\n|\t+| \| /g;

function wordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0 && /[\p{L}.]/u.test(text[j - 1]!) && i - j < 12) j--;
  return text.slice(j, i).toLowerCase();
}

/** Does the stop at index `dot` end a sentence, given the text that follows from `next`? */
function endsSentence(text: string, dot: number, next: number): boolean {
  const after = text[next];
  if (after === undefined) return true;
  if (/\p{Ll}/u.test(after)) return false; // "e.g. the", "approx. ten": a lower-case continuation
  if (text[dot] !== '.') return true;
  const word = wordBefore(text, dot);
  if (ABBREVIATIONS.has(word)) return false;
  if (BEFORE_NUMBER.has(word) && /\d/.test(after)) return false;
  if (/^\p{Lu}$/u.test(text.slice(dot - 1, dot)) && (dot < 2 || /\s/.test(text[dot - 2]!))) return false; // initials
  return true;
}

/** Is a quotation left open at the end of this line, so the sentence goes on to the next? */
function quoteOpen(line: string): boolean {
  let open = 0;
  for (const ch of line) {
    if (ch === '“') open++;
    else if (ch === '”') open = Math.max(0, open - 1);
  }
  return open > 0;
}

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  let lineStart = 0;
  const push = (from: number, to: number) => {
    let s = from;
    let e = to;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    const bullet = BULLET.exec(text.slice(s, Math.min(e, s + 12)));
    if (bullet && s + bullet[0].length < e) s += bullet[0].length;
    for (; e - s > MAX_SENTENCE; ) {
      let cut = s + MAX_SENTENCE;
      while (cut > s && text[cut] !== ' ') cut--;
      if (cut === s) cut = s + MAX_SENTENCE;
      spans.push({ start: s, end: cut });
      s = cut;
      while (s < e && /\s/.test(text[s]!)) s++;
    }
    if (e > s) spans.push({ start: s, end: e });
  };
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const at = m.index;
    const after = at + m[0].length;
    if (m[0] === '\n') {
      const line = text.slice(lineStart, at);
      lineStart = after;
      const next = text[after] ?? '';
      // A line break ends the unit unless the line was wrapped mid-sentence or mid-quotation.
      const ended = /[.!?:;"”]$/.test(line.trimEnd());
      const wrapped = /\p{Ll}/u.test(next) && !ended;
      // A quotation wrapped mid-sentence; news paragraphs that go on quoting open with a quote mark of their own.
      const quoting = !ended && !/^[“"‘]/.test(next) && at - start < MAX_SENTENCE && next !== '' && quoteOpen(text.slice(start, at));
      if (!wrapped && !quoting) {
        push(start, at);
        start = after;
      }
    } else if (m[0][0] === '\t' || m[0] === ' | ') {
      push(start, at);
      start = after;
    } else if (endsSentence(text, at, after)) {
      const stop = at + m[0].trimEnd().length;
      push(start, stop);
      start = stop;
    }
  }
  push(start, text.length);
  return spans;
}
