// The dataset's version: a hash of Ofsted's official table and of the code that builds out/ from the store
// (aggregate, report). The documents' pipeline version leaves these out, so a dataset built by another version is
// rebuilt even when no document changed: a new release of the table, or a new column, reaches out/ on the next run.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { OFFICIAL_TABLE } from './official.js';

const DATASET_STAGES = ['aggregate', 'report'];

/** The compiled (or, under vitest, source) tree this module runs from: dist/ or src/. */
const codeDir = dirname(dirname(fileURLToPath(import.meta.url)));

export function datasetVersion(): string {
  const hash = createHash('sha256').update(readFileSync(OFFICIAL_TABLE));
  for (const stage of DATASET_STAGES) {
    const files = readdirSync(join(codeDir, stage), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(js|ts)$/.test(f))
      .sort();
    for (const f of files) hash.update(f).update(readFileSync(join(codeDir, stage, f)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** Whether out/findings.db was built by this version (false when it is missing or unreadable). */
export function datasetIsCurrent(outDir: string): boolean {
  const path = join(outDir, 'findings.db');
  if (!existsSync(path)) return false;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return db.prepare(`SELECT value FROM meta WHERE key = 'dataset_version'`).pluck().get() === datasetVersion();
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}
