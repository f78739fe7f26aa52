// The cross-area dataset: findings.db, areas.csv, findings.csv, summary.json and report.html, built from the run's
// documents and written so that a run killed midway leaves the previous dataset intact.
import { mkdir, writeFile } from 'node:fs/promises';
import { buildReport } from '../report/index.js';
import { writeAreasCsv, writeFindingsCsv } from './csv.js';
import { buildDatabase } from './database.js';
import { Staging } from './staging.js';
import { summarise } from './summary.js';
import type { DatasetInput, DatasetSummary } from './types.js';

export type { DatasetInput, DatasetSummary, StoredDocument } from './types.js';
export type { Summary } from './summary.js';

export async function writeDataset(input: DatasetInput): Promise<DatasetSummary> {
  await mkdir(input.outDir, { recursive: true });
  const staging = new Staging(input.outDir);
  try {
    const db = buildDatabase(staging.path('findings.db'), input);
    let summary;
    try {
      await writeAreasCsv(db, staging.path('areas.csv'));
      await writeFindingsCsv(db, staging.path('findings.csv'));
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
