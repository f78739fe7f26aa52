// The project's one way to replace a file: write a temporary file beside it, flush it to disk, then rename it over the
// target (atomic on one filesystem) and flush the folder, so a reader sees the old content or the new, never part of
// one, and a crash just after cannot bring the old entry back. A write that fails removes its temporary file.
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Where a replacement of `path` is written: hidden, in the same folder (a rename cannot cross filesystems), and named
 * `<name>.<pid>.tmp` so that a run killed midway can recognise its leftovers. */
export const tempPathFor = (path: string, suffix = `.${process.pid}.tmp`) => join(dirname(path), `.${basename(path)}${suffix}`);

/** Whether a file name is a temporary file of the default form, left by a killed process (with SQLite's journals;
 * earlier versions wrote them without the leading dot). */
export const isTempName = (name: string) => /\.\d+\.tmp(-journal|-wal|-shm)?$/.test(name);

/** Renames `from` over `to` and makes the rename itself durable. */
export async function renameDurably(from: string, to: string): Promise<void> {
  await rename(from, to);
  await syncPath(dirname(to));
}

/** Flushes a file's or folder's content to disk. */
export async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A replacement of `target` being written: `write` chunks, then `commit` (flush + rename) or `discard`. */
export class AtomicFile {
  private constructor(
    readonly target: string,
    readonly temp: string,
    private readonly handle: FileHandle,
  ) {}

  /** `suffix` names the temporary file (default `.<pid>.tmp`); a leftover of that name is removed first. */
  static async open(target: string, opts: { suffix?: string } = {}): Promise<AtomicFile> {
    const temp = tempPathFor(target, opts.suffix);
    await rm(temp, { force: true }); // a leftover of a killed process that had our pid
    return new AtomicFile(target, temp, await open(temp, 'wx'));
  }

  async write(data: string | Uint8Array): Promise<void> {
    // Two calls, not one: FileHandle.write has an overload for a string and one for bytes, none for their union.
    if (typeof data === 'string') await this.handle.write(data);
    else await this.handle.write(data);
  }

  async commit(): Promise<void> {
    try {
      await this.handle.sync();
      await this.handle.close();
      await renameDurably(this.temp, this.target);
    } catch (err) {
      await this.discard();
      throw err;
    }
  }

  async discard(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.temp, { force: true });
  }
}

/** Chunks gathered before each write when writing lines. */
const CHUNK = 1 << 20;

/** Replaces `path` with `content` (or with `lines`, each followed by a newline) atomically. */
export async function writeFileAtomic(path: string, content: string | Uint8Array | { lines: Iterable<string> }): Promise<void> {
  const file = await AtomicFile.open(path);
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) await file.write(content);
    else {
      let pending = '';
      for (const line of content.lines) {
        pending += line + '\n';
        if (pending.length >= CHUNK) {
          await file.write(pending);
          pending = '';
        }
      }
      await file.write(pending);
    }
  } catch (err) {
    await file.discard();
    throw err;
  }
  await file.commit();
}
