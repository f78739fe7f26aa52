// What body text looks like in this PDF (its size, line pitch, which fonts are bold), measured from the document
// itself so that layout rules work whatever the template.
import type { FontWidths, PdfPage, Segment } from './pdf-extract.js';

export interface BodyStyle {
  /** The font size carrying most characters. */
  size: number;
  /** Baseline-to-baseline distance inside a paragraph, in font sizes. */
  pitch: number;
  /** pdf.js font ids whose glyphs are markedly wider than the body font's: bold faces. */
  bold: Set<string>;
}

// pdf.js gives font ids, not names, so bold is told by width: a bold face sets the same text ~15% wider than its
// regular face (0.52 vs 0.45 ems per character in Arial). Fonts with too few characters to judge are not bold.
const BOLD_WIDTH_RATIO = 1.08;
const MIN_CHARS_TO_JUDGE = 20;
const DEFAULT_PITCH = 1.2;

export function bodyStyle(pages: PdfPage[], fonts: FontWidths): BodyStyle {
  const bySize = new Map<number, number>();
  const pitches = new Map<number, number>();
  for (const page of pages) {
    let prev: Segment | undefined;
    for (const seg of page.segments) {
      const size = round(seg.size, 0.5);
      bySize.set(size, (bySize.get(size) ?? 0) + seg.text.length);
      // Consecutive lines of one paragraph: same size, same left edge, just below.
      if (prev && round(prev.size, 0.5) === size && Math.abs(prev.x0 - seg.x0) < 2) {
        const pitch = round((prev.y - seg.y) / seg.size, 0.05);
        if (pitch > 0.9 && pitch < 2) pitches.set(pitch, (pitches.get(pitch) ?? 0) + 1);
      }
      prev = seg;
    }
  }
  const bodyFont = mostCommon(new Map([...fonts].map(([id, f]) => [id, f.chars])));
  const bodyEms = bodyFont ? emsPerChar(fonts.get(bodyFont)!) : 0;
  const bold = new Set(
    [...fonts]
      .filter(([, f]) => f.chars >= MIN_CHARS_TO_JUDGE && emsPerChar(f) >= bodyEms * BOLD_WIDTH_RATIO)
      .map(([id]) => id),
  );
  return { size: mostCommon(bySize) ?? 0, pitch: mostCommon(pitches) ?? DEFAULT_PITCH, bold };
}

/** True when most of the segment's characters are set in a bold face. */
export function isBold(seg: Segment, style: BodyStyle): boolean {
  let bold = 0;
  let all = 0;
  for (const [font, chars] of seg.fonts) {
    all += chars;
    if (style.bold.has(font)) bold += chars;
  }
  return bold >= 0.6 * all;
}

const emsPerChar = (f: { chars: number; ems: number }) => f.ems / f.chars;
const round = (value: number, step: number) => Math.round(value / step) * step;

function mostCommon<K>(counts: Map<K, number>): K | undefined {
  let best: K | undefined;
  let bestCount = -1;
  for (const [key, count] of counts) {
    if (count > bestCount) [best, bestCount] = [key, count];
  }
  return best;
}
