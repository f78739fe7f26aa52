// Journalist queries over findings.db: filters → SQL → a table, CSV or JSON.
import { formatRows, type Format } from './format.js';
import type { QueryFilters } from './filters.js';
import { openDataset, queryFindings } from './query.js';

export { QueryInputError, type QueryFilters } from './filters.js';
export { FORMATS, formatRows, type Format } from './format.js';
export { openDataset, queryFindings, type QueryRow } from './query.js';

export interface QueryRequest extends QueryFilters {
  db: string;
  format: Format;
  /** Terminal columns for the table, or Infinity when not writing to a terminal. */
  width: number;
}

/** Runs a query from start to end. Throws QueryInputError for input a person can fix. */
export function runQuery(req: QueryRequest): { output: string; matches: number } {
  const db = openDataset(req.db);
  try {
    const rows = queryFindings(db, req);
    // A table of nothing says nothing; CSV and JSON stay well-formed for the program reading them.
    const output = rows.length === 0 && req.format === 'table' ? '' : formatRows(rows, req.format, req.width);
    return { output, matches: rows.length };
  } finally {
    db.close();
  }
}
