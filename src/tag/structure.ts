// The document's structure as evidence: list items and the lead-in that makes them claims ("Leaders should
// improve: • the oversight of part-time timetables"), and sentences that point back to the one before ("This means
// that many families wait over a year").
import type { Span, TextSpan } from '../records.js';
import type { PhraseSet } from './phrases.js';
import type { Token } from './tokens.js';

/** What may stand before a unit at the start of its line: nothing, or a bullet marker. */
const LINE_OPENING = /^[ \t]*(?:[•◼▪■●○◦‣⁃∙·*–—-]|o|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])?[ \t]*$/u;
/** The longest bullet marker with its spaces. */
const MAX_OPENING = 12;
/** A lead-in ends its line with a colon. */
const LEAD_IN_END = /:["”’]?$/;
/** Only spaces between a unit's end and the end of its line. */
const LINE_REST = /^[ \t]*(?:\n|$)/;

/**
 * The lead-in of each list item, by the item's index in `spans`. A lead-in is a unit ending its line with a colon;
 * its items are the lines that follow it, each opening with a bullet marker or a lower-case word, up to the first
 * line that does neither. When the lead-in itself points back ("They should ensure that:", "This includes:"), the
 * sentence before it on its line is part of it, so the context reads on its own.
 */
export function listLeadIns(text: string, spans: Span[], pointsBack: (span: Span) => boolean): Map<number, TextSpan> {
  const items = new Map<number, TextSpan>();
  let leadIn: TextSpan | null = null;
  let itemLine = -1;
  // Line starts found going forward, so a document of one long line costs one pass, not one per sentence.
  let lineStart = 0;
  let nextBreak = text.indexOf('\n');
  spans.forEach((span, i) => {
    for (; nextBreak !== -1 && nextBreak < span.start; nextBreak = text.indexOf('\n', nextBreak + 1)) lineStart = nextBreak + 1;
    const startsLine = span.start - lineStart <= MAX_OPENING && LINE_OPENING.test(text.slice(lineStart, span.start));
    const opening = startsLine ? text.slice(lineStart, span.start) : '';
    if (leadIn && startsLine && (opening.trim() !== '' || /^\p{Ll}/u.test(text[span.start] ?? ''))) {
      items.set(i, leadIn);
      itemLine = lineStart;
      return;
    }
    // A second sentence on an item's line belongs to the same item.
    if (leadIn && !startsLine && lineStart === itemLine) {
      items.set(i, leadIn);
      return;
    }
    leadIn = null;
    const unit = text.slice(span.start, span.end);
    if (!LEAD_IN_END.test(unit) || !LINE_REST.test(text.slice(span.end, span.end + 8))) return;
    const before = spans[i - 1];
    const start = before && before.start >= lineStart && pointsBack(span) ? before.start : span.start;
    leadIn = { text: text.slice(start, span.end), start, end: span.end };
  });
  return items;
}

/** How many words may come before a back reference after an opening connective ("In some cases, this ..."). */
const OPENING_REACH = 4;

/**
 * Where the phrase stands by which a sentence points back to the one before ("This means", "These delays", "As a result"), or
 * null: a back reference opening the sentence, or opening its first clause after a short connective and a comma.
 */
export function backReference(tokens: Token[], openers: PhraseSet<true>): { from: number; to: number } | null {
  const comma = tokens.findIndex((t) => t.punct && t.word === ',');
  const starts = comma > 0 && comma <= OPENING_REACH ? [0, comma + 1] : [0];
  for (const m of openers.find(tokens.slice(0, Math.max(...starts) + 4))) {
    if (starts.includes(m.from)) return { from: m.from, to: m.to };
  }
  return null;
}
