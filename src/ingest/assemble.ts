// Units of clean text (one per line) → the document's text, its page map and its sections.
import type { Page, Section } from '../records.js';

export interface Unit {
  /** One line of clean text, without the line break. */
  text: string;
  heading: boolean;
  /** Where (offset into `text`) each page's part of the unit begins, in order; empty when there are no pages. */
  pageStarts: { offset: number; page: number }[];
}

export interface Assembled {
  text: string;
  pages: Page[];
  sections: Section[];
}

/**
 * Joins the units with line breaks. Pages cover the text in order, page 1 from offset 0, each running to the next's
 * start; a page with no text gets an empty range. Where a unit's text from a later page comes before text from an
 * earlier one (a table cell finished at the top of the next page, ahead of the cell beside it), it is counted with
 * the earlier page so the map stays in order. A section runs from its heading to the next heading; a heading that
 * repeats the one just before it (a table's caption under a section of the same name) starts no new section.
 */
export function assemble(units: Unit[], pageCount: number): Assembled {
  const parts: string[] = [];
  const marks: { offset: number; page: number }[] = [];
  const headings: { title: string; start: number }[] = [];
  let length = 0;
  let textSinceHeading = true;
  for (const unit of units) {
    if (!unit.text) continue;
    if (unit.heading) {
      const previous = headings[headings.length - 1];
      if (textSinceHeading || previous?.title.toLowerCase() !== unit.text.toLowerCase()) {
        headings.push({ title: unit.text, start: length });
      }
    }
    textSinceHeading = !unit.heading;
    for (const mark of unit.pageStarts) marks.push({ offset: length + mark.offset, page: mark.page });
    parts.push(unit.text);
    length += unit.text.length + 1;
  }
  const text = parts.join('\n');
  const sections = headings.map((h, i) => ({ title: h.title, start: h.start, end: headings[i + 1]?.start ?? text.length }));
  return { text, pages: pageRanges(marks, pageCount, text.length), sections };
}

function pageRanges(marks: { offset: number; page: number }[], pageCount: number, length: number): Page[] {
  // Make page numbers non-decreasing along the text: each mark takes the lowest page at or after it.
  for (let i = marks.length - 2; i >= 0; i--) marks[i]!.page = Math.min(marks[i]!.page, marks[i + 1]!.page);
  const starts: number[] = [];
  let m = 0;
  for (let n = 1; n <= pageCount; n++) {
    while (m < marks.length && marks[m]!.page < n) m++;
    starts.push(n === 1 ? 0 : (marks[m]?.offset ?? length));
  }
  return starts.map((start, i) => ({ n: i + 1, start, end: starts[i + 1] ?? length }));
}
