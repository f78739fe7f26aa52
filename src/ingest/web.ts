// Web text (a scraped .txt page or an .html page) → clean text: the article's lines without the page's clutter,
// lines the scraper broke inside a sentence joined again, and the kind of text it is. No pages; HTML headings
// become sections.
import type { Kind } from '../records.js';
import { assemble, type Assembled } from './assemble.js';
import { BULLET_START_RE, normaliseBullet } from './bullets.js';
import { declutter } from './declutter.js';
import { htmlLines, type WebLine } from './html.js';
import { webKind } from './kind.js';
import { LINKING_WORD_RE, TERMINATED_RE } from './line-ends.js';
import { normaliseLine } from './normalise.js';
import { decodeText } from './read.js';


export function ingestWebText(bytes: Uint8Array, type: 'text' | 'html'): Assembled & { kind: Exclude<Kind, 'report'> } {
  const source = decodeText(bytes);
  const raw: WebLine[] =
    type === 'html' ? htmlLines(source) : source.split(/\r\n?|\n/).map((text) => ({ text, heading: false }));
  const headings = new Set(raw.filter((l) => l.heading).map((l) => normaliseLine(l.text)));
  const kept = declutter(raw.map((l) => normaliseBullet(normaliseLine(l.text))));
  // HTML blocks are whole paragraphs already; a text scrape may have broken some.
  const lines = type === 'text' ? joinBrokenLines(kept) : kept.filter(Boolean);
  const units = lines.map((text) => ({ text, heading: headings.has(text), pageStarts: [] }));
  return { kind: webKind(lines, raw.map((l) => l.text)), ...assemble(units, 0) };
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
