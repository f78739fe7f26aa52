// The run's memory between runs: every processed document (record + clean text) or its error, keyed by document id
// and stamped with the file's sha256 and the pipeline version. A document is processed again only when either
// changes. Each result is committed as it arrives, so a run that is killed loses nothing it already finished.
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { DocumentRecordSchema, ErrorRecordSchema, type DocumentRecord, type ErrorRecord, type ProcessedDocument } from '../records.js';
import { openDatabase } from './sqlite.js';

export interface FileStamp {
  source: string;
  size: number;
  mtimeMs: number;
  sha256: string;
}

export interface StoredEntry {
  doc: string;
  source: string;
  sha256: string;
  version: string;
}

export interface StoredResult {
  record: DocumentRecord | null;
  error: string | null;
}

// Rows as they are read back: checked, so a store written by another version (or damaged in a way SQLite cannot see)
// fails naming what is wrong rather than somewhere downstream.
const EntryRow = z.object({ doc: z.string(), source: z.string(), sha256: z.string(), version: z.string() });
const Counts = z.object({ documents: z.number().int(), findings: z.number().int() });
const StoredRecord = z.string().transform((text, ctx) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'stored record is not JSON' });
    return z.NEVER;
  }
}).pipe(DocumentRecordSchema);
const DiffRow = z.object({
  doc: z.string(),
  had: z.number().nullable(),
  has: z.number(),
  before_record: StoredRecord.nullable(),
  before_error: z.string().nullable(),
  after_record: StoredRecord.nullable(),
  after_error: z.string().nullable(),
});
const DocumentRow = z.object({ record: StoredRecord, text: z.string() });

