// Builds findings.db from Ofsted's official 2016–22 table and the run's documents in one streaming pass (each text
// goes straight to SQLite), then groups the documents into inspection events, sets them beside the official visits,
// marks repeated findings, and adds full-text search and views.
import Database from 'better-sqlite3';
import { resolveArea } from '../gazetteer/index.js';
import { DocumentRecordSchema, type DocumentRecord, type ErrorRecord, type Finding } from '../records.js';
import { contradictions, officialVisit } from './against-official.js';
import { groupInspections, yearsNamed, type DocFacts } from './inspections.js';
import type { OfficialInspection } from './official.js';
import { findRepeats } from './repeats.js';
import { FINDINGS_INDEXES, TABLES, createViews, enableFts } from './schema.js';
import type { DatasetInput } from './types.js';
import { datasetVersion } from './version.js';

/**
 * Creates the database at `path` (which must not exist) and returns it open. `onLoaded` sees each record that went
 * in, so other outputs can be written in the same pass and hold exactly the same documents.
 */
export function buildDatabase(
  path: string,
  input: DatasetInput,
  official: OfficialInspection[],
  onLoaded: (record: DocumentRecord) => void = () => {},
): Database.Database {
  const db = new Database(path);
  try {
    // A fresh temporary file: a crash just leaves a file the next run overwrites, so the journal need not reach disk.
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = ON');
    db.exec(TABLES);
    db.transaction(() => {
      const insertError = db.prepare('INSERT INTO errors (doc, source, error) VALUES (@doc, @source, @error)');
      for (const e of input.errors) insertError.run(e);
      loadOfficial(db, official);
      const officialOf = new Map(official.map((o) => [o.la_code, o]));
      const facts = loadDocuments(db, input, (e) => insertError.run(e), onLoaded);
      recordContradictions(db, facts, officialOf);
      placeInInspections(db, facts, officialOf);
      markRepeats(db);
      db.exec(FINDINGS_INDEXES);
    })();
    enableFts(db, 'findings', ['quote']);
    enableFts(db, 'documents', ['text']);
    createViews(db, (db.prepare('SELECT id FROM categories ORDER BY position').pluck().all() as string[]));
    const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    setMeta.run('generated_at', new Date().toISOString());
    setMeta.run('taxonomy', JSON.stringify(input.taxonomy));
    setMeta.run('dataset_version', datasetVersion());
    db.pragma('journal_mode = DELETE');
    db.exec('ANALYZE');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** The official table's rows, each area first (from the gazetteer, so its codes are today's, as documents give them). */
function loadOfficial(db: Database.Database, official: OfficialInspection[]): void {
  const insertArea = db.prepare('INSERT INTO areas (la_code, gss, name, region, urn) VALUES (@la_code, @gss, @name, @region, @urn)');
  const insert = db.prepare(`
    INSERT INTO official_inspections (la_code, gss_at_inspection, name, ofsted_region, inspection_start, published, outcome,
      weaknesses, revisit_start, revisit_published, revisit_result, weaknesses_progressed, weaknesses_not_progressed, source)
    VALUES (@la_code, @gss_at_inspection, @name, @ofsted_region, @inspection_start, @published, @outcome, @weaknesses,
      @revisit_start, @revisit_published, @revisit_result, @weaknesses_progressed, @weaknesses_not_progressed, @source)`);
  for (const o of official) {
    // The loader has checked every code resolves.
    insertArea.run(resolveArea(o.la_code)!);
    insert.run(o);
  }
}

/** A document whose area has the codes of another (or other codes for the same) cannot join the dataset. */
class AreaClash extends Error {}

/** Inserts every valid document and its findings; an invalid one becomes an error row naming it. */
function loadDocuments(
  db: Database.Database,
  input: DatasetInput,
  reject: (e: ErrorRecord) => void,
  onLoaded: (record: DocumentRecord) => void,
): DocFacts[] {
  const insertArea = db.prepare(
    `INSERT INTO areas (la_code, gss, name, region, urn) VALUES (@la_code, @gss, @name, @region, @urn)
     ON CONFLICT (la_code) DO NOTHING`,
  );
  const areaGss = db.prepare('SELECT gss FROM areas WHERE la_code = ?').pluck();
  const insertDoc = db.prepare(`
    INSERT INTO documents (doc, source, kind, sha256, pages, la_code, icb, framework, outcome, inspection_start,
      inspection_end, previous_inspection, priority_actions, improvement_areas, revisit_weaknesses, revisit_sufficient,
      revisit_results, improvement_notice, findings, text)
    VALUES (@doc, @source, @kind, @sha256, @pages, @la_code, @icb, @framework, @outcome, @inspection_start,
      @inspection_end, @previous_inspection, @priority_actions, @improvement_areas, @revisit_weaknesses, @revisit_sufficient,
      @revisit_results, @improvement_notice, @findings, @text)`);
  // The taxonomy's order first; a category only a finding names (rules newer than the taxonomy) goes after it.
  const insertCategory = db.prepare(
    'INSERT OR IGNORE INTO categories (id, position) VALUES (?, (SELECT count(*) FROM categories))',
  );
  for (const c of input.taxonomy) insertCategory.run(c);
  const insertFinding = db.prepare(`
    INSERT INTO findings (doc, la_code, category, polarity, quote, page, section, start, "end", weeks, measures, rule,
      voice, context, context_start, context_end, why)
    VALUES (@doc, @la_code, @category, @polarity, @quote, @page, @section, @start, @end, @weeks, @measures, @rule,
      @voice, @context_text, @context_start, @context_end, @why)`);
  // A savepoint per document, so a failed one leaves nothing half-inserted.
  const insertOne = db.transaction((record: DocumentRecord, text: string) => {
    const la_code = record.area?.la_code ?? null;
    if (record.area) {
      insertArea.run(record.area);
      const gss = areaGss.get(la_code) as string;
      if (gss !== record.area.gss) throw new AreaClash(`its area ${record.area.name} (${la_code}) has GSS code ${record.area.gss}, not ${gss}`);
    }
    const { revisit } = record;
    insertDoc.run({
      ...record, la_code, findings: record.findings.length, text, improvement_notice: Number(record.improvement_notice),
      revisit_weaknesses: revisit?.weaknesses ?? null, revisit_sufficient: revisit?.sufficient ?? null,
      revisit_results: revisit ? JSON.stringify(revisit.results) : null,
    });
    for (const f of record.findings) {
      insertCategory.run(f.category);
      insertFinding.run({
        ...f, la_code, weeks: longestWait(f), measures: JSON.stringify(f.measures), why: JSON.stringify(f.why),
        context_text: f.context?.text ?? null, context_start: f.context?.start ?? null, context_end: f.context?.end ?? null,
      });
    }
  });
  const seen = new Set<string>();
  const facts: DocFacts[] = [];

  for (const { record: raw, text } of input.documents()) {
    const parsed = DocumentRecordSchema.safeParse(raw);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'record'}: ${i.message}`).join('; ');
      reject({ doc: raw?.doc ?? '?', source: raw?.source ?? '?', error: `malformed record left out of the dataset: ${problems}` });
      continue;
    }
    const record = parsed.data;
    if (seen.has(record.doc)) {
      reject({ doc: record.doc, source: record.source, error: `document id "${record.doc}" appears twice; only the first was kept` });
      continue;
    }
    seen.add(record.doc);
    try {
      insertOne(record, text);
    } catch (err) {
      // A record the schema cannot hold (an area whose codes clash with another's) loses only itself.
      if (!(err instanceof Database.SqliteError || err instanceof AreaClash)) throw err;
      reject({ doc: record.doc, source: record.source, error: `left out of the dataset: ${err.message}` });
      continue;
    }
    facts.push(docFacts(record, text));
    onLoaded(record);
  }
  return facts;
}

/** Only the facts stay in memory until grouping, not the findings or the text. */
function docFacts(record: DocumentRecord, text: string): DocFacts {
  const { doc, source, kind, framework, outcome, inspection_start, inspection_end, previous_inspection } = record;
  const { priority_actions, improvement_areas, revisit } = record;
  return {
    doc, source, kind, la_code: record.area?.la_code ?? null, framework, outcome, inspection_start, inspection_end,
    previous_inspection, priority_actions, improvement_areas, revisit, years: yearsNamed(text),
  };
}

/** The finding's longest stated duration, in weeks: the figure a reader compares across areas. */
function longestWait(f: Finding): number | null {
  const weeks = f.measures.flatMap((m) => (m.weeks === null ? [] : [m.weeks]));
  return weeks.length ? Math.max(...weeks) : null;
}

/** Each document's facts that the official table contradicts. */
function recordContradictions(db: Database.Database, facts: DocFacts[], officialOf: Map<string, OfficialInspection>): void {
  const insert = db.prepare(`
    INSERT INTO contradictions (doc, la_code, fact, document_value, official_value, message)
    VALUES (@doc, @la_code, @fact, @document, @official, @message)`);
  for (const d of facts) {
    if (d.la_code === null) continue;
    for (const c of contradictions(d, officialOf.get(d.la_code))) insert.run(c);
  }
}

function placeInInspections(db: Database.Database, facts: DocFacts[], officialOf: Map<string, OfficialInspection>): void {
  const { inspections, inspectionOf } = groupInspections(facts);
  const insert = db.prepare(`
    INSERT INTO inspections (id, la_code, sequence, framework, outcome, inspection_start, inspection_end,
      previous_inspection, priority_actions, improvement_areas, documents, has_report, revisit, official_visit, outcome_source)
    VALUES (@id, @la_code, @sequence, @framework, @outcome, @inspection_start, @inspection_end,
      @previous_inspection, @priority_actions, @improvement_areas, @documents, @has_report, @revisit, @official_visit,
      @outcome_source)`);
  // One documented event per official visit: the first placed (the area's earliest) keeps the link.
  const linked = new Set<string>();
  for (const i of inspections) {
    let visit = officialVisit(i, officialOf.get(i.la_code), i.revisit);
    if (visit && linked.has(`${i.la_code}|${visit}`)) visit = null;
    if (visit) linked.add(`${i.la_code}|${visit}`);
    // The official table is the authority on a 2016–22 outcome; a document that disagrees is in contradictions.
    const outcome = visit === 'inspection' ? officialOf.get(i.la_code)!.outcome : i.outcome;
    const outcome_source = visit === 'inspection' ? 'official-table' : i.outcome === null ? null : 'documents';
    insert.run({ ...i, outcome, outcome_source, documents: i.docs.length, has_report: Number(i.has_report), official_visit: visit, revisit: Number(i.revisit) });
  }
  const setDoc = db.prepare('UPDATE documents SET inspection_id = ? WHERE doc = ?');
  const setFindings = db.prepare('UPDATE findings SET inspection_id = ? WHERE doc = ?');
  for (const [doc, id] of inspectionOf) {
    setDoc.run(id, doc);
    setFindings.run(id, doc);
  }
}

/** Within each inspection (or, for a document with no area, each document), category, polarity and voice, marks the
 * findings that repeat an earlier one; reports come first, so the kept copy carries the report's page. */
function markRepeats(db: Database.Database): void {
  const rows = db
    .prepare(
      `SELECT f.id, f.quote,
         coalesce(f.inspection_id, 'doc:' || f.doc) || '|' || f.category || '|' || f.polarity || '|' || f.voice AS grp
       FROM findings f JOIN documents d ON d.doc = f.doc
       ORDER BY grp, d.kind <> 'report', d.doc, f.start, f.id`,
    )
    .iterate() as IterableIterator<{ id: number; quote: string; grp: string }>;
  const pending: [number, number][] = [];
  let group: { id: number; quote: string }[] = [];
  let key: string | null = null;
  const flush = () => {
    for (const pair of findRepeats(group)) pending.push(pair);
    group = [];
  };
  for (const row of rows) {
    if (row.grp !== key) flush();
    key = row.grp;
    group.push(row);
  }
  flush();
  // Written after the read finishes: SQLite does not allow updating a table while iterating over it.
  const set = db.prepare('UPDATE findings SET repeat_of = ? WHERE id = ?');
  for (const [id, of] of pending) set.run(of, id);
}
