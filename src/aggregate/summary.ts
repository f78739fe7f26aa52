// summary.json: national prevalence of each failing (share of inspected areas whose inspection found it), overall, by
// outcome and by framework, and the failings that recur across an area's inspections.
import type Database from 'better-sqlite3';
import type { ErrorRecord } from '../records.js';

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

export interface Summary {
  generated_at: string;
  counts: {
    documents: number;
    errors: number;
    areas: number;
    inspections: number;
    findings: number;
    distinct_findings: number;
  };
  categories: string[];
  prevalence: CategoryPrevalence[];
  recurring: { by_category: Record<string, number>; failings: RecurringFailing[] };
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
  return {
    generated_at: one<string>(`SELECT value FROM meta WHERE key = 'generated_at'`),
    counts: {
      documents: one('SELECT count(*) FROM documents'),
      errors: one('SELECT count(*) FROM errors'),
      areas: one('SELECT count(*) FROM areas'),
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
    errors: db.prepare('SELECT doc, source, error FROM errors ORDER BY doc').all() as ErrorRecord[],
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
           WHERE f.inspection_id = ch.id AND f.category = c.id AND f.polarity = 'concern')) AS with_concern
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
