// A compression bomb check, made before pdf.js sees a PDF. pdf.js decodes a Flate stream into one growing buffer, and
// such buffers live outside the V8 heap, so the worker's heap limit does not stop a 1 MB file whose page content
// inflates to gigabytes: it would take the machine's memory. Here every Flate stream pdf.js may decode for text
// (page content, forms, fonts, object and cross-reference streams; not images, which text extraction never decodes)
// is inflated by zlib and counted, without keeping the output, and a document over the limits is refused by name.
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createInflate, inflateSync } from 'node:zlib';

export interface InflateLimits {
  /** Decoded bytes of one stream; a real report's largest non-image stream is a few MB. */
  perStream: number;
  /** Decoded bytes of all of them together. */
  total: number;
}

const INFLATE_LIMITS: InflateLimits = { perStream: 128 * 2 ** 20, total: 512 * 2 ** 20 };

export class InflateLimitError extends Error {
  override readonly name = 'InflateLimitError';
}

/** Streams this small decoded are counted by inflateSync outright; larger ones are streamed and counted. */
const FAST_PATH_BYTES = 8 * 2 ** 20;
/** How far before `stream` its dictionary may start. */
const DICT_WINDOW = 4096;

const STREAM = Buffer.from('stream');
const END_STREAM = Buffer.from('endstream');
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

interface FlateStream {
  data: Buffer;
  /** Flate filters chained on it ([/FlateDecode /FlateDecode] decodes twice). */
  layers: number;
}

/** The Flate-encoded streams of a PDF that text extraction may decode, found by their keywords. */
function* flateStreams(pdf: Buffer): Generator<FlateStream> {
  for (let at = pdf.indexOf(STREAM); at >= 0; at = pdf.indexOf(STREAM, at + STREAM.length)) {
    // `endstream` contains `stream`; and the keyword must end its line.
    if (at >= 3 && pdf.subarray(at - 3, at).toString('latin1') === 'end') continue;
    let start = at + STREAM.length;
    if (pdf[start] === 0x0d) start++;
    if (pdf[start] !== 0x0a) continue;
    start++;
    const head = pdf.subarray(Math.max(0, at - DICT_WINDOW), at).toString('latin1');
    const dict = head.slice(head.lastIndexOf(' obj') + 1);
    if (/\/Subtype\s*\/Image\b/.test(dict)) continue;
    const layers = (dict.match(/\/FlateDecode\b/g) ?? []).length;
    const end = pdf.indexOf(END_STREAM, start);
    if (layers === 0 || end < 0) continue;
    yield { data: pdf.subarray(start, end), layers };
    at = end;
  }
}

/** Decoded size of a stream, stopping once it passes `limit` (then limit + 1); null when it does not inflate. */
async function inflatedSize({ data, layers }: FlateStream, limit: number): Promise<number | null> {
  if (layers === 1) {
    try {
      return inflateSync(data, { maxOutputLength: FAST_PATH_BYTES, finishFlush: 2 /* Z_SYNC_FLUSH: tolerate a cut */ }).length;
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') return null;
    }
  }
  let size = 0;
  const counter = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > limit ? new InflateLimitError('over') : null);
    },
  });
  const inflates = Array.from({ length: layers }, () => createInflate({ finishFlush: 2 }));
  try {
    await pipeline([Readable.from([data]), ...inflates, counter]);
    return size;
  } catch (err) {
    if (err instanceof InflateLimitError) return limit + 1;
    // Not zlib data after all, or encrypted: pdf.js will say what is wrong with it.
    return size > 0 ? size : null;
  }
}

/** Throws InflateLimitError, in words a person can act on, when the PDF's streams decode to more than `limits`. */
export async function checkInflatedSize(pdf: Buffer, limits: InflateLimits = INFLATE_LIMITS): Promise<void> {
  let total = 0;
  for (const stream of flateStreams(pdf)) {
    const size = await inflatedSize(stream, limits.perStream);
    if (size === null) continue;
    if (size > limits.perStream) {
      throw new InflateLimitError(
        `a compressed stream of ${stream.data.length} bytes inflates to more than ${mb(limits.perStream)} ` +
          '(a compression bomb, not a report); not processed',
      );
    }
    total += size;
    if (total > limits.total) {
      throw new InflateLimitError(`its compressed streams inflate to more than ${mb(limits.total)} in all (not a report); not processed`);
    }
  }
}
