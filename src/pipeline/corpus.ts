// Lists the documents in a corpus folder and stamps each with its sha256 (reusing the stored hash when the file's
// size and mtime are unchanged).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Store } from './store.js';

export interface CorpusFile {
  doc: string;
  source: string;
  sha256: string;
}

/** Not documents: the folder's own README, hidden files and the fetcher's in-progress downloads. */
const isDocumentName = (name: string) => !name.startsWith('.') && name.toLowerCase() !== 'readme.md' && !name.endsWith('.part');

export async function listCorpus(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && isDocumentName(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

export const docId = (path: string) => basename(path, extname(path));

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function stampFile(path: string, store: Store): Promise<CorpusFile> {
  const { size, mtimeMs } = await stat(path);
  let sha256 = store.knownHash(path, size, mtimeMs);
  if (!sha256) {
    sha256 = await sha256File(path);
    store.rememberFile({ source: path, size, mtimeMs, sha256 });
  }
  return { doc: docId(path), source: path, sha256 };
}
