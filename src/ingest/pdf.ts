// A PDF's bytes → clean text with its page map and sections.
import { assemble, type Assembled } from './assemble.js';
import { IngestError } from './errors.js';
import { joinLines, vocabulary } from './hyphens.js';
import { BULLET_RE, buildBlocks } from './pdf-blocks.js';
import { extractPdfText } from './pdf-extract.js';
import { isHeading } from './pdf-headings.js';
import { dropRunningLines } from './pdf-margins.js';
import { bodyStyle } from './pdf-style.js';

// Fewer letters than this per page on average means the pages are pictures of text (a scan).
const MIN_LETTERS_PER_PAGE = 30;
// Bullet items start with one bullet character, whatever glyph the PDF used.
const BULLET = '\u2022 ';

export async function ingestPdf(bytes: Uint8Array): Promise<Assembled> {
  const extracted = await extractPdfText(bytes);
  const pages = dropRunningLines(extracted.pages);
  const segments = pages.flatMap((page) => page.segments);
  const letters = segments.reduce((sum, seg) => sum + (seg.text.match(/\p{L}/gu)?.length ?? 0), 0);
  if (letters < MIN_LETTERS_PER_PAGE * Math.max(1, pages.length)) {
    throw new IngestError('the PDF has no text layer; OCR needed (its pages are images of text)');
  }
  const style = bodyStyle(pages, extracted.fonts);
  const vocab = vocabulary(segments.map((seg) => seg.text));
  const units = buildBlocks(pages, style).map((block) => {
    const { text: joined, starts } = joinLines(block.lines.map((l) => l.text), vocab);
    const bullet = block.bullet ? (BULLET_RE.exec(joined)?.[0] ?? '') : '';
    const words = joined.slice(bullet.length);
    // A bullet with no words (an empty list item) is dropped.
    const text = bullet ? (words ? BULLET + words : '') : joined;
    const shift = text.length - joined.length;
    const pageStarts = block.lines.map((line, i) => ({ offset: i === 0 ? 0 : starts[i]! + shift, page: line.page }));
    return { text, heading: isHeading(block, text, style), pageStarts };
  });
  return assemble(units, extracted.pages.length);
}
