// Text helpers shared by the fact extractors. Facts are read from a flattened copy of the text (one space for any run
// of whitespace, straight quotes, plain hyphens) so that a phrase broken across lines or typeset with curly quotes
// reads the same as a clean one.

/** Curly quotes to straight, dash and minus variants to '-', non-breaking and odd spaces to ' '. Keeps line breaks. */
export function normaliseChars(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032`]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u00AD/g, '')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
}

/** normaliseChars, then every run of whitespace (line breaks included) becomes one space. */
export function flatten(text: string): string {
  return normaliseChars(text).replace(/\s+/g, ' ').trim();
}

export interface Span {
  start: number;
  end: number;
}

// A full stop after these is not a sentence end ("St. Helens", "Dr. Smith", "e.g. speech").
const NOT_SENTENCE_END = /(?:\b(?:St|Dr|Mr|Mrs|Ms|Prof|Cllr|Rev|No|Nos|vs|etc|e\.g|i\.e|approx))$/i;

/** Sentence spans of flattened text: ends at . ! ? followed by a space and a capital, digit, quote or bullet. */
export function sentenceSpans(flat: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (const m of flat.matchAll(/[.!?]["')]?\s+(?=["'(\u2022]?[A-Z0-9\u2022])/g)) {
    if (NOT_SENTENCE_END.test(flat.slice(Math.max(start, m.index - 8), m.index))) continue;
    const end = m.index + m[0].trimEnd().length;
    spans.push({ start, end });
    start = m.index + m[0].length;
  }
  if (start < flat.length) spans.push({ start, end: flat.length });
  return spans;
}

const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** A count written as digits or as a word up to twelve ("two", "Six"); null otherwise. */
export function parseCount(word: string): number | null {
  if (/^\d{1,3}$/.test(word)) return Number(word);
  const i = NUMBER_WORDS.indexOf(word.toLowerCase());
  return i >= 0 ? i : null;
}

/** The regex alternative that matches a count written as digits or a word. */
export const COUNT_PATTERN = `(?:\\d{1,3}|${NUMBER_WORDS.join('|')})`;

const RESPONSIBLE = /\b(?:are|is|were|was)\s+(?:jointly\s+)?responsible\b/i;

/** Sentences saying who is responsible: "X Council and NHS Y ICB are (jointly) responsible for ...". */
export function responsibilitySentences(flat: string): Span[] {
  return sentenceSpans(flat).filter((s) => RESPONSIBLE.test(flat.slice(s.start, s.end)));
}

// Sentences about this area's inspection, not an earlier one or a single provider's ("Ofsted rated the school good").
export const INSPECTION_WORD = /\b(?:inspect\w*|re-?visit\w*|visit(?:s|ed)?|Ofsted)\b/i;
const PROVIDER = /\b(?:schools?|academy|academies|college|nursery|hospital|care home|children's home)\b/i;
const SEND_WORDS = /\bSEND\b|\bspecial educational needs\b|\blocal area\b/i;
export const EARLIER = /\b(?:previous(?:ly)?|earlier|prior|last|former|original)\b/i;

/** Whether a sentence is about the area's own inspection or revisit (not an earlier one, not one provider's). */
export function aboutThisInspection(sentence: string): boolean {
  return INSPECTION_WORD.test(sentence) && !EARLIER.test(sentence) && (!PROVIDER.test(sentence) || SEND_WORDS.test(sentence));
}
