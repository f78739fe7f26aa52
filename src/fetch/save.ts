// Writing a downloaded PDF into the corpus so that no reader ever sees part of one: stream it through the project's
// atomic write (a hidden temp name in the same folder, fsync, rename), checking on the way that it is a whole PDF of a
// sane size. Anything else removes the temp.
import { createHash, randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AtomicFile } from '../files/atomic.js';
import { ContentError, ShortBodyError } from './errors.js';

// Specific enough that clearing stale temps never touches anyone else's files.
const TEMP_SUFFIX = '.fetch.part';
const HEADER = Buffer.from('%PDF-');
const TRAILER = Buffer.from('%%EOF');
/** A PDF ends with %%EOF; the spec lets it sit anywhere in the last 1024 bytes. Its absence means a truncated file. */
const TRAILER_WINDOW = 1024;

export interface SavedFile {
  path: string;
  sha256: string;
}

function describeStart(head: Buffer, contentType: string | null): string {
  const shown = JSON.stringify(head.subarray(0, 24).toString('latin1'));
  return `not a PDF (body starts ${shown}${contentType ? `, content-type ${contentType}` : ''})`;
}

const size = (bytes: number) => (bytes >= 2 ** 20 ? `${Math.round(bytes / 2 ** 20)} MB` : `${bytes} bytes`);

/**
 * Stream `response`'s body to `dir/name`, or throw leaving nothing behind: ContentError if it is not a PDF or is
 * over `maxBytes`, ShortBodyError (worth a retry) if it ended before it was whole.
 */
export async function savePdf(response: Response, dir: string, name: string, maxBytes: number): Promise<SavedFile> {
  const declared = response.headers.has('content-length') ? Number(response.headers.get('content-length')) : null;
  const tooLarge = (what: string) => new ContentError(response.url, `larger than the ${size(maxBytes)} download limit (${what})`);
  if (declared !== null && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(`Content-Length ${declared} bytes`);
  }
  const hash = createHash('sha256');
  const file = await AtomicFile.open(join(dir, name), { suffix: `.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}` });
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  let bytes = 0;
  try {
    for await (const chunk of response.body ?? []) {
      const data = Buffer.from(chunk);
      if (head.length < HEADER.length) {
        head = Buffer.concat([head, data]).subarray(0, 64);
        // Give up on the first bytes rather than download a whole HTML error page.
        if (head.length >= HEADER.length && !head.subarray(0, HEADER.length).equals(HEADER)) {
          throw new ContentError(response.url, describeStart(head, response.headers.get('content-type')));
        }
      }
      bytes += data.length;
      if (bytes > maxBytes) throw tooLarge(`the body ran past it`);
      tail = Buffer.concat([tail, data]).subarray(-TRAILER_WINDOW);
      hash.update(data);
      await file.write(data);
    }
    if (head.length < HEADER.length) throw new ContentError(response.url, describeStart(head, response.headers.get('content-type')));
    if (declared !== null && bytes < declared) throw new ShortBodyError(response.url, `connection dropped after ${bytes} of ${declared} bytes`);
    if (!tail.includes(TRAILER)) throw new ShortBodyError(response.url, `truncated PDF (${bytes} bytes, no %%EOF at the end)`);
    await file.commit();
    return { path: file.target, sha256: hash.digest('hex') };
  } catch (error) {
    await file.discard();
    throw error;
  }
}

/** Remove temp files a killed earlier run left behind (call only while holding the fetch lock); returns how many. */
export async function removeStaleTemps(dir: string): Promise<number> {
  const stale = (await readdir(dir)).filter((entry) => entry.startsWith('.') && entry.endsWith(TEMP_SUFFIX));
  await Promise.all(stale.map((entry) => rm(join(dir, entry), { force: true })));
  return stale.length;
}
