// A file's bytes, and a text file's bytes as text.
import { readFile } from 'node:fs/promises';
import { IngestError } from './errors.js';

const REASONS: Record<string, string> = {
  ENOENT: 'file not found',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied: the file cannot be read (check its permissions)',
  EPERM: 'permission denied: the file cannot be read (check its permissions)',
  ENOTDIR: 'file not found (a folder in the path is a file)',
};

/** The file's bytes, or an IngestError saying why they cannot be had. */
export async function readBytes(path: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new IngestError(REASONS[code] ?? `cannot read the file (${(error as Error).message})`, { cause: error });
  }
  if (bytes.length === 0) throw new IngestError('the file is empty (0 bytes)');
  return bytes;
}

// Windows-1252's characters for bytes 0x80-0x9F (Node's TextDecoder gives the C1 controls of Latin-1 instead); the
// five bytes Windows-1252 leaves undefined are null.
const CP1252_HIGH = [...'€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ'].map((c) => (c === '\0' ? null : c));
// Western text in Windows-1252 is mostly ASCII (an accent, a pound sign, curly quotes); text whose letters are mostly
// beyond ASCII is another encoding (Shift-JIS, GBK, KOI8-R...) that Windows-1252 would turn into nonsense.
const MAX_NON_ASCII_SHARE = 0.3;
// Binary data is about one byte in nine a control character; text, even with a stray escape, far fewer.
const MAX_CONTROL_SHARE = 0.05;

/**
 * A text file's bytes as text: UTF-8 (with or without BOM), UTF-16 (by its BOM, or sniffed from the zero bytes that
 * ASCII characters leave in every other place), or Windows-1252 when it is not valid UTF-8. Anything else (binary
 * data, UTF-32, another encoding) is an IngestError saying so, never text of nonsense.
 */
export function decodeText(bytes: Uint8Array): string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.subarray(0, 4).equals(Buffer.from([0xff, 0xfe, 0, 0])) || b.subarray(0, 4).equals(Buffer.from([0, 0, 0xfe, 0xff]))) {
    throw new IngestError('the text is UTF-32, which is not read: save it as UTF-8');
  }
  const utf16 = b[0] === 0xff && b[1] === 0xfe ? 'utf-16le' : b[0] === 0xfe && b[1] === 0xff ? 'utf-16be' : sniffUtf16(b);
  if (utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true }).decode(b);
    } catch {
      throw new IngestError(`the text looks like ${utf16.toUpperCase()} but is not valid ${utf16.toUpperCase()}: save it as UTF-8`);
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return decodeWindows1252(b);
  }
}

/** UTF-16 without a BOM: in the first few KB, most characters (ASCII) have a zero high byte, and few a zero low one. */
function sniffUtf16(b: Buffer): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZeros++;
    if (b[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > 0.4 * pairs && evenZeros < 0.05 * pairs) return 'utf-16le';
  if (evenZeros > 0.4 * pairs && oddZeros < 0.05 * pairs) return 'utf-16be';
  return null;
}

function decodeWindows1252(b: Buffer): string {
  let controls = 0;
  let nonAscii = 0;
  let visible = 0;
  for (const byte of b) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) controls++;
    else if (byte >= 0x80) nonAscii++;
    if (byte > 0x20) visible++;
  }
  if (controls > MAX_CONTROL_SHARE * b.length) throw new IngestError('the file is not text (it holds binary data): expected UTF-8, UTF-16 or Windows-1252 text');
  const undefinedAt = b.findIndex((byte) => byte >= 0x80 && byte <= 0x9f && CP1252_HIGH[byte - 0x80] === null);
  if (undefinedAt >= 0) {
    throw new IngestError(
      `the text is neither UTF-8, UTF-16 nor Windows-1252 (byte 0x${b[undefinedAt]!.toString(16).toUpperCase()} at offset ${undefinedAt}): save it as UTF-8`,
    );
  }
  if (nonAscii > MAX_NON_ASCII_SHARE * visible) {
    throw new IngestError('the text is neither UTF-8, UTF-16 nor Windows-1252 (most of its characters would be accented letters and symbols): save it as UTF-8');
  }
  return b.toString('latin1').replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
