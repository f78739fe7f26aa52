// Builds findings.db from the run's documents in one streaming pass (each text goes straight to SQLite), then groups
// the documents into inspection events, marks repeated findings, and adds full-text search and views.
import Database from 'better-sqlite3';
import { DocumentRecordSchema, type DocumentRecord, type ErrorRecord, type Finding } from '../records.js';
import { groupInspections, yearsNamed, type DocFacts } from './inspections.js';
import { findRepeats } from './repeats.js';
import { FINDINGS_INDEXES, TABLES, createViews, enableFts } from './schema.js';
import type { DatasetInput } from './types.js';

/**
 * Creates the database at `path` (which must not exist) and returns it open. `onLoaded` sees each record that went
 * in, so other outputs can be written in the same pass and hold exactly the same documents.
 */
export function buildDatabase(path: string, input: DatasetInput, onLoaded: (record: DocumentRecord) => void = () => {}): Database.Database {
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
      const facts = loadDocuments(db, input, (e) => insertError.run(e), onLoaded);
      placeInInspections(db, facts);
      markRepeats(db);
      db.exec(FINDINGS_INDEXES);
    })();
    enableFts(db, 'findings', ['quote']);
    enableFts(db, 'documents', ['text']);
    createViews(db, (db.prepare('SELECT id FROM categories ORDER BY position').pluck().all() as string[]));
    const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    setMeta.run('generated_at', new Date().toISOString());
    setMeta.run('taxonomy', JSON.stringify(input.taxonomy));
    db.pragma('journal_mode = DELETE');
    db.exec('ANALYZE');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

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
  const insertDoc = db.prepare(`
    INSERT INTO documents (doc, source, kind, sha256, pages, la_code, icb, framework, outcome, inspection_start,
      inspection_end, previous_inspection, priority_actions, improvement_areas, findings, text)
    VALUES (@doc, @source, @kind, @sha256, @pages, @la_code, @icb, @framework, @outcome, @inspection_start,
      @inspection_end, @previous_inspection, @priority_actions, @improvement_areas, @findings, @text)`);
  // The taxonomy's order first; a category only a finding names (rules newer than the taxonomy) goes after it.
  const insertCategory = db.prepare(
    'INSERT OR IGNORE INTO categories (id, position) VALUES (?, (SELECT count(*) FROM categories))',
  );
  for (const c of input.taxonomy) insertCategory.run(c);
  const insertFinding = db.prepare(`
    INSERT INTO findings (doc, la_code, category, polarity, quote, page, section, start, "end", weeks, measures, rule)
    VALUES (@doc, @la_code, @category, @polarity, @quote, @page, @section, @start, @end, @weeks, @measures, @rule)`);
  // A savepoint per document, so a failed one leaves nothing half-inserted.
  const insertOne = db.transaction((record: DocumentRecord, text: string) => {
    const la_code = record.area?.la_code ?? null;
    if (record.area) insertArea.run(record.area);
    insertDoc.run({ ...record, la_code, findings: record.findings.length, text });
    for (const f of record.findings) {
      insertCategory.run(f.category);
      insertFinding.run({ ...f, la_code, weeks: longestWait(f), measures: JSON.stringify(f.measures) });
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
      if (!(err instanceof Database.SqliteError)) throw err;
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
  const { doc, kind, framework, outcome, inspection_start, inspection_end, previous_inspection } = record;
  const { priority_actions, improvement_areas } = record;
  return {
    doc, kind, la_code: record.area?.la_code ?? null, framework, outcome, inspection_start, inspection_end,
    previous_inspection, priority_actions, improvement_areas, years: yearsNamed(text),
  };
}

/** The finding's longest stated duration, in weeks: the figure a reader compares across areas. */
function longestWait(f: Finding): number | null {
  const weeks = f.measures.flatMap((m) => (m.weeks === null ? [] : [m.weeks]));
  return weeks.length ? Math.max(...weeks) : null;
}

function placeInInspections(db: Database.Database, facts: DocFacts[]): void {
  const { inspections, inspectionOf } = groupInspections(facts);
  const insert = db.prepare(`
    INSERT INTO inspections (id, la_code, sequence, framework, outcome, inspection_start, inspection_end,
      previous_inspection, priority_actions, improvement_areas, documents, has_report)
    VALUES (@id, @la_code, @sequence, @framework, @outcome, @inspection_start, @inspection_end,
      @previous_inspection, @priority_actions, @improvement_areas, @documents, @has_report)`);
  for (const i of inspections) insert.run({ ...i, documents: i.docs.length, has_report: Number(i.has_report) });
  const setDoc = db.prepare('UPDATE documents SET inspection_id = ? WHERE doc = ?');
  const setFindings = db.prepare('UPDATE findings SET inspection_id = ? WHERE doc = ?');
  for (const [doc, id] of inspectionOf) {
    setDoc.run(id, doc);
    setFindings.run(id, doc);
  }
}

/** Within each inspection (or, for a document with no area, each document), category and polarity, marks the
 * findings that repeat an earlier one; reports come first, so the kept copy carries the report's page. */
function markRepeats(db: Database.Database): void {
  const rows = db
    .prepare(
      `SELECT f.id, f.quote, coalesce(f.inspection_id, 'doc:' || f.doc) || '|' || f.category || '|' || f.polarity AS grp
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
