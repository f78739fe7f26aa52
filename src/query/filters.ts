// A query's filters as the user gives them, checked and turned into SQL conditions: over the `evidence` view (e, one
// row per distinct finding) joined to its area (a) and inspection (i) for findings, and over `area_frameworks` (af)
// and `area_history` for areas. Every value is bound, never spliced.
import type Database from 'better-sqlite3';
import { allAreas, resolveArea } from '../gazetteer/index.js';
import { VOICES, type OUTCOMES, type POLARITIES, type Voice } from '../records.js';

/** --voice: one voice, or all of them. */
export const VOICE_CHOICES = [...VOICES, 'all'] as const;

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
  /** Whose words: the inspectors' (the default), the council's, others', or all. */
  voice?: Voice | 'all';
}

/** Input a person can fix: printed as it is, exit code 2. */
export class QueryInputError extends Error {
  override name = 'QueryInputError';
}

export interface Where {
  sql: string;
  params: unknown[];
}

/** SQL conditions and their bound values, built up one filter at a time. */
class Clauses {
  readonly list: string[] = [];
  readonly params: unknown[] = [];

  add(sql: string, ...values: unknown[]): void {
    this.list.push(sql);
    this.params.push(...values);
  }

  where(): Where {
    return { sql: this.list.length ? `WHERE ${this.list.join(' AND ')}` : '', params: this.params };
  }
}

/** --area and --region, on the columns that hold an area's DfE code and region. */
function areaFilters(c: Clauses, f: QueryFilters, laCode: string, region: string): void {
  if (f.area !== undefined) {
    const area = resolveArea(f.area);
    if (!area) throw new QueryInputError(`unknown area "${f.area}": give a local authority's name, its 3-digit DfE code (830) or its GSS code (E10000007)`);
    c.add(`${laCode} = ?`, area.la_code);
  }
  if (f.region !== undefined) c.add(`${region} = ?`, knownRegion(f.region));
}

/** --outcome, --since and --until, on an inspection's outcome and date columns. */
function visitFilters(c: Clauses, f: QueryFilters, outcome: string, date: string): void {
  if (f.outcome !== undefined) c.add(`${outcome} = ?`, f.outcome);
  if (f.since !== undefined) c.add(`${date} >= ?`, dateBound(f.since, '--since', 'start'));
  if (f.until !== undefined) c.add(`${date} <= ?`, dateBound(f.until, '--until', 'end'));
}

/** What only a finding has: category, recurrence, polarity, voice and words. */
function findingFilters(c: Clauses, db: Database.Database, f: QueryFilters): void {
  if (f.category?.length) {
    const known = new Set(db.prepare('SELECT id FROM categories').pluck().all() as string[]);
    const unknown = f.category.filter((cat) => !known.has(cat));
    if (unknown.length) {
      throw new QueryInputError(`unknown category ${unknown.map((cat) => `"${cat}"`).join(', ')}; the dataset's categories are: ${[...known].sort().join(', ')}`);
    }
    c.add(`e.category IN (${f.category.map(() => '?').join(', ')})`, ...f.category);
  }
  if (f.recurring) {
    if (f.polarity && f.polarity !== 'concern') throw new QueryInputError(`--recurring lists concerns only; it cannot be combined with --polarity ${f.polarity}`);
    c.add('(e.la_code, e.category) IN (SELECT la_code, category FROM recurring_failings)');
  }
  const polarity = f.polarity ?? (f.recurring ? 'concern' : undefined);
  if (polarity) c.add('e.polarity = ?', polarity);
  const voice = f.voice ?? 'inspectors';
  if (voice !== 'all') c.add('e.voice = ?', voice);
  if (f.text !== undefined) {
    // A repeat's wording may differ from the kept quote: a hit on either finds the finding.
    c.add(
      `e.id IN (SELECT coalesce(f.repeat_of, f.id) FROM findings f
        WHERE f.id IN (SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?))`,
      ftsQuery(f.text),
    );
  }
}

/** Findings: each filter on the finding, its area, or its inspection. */
export function buildWhere(db: Database.Database, f: QueryFilters): Where {
  const c = new Clauses();
  findingFilters(c, db, f);
  areaFilters(c, f, 'e.la_code', 'a.region');
  visitFilters(c, f, 'i.outcome', 'coalesce(i.inspection_start, i.inspection_end)');
  return c.where();
}

/** Whether any finding-level filter is given (then an area must have a matching finding). */
export function filtersFindings(f: QueryFilters): boolean {
  return Boolean(f.category?.length || f.polarity || f.text !== undefined || f.recurring);
}

/**
 * Areas (af, a row of area_frameworks): by name or region, and by a visit of theirs (the official table's 2016–22
 * inspection, or a documented one the table does not contradict) with the outcome and dates asked for.
 */
export function buildAreaWhere(f: QueryFilters): Where {
  const areas = new Clauses();
  areaFilters(areas, f, 'af.la_code', 'af.region');
  const visit = new Clauses();
  visitFilters(visit, f, 'h.outcome', 'h.start');
  if (visit.list.length) {
    areas.add(
      `af.la_code IN (SELECT h.la_code FROM area_history h
        WHERE h.visit = 'inspection' AND NOT h.in_table_period AND ${visit.list.join(' AND ')})`,
      ...visit.params,
    );
  }
  return areas.where();
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
