// The one atomic-write helper (src/files/atomic.ts): a replacement is all or nothing, a failed one leaves no trace,
// and no other module renames files into place by itself.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicFile, isTempName, writeFileAtomic } from '../../src/files/atomic.js';
import { repoRoot, tempDir } from '../helpers.js';

describe('writeFileAtomic', () => {
  it('replaces a file with text, bytes or lines', async () => {
    const path = join(tempDir(), 'a.json');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, 'new text');
    expect(readFileSync(path, 'utf8')).toBe('new text');
    await writeFileAtomic(path, Buffer.from([1, 2, 3]));
    expect([...readFileSync(path)]).toEqual([1, 2, 3]);
    await writeFileAtomic(path, { lines: ['one', 'two'] });
    expect(readFileSync(path, 'utf8')).toBe('one\ntwo\n');
    expect(readdirSync(join(path, '..'))).toEqual(['a.json']);
  });

  it('leaves the old content and no temporary file when the content fails midway', async () => {
    const dir = tempDir();
    const path = join(dir, 'a.md');
    writeFileSync(path, 'old');
    function* failing() {
      yield 'first line';
      throw new Error('disk gone');
    }
    await expect(writeFileAtomic(path, { lines: failing() })).rejects.toThrow('disk gone');
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('names its temporary file so that a later run recognises it as a leftover', async () => {
    const dir = tempDir();
    const file = await AtomicFile.open(join(dir, 'b.txt'));
    await file.write('partial');
    const [temp] = readdirSync(dir);
    expect(isTempName(temp!)).toBe(true);
    expect(isTempName('b.txt')).toBe(false);
    await file.discard();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('one way to write a file into place', () => {
  it('is used everywhere: no other module renames files into place', () => {
    const src = join(repoRoot, 'src');
    const renamers = readdirSync(src, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => join(e.parentPath, e.name))
      .filter((path) => /\brename(Sync)?\(/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(src, path));
    // sqlite.ts moves a damaged database aside: a move, not a write.
    expect(renamers.sort()).toEqual(['files/atomic.ts', 'pipeline/sqlite.ts']);
  });
});
