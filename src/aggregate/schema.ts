// findings.db's tables, full-text indexes and views. The SQL avoids syntax newer than SQLite 3.31 (no ORDER BY inside
// aggregates), so the file opens in the sqlite3 shell, Python and Datasette as they are commonly installed.
import type Database from 'better-sqlite3';

/** An area's 2016–22 inspection (from Ofsted's official table, or else documents) beside its latest 2023 one: the
 * area_frameworks view's columns that the query and the report both read. */
export interface AreaFrameworks {
  la_code: string;
  region: string;
  outcome_2016: string | null;
  inspection_2016_start: string | null;
  inspection_2016_published: string | null;
  weaknesses_2016: number | null;
  revisit_2016_start: string | null;
  revisit_2016_result: string | null;
  source_2016: 'official-table' | 'documents' | null;
  outcome_2023: string | null;
  inspection_2023_start: string | null;
}

/** SQL: an inspection's (i) start in Ofsted's official table (o, the area's row), when it is one of the table's
 * 2016–22 visits; else NULL. */
export const OFFICIAL_START = `CASE i.official_visit WHEN 'inspection' THEN o.inspection_start WHEN 'revisit' THEN o.revisit_start END`;

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
  -- 1 for a 2016–22 revisit (its documents are about one).
  revisit INTEGER NOT NULL,
  -- Which of the area's visits in official_inspections this is, when it is one of them.
  official_visit TEXT CHECK (official_visit IN ('inspection', 'revisit')),
  -- Where outcome comes from: the official table (for its 2016–22 inspections) or the documents.
  outcome_source TEXT CHECK (outcome_source IN ('official-table', 'documents')),
  UNIQUE (la_code, sequence)
);
-- Ofsted's official table of 2016–22 inspections and revisits to 31 August 2022 (data/ofsted-area-send-2016-2022.csv,
-- Open Government Licence), one row per area, whether or not any document about the area was read.
-- gss_at_inspection: the code as the table gives it (areas.gss is today's); source: the table's file and line.
CREATE TABLE official_inspections (
  la_code TEXT PRIMARY KEY REFERENCES areas(la_code),
  gss_at_inspection TEXT NOT NULL,
  name TEXT NOT NULL,
  ofsted_region TEXT NOT NULL,
  framework TEXT NOT NULL DEFAULT '2016',
  inspection_start TEXT NOT NULL,
  published TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('wsoa', 'no-wsoa')),
  weaknesses INTEGER,
  revisit_start TEXT,
  revisit_published TEXT,
  revisit_result TEXT CHECK (revisit_result IN ('sufficient-progress', 'partial-progress', 'insufficient-progress', 'not-revisited-yet')),
  weaknesses_progressed INTEGER,
  weaknesses_not_progressed INTEGER,
  source TEXT NOT NULL
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
  -- A document about a 2016–22 revisit: the weaknesses judged, how many made sufficient progress, and each verdict
  -- the text gives (a JSON array of {weakness, progress}); NULL otherwise.
  revisit_weaknesses INTEGER,
  revisit_sufficient INTEGER,
  revisit_results TEXT,
  -- 1 when the document says the area was given an improvement notice.
  improvement_notice INTEGER NOT NULL,
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
  -- Whose words: the inspectors', the council's (or ICB's), or others' (parents, campaigners, journalists).
  voice TEXT NOT NULL CHECK (voice IN ('inspectors', 'council', 'others')),
  -- A list item's lead-in ("Leaders should improve:"), so the quote can stand alone; NULL for a whole sentence.
  context TEXT,
  context_start INTEGER,
  context_end INTEGER,
  -- Why the finding has its polarity: a JSON array of reasons (cues, negation, section, lead-in, previous sentence).
  why TEXT NOT NULL,
  repeat_of INTEGER REFERENCES findings(id)
);
CREATE INDEX findings_doc ON findings(doc);
CREATE TABLE errors (doc TEXT NOT NULL, source TEXT NOT NULL, error TEXT NOT NULL);
-- Facts read from a document that Ofsted's official table contradicts (also in summary.json).
CREATE TABLE contradictions (
  doc TEXT NOT NULL REFERENCES documents(doc),
  la_code TEXT NOT NULL REFERENCES areas(la_code),
  fact TEXT NOT NULL,
  document_value TEXT NOT NULL,
  official_value TEXT NOT NULL,
  message TEXT NOT NULL
);
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

/** Findings in the inspectors' words: what prevalence, heat map and recurring failings count (others' are evidence only). */
const INSPECTORS = `f.voice = 'inspectors'`;

/** Views over areas, their inspections under both frameworks and their findings; `categories` (in display order)
 * become the columns of area_concerns. */
export function createViews(db: Database.Database, categories: string[]): void {
  const concernAt = (inspection: string, category: string) =>
    `EXISTS (SELECT 1 FROM findings f WHERE f.inspection_id = ${inspection} AND f.category = ${category} AND f.polarity = 'concern' AND ${INSPECTORS})`;
  const categoryColumns = categories
    .map((c) => `CASE WHEN l.id IS NULL THEN NULL ELSE ${concernAt('l.id', sqlString(c))} END AS ${sqlName(c)}`)
    .join(',\n      ');
  const latestOf = (framework: string) => `SELECT i.* FROM inspections i WHERE i.framework = '${framework}'
      AND i.sequence = (SELECT max(j.sequence) FROM inspections j WHERE j.la_code = i.la_code AND j.framework = '${framework}')`;
  db.exec(`
    -- Each area's latest inspection that documents report.
    CREATE VIEW latest_inspections AS
    SELECT i.* FROM inspections i
    WHERE i.sequence = (SELECT max(j.sequence) FROM inspections j WHERE j.la_code = i.la_code);

    -- Each finding once, with how many sources reported it and which others did (also_in: a JSON array of documents).
    CREATE VIEW evidence AS
    SELECT f.id, f.la_code, a.name AS area, f.inspection_id, f.category, f.polarity, f.voice, f.context, f.quote, f.page,
      f.section, f.weeks, f.why, f.doc, d.kind, d.source,
      1 + (SELECT count(*) FROM findings r WHERE r.repeat_of = f.id) AS sources,
      (SELECT json_group_array(r.doc) FROM findings r WHERE r.repeat_of = f.id) AS also_in
    FROM findings f JOIN documents d ON d.doc = f.doc LEFT JOIN areas a ON a.la_code = f.la_code
    WHERE f.repeat_of IS NULL;

    -- One row per area with a documented inspection and category, in the inspectors' words: found at the latest
    -- inspection, by how many inspections, how often.
    CREATE VIEW area_category AS
    SELECT a.la_code, a.gss, a.name AS area, a.region, c.id AS category,
      ${concernAt('(SELECT l.id FROM latest_inspections l WHERE l.la_code = a.la_code)', 'c.id')} AS concern_latest,
      (SELECT count(DISTINCT f.inspection_id) FROM findings f
        WHERE f.la_code = a.la_code AND f.category = c.id AND f.polarity = 'concern' AND ${INSPECTORS}) AS concern_inspections,
      (SELECT count(*) FROM findings f
        WHERE f.la_code = a.la_code AND f.category = c.id AND f.polarity = 'concern' AND ${INSPECTORS} AND f.repeat_of IS NULL)
        AS concern_findings,
      EXISTS (SELECT 1 FROM findings f WHERE f.category = c.id AND f.polarity = 'strength' AND ${INSPECTORS}
        AND f.inspection_id = (SELECT l.id FROM latest_inspections l WHERE l.la_code = a.la_code)) AS strength_latest
    FROM areas a CROSS JOIN categories c
    WHERE a.la_code IN (SELECT la_code FROM inspections);

    -- Failings that two or more of an area's inspections found, in the inspectors' words.
    CREATE VIEW recurring_failings AS
    SELECT ac.la_code, ac.gss, ac.area, ac.region, ac.category, ac.concern_inspections AS inspections,
      (SELECT group_concat(id, ', ') FROM (SELECT i.id FROM inspections i
        WHERE i.id IN (SELECT f.inspection_id FROM findings f
          WHERE f.la_code = ac.la_code AND f.category = ac.category AND f.polarity = 'concern' AND ${INSPECTORS})
        ORDER BY i.sequence)) AS inspection_ids,
      (SELECT group_concat(framework, ', ') FROM (SELECT DISTINCT i.framework FROM inspections i
        WHERE i.framework IS NOT NULL AND i.id IN (SELECT f.inspection_id FROM findings f
          WHERE f.la_code = ac.la_code AND f.category = ac.category AND f.polarity = 'concern' AND ${INSPECTORS})
        ORDER BY i.framework)) AS frameworks
    FROM area_category ac WHERE ac.concern_inspections >= 2;

    -- Every area's visits: the official table's 2016–22 inspection and revisit (source 'official-table', with the
    -- documented inspection that reports it, if any) and each documented inspection the table does not hold.
    -- in_table_period: a documented visit of an area the table covers, in the period it covers (2016 framework, to
    -- 31 August 2022), that is neither of its visits: the table, being complete, contradicts it.
    CREATE VIEW area_history AS
    SELECT o.la_code, a.name AS area, '2016' AS framework, 'inspection' AS visit, o.inspection_start AS start,
      o.published, o.outcome, o.weaknesses, NULL AS revisit_result, 'official-table' AS source,
      (SELECT i.id FROM inspections i WHERE i.la_code = o.la_code AND i.official_visit = 'inspection') AS inspection_id,
      0 AS in_table_period
    FROM official_inspections o JOIN areas a ON a.la_code = o.la_code
    UNION ALL
    SELECT o.la_code, a.name, '2016', 'revisit', o.revisit_start, o.revisit_published, NULL, o.weaknesses,
      o.revisit_result, 'official-table',
      (SELECT i.id FROM inspections i WHERE i.la_code = o.la_code AND i.official_visit = 'revisit'), 0
    FROM official_inspections o JOIN areas a ON a.la_code = o.la_code WHERE o.revisit_start IS NOT NULL
    UNION ALL
    SELECT i.la_code, a.name, i.framework, CASE i.revisit WHEN 1 THEN 'revisit' ELSE 'inspection' END,
      coalesce(i.inspection_start, i.inspection_end), NULL, i.outcome, NULL, NULL, 'documents', i.id,
      i.la_code IN (SELECT la_code FROM official_inspections) AND coalesce(i.framework, '2016') = '2016'
        AND coalesce(i.inspection_start, i.inspection_end, '') <= '2022-08-31'
    FROM inspections i JOIN areas a ON a.la_code = i.la_code WHERE i.official_visit IS NULL;

    -- One row per area the official table or a document covers: its 2016–22 inspection (from the official table where
    -- it has the area, source_2016 says which) beside its latest documented inspection under the 2023 framework.
    CREATE VIEW area_frameworks AS
    WITH doc2016 AS (${latestOf('2016')}), doc2023 AS (${latestOf('2023')})
    SELECT a.name AS area, a.la_code, a.gss, a.region,
      coalesce(o.outcome, d6.outcome) AS outcome_2016,
      CASE WHEN o.la_code IS NOT NULL THEN o.inspection_start ELSE coalesce(d6.inspection_start, d6.inspection_end) END
        AS inspection_2016_start,
      o.published AS inspection_2016_published, o.weaknesses AS weaknesses_2016,
      o.revisit_start AS revisit_2016_start, o.revisit_published AS revisit_2016_published,
      o.revisit_result AS revisit_2016_result, o.weaknesses_progressed AS weaknesses_progressed_2016,
      o.weaknesses_not_progressed AS weaknesses_not_progressed_2016,
      CASE WHEN o.la_code IS NOT NULL THEN 'official-table' WHEN d6.id IS NOT NULL THEN 'documents' END AS source_2016,
      d3.id AS inspection_2023_id, d3.outcome AS outcome_2023, d3.inspection_start AS inspection_2023_start,
      d3.inspection_end AS inspection_2023_end, d3.priority_actions AS priority_actions_2023,
      d3.improvement_areas AS improvement_areas_2023
    FROM areas a
    LEFT JOIN official_inspections o ON o.la_code = a.la_code
    LEFT JOIN doc2016 d6 ON d6.la_code = a.la_code
    LEFT JOIN doc2023 d3 ON d3.la_code = a.la_code
    WHERE o.la_code IS NOT NULL OR a.la_code IN (SELECT la_code FROM inspections);

    -- areas.csv: each area's two frameworks, then its latest documented inspection and, per category, whether that
    -- inspection found the concern (1/0; empty for an area no document reports on).
    CREATE VIEW area_concerns AS
    SELECT af.*, l.id AS inspection_id, l.framework, l.outcome, l.inspection_start, l.inspection_end,
      l.priority_actions, l.improvement_areas,
      (SELECT count(*) FROM inspections i WHERE i.la_code = af.la_code) AS inspections,
      ${categoryColumns}
    FROM area_frameworks af LEFT JOIN latest_inspections l ON l.la_code = af.la_code;
  `);
}
