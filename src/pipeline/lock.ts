// The one lock mechanism of the project: run and nightly lock their out/ folder, fetch its state database.
// The lock is an exclusive SQLite lock on a small lock file, which the kernel drops the moment its process dies: a
// process killed with SIGKILL never blocks the next one, where a lock directory (proper-lockfile) would until it went
// stale.
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';

export class LockedError extends Error {
  override readonly name = 'LockedError';
}

/** SQLite's words for a lock file that is not a database (garbage written over it): it holds nothing, so it is renewed. */
const UNREADABLE = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

function acquire(lockPath: string, busy: (lockPath: string) => string): Database.Database {
  // timeout 0: a held lock is reported at once rather than waited for.
  const lock = new Database(lockPath, { timeout: 0 });
  try {
    lock.exec('BEGIN EXCLUSIVE');
    return lock;
  } catch (err) {
    lock.close();
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_BUSY') throw new LockedError(busy(lockPath));
    throw Object.assign(new Error(`cannot take the lock ${lockPath}: ${(err as Error).message}`, { cause: err }), { code });
  }
}

/**
 * Runs `fn` holding the lock file at `lockPath`; throws LockedError with `busy`'s words when another process, or
 * another caller in this one, holds it.
 */
export async function withLock<T>(lockPath: string, busy: (lockPath: string) => string, fn: () => Promise<T>): Promise<T> {
  await mkdir(dirname(lockPath), { recursive: true });
  let lock: Database.Database;
  try {
    lock = acquire(lockPath, busy);
  } catch (err) {
    if (!UNREADABLE.has((err as { code?: string }).code ?? '')) throw err;
    await rm(lockPath, { force: true });
    lock = acquire(lockPath, busy);
  }
  try {
    return await fn();
  } finally {
    lock.close();
  }
}

/** One run or nightly at a time per out/ folder: two would interleave writes to the same store and outputs. */
export function withOutLock<T>(outDir: string, fn: () => Promise<T>): Promise<T> {
  const busy = (lockPath: string) => `another findings run or nightly is using ${outDir} (lock ${lockPath}); wait for it to finish`;
  return withLock(join(outDir, '.run-lock.db'), busy, fn);
}
