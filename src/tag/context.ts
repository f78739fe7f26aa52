// Where a sentence stands: its page and section, whether its section leans its polarity or holds no findings
// (partnership details, inspection team), and whether it is context rather than a finding for this area now
// (a heading, the previous inspection stated as history, a stock phrase of the framework).
import type { AreaMention } from '../gazetteer/index.js';
import type { Area, Page, Polarity, Section } from '../records.js';
import type { Cue, Cues } from './cues.js';
import type { PhraseMatch } from './phrases.js';
import type { Token } from './tokens.js';

/** The innermost section containing the offset (sections may nest), or null. */
export function sectionAt(sections: Section[], at: number): Section | null {
  let best: Section | null = null;
  for (const s of sections) {
    if (s.start <= at && at < s.end && (!best || s.end - s.start <= best.end - best.start)) best = s;
  }
  return best;
}

/** The page the offset falls on: pages are in order, so a binary search. */
export function pageAt(pages: Page[], at: number): number | null {
  let lo = 0;
  let hi = pages.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pages[mid]!;
    if (at < p.start) hi = mid - 1;
    else if (at >= p.end) lo = mid + 1;
    else return p.n;
  }
  // An offset between pages (a joining space) belongs to the page that follows it.
  return pages[lo]?.n ?? pages.at(-1)?.n ?? null;
}

/**
 * A section's bearing on its sentences' polarity: every finding a concern (recommendations), or the way a tie of
 * cues leans. A sentence with no cue at all stays a mention: a quote must say its polarity itself.
 */
export type SectionBearing = 'recommendation' | Polarity | null;

/** The section's bearing, or 'skip' for a section that holds no findings (partnership details, the team). */
export function sectionBearing(title: string | null, cues: Cues): SectionBearing | 'skip' {
  if (!title) return null;
  const t = title.toLowerCase();
  const has = (list: string[]) => list.some((s) => t.includes(s));
  if (has(cues.sections.skip)) return 'skip';
  if (has(cues.sections.recommendation)) return 'recommendation';
  if (has(cues.sections.concern)) return 'concern';
  if (has(cues.sections.strength)) return 'strength';
  return null;
}

/** Fewer words than this and no full stop: a heading, a table header or a label. */
const HEADING_WORDS = 5;
/** Fewer words than this, in lower case and with no verb: a list item that only its lead-in makes a claim of. */
const FRAGMENT_WORDS = 8;

/**
 * Is the unit context rather than a finding: a heading or label, a verbless fragment with no lead-in to make it a
 * list item, a stock phrase, or the past stated as history? Says which, or null.
 */
export function isContext(tokens: Token[], found: PhraseMatch<Cue>[], cues: Cues, quote: string, sectionTitle: string | null, listItem: boolean): string | null {
  const words = tokens.filter((t) => !t.punct).length;
  if (!listItem && words < HEADING_WORDS && !/[.!?]["”’]?$/.test(quote)) return 'a heading or label';
  if (!listItem && words < FRAGMENT_WORDS && /^\p{Ll}/u.test(quote) && !found.some((c) => c.phrase.payload.kind === 'predicate')) return 'a verbless fragment';
  if (sectionTitle !== null && quote === sectionTitle.trim()) return 'the section heading';
  if (cues.stock.find(tokens).length > 0) return 'a stock phrase of the framework';
  if (cues.history.find(tokens).length > 0 && cues.current.find(tokens).length === 0) return 'the past, stated as history';
  return null;
}

/**
 * Does the sentence speak of another place only? True when it names some other local area and not the document's
 * own (a comparison: "unlike Essex, ..."). Mentions are in document order, so a binary search finds the sentence's.
 */
export function namesOtherAreaOnly(text: string, mentions: AreaMention[], area: Area | null, start: number, end: number, cues: Cues): boolean {
  if (!area) return false;
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.start < start) lo = mid + 1;
    else hi = mid;
  }
  let other = false;
  for (let i = lo; i < mentions.length && mentions[i]!.start < end; i++) {
    const named = mentions[i]!.area;
    if (named?.la_code === area.la_code) return false;
    if (named && !inInstitutionName(text, mentions[i]!.end, cues)) other = true;
  }
  return other;
}

/** The capitalised name words (joined by "and") after a place name, and the word after them. */
const NAME_RUN_RE = /^(?:\s+(?:and|&|\p{Lu}[\p{L}'-]*))*\s+\p{L}+/u;

/** Whether the place name ending at `at` is part of an institution's or health body's name ("... and South Cumbria ICB"). */
function inInstitutionName(text: string, at: number, cues: Cues): boolean {
  const run = NAME_RUN_RE.exec(text.slice(at, at + 60))?.[0] ?? '';
  return run.split(/\s+/).some((word) => cues.institutions.has(word.toLowerCase()));
}
