// A PDF's bytes → clean text with its page map and sections.
import { assemble, type Assembled } from './assemble.js';
import { IngestError } from './errors.js';
import { joinLines, vocabulary } from './hyphens.js';
import { normaliseBullet } from './bullets.js';
import { buildBlocks } from './pdf-blocks.js';
import { extractPdfText, type Segment } from './pdf-extract.js';
import { isHeading } from './pdf-headings.js';
import { dropRunningLines } from './pdf-margins.js';
import { bodyStyle } from './pdf-style.js';

// Less wordy text than this per page on average means the pages are pictures of text (a scan).
const MIN_TEXT_PER_PAGE = 30;

export async function ingestPdf(bytes: Uint8Array): Promise<Assembled> {
  const extracted = await extractPdfText(bytes);
  const pages = dropRunningLines(extracted.pages);
  const segments = pages.flatMap((page) => page.segments);
  if (!hasTextLayer(segments, pages.length)) {
    throw new IngestError('the PDF has no text layer; OCR needed (its pages are images of text)');
  }
  const style = bodyStyle(pages, extracted.fonts);
  const vocab = vocabulary(segments.map((seg) => seg.text));
  const units = buildBlocks(pages, style).map((block) => {
    const { text: joined, starts } = joinLines(block.lines.map((l) => l.text), vocab);
    // An empty list item (a bullet with no words) comes out empty and is dropped.
    const text = block.bullet ? normaliseBullet(joined) : joined;
    const shift = text.length - joined.length;
    const pageStarts = block.lines.map((line, i) => ({ offset: i === 0 ? 0 : starts[i]! + shift, page: line.page }));
    return { text, heading: isHeading(block, text, style), pageStarts };
  });
  return assemble(units, extracted.pages.length);
}

/** Enough text with letters in it for the page count (stops counting once there is). */
function hasTextLayer(segments: Segment[], pageCount: number): boolean {
  const needed = MIN_TEXT_PER_PAGE * Math.max(1, pageCount);
  let found = 0;
  for (const seg of segments) {
    if (/\p{L}/u.test(seg.text)) found += seg.text.length;
    if (found >= needed) return true;
  }
  return false;
}
