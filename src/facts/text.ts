// Text helpers shared by the fact extractors. Facts are read from flattened text (one space for any run of
// whitespace, straight quotes, plain hyphens) so that a phrase broken across lines or typeset with curly quotes reads
// the same as a clean one: the whole text flattened, and each of the document's sentences flattened.
import type { Document, Span } from '../records.js';

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

/** One of the document's sentences (offsets into its text), with its text flattened. */
export interface Sentence extends Span {
  flat: string;
}

/** The document's sentences (split once, at ingest), each flattened. */
export function flatSentences(doc: Document): Sentence[] {
  return doc.sentences.map((s) => ({ ...s, flat: flatten(doc.text.slice(s.start, s.end)) }));
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
export function responsibilitySentences(sentences: Sentence[]): Sentence[] {
  return sentences.filter((s) => RESPONSIBLE.test(s.flat));
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
