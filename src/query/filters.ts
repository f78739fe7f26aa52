// A query's filters as the user gives them, checked and turned into SQL conditions over the `evidence` view (e, one
// row per distinct finding) joined to its area (a) and inspection (i). Every value is bound, never spliced.
import type Database from 'better-sqlite3';
import { allAreas, resolveArea } from '../facts/index.js';
import type { OUTCOMES, POLARITIES } from '../records.js';

export interface QueryFilters {
  category?: string[];
  /** A local authority name, DfE code or GSS code. */
  area?: string;
  region?: string;
  outcome?: (typeof OUTCOMES)[number];
  /** YYYY, YYYY-MM or YYYY-MM-DD: inspections on or after. */
  since?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: inspections on or before (the whole year or month). */
  until?: string;
  polarity?: (typeof POLARITIES)[number];
  /** Words the quote must contain; "quoted words" must appear together. */
  text?: string;
  /** Only concerns an area's inspections found twice or more. */
  recurring?: boolean;
}

/** Input a person can fix: printed as it is, exit code 2. */
export class QueryInputError extends Error {
  override name = 'QueryInputError';
}

export interface Where {
  sql: string;
  params: unknown[];
}

export function buildWhere(db: Database.Database, f: QueryFilters): Where {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    clauses.push(sql);
    params.push(...values);
  };
  if (f.category?.length) {
    const known = new Set(db.prepare('SELECT id FROM categories').pluck().all() as string[]);
    const unknown = f.category.filter((c) => !known.has(c));
    if (unknown.length) {
      throw new QueryInputError(`unknown category ${unknown.map((c) => `"${c}"`).join(', ')}; the dataset's categories are: ${[...known].sort().join(', ')}`);
    }
    add(`e.category IN (${f.category.map(() => '?').join(', ')})`, ...f.category);
  }
  if (f.area !== undefined) {
    const area = resolveArea(f.area);
    if (!area) throw new QueryInputError(`unknown area "${f.area}": give a local authority's name, its 3-digit DfE code (830) or its GSS code (E10000007)`);
    add('e.la_code = ?', area.la_code);
  }
  if (f.region !== undefined) add('a.region = ?', knownRegion(f.region));
  if (f.outcome !== undefined) add('i.outcome = ?', f.outcome);
  if (f.since !== undefined) add('coalesce(i.inspection_start, i.inspection_end) >= ?', dateBound(f.since, '--since', 'start'));
  if (f.until !== undefined) add('coalesce(i.inspection_start, i.inspection_end) <= ?', dateBound(f.until, '--until', 'end'));
  if (f.recurring) {
    if (f.polarity && f.polarity !== 'concern') throw new QueryInputError(`--recurring lists concerns only; it cannot be combined with --polarity ${f.polarity}`);
    add('(e.la_code, e.category) IN (SELECT la_code, category FROM recurring_failings)');
  }
  const polarity = f.polarity ?? (f.recurring ? 'concern' : undefined);
  if (polarity) add('e.polarity = ?', polarity);
  if (f.text !== undefined) {
    // A repeat's wording may differ from the kept quote: a hit on either finds the finding.
    add(
      `e.id IN (SELECT coalesce(f.repeat_of, f.id) FROM findings f
        WHERE f.id IN (SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?))`,
      ftsQuery(f.text),
    );
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

function knownRegion(region: string): string {
  const regions = [...new Set(allAreas().map((a) => a.region))].sort();
  const match = regions.find((r) => r.toLowerCase() === region.trim().toLowerCase());
  if (!match) throw new QueryInputError(`unknown region "${region}"; English regions are: ${regions.join(', ')}`);
  return match;
}

/** The first or last ISO day a YYYY, YYYY-MM or YYYY-MM-DD date covers. */
export function dateBound(value: string, flag: string, side: 'start' | 'end'): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  const year = Number(m?.[1]);
  const month = m?.[2] ? Number(m[2]) : side === 'start' ? 1 : 12;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = m?.[3] ? Number(m[3]) : side === 'start' ? 1 : daysInMonth;
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth) {
    throw new QueryInputError(`${flag} "${value}" is not a date: write YYYY-MM-DD (or YYYY-MM, or YYYY)`);
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** FTS5 syntax from plain words: each word, or each "quoted phrase", must occur; operators are taken as words. */
export function ftsQuery(text: string): string {
  const terms = [...text.matchAll(/"([^"]*)"|(\S+)/g)]
    .map((m) => (m[1] ?? m[2]!).replace(/"/g, '').trim())
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
  if (!terms.length) throw new QueryInputError(`--text "${text}" has no words to search for`);
  return terms.map((t) => `"${t}"`).join(' ');
}
