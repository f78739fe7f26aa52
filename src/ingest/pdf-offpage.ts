// pdf.js leaves out of a page's text content every glyph outside the page box, so a line that runs past the edge
// (one long baseline) would lose its end without a word. Such a line shows as a text item reaching past the box's
// right edge; for those pages only, the line is completed from the page's operator list, which holds every
// glyph the page shows. (Text wholly outside the box, or running off the left edge, is not restored: a viewer does not
// show it either.)
import type { PDFPageProxy, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { PdfJsModule } from './pdfjs.js';

/** A gap in a TJ array wider than this (thousandths of an em) is a word space. */
const WORD_GAP = 250;
/** Text the clipped item and a shown string must share before one is taken to continue the other. */
const MIN_OVERLAP = 8;

/** Whether the item's text runs past the right edge of the page box (left-to-right horizontal text only). */
function runsOffPage(item: TextItem, view: number[]): boolean {
  const [a, b, c, , x] = item.transform as number[];
  if (b !== 0 || c !== 0 || a! <= 0) return false;
  return x! + item.width > view[2]! + 0.5;
}

/** The items, with each that runs off the page completed with the glyphs pdf.js left out. */
export async function restoreOffPage(page: PDFPageProxy, items: TextItem[], view: number[], lib: PdfJsModule): Promise<TextItem[]> {
  if (!items.some((item) => runsOffPage(item, view))) return items;
  const shown = await shownStrings(page, lib);
  return items.map((item) => {
    if (!runsOffPage(item, view)) return item;
    const whole = continuation(item.str, shown);
    return whole === null ? item : { ...item, str: whole };
  });
}

/** Every string the page shows (one per text-showing operator), glyph by glyph. */
async function shownStrings(page: PDFPageProxy, lib: PdfJsModule): Promise<string[]> {
  const ops = await page.getOperatorList();
  const strings: string[] = [];
  for (const [i, fn] of ops.fnArray.entries()) {
    if (fn !== lib.OPS.showText) continue;
    const glyphs = ops.argsArray[i][0] as ({ unicode?: string } | number | null)[];
    strings.push(glyphs.map((g) => (typeof g === 'number' ? (g < -WORD_GAP ? ' ' : '') : (g?.unicode ?? ''))).join(''));
  }
  return strings;
}

const compact = (s: string) => s.replace(/\s+/g, '');

/** `clipped` with the rest of the shown string that it ends the beginning of (the longest such overlap), or null. */
function continuation(clipped: string, shown: string[]): string | null {
  const cs = compact(clipped);
  let best: { rest: string; overlap: number } | null = null;
  for (const s of shown) {
    const ct = compact(s);
    for (let k = Math.min(cs.length, ct.length - 1); k >= Math.min(MIN_OVERLAP, cs.length) && k > (best?.overlap ?? 0); k--) {
      if (cs.endsWith(ct.slice(0, k))) {
        best = { rest: afterCompact(s, k), overlap: k };
        break;
      }
    }
  }
  return best === null ? null : clipped + best.rest;
}

/** What follows the first `k` non-space characters of `s`, with its white space. */
function afterCompact(s: string, k: number): string {
  let seen = 0;
  for (let i = 0; i < s.length; i++) {
    if (/\s/.test(s[i]!)) continue;
    if (seen === k) return s.slice(i - (i > 0 && /\s/.test(s[i - 1]!) ? 1 : 0));
    seen++;
  }
  return '';
}
