// No poison pill: a document a run dies on (here SIGKILL, as the kernel's OOM killer would) is recorded as suspect
// before it starts; after a second death it becomes an error line and is skipped, so the next run completes.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli, corpusOf, readJsonl, repoRoot, sharedArticles, reportsDir, tempDir } from '../helpers.js';

const REPORT = 'area_send_80475_hertfordshire_10_november_2023';

/** Times `doc` has been started without finishing, as the store records it (0: not in flight). */
function starts(store: string, doc: string): number {
  try {
    const db = new Database(store, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare('SELECT starts FROM in_progress WHERE doc = ?').get(doc) as { starts: number } | undefined;
      return row?.starts ?? 0;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created yet, or mid-creation
  }
}

/** Starts `findings run` and SIGKILLs it once the store says `doc` has been started `times` times. */
async function killWhenStarted(args: string[], store: string, doc: string, times: number): Promise<void> {
  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli', 'main.js'), ...args], { stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let finished = false;
  void exited.then(() => (finished = true));
  while (starts(store, doc) < times) {
    if (finished) throw new Error(`the run finished before ${doc} was started ${times} time(s)`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  child.kill('SIGKILL');
  await exited;
}

describe('a run killed mid-document', () => {
  it('records the document as suspect, skips it after a second death, and the next run completes', async () => {
    const corpus = corpusOf([...sharedArticles().slice(0, 2), join(reportsDir, `${REPORT}.pdf`)]);
    const out = join(tempDir('findings-suspect-'), 'out');
    const store = join(out, 'store.db');
    const args = ['run', '--corpus', corpus, '--out', out, '--threads', '1'];

    await killWhenStarted(args, store, REPORT, 1);
    expect(starts(store, REPORT)).toBe(1);

    // The next run takes the suspect last and alone; it dies on it again.
    await killWhenStarted(args, store, REPORT, 2);
    expect(starts(store, REPORT)).toBe(2);

    const third = cli(args);
    expect(third.status).toBe(1);
    expect(third.stderr).toContain(`findings: ${join(corpus, `${REPORT}.pdf`)}: a run was killed while processing this file 2 times (out of memory?); skipped until the file or the pipeline changes`);
    expect(readJsonl(join(out, 'errors.jsonl')).map((e) => e.doc)).toEqual([REPORT]);
    expect(readJsonl(join(out, 'documents.jsonl'))).toHaveLength(2);
    expect(starts(store, REPORT)).toBe(0);

    // Skipped stays skipped (an unchanged file is not tried again), and the run is quiet about it.
    const fourth = cli(args);
    expect(fourth.stderr).toMatch(/0 processed/);
  }, 180_000);
});
