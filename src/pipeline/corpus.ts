// Lists the documents in a corpus folder and stamps each with its sha256 (reusing the stored hash when the file's
// size and mtime are unchanged). What cannot be listed or read becomes an error record naming the path, and the rest
// goes on: one unreadable file or folder never stops a run.
import { createHash } from 'node:crypto';
import { createReadStream, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { ErrorRecord } from '../records.js';
import type { Store } from './store.js';

export interface CorpusFile {
  doc: string;
  source: string;
  sha256: string;
}

export interface CorpusListing {
  /** Regular files (or links to them) that may be documents, sorted. */
  files: string[];
  /** Folders that cannot be read, broken links and link loops, special files: one error each. */
  problems: ErrorRecord[];
}

/** The corpus path itself is wrong (missing, not a folder, unreadable): nothing can be listed. */
export class CorpusPathError extends Error {
  constructor(
    message: string,
    /** Whether the path is simply wrong (bad usage), not a folder that exists but cannot be read. */
    readonly usage: boolean,
  ) {
    super(message);
  }
}

/** Not documents: the folder's own README, hidden files and the fetcher's in-progress downloads. */
const isDocumentName = (name: string) => !name.startsWith('.') && name.toLowerCase() !== 'readme.md' && !name.endsWith('.part');

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'it does not exist',
  ENOTDIR: 'it is not a folder',
  ELOOP: 'a loop of symbolic links',
};
const reason = (err: unknown) => {
  const e = err as NodeJS.ErrnoException;
  return REASONS[e.code ?? ''] ?? e.message;
};

const identity = (s: Stats) => `${s.dev}:${s.ino}`;

/**
 * Every document file under `dir`, following symbolic links (a link to a folder that contains it is a loop, reported
 * and not followed). Hidden folders are skipped, and so are `exclude` folders (the out folder, so that
 * `--corpus . --out out` never reads its own output).
 */
export async function readCorpus(dir: string, opts: { exclude?: string[] } = {}): Promise<CorpusListing> {
  const root = await stat(dir).catch((err: NodeJS.ErrnoException) => {
    throw new CorpusPathError(`the corpus folder ${dir} cannot be used: ${reason(err)}`, err.code !== 'EACCES' && err.code !== 'EPERM');
  });
  if (!root.isDirectory()) throw new CorpusPathError(`the corpus ${dir} is not a folder (it is a file); give the folder that holds the documents`, true);
  const excluded = new Set<string>();
  for (const path of opts.exclude ?? []) {
    const info = await stat(path).catch(() => null);
    if (info) excluded.add(identity(info));
  }
  const files: string[] = [];
  const problems: ErrorRecord[] = [];
  const problem = (path: string, error: string) => problems.push({ doc: docId(path), source: path, error });

  async function walk(folder: string, ancestors: Set<string>): Promise<void> {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (err) {
      if (folder === dir) throw new CorpusPathError(`the corpus folder ${dir} cannot be read: ${reason(err)}`, false);
      problem(folder, `the folder cannot be read: ${reason(err)}; its documents are left out`);
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isFile()) {
        if (isDocumentName(entry.name)) files.push(path);
        continue;
      }
      let info: Stats; // a folder, or what a link points to
      try {
        info = await stat(path);
      } catch (err) {
        problem(path, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'a symbolic link to nothing (its target is missing)' : `cannot follow: ${reason(err)}`);
        continue;
      }
      if (info.isDirectory()) {
        const id = identity(info);
        if (excluded.has(id)) continue;
        if (ancestors.has(id)) problem(path, 'a link to a folder that contains it (a loop); not followed');
        else await walk(path, new Set([...ancestors, id]));
      } else if (isDocumentName(entry.name)) {
        if (info.isFile()) files.push(path);
        else problem(path, 'not a regular file (a device, socket or pipe)');
      }
    }
  }

  await walk(dir, new Set([identity(root)]));
  return { files: files.sort(), problems };
}

/** The document files under `dir` (see readCorpus), for commands that report no listing problems. */
export async function listCorpus(dir: string): Promise<string[]> {
  return (await readCorpus(dir)).files;
}

export const docId = (path: string) => basename(path, extname(path));

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The file stamped with its hash, or an error record when it cannot be read. */
export async function stampFile(path: string, store: Store): Promise<CorpusFile | ErrorRecord> {
  try {
    const { size, mtimeMs } = await stat(path);
    let sha256 = store.knownHash(path, size, mtimeMs);
    if (!sha256) {
      sha256 = await sha256File(path);
      store.rememberFile({ source: path, size, mtimeMs, sha256 });
    }
    return { doc: docId(path), source: path, sha256 };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied: the file cannot be read (check its permissions)' : `cannot read the file: ${reason(err)}`;
    return { doc: docId(path), source: path, error: why };
  }
}
