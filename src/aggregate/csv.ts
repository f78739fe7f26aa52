// areas.csv and findings.csv: RFC 4180 (CRLF, quoted as needed), UTF-8, ISO dates, cells made safe for spreadsheets.
import { closeSync, openSync, writeSync } from 'node:fs';
import type Database from 'better-sqlite3';
import type { Options } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';

/** A text cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab or CR) gets a leading quote. */
function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export const CSV_OPTIONS: Options = {
  header: true,
  record_delimiter: 'windows',
  cast: { string: neutralise },
};

/** Rows turned into CSV text at a time: a stream per row would cost more than the rows themselves. */
const BATCH = 2000;

/** Writes a query's rows to a CSV file, its columns as the header, holding one batch of rows at a time. */
function writeQueryCsv(db: Database.Database, sql: string, path: string): void {
  const stmt = db.prepare(sql);
  const columns = stmt.columns().map((c) => c.name);
  const fd = openSync(path, 'w');
  try {
    let batch: unknown[] = [];
    let header = true;
    const flush = () => {
      writeSync(fd, stringify(batch, { ...CSV_OPTIONS, header, columns }));
      header = false;
      batch = [];
    };
    for (const row of stmt.iterate()) {
      batch.push(row);
      if (batch.length === BATCH) flush();
    }
    if (batch.length > 0 || header) flush();
  } finally {
    closeSync(fd);
  }
}

/** One row per area in Ofsted's 2016–22 table or in a document: both frameworks side by side, its latest documented
 * inspection, and 1/0 per category for a concern the inspectors found there (empty where no document reports). */
export function writeAreasCsv(db: Database.Database, path: string): void {
  return writeQueryCsv(db, 'SELECT * FROM area_concerns ORDER BY area', path);
}

/** One row per finding in the inspectors' words and source; `repeat_of` marks a finding another source reported
 * first (count it once). The council's and others' words are in findings.db and `findings query --voice all`. */
export function writeFindingsCsv(db: Database.Database, path: string): void {
  return writeQueryCsv(db, FINDINGS_SQL, path);
}

const FINDINGS_SQL = `
  SELECT a.name AS area, f.la_code, a.gss, a.region, f.inspection_id, i.framework, i.outcome, i.inspection_start,
    i.inspection_end, f.category, f.polarity, f.voice, f.context, f.quote, f.page, f.section, f.weeks,
    (SELECT group_concat(json_extract(m.value, '$.text'), '; ') FROM json_each(f.measures) m) AS measures,
    (SELECT group_concat(w.value, '; ') FROM json_each(f.why) w) AS why,
    f.doc, d.kind, d.source, f.id AS finding_id, f.repeat_of
  FROM findings f
  JOIN documents d ON d.doc = f.doc
  LEFT JOIN areas a ON a.la_code = f.la_code
  LEFT JOIN inspections i ON i.id = f.inspection_id
  WHERE f.voice = 'inspectors'
  ORDER BY a.name IS NULL, a.name, i.sequence, f.category, f.polarity, f.id`;
