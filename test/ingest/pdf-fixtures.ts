// Small PDFs built byte by byte for the tests: text in the standard Helvetica faces at given positions, an image, or
// an encryption dictionary. The cross-reference table is computed, so pdf.js reads them as well-formed files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers.js';

export interface TextLine {
  x: number;
  y: number;
  text: string;
  bold?: boolean;
  size?: number;
}

export interface PageSpec {
  lines?: TextLine[];
  /** A 1×1 grey image drawn over the page, as in a scan. */
  image?: boolean;
}

const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);

function content(page: PageSpec): string {
  const ops = (page.lines ?? []).map(
    (l) => `BT /${l.bold ? 'F2' : 'F1'} ${l.size ?? 12} Tf ${l.x} ${l.y} Td (${escape(l.text)}) Tj ET`,
  );
  if (page.image) ops.push('q 595 0 0 842 0 0 cm /Im1 Do Q');
  return ops.join('\n');
}

/** A PDF of the given pages (A4). With `encrypt`, a standard security handler whose user password is not empty. */
export function buildPdf(pages: PageSpec[], options: { encrypt?: boolean } = {}): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  add('<< /Type /Catalog /Pages 2 0 R >>');
  const firstPage = 6;
  const kids = pages.map((_, i) => `${firstPage + 2 * i} 0 R`).join(' ');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  add('<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream');
  for (const [i, page] of pages.entries()) {
    const stream = content(page);
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${firstPage + 2 * i + 1} 0 R ` +
        '/Resources << /Font << /F1 3 0 R /F2 4 0 R >> /XObject << /Im1 5 0 R >> >> >>',
    );
    add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
  }
  const trailerExtra = options.encrypt
    ? ` /Encrypt ${objects.length + 1} 0 R /ID [<0123456789abcdef0123456789abcdef><0123456789abcdef0123456789abcdef>]`
    : '';
  if (options.encrypt) {
    // /U must be the RC4 of the padding under the key from the empty password; 32 arbitrary bytes are not.
    add(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -44 >>`);
  }
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Writes the bytes to a fresh temporary folder under the given name and returns the path. */
export function writeFixture(name: string, bytes: Buffer | string): string {
  const path = join(tempDir('ingest-'), name);
  writeFileSync(path, bytes);
  return path;
}
