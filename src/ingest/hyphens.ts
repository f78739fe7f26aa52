// Joining the layout's lines into one line of clean text, undoing end-of-line hyphenation only where the hyphen split
// a word. Reports mostly break lines at real hyphens ("multi-" / "agency", "long-" / "standing"), so a hyphen is kept
// unless the evidence says otherwise: the joined word used elsewhere in the document, or a second part that is no
// word but a word's tail ("assess-" / "ment", "particu-" / "larly") and is not used as a word elsewhere. A soft hyphen
// always marks a split word.
import { normaliseLine } from './normalise.js';

export interface Vocabulary {
  /** Lower-case words and how often they occur, parts of compounds included. */
  words: Map<string, number>;
  /** Lower-case hyphenated compounds. */
  compounds: Set<string>;
}

const TAIL = 64;
const WORD_RE = /\p{L}+(?:[-\u2010\u2011]\p{L}+)*/gu;

export function vocabulary(texts: Iterable<string>): Vocabulary {
  const words = new Map<string, number>();
  const compounds = new Set<string>();
  for (const text of texts) {
    for (const [token] of text.toLowerCase().matchAll(WORD_RE)) {
      const parts = token.split(/[-\u2010\u2011]/);
      if (parts.length > 1) compounds.add(parts.join('-'));
      for (const part of parts) words.set(part, (words.get(part) ?? 0) + 1);
    }
  }
  return { words, compounds };
}

/** One clean line from a block's lines; starts[i] is the offset where line i's text begins in it. */
export function joinLines(lines: string[], vocab: Vocabulary): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  let softHyphen = false;
  for (const raw of lines) {
    const piece = normaliseLine(raw);
    if (text && piece && !softHyphen) {
      // Only the end of the text so far matters (and an anchored-at-end regex would scan all of it).
      const tail = text.endsWith('-') ? text.slice(-TAIL) : '';
      const split = tail && /(\p{L}+)-$/u.exec(tail);
      const next = split && /^\p{L}+/u.exec(piece);
      if (split && next && !isRealHyphen(split[1]!, next[0], vocab)) text = text.slice(0, -1);
      else if (!/[\p{L}\p{N}]-$/u.test(tail) || !/^[\p{L}\p{N}]/u.test(piece)) text += ' ';
    }
    starts.push(text.length);
    text += piece;
    // normaliseLine drops a soft hyphen; the word it split is joined to the next line as it stands.
    if (piece) softHyphen = /\u00AD\s*$/.test(raw);
  }
  return { text, starts };
}

// The tail of a split word: a common suffix, after at most three letters of the stem.
const WORD_TAIL_RE =
  /^\p{Ll}{0,3}(ment|ments|tion|tions|sion|sions|tional|tioning|sioning|ly|ally|ness|ity|ities|ance|ances|ence|ences|ive|ives|ous|able|ible|ful|ship|ised|ized|ising|izing|isation|ization|ation|ations|ial|ing|ings|ed)$/u;

function isRealHyphen(left: string, right: string, vocab: Vocabulary): boolean {
  if (/^\p{Lu}/u.test(right)) return true; // "non-" / "English", "mid-" / "July"
  const [l, r] = [left.toLowerCase(), right.toLowerCase()];
  if (vocab.compounds.has(`${l}-${r}`)) return true;
  if (vocab.words.has(l + r)) return false;
  // This line's own second part is one occurrence; a real word occurs elsewhere too.
  return (vocab.words.get(r) ?? 0) >= 2 || !WORD_TAIL_RE.test(r);
}
