// One run at a time per out/ folder: two runs would interleave writes to the same store and outputs.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

export class LockedError extends Error {}

export async function withOutLock<T>(outDir: string, fn: () => Promise<T>): Promise<T> {
  await mkdir(outDir, { recursive: true });
  const lockPath = join(outDir, '.run.lock');
  let release: () => Promise<void>;
  try {
    // `stale` lets a lock left by a killed run expire, while a live run keeps refreshing its own.
    release = await lockfile.lock(outDir, { lockfilePath: lockPath, stale: 20_000, realpath: false });
  } catch (err) {
    if ((err as { code?: string }).code !== 'ELOCKED') throw err;
    throw new LockedError(`another findings run or nightly is using ${outDir} (lock ${lockPath}); wait for it to finish`);
  }
  try {
    return await fn();
  } finally {
    await release();
  }
}
