// PDF bytes → positioned text segments, one pass of pdf.js over each page's text layer (no rendering, no images,
// no annotations). A segment is a run of text on one baseline with no wide gap in it: a line of a paragraph, or
// one cell's line in a table row.
import type { PDFDocumentProxy, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { BULLET_MARK_RE } from './bullets.js';
import { IngestError } from './errors.js';
import { restoreOffPage } from './pdf-offpage.js';
import { pdfjs } from './pdfjs.js';

export interface Segment {
  /** Text as pdf.js gives it, not yet normalised. */
  text: string;
  x0: number;
  x1: number;
  /** Baseline, in PDF user space (y grows upwards). */
  y: number;
  /** Where the words start: after a leading bullet glyph, else x0. */
  textX: number;
  /** Font size of the segment's longest item (a superscript does not change it). */
  size: number;
  /** Characters per pdf.js font id. */
  fonts: Map<string, number>;
}

export interface PdfPage {
  n: number;
  /** Bottom and top of the page box, to tell the margins (running headers, footers) from the body. */
  bottom: number;
  top: number;
  segments: Segment[];
}

/** Per font: how many characters, and their summed advance widths in ems (bold faces are wider). */
export type FontWidths = Map<string, { chars: number; ems: number }>;

export interface PdfText {
  pages: PdfPage[];
  fonts: FontWidths;
}

// A gap wider than this many font sizes between items on one baseline separates two cells (table columns);
// word spaces and justified text stay well under one.
const CELL_GAP = 1;
// A gap wider than this fraction of the font size is a word space even when the PDF draws no space character.
const WORD_GAP = 0.2;

export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  const { lib, worker } = await pdfjs();
  let doc: PDFDocumentProxy;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given, so give it a plain Uint8Array copy.
    doc = await lib.getDocument({ data: new Uint8Array(bytes), verbosity: lib.VerbosityLevel.ERRORS, isEvalSupported: false, worker })
      .promise;
  } catch (error) {
    throw pdfError(error, bytes);
  }
  try {
    const fonts: FontWidths = new Map();
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      let items: TextItem[];
      let view: number[];
      try {
        const page = await doc.getPage(n);
        view = page.view;
        // No Unicode normalisation here: the text is normalised (NFKC and more) once assembled (normalise.ts).
        items = (await page.getTextContent({ disableNormalization: true })).items.filter((item): item is TextItem => 'str' in item);
        items = await restoreOffPage(page, items, view, lib);
      } catch (error) {
        throw pdfError(error, bytes, n);
      }
      pages.push({ n, bottom: Math.min(view[1]!, view[3]!), top: Math.max(view[1]!, view[3]!), segments: toSegments(items, fonts) });
    }
    return { pages, fonts };
  } finally {
    await doc.destroy();
  }
}

function toSegments(items: TextItem[], fonts: FontWidths): Segment[] {
  const out: Segment[] = [];
  let seg: Segment | undefined;
  let longest = 0;
  let spaced = false;
  for (const item of items) {
    const str = item.str;
    if (!str) continue; // an end-of-line marker: lines are found from positions instead
    if (!str.trim()) {
      spaced = true;
      continue;
    }
    const [, , c, d, x, y] = item.transform as number[];
    const size = item.height || Math.hypot(c!, d!);
    const font = fonts.get(item.fontName) ?? { chars: 0, ems: 0 };
    font.chars += str.length;
    font.ems += item.width / size;
    fonts.set(item.fontName, font);

    const sameRun =
      seg !== undefined &&
      Math.abs(seg.y - y!) < 0.5 * Math.max(seg.size, size) &&
      x! > seg.x0 &&
      // A bullet and its words, or a label and its value at a tab stop ("Inspection dates:   3 to 7 July 2023"),
      // stay one run however wide the gap.
      (x! - seg.x1 < CELL_GAP * Math.max(seg.size, size) || /:\s*$/.test(seg.text) || BULLET_MARK_RE.test(seg.text.trim()));
    if (seg && sameRun) {
      if ((spaced || x! - seg.x1 > WORD_GAP * size) && !/\s$/.test(seg.text) && !/^\s/.test(str)) seg.text += ' ';
      if (seg.textX === seg.x0 && BULLET_MARK_RE.test(seg.text.trim())) seg.textX = x!;
      seg.text += str;
      seg.x1 = Math.max(seg.x1, x! + item.width);
      if (str.length > longest) {
        longest = str.length;
        seg.size = size;
      }
    } else {
      seg = { text: str, x0: x!, x1: x! + item.width, y: y!, textX: x!, size, fonts: new Map() };
      longest = str.length;
      out.push(seg);
    }
    seg.fonts.set(item.fontName, (seg.fonts.get(item.fontName) ?? 0) + str.length);
    spaced = false;
  }
  return out;
}

/** pdf.js's failure, as what is wrong with the file and what to do about it. A bug of ours stays itself. */
function pdfError(error: unknown, bytes: Uint8Array, page?: number): Error {
  if (error instanceof TypeError || error instanceof RangeError || error instanceof ReferenceError) return error;
  const name = (error as Error)?.name ?? '';
  const detail = (error as Error)?.message ?? String(error);
  if (name === 'PasswordException') {
    return new IngestError('the PDF is password-protected (encrypted); save an unprotected copy to ingest it', {
      cause: error,
    });
  }
  if (!Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) {
    return new IngestError('not a PDF: the file does not start with %PDF- (a web page or another format saved as .pdf?)', {
      cause: error,
    });
  }
  const where = page ? ` (page ${page})` : '';
  if (!endsWithEof(bytes)) {
    return new IngestError(
      `the PDF is truncated${where}: it does not end with %%EOF, so the download or copy was probably cut short; fetch it again`,
      { cause: error },
    );
  }
  return new IngestError(`the PDF is damaged and cannot be read${where} (pdf.js: ${detail})`, { cause: error });
}

/** A complete PDF ends with %%EOF (give or take trailing white space or padding). */
function endsWithEof(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-2048).includes('%%EOF');
}
