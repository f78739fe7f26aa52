// One run at a time per out/ folder: two runs would interleave writes to the same store and outputs.
// The lock is an exclusive SQLite lock on out/.run-lock.db, which the kernel drops the moment its process dies: a run
// killed with SIGKILL never blocks the next one, where a lock directory (proper-lockfile) would until it went stale.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export class LockedError extends Error {}

export async function withOutLock<T>(outDir: string, fn: () => Promise<T>): Promise<T> {
  await mkdir(outDir, { recursive: true });
  const lockPath = join(outDir, '.run-lock.db');
  // timeout 0: a held lock is reported at once rather than waited for.
  const lock = new Database(lockPath, { timeout: 0 });
  try {
    lock.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    lock.close();
    if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
    throw new LockedError(`another findings run or nightly is using ${outDir} (lock ${lockPath}); wait for it to finish`);
  }
  try {
    return await fn();
  } finally {
    lock.close();
  }
}
