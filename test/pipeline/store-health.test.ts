// A damaged out/store.db never stops the runs that follow: it is moved aside with a timestamp, the run says so in one
// line naming the file, and out/ is rebuilt from the corpus. Run as a user would (the built CLI).
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, corpusOf, readJsonl, sharedArticles, tempDir } from '../helpers.js';

const overwrite = (path: string, at: number, length: number) => {
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(length, 0xa5), 0, length, at);
  closeSync(fd);
};

const DAMAGE: Record<string, (store: string) => void> = {
  truncated: (store) => truncateSync(store, Math.floor(statSync(store).size / 3)),
  'header overwritten': (store) => overwrite(store, 0, 100),
  'middle overwritten': (store) => overwrite(store, Math.floor(statSync(store).size / 2 / 4096) * 4096, 8192),
  'a folder in its place': (store) => {
    rmSync(store);
    mkdirSync(join(store, 'inside'), { recursive: true });
  },
};

describe('a damaged out/store.db', () => {
  // The articles: quick to process, and their texts make the middle of the file data.
  const corpus = corpusOf(sharedArticles());

  for (const [damage, apply] of Object.entries(DAMAGE)) {
    it(`${damage}: is moved aside, said in one line, and out/ rebuilt`, () => {
      const out = join(tempDir('findings-store-health-'), 'out');
      const first = cli(['run', '--corpus', corpus, '--out', out, '--threads', '1']);
      expect(first.status, first.stderr).toBe(0);
      const documents = readJsonl(join(out, 'documents.jsonl')).length;
      const store = join(out, 'store.db');
      apply(store);

      const second = cli(['run', '--corpus', corpus, '--out', out, '--threads', '1']);
      expect(second.status, second.stderr).toBe(0);
      const notices = second.stderr.split('\n').filter((line) => line.includes('integrity check'));
      expect(notices).toEqual([
        expect.stringMatching(new RegExp(`^findings: the store ${store} failed its integrity check \\(.+\\); moved it to ${store}\\.damaged-[0-9TZ-]+; every document will be processed again$`)),
      ]);
      const aside = readdirSync(out).filter((f) => /^store\.db\.damaged-[0-9TZ-]+$/.test(f));
      expect(aside).toHaveLength(1);
      expect(statSync(store).isFile()).toBe(true);
      expect(second.stderr).toMatch(new RegExp(`${documents} documents, .* ${documents} processed`));
      expect(readJsonl(join(out, 'documents.jsonl'))).toHaveLength(documents);

      // And the run after that finds a sound store with nothing to do.
      const third = cli(['run', '--corpus', corpus, '--out', out, '--threads', '1']);
      expect(third.status).toBe(0);
      expect(third.stderr).toMatch(/0 processed/);
      expect(third.stderr).not.toMatch(/integrity/);
    });
  }

  it('that cannot be created is reported with its path', () => {
    const base = tempDir('findings-store-health-');
    // A file where out/ should be a folder: nothing can be written under it, as with a read-only out/ (root ignores
    // permissions, so a chmod would not show it).
    const out = join(base, 'out');
    mkdirSync(out);
    mkdirSync(join(out, 'store.db-wal'));
    const r = cli(['run', '--corpus', corpus, '--out', out, '--threads', '1']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(join(out, 'store.db'));
    expect(r.stderr).toMatch(/cannot use the store .*: /);
    expect(existsSync(join(out, 'documents.jsonl'))).toBe(false);
  });
});
