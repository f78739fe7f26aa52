// The one lock mechanism (run, nightly, fetch): held while its function runs, refused at once to a second holder,
// and renewed when the lock file holds garbage rather than standing in the way of every later run.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LockedError, withLock } from '../../src/pipeline/lock.js';
import { tempDir } from '../helpers.js';

const busy = (lockPath: string) => `busy (lock ${lockPath})`;

describe('withLock', () => {
  it('refuses a second holder at once, naming the lock, and frees it when done', async () => {
    const lockPath = join(tempDir('findings-lock-'), 'nested', 'x.lock');
    let second: unknown;
    await withLock(lockPath, busy, async () => {
      second = await withLock(lockPath, busy, async () => 'ran').catch((err: unknown) => err);
    });
    expect(second).toBeInstanceOf(LockedError);
    expect((second as Error).message).toBe(`busy (lock ${lockPath})`);
    await expect(withLock(lockPath, busy, async () => 'ran')).resolves.toBe('ran');
  });

  it('takes a lock file that holds garbage', async () => {
    const lockPath = join(tempDir('findings-lock-'), 'x.lock');
    writeFileSync(lockPath, 'not a lock, not a database, long enough to have a header '.repeat(4));
    await expect(withLock(lockPath, busy, async () => 'ran')).resolves.toBe('ran');
  });
});
