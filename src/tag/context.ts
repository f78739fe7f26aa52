// Where a sentence stands: its page and section, whether its section leans its polarity or holds no findings
// (partnership details, inspection team), and whether it is context rather than a finding for this area now
// (a heading, the previous inspection stated as history, a stock phrase of the framework).
import type { Page, Polarity, Section } from '../records.js';
import type { Cues } from './cues.js';
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
 * A section's bearing on its sentences' polarity: every finding a concern (recommendations), or a lean that decides
 * a tie of cues and, where the section asserts what works, a sentence with no cue at all.
 */
export type SectionBearing = 'recommendation' | { tie: Polarity | null; uncued: Polarity | null };

const NO_LEAN: SectionBearing = { tie: null, uncued: null };

/** The section's bearing, or 'skip' for a section that holds no findings (partnership details, the team). */
export function sectionBearing(title: string | null, cues: Cues): SectionBearing | 'skip' {
  if (!title) return NO_LEAN;
  const t = title.toLowerCase();
  const has = (list: string[]) => list.some((s) => t.includes(s));
  if (has(cues.sections.skip)) return 'skip';
  if (has(cues.sections.recommendation)) return 'recommendation';
  if (has(cues.sections.concern)) return { tie: 'concern', uncued: null };
  if (has(cues.sections.strength)) return { tie: 'strength', uncued: 'strength' };
  return NO_LEAN;
}

/** Fewer words than this and no full stop: a heading, a table header or a label. */
const HEADING_WORDS = 5;

export function isContext(tokens: Token[], cues: Cues, quote: string, sectionTitle: string | null): boolean {
  const words = tokens.filter((t) => !t.punct).length;
  if (words < HEADING_WORDS && !/[.!?]["”’]?$/.test(quote)) return true;
  if (sectionTitle !== null && quote === sectionTitle.trim()) return true;
  if (cues.stock.find(tokens).length > 0) return true;
  return cues.history.find(tokens).length > 0 && cues.current.find(tokens).length === 0;
}
