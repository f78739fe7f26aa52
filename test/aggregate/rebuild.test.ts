// out/ follows the dataset code and Ofsted's table: a findings.db another version built is rebuilt by the next run,
// even when no document changed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

it('rebuilds a dataset another version built, and leaves a current one alone', () => {
  const corpus = tempDir('findings-rebuild-');
  writeFileSync(join(corpus, 'article.txt'), 'Derbyshire SEND services\nInspectors found children in Derbyshire wait too long for wheelchairs.\n');
  const out = tempDir();
  const meta = (set?: string) => {
    const db = new Database(join(out, 'findings.db'));
    try {
      if (set) db.prepare(`UPDATE meta SET value = ? WHERE key = 'dataset_version'`).run(set);
      return db.prepare(`SELECT value FROM meta WHERE key = 'dataset_version'`).pluck().get() as string;
    } finally {
      db.close();
    }
  };
  expect(cli(['run', '--corpus', corpus, '--out', out]).stderr).toMatch(/wrote /);
  const version = meta();
  expect(version).toMatch(/^[0-9a-f]{16}$/);
  expect(cli(['run', '--corpus', corpus, '--out', out]).stderr).not.toMatch(/wrote /);
  meta('older');
  expect(cli(['run', '--corpus', corpus, '--out', out]).stderr).toMatch(/wrote /);
  expect(meta()).toBe(version);
});