/** A row read back, checked against its schema; a bad one names the store and the row. */
function checked<T>(schema: z.ZodType<T>, row: unknown, where: string): T {
  const parsed = schema.safeParse(row);
  if (parsed.success) return parsed.data;
  throw new Error(`the store holds a bad row (${where}): ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}

/** One document's published result before and after (null: absent). */
export interface ResultDiff {
  doc: string;
  before: StoredResult | null;
  after: StoredResult | null;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS files (
    source TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ms REAL NOT NULL, sha256 TEXT NOT NULL);
  CREATE TABLE IF NOT EXISTS results (
    doc TEXT PRIMARY KEY, source TEXT NOT NULL, sha256 TEXT NOT NULL, version TEXT NOT NULL,
    record TEXT, text TEXT, error TEXT, processed_at TEXT NOT NULL,
    CHECK ((record IS NULL) <> (error IS NULL)));
  -- What out/ was last built from: lets a run tell what changed since the published dataset, even when an
  -- earlier run was killed between processing documents and writing out/.
  CREATE TABLE IF NOT EXISTS published (
    doc TEXT PRIMARY KEY, sha256 TEXT NOT NULL, record TEXT, error TEXT);
  -- How each document published on the baseline day stood before that day's first change to it (had = 0: it was
  -- not there), so the day's changes file covers every run of the day, not only the last.
  CREATE TABLE IF NOT EXISTS baseline (
    doc TEXT PRIMARY KEY, had INTEGER NOT NULL, sha256 TEXT, record TEXT, error TEXT);
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TEMP TABLE IF NOT EXISTS changed (doc TEXT PRIMARY KEY);
`;

/** Documents whose result differs from the published one, or that were published and are gone. */
const CHANGED = `
  SELECT doc FROM results r LEFT JOIN published p USING (doc)
  WHERE p.doc IS NULL OR p.sha256 <> r.sha256 OR p.record IS NOT r.record OR p.error IS NOT r.error
  UNION
  SELECT doc FROM published p LEFT JOIN results r USING (doc) WHERE r.doc IS NULL`;

// Meta keys. `dirty` is set in the same transaction as every change to results, so "out/ is current" is one lookup
// rather than a comparison of every record.
const DIRTY = 'dirty';
const DUPLICATES = 'published_duplicates';
const COUNTS = 'published_counts';
const PUBLISHED_AT = 'published_at';
const BASELINE_DAY = 'baseline_day';

/** The statements a run repeats per file or per result, prepared once. */
function statements(db: Database.Database) {
  return {
    knownHash: db.prepare<[string, number, number], { sha256: string }>(
      'SELECT sha256 FROM files WHERE source = ? AND size = ? AND mtime_ms = ?',
    ),
    rememberFile: db.prepare('INSERT OR REPLACE INTO files (source, size, mtime_ms, sha256) VALUES (?, ?, ?, ?)'),
    saveResult: db.prepare(
      `INSERT OR REPLACE INTO results (doc, source, sha256, version, record, text, error, processed_at)
       VALUES (@doc, @source, @sha256, @version, @record, @text, @error, @at)`,
    ),
    getMeta: db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?'),
    setMeta: db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)'),
  };
}

export class Store {
  private readonly db: Database.Database;
  private readonly stmt: ReturnType<typeof statements>;

  /** Opens (or creates) the store at `path`; a damaged one is moved aside, said through `onNotice`, and rebuilt. */
  constructor(
    path: string,
    onNotice: (line: string) => void = (line) => process.stderr.write(`findings: ${line}\n`),
  ) {
    this.db = openDatabase(path, {
      what: 'store',
      then: 'every document will be processed again',
      onNotice,
      setUp: (db) => {
        db.pragma('journal_mode = WAL');
        // Safe against a killed process (WAL commits survive it); only a power cut may lose the last results, which
        // are then processed again.
        db.pragma('synchronous = NORMAL');
        db.exec(SCHEMA);
      },
    });
    this.stmt = statements(this.db);
  }

  /** The sha256 recorded for a file whose size and mtime are unchanged, so an unchanged corpus is not re-read. */
  knownHash(source: string, size: number, mtimeMs: number): string | null {
    return this.stmt.knownHash.get(source, size, mtimeMs)?.sha256 ?? null;
  }

  rememberFile(stamp: FileStamp): void {
    this.stmt.rememberFile.run(stamp.source, stamp.size, stamp.mtimeMs, stamp.sha256);
  }

  entries(): Map<string, StoredEntry> {
    const rows = this.db.prepare('SELECT doc, source, sha256, version FROM results').all();
    return new Map(rows.map((row) => checked(EntryRow, row, 'results')).map((r) => [r.doc, r]));
  }

  saveProcessed({ record, text }: ProcessedDocument, version: string): void {
    const { doc, source, sha256 } = record;
    this.saveResult({ doc, source, sha256, version, record: JSON.stringify(record), text, error: null });
  }

  saveError(error: ErrorRecord, sha256: string, version: string): void {
    this.saveResult({ doc: error.doc, source: error.source, sha256, version, record: null, text: null, error: error.error });
  }

  private saveResult(row: { doc: string; source: string; sha256: string; version: string; record: string | null; text: string | null; error: string | null }): void {
    this.db.transaction(() => {
      this.stmt.saveResult.run({ ...row, at: new Date().toISOString() });
      this.setMeta(DIRTY, '1');
    })();
  }

  /**
   * Points results at their files' new paths (the corpus was moved or named another way): the bytes and the pipeline
   * are unchanged, so the result stands and only its `source` changes.
   */
  relocate(files: { doc: string; source: string }[]): void {
    if (files.length === 0) return;
    const get = this.db.prepare<[string], unknown>('SELECT record FROM results WHERE doc = ?');
    const RecordRow = z.object({ record: StoredRecord.nullable() });
    const set = this.db.prepare('UPDATE results SET source = ?, record = ? WHERE doc = ?');
    this.db.transaction(() => {
      for (const { doc, source } of files) {
        const { record } = checked(RecordRow, get.get(doc), 'results');
        set.run(source, record === null ? null : JSON.stringify({ ...record, source }), doc);
      }
      this.setMeta(DIRTY, '1');
    })();
  }

  /** Forgets documents whose files have left the corpus, and their files' hashes. */
  remove(docs: string[]): void {
    if (docs.length === 0) return;
    const forgetFile = this.db.prepare('DELETE FROM files WHERE source = (SELECT source FROM results WHERE doc = ?)');
    const del = this.db.prepare('DELETE FROM results WHERE doc = ?');
    this.db.transaction(() => {
      for (const d of docs) {
        forgetFile.run(d);
        del.run(d);
      }
      this.setMeta(DIRTY, '1');
    })();
  }

  /** True when out/ may not reflect the results (or these duplicate-name errors) yet. A store that never published is. */
  unpublished(duplicates: ErrorRecord[]): boolean {
    return this.meta(DIRTY) !== '0' || this.meta(DUPLICATES) !== JSON.stringify(duplicates);
  }

  /**
   * Records that out/ now reflects the results. First keeps, in the baseline for `day` (started afresh on a new day),
   * how each document about to change stood before its first change that day.
   */
  publish(day: string, duplicates: ErrorRecord[]): void {
    this.db.transaction(() => {
      if (this.meta(BASELINE_DAY) !== day) {
        this.db.exec('DELETE FROM baseline');
        this.setMeta(BASELINE_DAY, day);
      }
      this.db.exec(`
        DELETE FROM changed;
        INSERT INTO changed ${CHANGED};
        INSERT OR IGNORE INTO baseline (doc, had, sha256, record, error)
          SELECT c.doc, p.doc IS NOT NULL, p.sha256, p.record, p.error FROM changed c LEFT JOIN published p USING (doc);
        DELETE FROM published WHERE doc IN (SELECT doc FROM changed);
        INSERT INTO published (doc, sha256, record, error)
          SELECT doc, sha256, record, error FROM results WHERE doc IN (SELECT doc FROM changed);
      `);
      this.setMeta(COUNTS, JSON.stringify(this.countPublished()));
      this.setMeta(DUPLICATES, JSON.stringify(duplicates));
      this.setMeta(PUBLISHED_AT, new Date().toISOString());
      this.setMeta(DIRTY, '0');
    })();
  }

  /** When out/ was last built from the store (null: never). */
  publishedAt(): string | null {
    return this.meta(PUBLISHED_AT);
  }

  /** Every document whose published result changed on `day`: as it stood before the day, and as published now. */
  *dayDiffs(day: string): IterableIterator<ResultDiff> {
    if (this.meta(BASELINE_DAY) !== day) return;
    const rows = this.db
      .prepare(
        // Documents changed and then changed back within the day are not changes.
        `SELECT b.doc AS doc, b.had AS had, b.record AS before_record, b.error AS before_error,
                p.doc IS NOT NULL AS has, p.record AS after_record, p.error AS after_error
         FROM baseline b LEFT JOIN published p USING (doc)
         WHERE NOT (b.had = (p.doc IS NOT NULL)
                    AND (p.doc IS NULL OR (b.sha256 = p.sha256 AND b.record IS p.record AND b.error IS p.error)))
         ORDER BY b.doc`,
      )
      .iterate();
    for (const row of rows) {
      const r = checked(DiffRow, row, 'baseline');
      yield {
        doc: r.doc,
        before: r.had ? { record: r.before_record, error: r.before_error } : null,
        after: r.has ? { record: r.after_record, error: r.after_error } : null,
      };
    }
  }

  /** Streams processed documents in id order, one at a time, so the caller never holds every text at once. */
  *documents(): IterableIterator<ProcessedDocument> {
    const rows = this.db
      .prepare('SELECT record, text FROM results WHERE record IS NOT NULL ORDER BY doc')
      .iterate();
    for (const row of rows) yield checked(DocumentRow, row, 'results');
  }

  errors(): ErrorRecord[] {
    return this.db
      .prepare('SELECT doc, source, error FROM results WHERE error IS NOT NULL ORDER BY doc')
      .all()
      .map((row) => checked(ErrorRecordSchema, row, 'results'));
  }

  /** Documents and findings in the published dataset: kept at publish time, so an unchanged run parses no record. */
  counts(): { documents: number; findings: number } {
    const kept = this.meta(COUNTS);
    return kept ? checked(Counts, JSON.parse(kept), 'meta') : this.countPublished();
  }

  close(): void {
    this.db.close();
  }

  private countPublished(): { documents: number; findings: number } {
    const row = this.db
      .prepare(
        `SELECT count(*) AS documents, coalesce(sum(json_array_length(record, '$.findings')), 0) AS findings
         FROM published WHERE record IS NOT NULL`,
      )
      .get();
    return checked(Counts, row, 'published');
  }

  private meta(key: string): string | null {
    return this.stmt.getMeta.get(key)?.value ?? null;
  }

  private setMeta(key: string, value: string): void {
    this.stmt.setMeta.run(key, value);
  }
}
