// The run's memory between runs: every processed document (record + clean text) or its error, keyed by document id
// and stamped with the file's sha256 and the pipeline version. A document is processed again only when either
// changes. Each result is committed as it arrives, so a run that is killed loses nothing it already finished.
import Database from 'better-sqlite3';
import type { DocumentRecord, ErrorRecord, ProcessedDocument } from '../records.js';

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

export class Store {
  private readonly db: Database.Database;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`
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
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `);
  }

  /** The sha256 recorded for a file whose size and mtime are unchanged, so an unchanged corpus is not re-read. */
  knownHash(source: string, size: number, mtimeMs: number): string | null {
    const row = this.db
      .prepare('SELECT sha256 FROM files WHERE source = ? AND size = ? AND mtime_ms = ?')
      .get(source, size, mtimeMs) as { sha256: string } | undefined;
    return row?.sha256 ?? null;
  }

  rememberFile(stamp: FileStamp): void {
    this.db
      .prepare('INSERT OR REPLACE INTO files (source, size, mtime_ms, sha256) VALUES (?, ?, ?, ?)')
      .run(stamp.source, stamp.size, stamp.mtimeMs, stamp.sha256);
  }

  entries(): Map<string, StoredEntry> {
    const rows = this.db.prepare('SELECT doc, source, sha256, version FROM results').all() as StoredEntry[];
    return new Map(rows.map((r) => [r.doc, r]));
  }

  saveProcessed({ record, text }: ProcessedDocument, version: string): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO results (doc, source, sha256, version, record, text, error, processed_at)
         VALUES (?, ?, ?, ?, ?, ?, NULL, ?)`,
      )
      .run(record.doc, record.source, record.sha256, version, JSON.stringify(record), text, new Date().toISOString());
  }

  saveError(error: ErrorRecord, sha256: string, version: string): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO results (doc, source, sha256, version, record, text, error, processed_at)
         VALUES (?, ?, ?, ?, NULL, NULL, ?, ?)`,
      )
      .run(error.doc, error.source, sha256, version, error.error, new Date().toISOString());
  }

  /** Forgets documents whose files have left the corpus. */
  remove(docs: string[]): void {
    const del = this.db.prepare('DELETE FROM results WHERE doc = ?');
    this.db.transaction(() => docs.forEach((d) => del.run(d)))();
  }

  /** True when results changed since out/ was last built from them. */
  unpublished(): boolean {
    const row = this.db.prepare(
      `SELECT EXISTS (
         SELECT 1 FROM results r LEFT JOIN published p USING (doc)
         WHERE p.doc IS NULL OR p.sha256 <> r.sha256 OR p.record IS NOT r.record OR p.error IS NOT r.error)
       OR EXISTS (SELECT 1 FROM published p LEFT JOIN results r USING (doc) WHERE r.doc IS NULL) AS dirty`,
    ).get() as { dirty: number };
    return row.dirty === 1;
  }

  /** Every document whose result differs from the published one: before (null if new) and after (null if gone). */
  *unpublishedChanges(): IterableIterator<{ doc: string; before: StoredResult | null; after: StoredResult | null }> {
    const rows = this.db
      .prepare(
        `SELECT doc, p.record AS before_record, p.error AS before_error, p.doc IS NOT NULL AS had,
                r.record AS after_record, r.error AS after_error, r.source AS source, r.doc IS NOT NULL AS has
         FROM (SELECT doc FROM results UNION SELECT doc FROM published) d
         LEFT JOIN published p USING (doc) LEFT JOIN results r USING (doc)
         WHERE p.doc IS NULL OR r.doc IS NULL OR p.sha256 <> r.sha256 OR p.record IS NOT r.record OR p.error IS NOT r.error
         ORDER BY doc`,
      )
      .iterate() as IterableIterator<Record<string, string | number | null>>;
    const result = (record: unknown, error: unknown): StoredResult => ({
      record: typeof record === 'string' ? (JSON.parse(record) as DocumentRecord) : null,
      error: typeof error === 'string' ? error : null,
    });
    for (const r of rows) {
      yield {
        doc: r.doc as string,
        before: r.had ? result(r.before_record, r.before_error) : null,
        after: r.has ? result(r.after_record, r.after_error) : null,
      };
    }
  }

  /** Records that out/ now reflects the results. */
  markPublished(): void {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM published');
      this.db.exec('INSERT INTO published (doc, sha256, record, error) SELECT doc, sha256, record, error FROM results');
    })();
  }

  /** Streams processed documents in id order, one at a time, so the caller never holds every text at once. */
  *documents(): IterableIterator<ProcessedDocument> {
    const rows = this.db
      .prepare('SELECT record, text FROM results WHERE record IS NOT NULL ORDER BY doc')
      .iterate() as IterableIterator<{ record: string; text: string }>;
    for (const row of rows) yield { record: JSON.parse(row.record) as DocumentRecord, text: row.text };
  }

  errors(): ErrorRecord[] {
    return this.db
      .prepare('SELECT doc, source, error FROM results WHERE error IS NOT NULL ORDER BY doc')
      .all() as ErrorRecord[];
  }

  counts(): { documents: number; findings: number } {
    return this.db
      .prepare(
        `SELECT count(*) AS documents, coalesce(sum(json_array_length(record, '$.findings')), 0) AS findings
         FROM results WHERE record IS NOT NULL`,
      )
      .get() as { documents: number; findings: number };
  }

  close(): void {
    this.db.close();
  }
}
