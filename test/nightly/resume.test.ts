// A nightly killed half-way leaves the published dataset untouched, the next one finishes the job exactly as a clean
// run would, and two nightlies never share an out/ folder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withOutLock } from '../../src/pipeline/lock.js';
import { tempDir } from '../helpers.js';
import { FakeOfsted } from '../fetch/site.js';
import { changesDay, DAY_AFTER, DAY_BEFORE, fetchedDoc, leftovers, pdfReplies, providers, readChanges, readJsonl, REPORTS, runCli, snapshot } from './harness.js';

let site: FakeOfsted;
beforeAll(async () => {
  site = await FakeOfsted.start();
});
afterAll(() => site.close());

describe('a nightly killed mid-way', () => {
  it('leaves the dataset as it was, and the next nightly completes it like a clean run', async () => {
    const dir = tempDir('findings-nightly-kill-');
    const corpus = join(dir, 'corpus');
    const out = join(dir, 'out');
    const args = ['nightly', '--base-url', site.url, '--files-base-url', site.url, '--delay-ms', '0', '--corpus', corpus, '--out', out];
    const first = [REPORTS.bolton];
    const later = [REPORTS.derbyshire, REPORTS.blackpool, REPORTS.darlington];

    site.serve(providers(first), pdfReplies(first));
    expect((await runCli(args, { tz: DAY_BEFORE })).code).toBe(0);
    const published = snapshot(out);

    // One thread, so the kill lands after the first new document and well before the last.
    site.serve(providers([...first, ...later]), pdfReplies([...first, ...later]));
    const killed = await runCli([...args, '--threads', '1'], {
      tz: DAY_AFTER,
      onStderr: (stderr, child) => {
        if (stderr.includes('nightly: [1/3]')) child.kill('SIGKILL');
      },
    });
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(killed.stderr).toContain('downloaded 3, already had 1, failed 0');
    expect(snapshot(out)).toEqual(published);

    const resumed = await runCli(args, { tz: DAY_AFTER });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain('downloaded 0, already had 4, failed 0');
    // The killed run's finished document is kept; only the rest are processed (the second may have finished too
    // before the kill landed: the pool keeps a task queued behind the running one).
    expect(resumed.stderr).toMatch(/4 documents, \d+ findings, 0 errors; [12] processed, 0 removed; wrote/);
    expect(leftovers(out)).toEqual([]);
    // The day's report counts everything the day added, including what the killed run processed.
    expect(readChanges(out, changesDay(resumed)).changes.new_documents.map((d) => d.doc).sort()).toEqual(later.map(fetchedDoc).sort());

    const clean = join(dir, 'clean');
    expect((await runCli(['nightly', '--offline', '--corpus', corpus, '--out', clean])).code).toBe(0);
    for (const file of ['documents.jsonl', 'findings.jsonl']) {
      expect(readFileSync(join(out, file), 'utf8'), file).toBe(readFileSync(join(clean, file), 'utf8'));
    }
    const docs = readJsonl(join(out, 'documents.jsonl')).map((d) => d.doc);
    expect(docs).toHaveLength(4);
    expect(new Set(docs).size).toBe(4);
  });
});

describe('the out/ lock', () => {
  it('turns a second nightly away with a clear message and a non-zero exit while one is running', async () => {
    const out = tempDir('findings-nightly-lock-');
    const args = ['nightly', '--offline', '--corpus', tempDir('findings-nightly-lock-corpus-'), '--out', out];

    const locked = await withOutLock(out, () => runCli(args));
    expect(locked.code).toBe(1);
    expect(locked.stderr).toBe(`findings: another findings run or nightly is using ${out} (lock ${join(out, '.run-lock.db')}); wait for it to finish\n`);

    // Released once the holder is done: the same command now gets as far as the (empty) corpus.
    const free = await runCli(args);
    expect(free.code).toBe(0);
    expect(free.stderr).toMatch(/holds no documents/);
  });
});
