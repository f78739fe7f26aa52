// Runs a journalist's query against findings.db: each matching finding once, with every source that reported it.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { OFFICIAL_START } from '../aggregate/schema.js';
import { buildWhere, QueryInputError, type QueryFilters } from './filters.js';

export interface QueryRow {
  area: string | null;
  la_code: string | null;
  gss: string | null;
  region: string | null;
  inspection_id: string | null;
  framework: string | null;
  outcome: string | null;
  inspection_start: string | null;
  inspection_end: string | null;
  /** The visit's start in Ofsted's official table, when the inspection is one of its 2016–22 visits. */
  official_start: string | null;
  category: string;
  polarity: string;
  /** Whose words: inspectors, council or others. */
  voice: string;
  /** A list item's lead-in, which the quote completes; null for a whole sentence. */
  context: string | null;
  quote: string;
  page: number | null;
  section: string | null;
  /** The longest duration the quote states, in weeks. */
  weeks: number | null;
  doc: string;
  kind: string;
  source: string;
  /** Other documents that reported the same finding. */
  also_in: string[];
  /** Why the finding has its polarity. */
  why: string[];
}

export function openDataset(path: string): Database.Database {
  if (!existsSync(path)) throw new QueryInputError(`no dataset at ${path}: run \`findings run\` first to build it (or pass --db)`);
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    db.prepare('SELECT 1 FROM evidence LIMIT 1').get();
    return db;
  } catch (err) {
    throw new QueryInputError(`${path} is not a findings dataset (${(err as Error).message}): run \`findings run\` to rebuild it`);
  }
}

export function queryFindings(db: Database.Database, filters: QueryFilters): QueryRow[] {
  const where = buildWhere(db, filters);
  const rows = db
    .prepare(
      `SELECT a.name AS area, e.la_code, a.gss, a.region, e.inspection_id, i.framework, i.outcome, i.inspection_start,
         i.inspection_end,
         ${OFFICIAL_START} AS official_start,
         e.category, e.polarity, e.voice, e.context, e.quote, e.page, e.section, e.weeks, e.doc, e.kind,
         e.source, e.also_in, e.why
       FROM evidence e
       LEFT JOIN areas a ON a.la_code = e.la_code
       LEFT JOIN inspections i ON i.id = e.inspection_id
       LEFT JOIN official_inspections o ON o.la_code = i.la_code
       ${where.sql}
       ORDER BY a.name IS NULL, a.name, i.sequence DESC, e.category, e.polarity, e.page, e.id`,
    )
    .all(...where.params) as (Omit<QueryRow, 'also_in' | 'why'> & { also_in: string; why: string })[];
  return rows.map((r) => ({ ...r, also_in: JSON.parse(r.also_in) as string[], why: JSON.parse(r.why) as string[] }));
}
