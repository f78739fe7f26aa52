// Quoted speech in clean web text (curly quotes are straight by now: normalise.ts). Double quotes only: single ones
// are mostly apostrophes or scare quotes ('breath of fresh air'). Marks pair up within a paragraph; a quotation
// left open at a paragraph's end goes on when the next paragraph opens with a mark, as news style writes a long one.
import type { Quote } from '../records.js';

export function findQuotes(text: string): Quote[] {
  const quotes: Quote[] = [];
  let lineStart = 0;
  let leftOpen = false;
  for (const line of text.split('\n')) {
    let open = -1;
    for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) {
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
