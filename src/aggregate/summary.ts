// summary.json: national prevalence of each failing (share of inspected areas whose inspection found it, in the
// inspectors' words), overall, by outcome and by framework; the failings that recur across an area's inspections;
// Ofsted's official 2016–22 record; and the facts read from documents that the official record contradicts.
import type Database from 'better-sqlite3';
import type { ErrorRecord } from '../records.js';
import type { Contradiction } from './against-official.js';

export interface Prevalence {
  /** Areas in the group. */
  areas: number;
  /** Of those, areas where the inspection found the concern. */
  with_concern: number;
  share: number;
}

export interface CategoryPrevalence {
  category: string;
  /** At each area's latest inspection. */
  national: Prevalence;
  /** At each area's latest inspection, grouped by its outcome ("unknown" when no source states it). */
  by_outcome: Record<string, Prevalence>;
  /** At each area's latest inspection under each framework. */
  by_framework: Record<string, Prevalence>;
}

export interface RecurringFailing {
  area: string;
  la_code: string;
  gss: string;
  region: string;
  category: string;
  inspections: number;
  inspection_ids: string[];
  frameworks: string[];
}

/** Ofsted's official table of 2016–22 inspections and revisits, as the dataset holds it. */
export interface OfficialRecord {
  source: string;
  areas: number;
  by_outcome: { wsoa: number; 'no-wsoa': number };
  /** Areas that had a WSoA, by what the revisit found (or "not-revisited-yet"). */
  revisits: Record<string, number>;
  /** Official areas that some document reports on. */
  areas_with_documents: number;
}

export interface Summary {
  generated_at: string;
  counts: {
    documents: number;
    errors: number;
    /** Areas with at least one documented inspection. */
    areas: number;
    official_areas: number;
    contradictions: number;
    inspections: number;
    findings: number;
    distinct_findings: number;
  };
  categories: string[];
  prevalence: CategoryPrevalence[];
  recurring: { by_category: Record<string, number>; failings: RecurringFailing[] };
  official: OfficialRecord;
  /** Facts read from a document that Ofsted's official table contradicts: check the document, or the reading of it. */
  contradictions: (Contradiction & { area: string })[];
  errors: ErrorRecord[];
}

/** Each area's latest inspection overall (grouped by outcome), and its latest under each framework. */
const LATEST_BY_OUTCOME = `SELECT id, coalesce(outcome, 'unknown') AS grp FROM latest_inspections`;
const LATEST_BY_FRAMEWORK = `
  SELECT i.id, coalesce(i.framework, 'unknown') AS grp FROM inspections i
  WHERE i.sequence = (SELECT max(j.sequence) FROM inspections j WHERE j.la_code = i.la_code AND j.framework IS i.framework)`;

export function summarise(db: Database.Database): Summary {
  const one = <T = number>(sql: string) => db.prepare(sql).pluck().get() as T;
  const categories = db.prepare('SELECT id FROM categories ORDER BY position').pluck().all() as string[];
  const national = prevalenceBy(db, `SELECT id, 'all' AS grp FROM latest_inspections`);
  const byOutcome = prevalenceBy(db, LATEST_BY_OUTCOME);
  const byFramework = prevalenceBy(db, LATEST_BY_FRAMEWORK);
  const failings = (
    db.prepare('SELECT * FROM recurring_failings ORDER BY area, category').all() as (Omit<
      RecurringFailing,
      'inspection_ids' | 'frameworks'
    > & { inspection_ids: string; frameworks: string | null })[]
  ).map((r) => ({ ...r, inspection_ids: r.inspection_ids.split(', '), frameworks: r.frameworks?.split(', ') ?? [] }));
  const official = officialRecord(db);
  return {
    generated_at: one<string>(`SELECT value FROM meta WHERE key = 'generated_at'`),
    counts: {
      documents: one('SELECT count(*) FROM documents'),
      errors: one('SELECT count(*) FROM errors'),
      areas: one('SELECT count(DISTINCT la_code) FROM inspections'),
      official_areas: official.areas,
      contradictions: one('SELECT count(*) FROM contradictions'),
      inspections: one('SELECT count(*) FROM inspections'),
      findings: one('SELECT count(*) FROM findings'),
      distinct_findings: one('SELECT count(*) FROM findings WHERE repeat_of IS NULL'),
    },
    categories,
    prevalence: categories.map((category) => ({
      category,
      national: national.get(category)?.get('all') ?? prevalence(0, 0),
      by_outcome: Object.fromEntries(byOutcome.get(category) ?? []),
      by_framework: Object.fromEntries(byFramework.get(category) ?? []),
    })),
    recurring: {
      by_category: Object.fromEntries(categories.map((c) => [c, failings.filter((f) => f.category === c).length])),
      failings,
    },
    official,
    contradictions: db
      .prepare(
        `SELECT c.doc, d.source, c.la_code, a.name AS area, c.fact, c.document_value AS document,
           c.official_value AS official, c.message
         FROM contradictions c JOIN documents d ON d.doc = c.doc JOIN areas a ON a.la_code = c.la_code
         ORDER BY a.name, c.doc, c.fact`,
      )
      .all() as Summary['contradictions'],
    errors: db.prepare('SELECT doc, source, error FROM errors ORDER BY doc').all() as ErrorRecord[],
  };
}

function officialRecord(db: Database.Database): OfficialRecord {
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const revisits = db
    .prepare(`SELECT revisit_result, count(*) AS n FROM official_inspections WHERE outcome = 'wsoa' GROUP BY revisit_result ORDER BY revisit_result`)
    .all() as { revisit_result: string; n: number }[];
  return {
    source: "Ofsted, area SEND inspections and outcomes to 31 August 2022 (data/ofsted-area-send-2016-2022.csv, Open Government Licence v3.0)",
    areas: count('SELECT count(*) FROM official_inspections'),
    by_outcome: {
      wsoa: count(`SELECT count(*) FROM official_inspections WHERE outcome = 'wsoa'`),
      'no-wsoa': count(`SELECT count(*) FROM official_inspections WHERE outcome = 'no-wsoa'`),
    },
    revisits: Object.fromEntries(revisits.map((r) => [r.revisit_result, r.n])),
    areas_with_documents: count('SELECT count(*) FROM official_inspections WHERE la_code IN (SELECT la_code FROM documents)'),
  };
}

function prevalence(areas: number, withConcern: number): Prevalence {
  return { areas, with_concern: withConcern, share: areas ? Math.round((withConcern / areas) * 1000) / 1000 : 0 };
}

/** category → group → prevalence over the inspections `inspectionsSql` selects (one per area and group). */
function prevalenceBy(db: Database.Database, inspectionsSql: string): Map<string, Map<string, Prevalence>> {
  const rows = db
    .prepare(
      `WITH chosen AS (${inspectionsSql})
       SELECT c.id AS category, ch.grp, count(*) AS areas,
         sum(EXISTS (SELECT 1 FROM findings f
           WHERE f.inspection_id = ch.id AND f.category = c.id AND f.polarity = 'concern' AND f.voice = 'inspectors'))
           AS with_concern
       FROM categories c CROSS JOIN chosen ch
       GROUP BY c.id, ch.grp ORDER BY c.position, ch.grp`,
    )
    .all() as { category: string; grp: string; areas: number; with_concern: number }[];
  const out = new Map<string, Map<string, Prevalence>>();
  for (const r of rows) {
    const groups = out.get(r.category) ?? out.set(r.category, new Map()).get(r.category)!;
    groups.set(r.grp, prevalence(r.areas, r.with_concern));
  }
  return out;
}
