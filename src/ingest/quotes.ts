// Quoted speech in clean web text (curly quotes are straight by now: normalise.ts). Double quotes, or, on a page
// that has none (house styles that quote speech in single marks), single quotes that open before a word and close
// after one, so apostrophes ("don't", "parents' views") are not marks. Marks pair up within a paragraph; a quotation
// left open at a paragraph's end goes on when the next paragraph opens with a mark, as news style writes a long one.
import type { Quote } from '../records.js';

// A single mark opens at a paragraph's start or after a space or bracket, before a word; it closes after a word or
// a stop, before a space, a stop or the end.
// Sticky: each is tried at one mark's index.
const SINGLE_OPEN = /(?<=^|[\s([\u2014\u2013-])'(?=[\p{L}\p{N}])/uy;
const SINGLE_CLOSE = /(?<=[\p{L}\p{N}.,!?;:])'(?=$|[\s.,;:!?)\]\u2014\u2013-])/uy;

/** The positions of quotation marks in a line: every double quote, or single ones where the page uses no double. */
function marks(line: string, single: boolean): number[] {
  const out: number[] = [];
  if (!single) {
    for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) out.push(i);
    return out;
  }
  let opening = true;
  for (let i = line.indexOf("'"); i >= 0; i = line.indexOf("'", i + 1)) {
    const mark = opening ? SINGLE_OPEN : SINGLE_CLOSE;
    mark.lastIndex = i;
    if (mark.test(line)) {
      out.push(i);
      opening = !opening;
    }
  }
  return out;
}

export function findQuotes(text: string): Quote[] {
  const single = !text.includes('"');
  const quotes: Quote[] = [];
  let lineStart = 0;
  let leftOpen = false;
  for (const line of text.split('\n')) {
    let open = -1;
    for (const i of marks(line, single)) {
      if (open < 0) {
        open = i;
        continue;
      }
      quotes.push({ start: lineStart + open, end: lineStart + i + 1, continued: open === 0 && leftOpen });
      open = -1;
    }
    if (open >= 0) quotes.push({ start: lineStart + open, end: lineStart + line.length, continued: open === 0 && leftOpen });
    // Only a paragraph that is itself quotation (or ends in one) leaves the quotation open for the next.
    leftOpen = open >= 0;
    lineStart += line.length + 1;
  }
  return quotes;
}
