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
