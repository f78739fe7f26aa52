import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATASET_FILES, writeDataset, type DatasetSummary, type StoredDocument } from '../../src/aggregate/index.js';
import type { Summary } from '../../src/aggregate/summary.js';
import { readJsonl, tempDir } from '../helpers.js';
import { FORMULA_QUOTE, TAXONOMY, fixtureDocuments } from './fixtures.js';

const readCsv = (path: string) => parse(readFileSync(path, 'utf8'), { columns: true }) as Record<string, string>[];

describe('writeDataset over made-up documents', () => {
  let out: string;
  let result: DatasetSummary;
  let db: Database.Database;

  beforeAll(async () => {
    out = tempDir();
    const docs = fixtureDocuments();
    // A record that fails validation: the batch must go on without it.
    const broken = { record: { ...docs[0]!.record, doc: 'broken', sha256: 'not-a-hash' }, text: '' };
    result = await writeDataset({ documents: () => [...docs, broken], errors: [{ doc: 'unreadable', source: '/corpus/unreadable.pdf', error: 'not a PDF' }], outDir: out, taxonomy: TAXONOMY });
    db = new Database(join(out, 'findings.db'), { readonly: true });
  });

  it('writes every output and leaves no temporary file behind', () => {
    // Each dataset file is a link into the generation out/current points to (see src/aggregate/staging.ts).
    expect(readdirSync(out).sort()).toEqual([
      '.generations', 'areas.csv', 'current', 'documents.jsonl', 'errors.jsonl', 'findings.csv', 'findings.db', 'findings.jsonl', 'report.html', 'summary.json',
    ]);
    expect(readdirSync(join(out, 'current')).sort()).toEqual([...DATASET_FILES].sort());
    expect(result).toMatchObject({ documents: 9, errors: 2, areas: 4, inspections: 6, findings: 16, distinctFindings: 14, recurring: 2 });
  });

  it('writes the JSONL files from the same records as findings.db, and every error, the left-out record included', () => {
    const lines = (name: string) => readJsonl(join(out, name));
    const documents = lines('documents.jsonl');
    expect(documents.map((d) => d.doc)).toEqual(db.prepare('SELECT doc FROM documents ORDER BY rowid').pluck().all());
    expect(documents.map((d) => d.findings)).toEqual(db.prepare('SELECT findings FROM documents ORDER BY rowid').pluck().all());
    const findings = lines('findings.jsonl');
    expect(findings.map((f) => f.quote)).toEqual(db.prepare('SELECT quote FROM findings ORDER BY id').pluck().all());
    expect(findings[0]).toEqual(fixtureDocuments()[0]!.record.findings[0]);
    expect(lines('errors.jsonl').map((e) => e.doc)).toEqual(['unreadable', 'broken']);
  });

  it('records the broken record and the run error, naming each document', () => {
    const errors = db.prepare('SELECT doc, error FROM errors ORDER BY doc').all() as { doc: string; error: string }[];
    expect(errors.map((e) => e.doc)).toEqual(['broken', 'unreadable']);
    expect(errors[0]!.error).toMatch(/malformed record.*sha256/);
  });

  it('groups documents into inspections: article with its report, older framework apart', () => {
    const rows = db.prepare('SELECT id, documents, has_report, outcome FROM inspections ORDER BY id').all();
    expect(rows).toEqual([
      { id: '830-2023-2024-09-23', documents: 2, has_report: 1, outcome: 'systemic-failings' },
      { id: '831-2016-undated', documents: 1, has_report: 0, outcome: null },
      { id: '885-2016-undated', documents: 1, has_report: 0, outcome: 'wsoa' },
      { id: '885-2023-2024-04-22', documents: 1, has_report: 1, outcome: 'systemic-failings' },
      { id: '891-2016-2016-06-20', documents: 1, has_report: 1, outcome: 'wsoa' },
      { id: '891-2023-2023-01-30', documents: 2, has_report: 1, outcome: 'systemic-failings' },
    ]);
    const minutes = db.prepare(`SELECT la_code, inspection_id FROM documents WHERE doc = 'panel-minutes'`).get();
    expect(minutes).toEqual({ la_code: null, inspection_id: null });
  });

  it('counts a finding reported by the report and an article once, keeping both sources', () => {
    const wheelchair = db.prepare(`SELECT doc, page, sources, also_in, quote FROM evidence WHERE category = 'wheelchair-waits'`).all();
    expect(wheelchair).toEqual([
      expect.objectContaining({ doc: 'derbyshire-report', page: 1, sources: 2, also_in: '["derbyshire-article"]' }),
    ]);
    const all = db.prepare(`SELECT doc, repeat_of IS NOT NULL AS repeat FROM findings WHERE category = 'wheelchair-waits' ORDER BY doc`).all();
    expect(all).toEqual([{ doc: 'derbyshire-article', repeat: 1 }, { doc: 'derbyshire-report', repeat: 0 }]);
  });

  it('has area × category views and recurring failings across inspections and frameworks', () => {
    expect(db.prepare('SELECT count(*) FROM area_category').pluck().get()).toBe(4 * TAXONOMY.length);
    const recurring = db.prepare('SELECT area, category, inspections, inspection_ids, frameworks FROM recurring_failings ORDER BY area').all();
    expect(recurring).toEqual([
      { area: 'Nottinghamshire', category: 'ehcp-timeliness', inspections: 2, inspection_ids: '891-2016-2016-06-20, 891-2023-2023-01-30', frameworks: '2016, 2023' },
      { area: 'Worcestershire', category: 'part-time-timetables', inspections: 2, inspection_ids: '885-2016-undated, 885-2023-2024-04-22', frameworks: '2016, 2023' },
    ]);
  });

  it('keys tables properly and indexes the columns queries filter on', () => {
    const fks = db.prepare(`SELECT "table", "from" FROM pragma_foreign_key_list('findings')`).all();
    expect(fks).toEqual(expect.arrayContaining([
      { table: 'documents', from: 'doc' }, { table: 'areas', from: 'la_code' }, { table: 'inspections', from: 'inspection_id' },
      { table: 'categories', from: 'category' },
    ]));
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const indexes = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'findings'`).pluck().all();
    expect(indexes).toEqual(expect.arrayContaining(['findings_category', 'findings_area', 'findings_inspection']));
  });

  it('sets up full-text search the way sqlite-utils does, so Datasette finds it', () => {
    const fts = db.prepare(`SELECT name, sql FROM sqlite_master WHERE name LIKE '%_fts'`).all() as { name: string; sql: string }[];
    expect(fts.map((t) => t.name).sort()).toEqual(['documents_fts', 'findings_fts']);
    // Datasette's detect_fts looks for exactly this shape.
    for (const t of fts) expect(t.sql).toMatch(/VIRTUAL TABLE.*USING FTS5.*content=\[(findings|documents)\]/s);
    const phrase = db
      .prepare(`SELECT f.doc FROM findings f WHERE f.rowid IN (SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?) ORDER BY f.doc`)
      .pluck()
      .all('"part-time timetables"');
    expect(phrase).toEqual(['derbyshire-report', 'worcestershire-report']);
    const docs = db.prepare(`SELECT d.doc FROM documents d WHERE d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)`).pluck().all('"reduced timetables"');
    expect(docs).toEqual(['worcestershire-article']);
    const triggers = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).pluck().all();
    expect(triggers).toEqual(['documents_ad', 'documents_ai', 'documents_au', 'findings_ad', 'findings_ai', 'findings_au']);
  });

  it('keeps full-text search in step when someone edits the database later', async () => {
    const copy = join(tempDir(), 'copy.db');
    await db.backup(copy);
    const rw = new Database(copy);
    rw.prepare(`UPDATE findings SET quote = 'Waiting lists for wheelchairs have grown again.' WHERE category = 'tribunals'`).run();
    const hits = rw.prepare(`SELECT count(*) FROM findings_fts WHERE findings_fts MATCH 'grown'`).pluck().get();
    rw.close();
    expect(hits).toBe(1);
  });

  it('writes areas.csv: one row per inspected area, codes, latest inspection, 1/0 per category', () => {
    const rows = readCsv(join(out, 'areas.csv'));
    expect(rows.map((r) => [r.area, r.la_code, r.gss, r.region])).toEqual([
      ['Derby', '831', 'E06000015', 'East Midlands'],
      ['Derbyshire', '830', 'E10000007', 'East Midlands'],
      ['Nottinghamshire', '891', 'E10000024', 'East Midlands'],
      ['Worcestershire', '885', 'E10000034', 'West Midlands'],
    ]);
    const derbyshire = rows[1]!;
    expect(derbyshire).toMatchObject({
      framework: '2023', outcome: 'systemic-failings', inspection_start: '2024-09-23', inspection_end: '2024-09-27',
      priority_actions: '6', 'wheelchair-waits': '1', 'part-time-timetables': '1', exclusions: '1', 'parent-engagement': '0', tribunals: '0',
    });
    expect(rows[0]).toMatchObject({ 'ehcp-timeliness': '1', tribunals: '1', 'wheelchair-waits': '0' });
    for (const c of TAXONOMY) expect(Object.keys(derbyshire)).toContain(c);
  });

  it('writes findings.csv per RFC 4180 with formula cells neutralised', () => {
    const raw = readFileSync(join(out, 'findings.csv'), 'utf8');
    expect(raw.split('\r\n').length).toBeGreaterThan(15);
    const rows = readCsv(join(out, 'findings.csv'));
    expect(rows).toHaveLength(16);
    const formula = rows.find((r) => r.doc === 'panel-minutes')!;
    expect(formula.quote).toBe(`'${FORMULA_QUOTE}`);
    expect(formula.area).toBe('');
    const wait = rows.find((r) => r.doc === 'derbyshire-report' && r.category === 'wheelchair-waits')!;
    expect(wait).toMatchObject({ area: 'Derbyshire', la_code: '830', gss: 'E10000007', inspection_start: '2024-09-23', page: '1', weeks: '40', measures: 'up to 40 weeks', source: '/corpus/derbyshire-report.pdf', repeat_of: '' });
  });

  it('summarises national prevalence by outcome and framework, and recurring failings', () => {
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
    const ptt = summary.prevalence.find((p) => p.category === 'part-time-timetables')!;
    // Latest inspections: Derby (2016), Derbyshire, Nottinghamshire, Worcestershire (2023); two found it.
    expect(ptt.national).toEqual({ areas: 4, with_concern: 2, share: 0.5 });
    expect(ptt.by_outcome['systemic-failings']).toEqual({ areas: 3, with_concern: 2, share: 0.667 });
    expect(ptt.by_framework['2016']).toEqual({ areas: 3, with_concern: 1, share: 0.333 });
    expect(ptt.by_framework['2023']).toEqual({ areas: 3, with_concern: 2, share: 0.667 });
    expect(summary.recurring.by_category['part-time-timetables']).toBe(1);
    expect(summary.recurring.failings.map((f) => f.area)).toEqual(['Nottinghamshire', 'Worcestershire']);
    expect(summary.counts).toMatchObject({ areas: 4, inspections: 6, findings: 16, distinct_findings: 14 });
  });

  it('leaves out, and names, a document whose area clashes with another, and goes on', async () => {
    const dir = tempDir();
    const [derbyshire, derby] = [fixtureDocuments()[0]!, fixtureDocuments()[2]!];
    derby.record.area = { ...derby.record.area!, gss: derbyshire.record.area!.gss };
    const r = await writeDataset({ documents: () => [derbyshire, derby], errors: [], outDir: dir, taxonomy: TAXONOMY });
    expect(r).toMatchObject({ documents: 1, errors: 1, areas: 1 });
    const clash = new Database(join(dir, 'findings.db'), { readonly: true });
    expect(clash.prepare('SELECT doc, error FROM errors').all()).toEqual([
      { doc: 'derby-blog', error: expect.stringMatching(/left out of the dataset: UNIQUE constraint failed: areas.gss/) },
    ]);
    expect(clash.prepare('SELECT count(*) FROM findings').pluck().get()).toBe(4);
    clash.close();
  });

  it('leaves the previous dataset intact when a run dies midway', async () => {
    const before = DATASET_FILES.map((f) => [f, readFileSync(join(out, f))] as const);
    writeFileSync(join(out, 'unrelated.txt'), 'kept');
    function* dying(): Iterable<StoredDocument> {
      yield fixtureDocuments()[0]!;
      throw new Error('killed');
    }
    await expect(writeDataset({ documents: dying, errors: [], outDir: out, taxonomy: TAXONOMY })).rejects.toThrow('killed');
    for (const [f, bytes] of before) expect(readFileSync(join(out, f)).equals(bytes)).toBe(true);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(existsSync(join(out, 'unrelated.txt'))).toBe(true);
  });
});
