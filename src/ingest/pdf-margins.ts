// Running headers, footers and page numbers: text in the top or bottom margin that repeats across pages (numbers
// aside: "Page 3 of 9" and "Page 4 of 9" are the same line), or a lone page number there.
import { normaliseLine } from './normalise.js';
import type { PdfPage, Segment } from './pdf-extract.js';

// The margin bands, as fractions of the page height, where running lines live.
const MARGIN = 0.08;
// A margin line is running text when it recurs on at least this share of pages (and on two at least).
const RECUR_SHARE = 0.4;
const PAGE_NUMBER_RE = /^(page )?#( (of|\/) #)?$/;

/** The pages without their running headers, footers and page numbers. */
export function dropRunningLines(pages: PdfPage[]): PdfPage[] {
  const pagesWith = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set(page.segments.filter((seg) => inMargin(seg, page)).map(signature));
    for (const sig of seen) pagesWith.set(sig, (pagesWith.get(sig) ?? 0) + 1);
  }
  const recurs = (sig: string) => {
    const count = pagesWith.get(sig) ?? 0;
    return count >= 2 && count >= RECUR_SHARE * pages.length;
  };
  return pages.map((page) => ({
    ...page,
    segments: page.segments.filter((seg) => {
      if (!inMargin(seg, page)) return true;
      const sig = signature(seg);
      return !recurs(sig) && !PAGE_NUMBER_RE.test(sig);
    }),
  }));
}

function inMargin(seg: Segment, page: PdfPage): boolean {
  const height = page.top - page.bottom;
  return seg.y < page.bottom + MARGIN * height || seg.y > page.top - MARGIN * height;
}

const signature = (seg: Segment) => normaliseLine(seg.text).toLowerCase().replace(/\d+/g, '#');
