// Journalist queries over findings.db: filters → SQL → a table, CSV or JSON, of findings or of areas.
import { formatAreas, queryAreas } from './areas.js';
import { formatRows, type Format } from './format.js';
import type { QueryFilters } from './filters.js';
import { openDataset, queryFindings } from './query.js';

export { queryAreas, type AreaRow } from './areas.js';
export { QueryInputError, VOICE_CHOICES, type QueryFilters } from './filters.js';
export { FORMATS, formatRows, type Format } from './format.js';
export { openDataset, queryFindings, type QueryRow } from './query.js';

export interface QueryRequest extends QueryFilters {
  db: string;
  format: Format;
  /** Terminal columns for the table, or Infinity when not writing to a terminal. */
  width: number;
  /** One row per area instead of one per finding. */
  areas?: boolean;
}

export interface QueryResult {
  output: string;
  /** Rows of what was asked for: areas with `areas`, else findings. */
  matches: number;
  unit: 'areas' | 'findings';
}

/**
 * Runs a query from start to end. Throws QueryInputError for input a person can fix. A table asked by outcome
 * answers at area level first (which areas had that outcome, from Ofsted's official table for 2016–22), then lists
 * the findings of those inspections.
 */
export function runQuery(req: QueryRequest): QueryResult {
  const db = openDataset(req.db);
  try {
    if (req.areas) {
      const areas = queryAreas(db, req);
      return { output: areas.length === 0 && req.format === 'table' ? '' : formatAreas(areas, req.format), matches: areas.length, unit: 'areas' };
    }
    const rows = queryFindings(db, req);
    // A table of nothing says nothing; CSV and JSON stay well-formed for the program reading them.
    let output = rows.length === 0 && req.format === 'table' ? '' : formatRows(rows, req.format, req.width);
    if (req.format === 'table' && req.outcome !== undefined) {
      const areas = queryAreas(db, req, false);
      const heading = `Areas whose inspection had the outcome ${req.outcome}:\n\n`;
      output = `${heading}${formatAreas(areas, 'table')}${rows.length ? `\nFindings from those inspections:\n\n${output}` : ''}`;
    }
    return { output, matches: rows.length, unit: 'findings' };
  } finally {
    db.close();
  }
}
