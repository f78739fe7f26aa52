// What fetch has seen, in SQLite: one row per Ofsted file id (unique per file), so a second run downloads nothing it
// already has, retries what failed, and a person can ask `sqlite3 out/state.db 'select * from fetch_publications'`.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { openDatabase } from '../pipeline/sqlite.js';

const STATUSES = ['downloaded', 'skipped-type', 'failed'] as const;
export type PublicationStatus = (typeof STATUSES)[number];

/** A publication link as found on a provider page, with the area it belongs to. */
export interface SeenPublication {
  fileId: string;
  /** Where it is (or would be) downloaded from. */
  url: string;
  urn: string;
  laCode: string | null;
  area: string;
  /** The link's label, e.g. "Area SEND full inspection, PDF - 15 July 2024". */
  label: string;
  type: string;
  published: string | null;
}

const StateRowSchema = z.object({
  file_id: z.string(),
  url: z.string(),
  urn: z.string(),
  la_code: z.string().nullable(),
  area: z.string(),
  label: z.string(),
  type: z.string(),
  published: z.string().nullable(),
  status: z.enum(STATUSES),
  /** Corpus file name, once downloaded. */
  file: z.string().nullable(),
  sha256: z.string().nullable(),
  /** Why it failed, for status "failed". */
  reason: z.string().nullable(),
  /** Download attempts over all runs (each may include retries). */
  attempts: z.number().int(),
  first_seen: z.string(),
  last_seen: z.string(),
});
export type StateRow = z.infer<typeof StateRowSchema>;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS fetch_publications (
  file_id    TEXT PRIMARY KEY,
  url        TEXT NOT NULL,
  urn        TEXT NOT NULL,
  la_code    TEXT,
  area       TEXT NOT NULL,
  label      TEXT NOT NULL,
  type       TEXT NOT NULL,
  published  TEXT,
  status     TEXT NOT NULL CHECK (status IN ('downloaded', 'skipped-type', 'failed')),
  file       TEXT,
  sha256     TEXT,
  reason     TEXT,
  attempts   INTEGER NOT NULL DEFAULT 0,
  first_seen TEXT NOT NULL,
  last_seen  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS fetch_publications_urn ON fetch_publications (urn);
`;

// A later sighting refreshes what the page says and the outcome; first_seen stays, attempts add up.
const UPSERT = `
INSERT INTO fetch_publications
  (file_id, url, urn, la_code, area, label, type, published, status, file, sha256, reason, attempts, first_seen, last_seen)
VALUES
  (@fileId, @url, @urn, @laCode, @area, @label, @type, @published, @status, @file, @sha256, @reason, @attempts, @at, @at)
ON CONFLICT (file_id) DO UPDATE SET
  url = excluded.url, urn = excluded.urn, la_code = excluded.la_code, area = excluded.area, label = excluded.label,
  type = excluded.type, published = excluded.published, status = excluded.status, file = excluded.file,
  sha256 = excluded.sha256, reason = excluded.reason, attempts = fetch_publications.attempts + excluded.attempts,
  last_seen = excluded.last_seen
`;

interface Outcome {
  status: PublicationStatus;
  file: string | null;
  sha256: string | null;
  reason: string | null;
  attempts: number;
}

export class FetchState {
  private constructor(private readonly db: Database.Database) {}

  /**
   * Open (creating if need be) the state database at `path`. A damaged one is moved aside and said through
   * `onNotice`: the next crawl rebuilds it (files already in the corpus are not downloaded again only if their rows
   * survive, so at worst some are fetched once more).
   */
  static open(path: string, onNotice: (line: string) => void = () => undefined): FetchState {
    mkdirSync(dirname(path), { recursive: true });
    const db = openDatabase(path, {
      what: 'fetch state',
      then: 'starting afresh (reports already in the corpus may be downloaded again)',
      onNotice,
      setUp: (db) => {
        db.pragma('journal_mode = WAL');
        db.pragma('busy_timeout = 5000');
        db.exec(SCHEMA);
      },
    });
    return new FetchState(db);
  }

  status(fileId: string): PublicationStatus | undefined {
    const row = this.db.prepare('SELECT status FROM fetch_publications WHERE file_id = ?').get(fileId);
    return row === undefined ? undefined : StateRowSchema.pick({ status: true }).parse(row).status;
  }

  /** Other report types on the pages: recorded as seen (in one transaction: a full crawl sees a thousand or more). */
  markSkipped(publications: SeenPublication[], at: Date): void {
    const outcome: Outcome = { status: 'skipped-type', file: null, sha256: null, reason: null, attempts: 0 };
    this.db.transaction(() => publications.forEach((publication) => this.write(publication, at, outcome)))();
  }

  markDownloaded(publication: SeenPublication, file: string, sha256: string, at: Date): void {
    this.write(publication, at, { status: 'downloaded', file, sha256, reason: null, attempts: 1 });
  }

  markFailed(publication: SeenPublication, reason: string, at: Date): void {
    this.write(publication, at, { status: 'failed', file: null, sha256: null, reason, attempts: 1 });
  }

  rows(): StateRow[] {
    const rows = this.db.prepare('SELECT * FROM fetch_publications ORDER BY urn, published, file_id').all();
    return rows.map((row) => StateRowSchema.parse(row));
  }

  close(): void {
    this.db.close();
  }

  private write(publication: SeenPublication, at: Date, outcome: Outcome): void {
    this.db.prepare(UPSERT).run({ ...publication, ...outcome, at: at.toISOString() });
  }
}
