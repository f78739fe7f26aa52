// The dataset in out/ is published whole: a run killed (SIGKILL) at any step of the publish leaves every out/<name>
// showing one run's dataset, the old or the new, and the next run completes the new one and clears what the killed
// one left. The kill is real: FINDINGS_PUBLISH_FAULT=<step> makes the run kill itself at that step.
import { copyFileSync, cpSync, existsSync, lstatSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PUBLISH_STEPS } from '../../src/aggregate/staging.js';
import { DATASET_FILES } from '../../src/aggregate/index.js';
import { cli, corpusOf, readJsonl, sharedArticles } from '../helpers.js';
import { tempDir } from '../helpers.js';

/** The documents each file of out/ holds, as the user's paths show them. */
function documentsSeen(out: string): Record<string, string[]> {
  const db = new Database(join(out, 'findings.db'), { readonly: true, fileMustExist: true });
  const inDb = db.prepare('SELECT doc FROM documents ORDER BY doc').pluck().all() as string[];
  db.close();
  const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  const findingsDocs = new Set(readJsonl(join(out, 'findings.jsonl')).map((f) => f.doc as string));
  return {
    'documents.jsonl': readJsonl(join(out, 'documents.jsonl')).map((d) => d.doc as string).sort(),
    'findings.db': inDb,
    // summary.json holds counts: its count stands for that many documents.
    'summary.json': inDb.length === summary.counts.documents ? inDb : [`${summary.counts.documents} documents`],
    'findings.jsonl': [...findingsDocs].every((d) => inDb.includes(d)) ? inDb : [...findingsDocs].sort(),
  };
}

/** Asserts every file shows the same documents, and returns them. */
function consistent(out: string): string[] {
  const seen = documentsSeen(out);
  const first = seen['findings.db']!;
  for (const [name, docs] of Object.entries(seen)) expect(docs, name).toEqual(first);
  return first;
}

const articles = sharedArticles().sort();
const ids = (files: string[]) => files.map((f) => f.split('/').pop()!.replace(/\.txt$/, '')).sort();

/** A published out/ of two articles, and its corpus with a third article added since. */
function publishedThenChanged(): { corpus: string; out: string } {
  const corpus = corpusOf(articles.slice(0, 2));
  const out = tempDir();
  expect(cli(['run', '--corpus', corpus, '--out', out]).status).toBe(0);
  copyFileSync(articles[2]!, join(corpus, articles[2]!.split('/').pop()!));
  return { corpus, out };
}

function killedAt(step: string, corpus: string, out: string): void {
  const r = cli(['run', '--corpus', corpus, '--out', out], { env: { FINDINGS_PUBLISH_FAULT: step } });
  expect(r.status, r.stderr).toBeNull(); // killed, not exited
}

/** After a complete run: the new dataset, at most two generations and no temporary files. */
function settled(out: string, corpus: string): void {
  const r = cli(['run', '--corpus', corpus, '--out', out]);
  expect(r.status, r.stderr).toBe(0);
  expect(consistent(out)).toEqual(ids(articles.slice(0, 3)));
  expect(readdirSync(join(out, '.generations')).length).toBeLessThanOrEqual(2);
  expect(readdirSync(out).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  for (const name of DATASET_FILES) expect(lstatSync(join(out, name)).isSymbolicLink(), name).toBe(true);
}

describe('publishing out/', () => {
  it('writes each dataset file into a generation that out/current points to, and out/<name> links there', () => {
    const { out } = publishedThenChanged();
    const current = realpathSync(join(out, 'current'));
    expect(current).toMatch(/\/\.generations\/[^/]+$/);
    for (const name of DATASET_FILES) expect(realpathSync(join(out, name))).toBe(join(current, name));
  });

  // 'adopting' only happens to an out/ written before generations: its own test below.
  for (const step of PUBLISH_STEPS.filter((s) => s !== 'adopting')) {
    it(`a run killed at step '${step}' leaves one whole dataset, and the next run completes`, () => {
      const { corpus, out } = publishedThenChanged();
      killedAt(step, corpus, out);
      const switched = PUBLISH_STEPS.indexOf(step) >= PUBLISH_STEPS.indexOf('switched');
      expect(consistent(out)).toEqual(ids(articles.slice(0, switched ? 3 : 2)));
      settled(out, corpus);
    });
  }

  it('adopts an out/ of plain files (written before generations) without a mix, even when killed midway', () => {
    const { corpus, out } = publishedThenChanged();
    // The old layout: every dataset file a plain file in out/.
    for (const name of DATASET_FILES) {
      const real = realpathSync(join(out, name));
      rmSync(join(out, name));
      cpSync(real, join(out, name));
    }
    rmSync(join(out, 'current'));
    rmSync(join(out, '.generations'), { recursive: true });

    killedAt('adopting', corpus, out); // after the first file was adopted
    const kinds = DATASET_FILES.map((n) => lstatSync(join(out, n)).isSymbolicLink());
    expect(kinds).toContain(true);
    expect(kinds).toContain(false);
    expect(consistent(out)).toEqual(ids(articles.slice(0, 2)));
    settled(out, corpus);
    expect(existsSync(join(out, 'current'))).toBe(true);
  });
});
