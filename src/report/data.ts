// What the report shows, read from findings.db: areas × categories with each cell's state (in the inspectors' words),
// the evidence quotes behind every cell (each finding once, with all the documents that reported it, and the
// council's and others' words apart), every area's two frameworks side by side, and the contradictions with Ofsted's
// official 2016–22 table.
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { OFFICIAL_START, type AreaFrameworks } from '../aggregate/schema.js';
import type { Summary } from '../aggregate/summary.js';

/** How many quotes of one polarity a cell shows per inspection; the rest are counted and left to findings.csv. */
export const QUOTES_PER_INSPECTION = 6;

export type CellState = 'latest' | 'earlier' | 'none';

/** An area's two frameworks, by name, with how many of its 2016–22 weaknesses made sufficient progress. */
export interface Frameworks extends AreaFrameworks {
  name: string;
  weaknesses_progressed_2016: number | null;
}

export interface ReportArea extends Frameworks {
  gss: string;
  inspections: number;
  /** Per category: whether found, by how many of the area's inspections, whether the latest noted a strength, and
   * whether the council or others said something about it. */
  cells: { state: CellState; foundBy: number; strength: boolean; others: boolean }[];
}

export interface Quote {
  quote: string;
  /** A list item's lead-in, shown before the quote. */
  context: string | null;
  page: number | null;
  doc: string;
  /** Other documents that reported the same finding. */
  also: string[];
}

export interface CellEvidence {
  inspection: string;
  polarity: 'concern' | 'strength';
  voice: 'inspectors' | 'council' | 'others';
  quotes: Quote[];
  /** Quotes not shown. */
  more: number;
}

export interface ReportInspection {
  id: string;
  framework: string | null;
  outcome: string | null;
  /** A 2016–22 revisit. */
  revisit: boolean;
  start: string | null;
  end: string | null;
}

export interface ReportData {
  generated_at: string;
  categories: string[];
  areas: ReportArea[];
  inspections: Record<string, Omit<ReportInspection, 'id'>>;
  documents: Record<string, { kind: string; name: string; url: string | null }>;
  /** Keyed "<la_code>|<category>". */
  evidence: Record<string, CellEvidence[]>;
  /** Every area of the official table or a document. */
  frameworks: Frameworks[];
  summary: Summary;
}

const FRAMEWORK_COLUMNS = `af.la_code, af.area AS name, af.region, af.outcome_2016, af.inspection_2016_start,
  af.inspection_2016_published, af.weaknesses_2016, af.revisit_2016_start, af.revisit_2016_result,
  af.weaknesses_progressed_2016, af.source_2016, af.outcome_2023, af.inspection_2023_start`;

export function reportData(db: Database.Database, summary: Summary): ReportData {
  const categories = summary.categories;
  const cellRows = db
    .prepare('SELECT la_code, category, concern_latest, concern_inspections, strength_latest FROM area_category')
    .all() as { la_code: string; category: string; concern_latest: number; concern_inspections: number; strength_latest: number }[];
  const cells = new Map(cellRows.map((r) => [`${r.la_code}|${r.category}`, r]));
  const evidenceByCell = evidence(db);
  const areas = (
    db
      .prepare(
        `SELECT ${FRAMEWORK_COLUMNS}, af.gss,
           (SELECT count(*) FROM inspections i WHERE i.la_code = af.la_code) AS inspections
         FROM area_frameworks af JOIN latest_inspections l ON l.la_code = af.la_code -- areas a document reports on
         ORDER BY af.area`,
      )
      .all() as Omit<ReportArea, 'cells'>[]
  ).map((a) => ({
    ...a,
    cells: categories.map((c) => {
      const cell = cells.get(`${a.la_code}|${c}`);
      const state: CellState = !cell || cell.concern_inspections === 0 ? 'none' : cell.concern_latest ? 'latest' : 'earlier';
      const others = (evidenceByCell[`${a.la_code}|${c}`] ?? []).some((g) => g.voice !== 'inspectors');
      return { state, foundBy: cell?.concern_inspections ?? 0, strength: Boolean(cell?.strength_latest), others };
    }),
  }));
  const frameworks = db.prepare(`SELECT ${FRAMEWORK_COLUMNS} FROM area_frameworks af ORDER BY af.area`).all() as Frameworks[];
  const inspections = Object.fromEntries(
    // A documented 2016–22 visit the documents leave undated takes its date from Ofsted's table.
    (db.prepare(
      `SELECT i.id, i.framework, i.outcome, i.revisit, i.inspection_end AS end,
         coalesce(i.inspection_start, ${OFFICIAL_START}) AS start
       FROM inspections i LEFT JOIN official_inspections o ON o.la_code = i.la_code`,
    ).all() as (Omit<ReportInspection, 'revisit'> & { revisit: number })[]).map(({ id, ...rest }) => [id, { ...rest, revisit: rest.revisit === 1 }]),
  );
  const documents = Object.fromEntries(
    (db.prepare('SELECT doc, kind, source FROM documents WHERE inspection_id IS NOT NULL').all() as {
      doc: string; kind: string; source: string;
    }[]).map((d) => [d.doc, { kind: d.kind, name: basename(d.source), url: /^https?:\/\//i.test(d.source) ? d.source : null }]),
  );
  return { generated_at: summary.generated_at, categories, areas, inspections, documents, evidence: evidenceByCell, frameworks, summary };
}

function evidence(db: Database.Database): Record<string, CellEvidence[]> {
  const rows = db
    .prepare(
      `SELECT e.la_code, e.category, e.polarity, e.voice, e.inspection_id, e.context, e.quote, e.page, e.doc, e.also_in
       FROM evidence e JOIN inspections i ON i.id = e.inspection_id
       WHERE e.polarity IN ('concern', 'strength')
       ORDER BY e.la_code, e.category, i.sequence DESC, e.voice <> 'inspectors', e.voice, e.polarity, e.id`,
    )
    .iterate() as IterableIterator<{
    la_code: string; category: string; polarity: 'concern' | 'strength'; voice: CellEvidence['voice']; inspection_id: string;
    context: string | null; quote: string; page: number | null; doc: string; also_in: string;
  }>;
  const out: Record<string, CellEvidence[]> = {};
  for (const r of rows) {
    const list = (out[`${r.la_code}|${r.category}`] ??= []);
    let group = list.at(-1);
    if (!group || group.inspection !== r.inspection_id || group.polarity !== r.polarity || group.voice !== r.voice) {
      group = { inspection: r.inspection_id, polarity: r.polarity, voice: r.voice, quotes: [], more: 0 };
      list.push(group);
    }
    if (group.quotes.length < QUOTES_PER_INSPECTION) {
      group.quotes.push({ quote: r.quote, context: r.context, page: r.page, doc: r.doc, also: JSON.parse(r.also_in) as string[] });
    } else group.more++;
  }
  return out;
}
