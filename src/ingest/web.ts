// Web text (a scraped .txt page or an .html page) → clean text: the article's lines without the page's clutter,
// lines the scraper broke inside a sentence joined again, lists written on one line split into items, and the kind
// of text it is, its parts (headline, standfirst, byline, date) and its quoted speech. No pages; headings (HTML's,
// or a text scrape's heading-shaped lines) become sections.
import type { ArticleParts, Kind, Quote } from '../records.js';
import { bylineOf, dateLine, parseDate } from './article.js';
import { assemble, type Assembled } from './assemble.js';
import { BULLET_START_RE, normaliseBullet, splitInlineList } from './bullets.js';
import { declutter, isClutter } from './declutter.js';
import { htmlPage, type WebLine } from './html.js';
import { webKind } from './kind.js';
import { LINKING_WORD_RE, TERMINATED_RE } from './line-ends.js';
import { normaliseLine } from './normalise.js';
import { decodeText } from './read.js';
import { findQuotes } from './quotes.js';

export type WebDocument = Assembled & { kind: Exclude<Kind, 'report'>; article: ArticleParts; quotes: Quote[] };

export function ingestWebText(bytes: Uint8Array, type: 'text' | 'html'): WebDocument {
  const source = decodeText(bytes);
  const page = type === 'html' ? htmlPage(source) : null;
  const raw: WebLine[] = page?.lines ?? source.split(/\r\n?|\n/).map((text) => ({ text, heading: false }));
  const headings = new Set(raw.filter((l) => l.heading).map((l) => normaliseLine(l.text)));
  const normalised = raw.map((l) => normaliseLine(l.text));
  const top = furniture(normalised);
  // A page's own metadata, where it has some, names the author and date better than its lines do.
  const metaByline = page?.byline ? normaliseLine(page.byline) : null;
  top.byline = (metaByline && (bylineOf(metaByline) ?? metaByline.replace(/^by\s+/i, ''))) || top.byline;
  top.date = (page?.published && parseDate(page.published)) || top.date;
  const kept = declutter(normalised.flatMap(splitInlineList).map(normaliseBullet), type === 'text');
  // HTML blocks are whole paragraphs already; a text scrape may have broken some.
  const lines = type === 'text' ? joinBrokenLines(kept) : kept.filter(Boolean);
  const kind = webKind(lines, raw.map((l) => l.text));
  const article = articleParts(lines, top, kind, type === 'html' && raw[0]?.heading === true);
  // Headings start sections; the headline has its own place (Document.article), and governs no section.
  const heading = (text: string, i: number) =>
    !(i === 0 && article.headline) && (type === 'html' ? headings.has(text) : looksLikeHeading(text, lines[i + 1]));
  const units = lines.map((text, i) => ({ text, heading: heading(text, i), pageStarts: [] }));
  const assembled = assemble(units, 0);
  return { kind, ...assembled, article, quotes: findQuotes(assembled.text) };
}

/** How far down the page the byline and date are looked for (non-blank lines). */
const TOP_LINES = 15;

interface Furniture {
  byline: string | null;
  date: string | null;
  /** The sentence just above the byline or date, below the headline: the standfirst. */
  standfirst: string | null;
}

/** The byline and date near the top of the page, and the paragraph between the headline and them. */
function furniture(lines: string[]): Furniture {
  let byline: string | null = null;
  let date: string | null = null;
  const above: string[] = [];
  let standfirst: string | null = null;
  for (const line of lines.filter(Boolean).slice(0, TOP_LINES)) {
    const by = bylineOf(line);
    const on = dateLine(line);
    if (by || on) {
      const last = above.at(-1);
      if (!byline && !date && above.length >= 2 && last && /[.!?]["')]*$/.test(last)) standfirst = last;
      byline ??= by;
      date ??= on;
    } else if (!isClutter(line) && !byline && !date) above.push(line);
  }
  return { byline, date, standfirst };
}

/** Most words a heading in a text scrape has. */
const HEADING_WORDS = 12;

/**
 * A heading in a text scrape (which has lost its markup): a short line starting with a capital that is not a
 * sentence, a lead-in or a bullet (a question is a heading: "What does the area partnership need to do better?"),
 * with body text after it.
 */
function looksLikeHeading(line: string, next: string | undefined): boolean {
  return (
    next !== undefined && /^\p{Lu}/u.test(line) && line.split(' ').length <= HEADING_WORDS &&
    (/\?$/.test(line) || !/[.!:;,"')\]]$/.test(line))
  );
}

/** Most words a headline has; a line ending in a full stop is a sentence, not a headline. */
const HEADLINE_WORDS = 30;

function articleParts(lines: string[], top: Furniture, kind: Kind, titled: boolean): ArticleParts {
  const first = lines[0] ?? '';
  const isHeadline =
    kind !== 'minutes' && first !== '' && !BULLET_START_RE.test(first) &&
    (titled || (!/[.:;]$/.test(first) && first.split(' ').length <= HEADLINE_WORDS));
  const headline = isHeadline ? { start: 0, end: first.length } : null;
  const second = lines[1];
  const standfirst =
    headline && second && top.standfirst && second.startsWith(top.standfirst)
      ? { start: first.length + 1, end: first.length + 1 + second.length }
      : null;
  return { headline, standfirst, byline: top.byline, date: top.date };
}

/**
 * Joins a line to the one before when the scraper broke a sentence: the line before is unfinished (no closing
 * punctuation), is not the first line (the headline), and either this line starts in lower case, or the line before
 * ends on a word that needs more ("the", "and"), or a name runs on over the break ("the Care Quality" / "Commission").
 * Blank lines and bullets never join.
 */
function joinBrokenLines(lines: string[]): string[] {
  const out: string[] = [];
  let previousBlank = true;
  for (const line of lines) {
    const last = out[out.length - 1];
    if (!line) {
      previousBlank = true;
      continue;
    }
    const unfinished = last !== undefined && !previousBlank && out.length > 1 && !TERMINATED_RE.test(last);
    const runsOn = /^\p{Ll}/u.test(line) || LINKING_WORD_RE.test(last ?? '') || (/\b\p{Lu}\p{Ll}+$/u.test(last ?? '') && /^\p{Lu}\p{Ll}/u.test(line));
    if (unfinished && runsOn && !BULLET_START_RE.test(line)) out[out.length - 1] = `${last} ${line}`;
    else out.push(line);
    previousBlank = false;
  }
  return out;
}
