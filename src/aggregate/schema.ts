// findings.db's tables, full-text indexes and views. The SQL avoids syntax newer than SQLite 3.31 (no ORDER BY inside
// aggregates), so the file opens in the sqlite3 shell, Python and Datasette as they are commonly installed.
import type Database from 'better-sqlite3';

export const TABLES = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE categories (id TEXT PRIMARY KEY, position INTEGER NOT NULL);
CREATE TABLE areas (
  la_code TEXT PRIMARY KEY,
  gss TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  region TEXT NOT NULL,
  urn TEXT
);
CREATE TABLE inspections (
  id TEXT PRIMARY KEY,
  la_code TEXT NOT NULL REFERENCES areas(la_code),
  sequence INTEGER NOT NULL,
  framework TEXT,
  outcome TEXT,
  inspection_start TEXT,
  inspection_end TEXT,
  previous_inspection TEXT,
  priority_actions INTEGER,
  improvement_areas INTEGER,
  documents INTEGER NOT NULL,
  has_report INTEGER NOT NULL,
  UNIQUE (la_code, sequence)
);
CREATE TABLE documents (
  doc TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  pages INTEGER NOT NULL,
  la_code TEXT REFERENCES areas(la_code),
  inspection_id TEXT REFERENCES inspections(id),
  icb TEXT,
  framework TEXT,
  outcome TEXT,
  inspection_start TEXT,
  inspection_end TEXT,
  previous_inspection TEXT,
  priority_actions INTEGER,
  improvement_areas INTEGER,
  findings INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX documents_area ON documents(la_code);
CREATE INDEX documents_inspection ON documents(inspection_id);
-- la_code and inspection_id repeat the document's, so Datasette can facet and link findings without a join.
-- repeat_of: the finding this one repeats (same inspection, category, polarity and quote, from another source).
CREATE TABLE findings (
  id INTEGER PRIMARY KEY,
  doc TEXT NOT NULL REFERENCES documents(doc),
  la_code TEXT REFERENCES areas(la_code),
  inspection_id TEXT REFERENCES inspections(id),
  category TEXT NOT NULL REFERENCES categories(id),
  polarity TEXT NOT NULL CHECK (polarity IN ('concern', 'strength', 'mention')),
  quote TEXT NOT NULL,
  page INTEGER,
  section TEXT,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  weeks REAL,
  measures TEXT NOT NULL,
  rule TEXT NOT NULL,
  repeat_of INTEGER REFERENCES findings(id)
);
CREATE INDEX findings_doc ON findings(doc);
CREATE TABLE errors (doc TEXT NOT NULL, source TEXT NOT NULL, error TEXT NOT NULL);
`;

/** The other indexes on findings, made once the table is filled: one sorted build instead of an update per row. */
export const FINDINGS_INDEXES = `
CREATE INDEX findings_category ON findings(category, polarity);
CREATE INDEX findings_area ON findings(la_code, category, polarity);
CREATE INDEX findings_inspection ON findings(inspection_id, category, polarity);
CREATE INDEX findings_repeat ON findings(repeat_of);
`;

/** Full-text search as `sqlite-utils enable-fts --create-triggers` makes it, which Datasette finds by itself. */
export function enableFts(db: Database.Database, table: string, columns: string[]): void {
  const cols = columns.map((c) => `[${c}]`).join(', ');
  const news = columns.map((c) => `new.[${c}]`).join(', ');
  const olds = columns.map((c) => `old.[${c}]`).join(', ');
  const fts = `${table}_fts`;
  db.exec(`
    CREATE VIRTUAL TABLE [${fts}] USING FTS5 (${cols}, tokenize='porter', content=[${table}]);
    INSERT INTO [${fts}] (rowid, ${cols}) SELECT rowid, ${cols} FROM [${table}];
    CREATE TRIGGER [${table}_ai] AFTER INSERT ON [${table}] BEGIN
      INSERT INTO [${fts}] (rowid, ${cols}) VALUES (new.rowid, ${news});
    END;
    CREATE TRIGGER [${table}_ad] AFTER DELETE ON [${table}] BEGIN
      INSERT INTO [${fts}] ([${fts}], rowid, ${cols}) VALUES ('delete', old.rowid, ${olds});
    END;
    CREATE TRIGGER [${table}_au] AFTER UPDATE ON [${table}] BEGIN
      INSERT INTO [${fts}] ([${fts}], rowid, ${cols}) VALUES ('delete', old.rowid, ${olds});
      INSERT INTO [${fts}] (rowid, ${cols}) VALUES (new.rowid, ${news});
    END;
  `);
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;
const sqlName = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** Views over area × category; `categories` (in display order) become the columns of area_concerns. */
export function createViews(db: Database.Database, categories: string[]): void {
  const concernAt = (inspection: string, category: string) =>
    `EXISTS (SELECT 1 FROM findings f WHERE f.inspection_id = ${inspection} AND f.category = ${category} AND f.polarity = 'concern')`;
  const categoryColumns = categories.map((c) => `${concernAt('l.id', sqlString(c))} AS ${sqlName(c)}`).join(',\n      ');
  db.exec(`
    -- Each area's latest inspection.
    CREATE VIEW latest_inspections AS
    SELECT i.* FROM inspections i
    WHERE i.sequence = (SELECT max(j.sequence) FROM inspections j WHERE j.la_code = i.la_code);

    -- Each finding once, with how many sources reported it and which others did (also_in: a JSON array of documents).
    CREATE VIEW evidence AS
    SELECT f.id, f.la_code, a.name AS area, f.inspection_id, f.category, f.polarity, f.quote, f.page, f.section,
      f.weeks, f.doc, d.kind, d.source,
      1 + (SELECT count(*) FROM findings r WHERE r.repeat_of = f.id) AS sources,
      (SELECT json_group_array(r.doc) FROM findings r WHERE r.repeat_of = f.id) AS also_in
    FROM findings f JOIN documents d ON d.doc = f.doc LEFT JOIN areas a ON a.la_code = f.la_code
    WHERE f.repeat_of IS NULL;

    -- One row per inspected area and category: found at the latest inspection, by how many inspections, how often.
    CREATE VIEW area_category AS
    SELECT a.la_code, a.gss, a.name AS area, a.region, c.id AS category,
      ${concernAt('(SELECT l.id FROM latest_inspections l WHERE l.la_code = a.la_code)', 'c.id')} AS concern_latest,
      (SELECT count(DISTINCT f.inspection_id) FROM findings f
        WHERE f.la_code = a.la_code AND f.category = c.id AND f.polarity = 'concern') AS concern_inspections,
      (SELECT count(*) FROM findings f
        WHERE f.la_code = a.la_code AND f.category = c.id AND f.polarity = 'concern' AND f.repeat_of IS NULL)
        AS concern_findings,
      EXISTS (SELECT 1 FROM findings f WHERE f.category = c.id AND f.polarity = 'strength'
        AND f.inspection_id = (SELECT l.id FROM latest_inspections l WHERE l.la_code = a.la_code)) AS strength_latest
    FROM areas a CROSS JOIN categories c;

    -- Failings found by two or more of an area's inspections.
    CREATE VIEW recurring_failings AS
    SELECT ac.la_code, ac.gss, ac.area, ac.region, ac.category, ac.concern_inspections AS inspections,
      (SELECT group_concat(id, ', ') FROM (SELECT i.id FROM inspections i
        WHERE i.id IN (SELECT f.inspection_id FROM findings f
          WHERE f.la_code = ac.la_code AND f.category = ac.category AND f.polarity = 'concern')
        ORDER BY i.sequence)) AS inspection_ids,
      (SELECT group_concat(framework, ', ') FROM (SELECT DISTINCT i.framework FROM inspections i
        WHERE i.framework IS NOT NULL AND i.id IN (SELECT f.inspection_id FROM findings f
          WHERE f.la_code = ac.la_code AND f.category = ac.category AND f.polarity = 'concern')
        ORDER BY i.framework)) AS frameworks
    FROM area_category ac WHERE ac.concern_inspections >= 2;

    -- One row per inspected area: its latest inspection and, per category, whether it found the concern (1/0).
    CREATE VIEW area_concerns AS
    SELECT a.name AS area, a.la_code, a.gss, a.region, l.id AS inspection_id, l.framework, l.outcome,
      l.inspection_start, l.inspection_end, l.priority_actions, l.improvement_areas,
      (SELECT count(*) FROM inspections i WHERE i.la_code = a.la_code) AS inspections,
      ${categoryColumns}
    FROM areas a JOIN latest_inspections l ON l.la_code = a.la_code;
  `);
}
