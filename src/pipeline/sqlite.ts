// Opening the SQLite files we keep between runs (out/store.db, out/state.db) so that a damaged one never stops every
// later run: one that fails its integrity check (truncated, overwritten, a folder in its place) is moved aside with a
// timestamp, said in one line naming the file, and started afresh (both rebuild from the corpus or the site). Errors
// that no fresh file would fix (a read-only folder, a full disk) are thrown naming the path.
import { existsSync, renameSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';

export interface OpenOptions {
  /** What the file is, for messages: "store", "fetch state". */
  what: string;
  /** What happens after a damaged file is moved aside, e.g. "rebuilding it from the corpus". */
  then: string;
  /** Creates the tables (IF NOT EXISTS) and sets pragmas on an open database. */
  setUp: (db: Database.Database) => void;
  /** Told, in one line, when a damaged file was moved aside. */
  onNotice: (line: string) => void;
}

/** SQLite's ways of saying the file is not a sound database (extended codes start with these). */
const DAMAGED = /^SQLITE_(CORRUPT|NOTADB)/;

/** What cannot be fixed by starting afresh: said with the path and what to do. */
function describeIoError(path: string, what: string, err: unknown): Error | null {
  const code = (err as { code?: string }).code ?? '';
  const reason = code.startsWith('SQLITE_FULL')
    ? 'the disk is full'
    : code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN'
      ? 'the file or its folder cannot be written (read-only, or no permission)'
      : code.startsWith('SQLITE_IOERR')
        ? `a disk error (${code})`
        : null;
  return reason === null ? null : new Error(`cannot use the ${what} ${path}: ${reason}`, { cause: err });
}

function integrityProblem(db: Database.Database): string | null {
  // quick_check reads every page but skips the index-to-table cross checks: it finds truncation and overwritten pages
  // at a fraction of integrity_check's cost.
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  return problems.length === 0 ? null : problems.slice(0, 2).join('; ');
}

function tryOpen(path: string, setUp: (db: Database.Database) => void): { db: Database.Database } | { damage: string } {
  if (existsSync(path) && !statSync(path).isFile()) return { damage: 'it is not a file' };
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    const problem = integrityProblem(db);
    if (problem !== null) {
      db.close();
      return { damage: problem };
    }
    setUp(db);
    return { db };
  } catch (err) {
    db?.close();
    const code = (err as { code?: string }).code ?? '';
    if (DAMAGED.test(code)) return { damage: (err as Error).message };
    throw err;
  }
}

/** `2026-12-07T14-05-09Z`: sortable, and legal in a file name everywhere. */
const stamp = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');

/** Opens the database at `path`, moving a damaged one aside first (see the top of this file). */
export function openDatabase(path: string, { what, then, setUp, onNotice }: OpenOptions): Database.Database {
  try {
    const first = tryOpen(path, setUp);
    if ('db' in first) return first.db;
    const aside = `${path}.damaged-${stamp()}`;
    renameSync(path, aside);
    // The journal beside a damaged file belongs to it; replayed into a fresh one it would damage that too.
    for (const suffix of ['-wal', '-shm', '-journal']) {
      if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
    }
    onNotice(`the ${what} ${path} failed its integrity check (${first.damage}); moved it to ${aside}; ${then}`);
    const second = tryOpen(path, setUp);
    if ('db' in second) return second.db;
    throw new Error(`cannot create the ${what} ${path}: ${second.damage}`);
  } catch (err) {
    throw describeIoError(path, what, err) ?? err;
  }
}
