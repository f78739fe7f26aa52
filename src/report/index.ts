// The visual report: one self-contained HTML page built from findings.db and the summary.
import type Database from 'better-sqlite3';
import type { Summary } from '../aggregate/summary.js';
import { reportData } from './data.js';
import { renderReport } from './html.js';

export function buildReport(db: Database.Database, summary: Summary): string {
  return renderReport(reportData(db, summary));
}
