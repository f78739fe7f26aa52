// Area-level answers: which areas match (by name, region, or a 2016–22 or documented inspection's outcome and dates),
// each with both frameworks side by side and how many of the asked-for findings it has.
import type Database from 'better-sqlite3';
import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS } from '../aggregate/csv.js';
import type { AreaFrameworks } from '../aggregate/schema.js';
import type { Format } from './format.js';
import { buildAreaWhere, buildWhere, filtersFindings, type QueryFilters } from './filters.js';

/** An area (by name, with its GSS code) beside how many of the asked-for findings it has. */
export interface AreaRow extends AreaFrameworks {
  area: string;
  gss: string;
  /** Findings of the area that match the query's filters (the inspectors' unless --voice says otherwise). */
  findings: number;
}

/** `requireFindings`: only areas with a matching finding (by default, when a finding-level filter is given). */
export function queryAreas(db: Database.Database, filters: QueryFilters, requireFindings = filtersFindings(filters)): AreaRow[] {
  const areas = buildAreaWhere(filters);
  const findings = buildWhere(db, filters);
  const counts = new Map(
    (db
      .prepare(
        `SELECT e.la_code, count(*) AS n FROM evidence e
         LEFT JOIN areas a ON a.la_code = e.la_code LEFT JOIN inspections i ON i.id = e.inspection_id
         ${findings.sql ? `${findings.sql} AND` : 'WHERE'} e.la_code IS NOT NULL GROUP BY e.la_code`,
      )
      .all(...findings.params) as { la_code: string; n: number }[]).map((r) => [r.la_code, r.n]),
  );
  const rows = db
    .prepare(
      `SELECT af.area, af.la_code, af.gss, af.region, af.outcome_2016, af.inspection_2016_start, af.inspection_2016_published,
         af.weaknesses_2016, af.revisit_2016_start, af.revisit_2016_result, af.source_2016, af.outcome_2023,
         af.inspection_2023_start
       FROM area_frameworks af ${areas.sql} ORDER BY af.area`,
    )
    .all(...areas.params) as Omit<AreaRow, 'findings'>[];
  const withCounts = rows.map((r) => ({ ...r, findings: counts.get(r.la_code) ?? 0 }));
  return requireFindings ? withCounts.filter((r) => r.findings > 0) : withCounts;
}

const AREA_COLUMNS = [
  'area', 'la_code', 'gss', 'region', 'outcome_2016', 'inspection_2016_start', 'inspection_2016_published', 'weaknesses_2016',
  'revisit_2016_start', 'revisit_2016_result', 'source_2016', 'outcome_2023', 'inspection_2023_start', 'findings',
] as const satisfies readonly (keyof AreaRow)[];

const REVISITS: Record<string, string> = {
  'sufficient-progress': 'all progressed',
  'partial-progress': 'some progressed',
  'insufficient-progress': 'none progressed',
  'not-revisited-yet': 'not yet',
};

export function formatAreas(rows: AreaRow[], format: Format): string {
  switch (format) {
    case 'json':
      return JSON.stringify(rows, null, 2) + '\n';
    case 'csv':
      return stringify(rows, { ...CSV_OPTIONS, columns: [...AREA_COLUMNS] });
    case 'table':
      return areaTable(rows);
  }
}

function areaTable(rows: AreaRow[]): string {
  const header = ['AREA', 'DfE', '2016–22', 'INSPECTED', 'PUBLISHED', 'WEAKNESSES', 'REVISIT', '2023', 'FINDINGS'];
  const cells = rows.map((r) => [
    r.area,
    r.la_code,
    r.outcome_2016 ?? '',
    r.inspection_2016_start ?? '',
    r.inspection_2016_published ?? '',
    r.weaknesses_2016 === null ? '' : String(r.weaknesses_2016),
    r.revisit_2016_result ? `${REVISITS[r.revisit_2016_result] ?? r.revisit_2016_result}${r.revisit_2016_start ? ` ${r.revisit_2016_start}` : ''}` : '',
    r.outcome_2023 ? `${r.outcome_2023} ${r.inspection_2023_start ?? ''}`.trim() : '',
    String(r.findings),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i]!)).join('  ').trimEnd();
  const official = rows.filter((r) => r.source_2016 === 'official-table').length;
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [
    line(header),
    ...cells.map(line),
    '',
    `${n(rows.length, 'area', 'areas')}; 2016–22 from Ofsted's official table${official < rows.length ? ` for ${official} (the others from documents)` : ''}; 2023 from documents`,
    '',
  ].join('\n');
}
