// Counting the recommendations in a report section ("Areas for improvement"). Each recommendation is a paragraph
// that tells someone what they should, must or need to do, perhaps followed by sub-bullets and sentences that go on
// with it ("This includes:", "They should also ...", "Health leaders should be clear about ...").
// Recommendations set in ruled tables have no space between them, so clean text may run two into one paragraph: a
// later sentence in a paragraph therefore opens a new recommendation when it tells someone what to do without going
// on from the sentence before: not "They ...", not pointing back ("these children", "also"), not addressing the
// same named people again ("Health leaders must ... Health leaders should be clear ..."), not support while waiting
// after a sentence on waits.
import type { Span } from '../records.js';
import { normaliseChars, type Sentence as FlatSentence } from './text.js';

export const BULLET = /^(?:[\u2022\u2023\u2043\u2219\u00B7\u25A0-\u25FF\uF0A7\uF0B7\uF0D8*-]|o\s)/u;
export const ENUMERATOR = /^\(?(?:\d{1,2}|[a-h]|i{1,3}|iv|v|vi{1,3})[.)]\s+/;
const ENDS_SENTENCE = /[.:;!?]["')]?$/;
// The subject is what comes before the first modal; a directive has its modal within its first words.
const MODAL = /\b(?:should|must|needs? to|ought to|(?:is|are) required to)\b/;
const MAX_SUBJECT_WORDS = 16;
// A paragraph of its own that tells someone what to do is a recommendation however many people it names first
// ("Leaders across education, health and social care, including the designated clinical officer and ..., should").
const MAX_OPENING_SUBJECT_WORDS = 30;
// Openings that go on with what came before ("This includes:", "They should ...", "In particular ...").
const CONTINUATION = /^(?:This|These|They|It|In particular|Also|Such|However|Additionally|Furthermore|There)\b/;
// A sentence that opens with a time or condition before its subject goes on with the one before ("In the
// meantime, the partnership should ...").
const FRONTED = /^(?:In|At|On|For|During|Until|While|Whilst|When|Where|As|Meanwhile|Before|After|Once|If)\b/;
const ALSO = /\b(?:should|must|needs? to) also\b|\balso (?:should|must|needs? to)\b/;
// A pointer back to the recommendation before, early in a sentence ("in these areas", "these children").
const POINTS_BACK = /\b(?:these|this|those|such|also)\b/i;
const POINTS_BACK_WITHIN = 14;
// Inspectors pair a recommendation on waiting times with one on support while children wait: the second goes on
// with the first ("... address the long waiting times. The partnership should ensure that support is in place for
// children waiting for assessments.").
const WAIT = /\bwait(?:s|ing)?\b/i;
const SUPPORT_WHILE_WAITING = /\bsupport\b.*\bwait(?:s|ing)?\b|\bwait(?:s|ing)?\b.*\bsupport\b/i;
// Who recommendations address.
const ACTOR = /\b(?:leaders|partnership|LAP|commissioners|ICB|local authority|council|partners)\b/i;
// Openings so common that repeating one does not make two sentences one recommendation ("Leaders across the
// partnership should ... Leaders across the partnership should ..."); a named group repeated ("Health leaders") does.
const GENERIC_SUBJECT = /^(?:area |the )?leaders(?: across (?:the )?(?:local area )?partnership)?$/i;

interface Sentence {
  text: string;
  /** Words before the modal, when the sentence is a directive. */
  subject: string | null;
}

/** A paragraph's span of the text, and its lines joined (characters normalised). */
interface Paragraph extends Span {
  text: string;
}

/** Paragraphs of a section: its lines, with wrapped lines (raw PDF text) joined back to the line they continue. */
function paragraphs(text: string, section: Span): Paragraph[] {
  const out: Paragraph[] = [];
  let start = section.start;
  for (const raw of text.slice(section.start, section.end).split('\n')) {
    const end = start + raw.length;
    const line = normaliseChars(raw).trim();
    const last = out.at(-1);
    if (line && last && !BULLET.test(line) && !ENUMERATOR.test(line) && (!ENDS_SENTENCE.test(last.text) || /^[a-z]/.test(line))) {
      last.text = `${last.text} ${line}`;
      last.end = end;
    } else if (line) out.push({ start, end, text: line });
    start = end + 1;
  }
  return out;
}

function sentence(text: string, maxSubjectWords = MAX_SUBJECT_WORDS): Sentence {
  const clause = text.split(/:(?:\s|$)/)[0]!;
  const modal = MODAL.exec(clause);
  const subject = modal ? clause.slice(0, modal.index).trim() : null;
  return { text, subject: subject !== null && subject.split(/\s+/).length <= maxSubjectWords ? subject : null };
}

/** Whether a later sentence of a paragraph opens a new recommendation (see the file comment). */
function opensAnother(s: Sentence, previous: Sentence): boolean {
  if (!s.subject || !ACTOR.test(s.subject) || !/^[A-Z]/.test(s.text)) return false;
  if (CONTINUATION.test(s.text) || FRONTED.test(s.text)) return false;
  if (POINTS_BACK.test(s.text.split(/\s+/).slice(0, POINTS_BACK_WITHIN).join(' '))) return false;
  if (SUPPORT_WHILE_WAITING.test(s.text) && WAIT.test(previous.text)) return false;
  return GENERIC_SUBJECT.test(s.subject) || s.subject.toLowerCase() !== previous.subject?.toLowerCase();
}

/** How many recommendations a section (a span of the text) holds, reading the document's sentences (flattened) in
 *  it. Numbered recommendations are counted by their numbers: an item may then hold several directives ("1. Leaders
 *  should ... Health leaders should ..."). */
export function countRecommendations(text: string, section: Span, all: FlatSentence[]): number {
  const items = paragraphs(text, section).filter((p) => !BULLET.test(p.text));
  if (items.length > 1 && items.every((p) => ENUMERATOR.test(p.text))) return items.length;
  const inSection = all.filter((s) => s.start >= section.start && s.start < section.end);
  let count = 0;
  for (const paragraph of items) {
    const opening = paragraph.text.replace(ENUMERATOR, '');
    const sentences = inSection
      .filter((s) => s.start >= paragraph.start && s.start < paragraph.end)
      .map((s, i) => sentence(s.flat, i === 0 ? MAX_OPENING_SUBJECT_WORDS : MAX_SUBJECT_WORDS));
    const [first, ...rest] = sentences;
    if (!first) continue;
    if (first.subject !== null && /^[A-Z]/.test(opening) && !CONTINUATION.test(opening) && !ALSO.test(first.text)) count++;
    rest.forEach((s, i) => {
      if (opensAnother(s, sentences[i]!)) count++;
    });
  }
  return count;
}
