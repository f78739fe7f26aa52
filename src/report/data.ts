// What the report shows, read from findings.db: areas × categories with each cell's state, and the evidence quotes
// behind every cell (each finding once, with all the documents that reported it).
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import type { Summary } from '../aggregate/summary.js';

/** How many quotes of one polarity a cell shows per inspection; the rest are counted and left to findings.csv. */
export const QUOTES_PER_INSPECTION = 6;

export type CellState = 'latest' | 'earlier' | 'none';

export interface ReportArea {
  la_code: string;
  gss: string;
  name: string;
  region: string;
  framework: string | null;
  outcome: string | null;
  inspection_start: string | null;
  inspections: number;
  /** Per category: whether found, by how many of the area's inspections, and whether the latest noted a strength. */
  cells: { state: CellState; foundBy: number; strength: boolean }[];
}

export interface Quote {
  quote: string;
  page: number | null;
  doc: string;
  /** Other documents that reported the same finding. */
  also: string[];
}

export interface CellEvidence {
  inspection: string;
  polarity: 'concern' | 'strength';
  quotes: Quote[];
  /** Quotes not shown. */
  more: number;
}

export interface ReportData {
  generated_at: string;
  categories: string[];
  areas: ReportArea[];
  inspections: Record<string, { framework: string | null; outcome: string | null; start: string | null; end: string | null }>;
  documents: Record<string, { kind: string; name: string; url: string | null }>;
  /** Keyed "<la_code>|<category>". */
  evidence: Record<string, CellEvidence[]>;
  summary: Summary;
}

export function reportData(db: Database.Database, summary: Summary): ReportData {
  const categories = summary.categories;
  const cellRows = db
    .prepare('SELECT la_code, category, concern_latest, concern_inspections, strength_latest FROM area_category')
    .all() as { la_code: string; category: string; concern_latest: number; concern_inspections: number; strength_latest: number }[];
  const cells = new Map(cellRows.map((r) => [`${r.la_code}|${r.category}`, r]));
  const areas = (
    db
      .prepare(
        `SELECT a.la_code, a.gss, a.name, a.region, l.framework, l.outcome, l.inspection_start,
           (SELECT count(*) FROM inspections i WHERE i.la_code = a.la_code) AS inspections
         FROM areas a JOIN latest_inspections l ON l.la_code = a.la_code ORDER BY a.name`,
      )
      .all() as Omit<ReportArea, 'cells'>[]
  ).map((a) => ({
    ...a,
    cells: categories.map((c) => {
      const cell = cells.get(`${a.la_code}|${c}`);
      const state: CellState = !cell || cell.concern_inspections === 0 ? 'none' : cell.concern_latest ? 'latest' : 'earlier';
      return { state, foundBy: cell?.concern_inspections ?? 0, strength: Boolean(cell?.strength_latest) };
    }),
  }));
  const inspections = Object.fromEntries(
    (db.prepare('SELECT id, framework, outcome, inspection_start AS start, inspection_end AS end FROM inspections').all() as {
      id: string; framework: string | null; outcome: string | null; start: string | null; end: string | null;
    }[]).map(({ id, ...rest }) => [id, rest]),
  );
  const documents = Object.fromEntries(
    (db.prepare('SELECT doc, kind, source FROM documents WHERE inspection_id IS NOT NULL').all() as {
      doc: string; kind: string; source: string;
    }[]).map((d) => [d.doc, { kind: d.kind, name: basename(d.source), url: /^https?:\/\//i.test(d.source) ? d.source : null }]),
  );
  return { generated_at: summary.generated_at, categories, areas, inspections, documents, evidence: evidence(db), summary };
}

function evidence(db: Database.Database): Record<string, CellEvidence[]> {
  const rows = db
    .prepare(
      `SELECT e.la_code, e.category, e.polarity, e.inspection_id, e.quote, e.page, e.doc, e.also_in
       FROM evidence e JOIN inspections i ON i.id = e.inspection_id
       WHERE e.polarity IN ('concern', 'strength')
       ORDER BY e.la_code, e.category, i.sequence DESC, e.polarity, e.id`,
    )
    .iterate() as IterableIterator<{
    la_code: string; category: string; polarity: 'concern' | 'strength'; inspection_id: string;
    quote: string; page: number | null; doc: string; also_in: string;
  }>;
  const out: Record<string, CellEvidence[]> = {};
  for (const r of rows) {
    const list = (out[`${r.la_code}|${r.category}`] ??= []);
    let group = list.at(-1);
    if (!group || group.inspection !== r.inspection_id || group.polarity !== r.polarity) {
      group = { inspection: r.inspection_id, polarity: r.polarity, quotes: [], more: 0 };
      list.push(group);
    }
    if (group.quotes.length < QUOTES_PER_INSPECTION) {
      group.quotes.push({ quote: r.quote, page: r.page, doc: r.doc, also: JSON.parse(r.also_in) as string[] });
    } else group.more++;
  }
  return out;
}
