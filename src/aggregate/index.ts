// The cross-area dataset: findings.db, documents/findings/errors JSONL, areas.csv, findings.csv, summary.json and
// report.html, built from the run's documents in one pass over them and written so that a run killed midway leaves
// the previous dataset intact.
import { mkdir, writeFile } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import type { DocumentRecord } from '../records.js';
import { buildReport } from '../report/index.js';
import { writeAreasCsv, writeFindingsCsv } from './csv.js';
import { buildDatabase } from './database.js';
import { LinesFile } from './lines-file.js';
import { loadOfficialTable } from './official.js';
import { Staging } from './staging.js';
import { summarise } from './summary.js';
import type { DatasetInput, DatasetSummary } from './types.js';

export type { DatasetInput, DatasetSummary, StoredDocument } from './types.js';
export type { Summary } from './summary.js';
export { loadOfficialTable, type OfficialInspection } from './official.js';
export { datasetIsCurrent } from './version.js';

/** Every file writeDataset puts in the out folder. */
export const DATASET_FILES = [
  'documents.jsonl', 'findings.jsonl', 'errors.jsonl', 'findings.db', 'areas.csv', 'findings.csv', 'summary.json', 'report.html',
] as const;

export async function writeDataset(input: DatasetInput): Promise<DatasetSummary> {
  await mkdir(input.outDir, { recursive: true });
  const staging = new Staging(input.outDir);
  try {
    const db = buildWithJsonl(staging, input);
    let summary;
    try {
      writeErrorsJsonl(db, staging.path('errors.jsonl'));
      writeAreasCsv(db, staging.path('areas.csv'));
      writeFindingsCsv(db, staging.path('findings.csv'));
      summary = summarise(db);
      await writeFile(staging.path('summary.json'), JSON.stringify(summary, null, 2) + '\n');
      await writeFile(staging.path('report.html'), buildReport(db, summary));
    } finally {
      db.close();
    }
    const files = await staging.commit();
    const c = summary.counts;
    return {
      documents: c.documents,
      errors: c.errors,
      areas: c.areas,
      officialAreas: c.official_areas,
      contradictions: c.contradictions,
      inspections: c.inspections,
      findings: c.findings,
      distinctFindings: c.distinct_findings,
      recurring: summary.recurring.failings.length,
      files,
    };
  } catch (err) {
    await staging.abort();
    throw err;
  }
}

/** findings.db, with documents.jsonl and findings.jsonl written from the same records as they go in. */
function buildWithJsonl(staging: Staging, input: DatasetInput): Database.Database {
  const documents = new LinesFile(staging.path('documents.jsonl'));
  const findings = new LinesFile(staging.path('findings.jsonl'));
  try {
    return buildDatabase(staging.path('findings.db'), input, input.official ?? loadOfficialTable(), (record: DocumentRecord) => {
      const { findings: found, ...facts } = record;
      documents.add(JSON.stringify({ ...facts, findings: found.length }));
      for (const f of found) findings.add(JSON.stringify(f));
    });
  } finally {
    documents.close();
    findings.close();
  }
}

/** Every error of the run, with the records the dataset had to leave out. */
function writeErrorsJsonl(db: Database.Database, path: string): void {
  const errors = new LinesFile(path);
  try {
    for (const e of db.prepare('SELECT doc, source, error FROM errors ORDER BY rowid').iterate()) errors.add(JSON.stringify(e));
  } finally {
    errors.close();
  }
}
