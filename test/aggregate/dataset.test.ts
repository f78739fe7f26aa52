import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATASET_FILES, writeDataset, type DatasetSummary, type StoredDocument } from '../../src/aggregate/index.js';
import type { Summary } from '../../src/aggregate/summary.js';
import { readCsv, readJsonl, tempDir } from '../helpers.js';
import { AREAS, COUNCIL_QUOTE, FORMULA_QUOTE, LEAD_IN, LIST_ITEM, PARENT_QUOTE, TAXONOMY, fixtureDocuments, storedDoc } from './fixtures.js';

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
    expect(result).toMatchObject({
      documents: 9, errors: 2, areas: 4, officialAreas: 149, contradictions: 1, inspections: 6, findings: 20, distinctFindings: 18, recurring: 2,
    });
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

  it('groups documents into inspections: article with its report, older framework apart, 2016 ones set beside the official visits', () => {
    const rows = db.prepare('SELECT id, documents, has_report, outcome, outcome_source, official_visit FROM inspections ORDER BY id').all();
    // The official table is the authority on 2016–22 outcomes: Derby's undated blog gets its WSoA from it, and
    // Nottinghamshire's made-up "wsoa" gives way to the table's "no-wsoa" (the contradiction is flagged).
    expect(rows).toEqual([
      { id: '830-2023-2024-09-23', documents: 2, has_report: 1, outcome: 'systemic-failings', outcome_source: 'documents', official_visit: null },
      { id: '831-2016-undated', documents: 1, has_report: 0, outcome: 'wsoa', outcome_source: 'official-table', official_visit: 'inspection' },
      { id: '885-2016-undated', documents: 1, has_report: 0, outcome: 'wsoa', outcome_source: 'official-table', official_visit: 'inspection' },
      { id: '885-2023-2024-04-22', documents: 1, has_report: 1, outcome: 'systemic-failings', outcome_source: 'documents', official_visit: null },
      { id: '891-2016-2016-06-20', documents: 1, has_report: 1, outcome: 'no-wsoa', outcome_source: 'official-table', official_visit: 'inspection' },
      { id: '891-2023-2023-01-30', documents: 2, has_report: 1, outcome: 'systemic-failings', outcome_source: 'documents', official_visit: null },
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
    rw.prepare(`UPDATE findings SET quote = 'Waiting lists for wheelchairs have grown again.' WHERE category = 'tribunals' AND doc = 'derby-blog'`).run();
    const hits = rw.prepare(`SELECT count(*) FROM findings_fts WHERE findings_fts MATCH 'grown'`).pluck().get();
    rw.close();
    expect(hits).toBe(1);
  });

  it('writes areas.csv: every area of the official table and every documented one, both frameworks side by side', () => {
    const rows = readCsv(join(out, 'areas.csv'));
    expect(rows).toHaveLength(149);
    expect(new Set(rows.map((r) => r.la_code)).size).toBe(149);
    expect(rows.filter((r) => r.outcome_2016 === 'wsoa')).toHaveLength(82);
    expect(rows.filter((r) => r.outcome_2016 === 'no-wsoa')).toHaveLength(67);
    expect(rows.every((r) => r.source_2016 === 'official-table')).toBe(true);
    const documented = rows.filter((r) => r.inspection_id !== '');
    expect(documented.map((r) => [r.area, r.la_code, r.gss, r.region])).toEqual([
      ['Derby', '831', 'E06000015', 'East Midlands'],
      ['Derbyshire', '830', 'E10000007', 'East Midlands'],
      ['Nottinghamshire', '891', 'E10000024', 'East Midlands'],
      ['Worcestershire', '885', 'E10000034', 'West Midlands'],
    ]);
    const derbyshire = documented[1]!;
    expect(derbyshire).toMatchObject({
      outcome_2016: 'no-wsoa', inspection_2016_start: '2016-11-14', inspection_2016_published: '2017-01-12', weaknesses_2016: '',
      revisit_2016_result: '', source_2016: 'official-table',
      inspection_2023_id: '830-2023-2024-09-23', outcome_2023: 'systemic-failings', inspection_2023_start: '2024-09-23',
      framework: '2023', outcome: 'systemic-failings', inspection_start: '2024-09-23', inspection_end: '2024-09-27',
      priority_actions: '6', 'wheelchair-waits': '1', 'part-time-timetables': '1', exclusions: '1', 'parent-engagement': '0', tribunals: '0',
    });
    for (const c of TAXONOMY) expect(Object.keys(derbyshire)).toContain(c);
    // Derby: only a 2016 blog, the history from the table; its tribunals concern is the blog's (the parents' one in
    // Derbyshire's article is not the inspectors' and counts nowhere).
    expect(documented[0]).toMatchObject({
      outcome_2016: 'wsoa', weaknesses_2016: '5', revisit_2016_start: '2021-10-04', revisit_2016_result: 'sufficient-progress',
      weaknesses_progressed_2016: '5', weaknesses_not_progressed_2016: '0', inspection_2023_id: '', outcome_2023: '',
      'ehcp-timeliness': '1', tribunals: '1', 'wheelchair-waits': '0',
    });
    // An area no document reports on: its history from the table, and no claim either way about its failings.
    const barnsley = rows.find((r) => r.la_code === '370')!;
    expect(barnsley).toMatchObject({
      area: 'Barnsley', gss: 'E08000016', outcome_2016: 'wsoa', inspection_2016_start: '2021-09-20', weaknesses_2016: '2',
      revisit_2016_result: 'not-revisited-yet', source_2016: 'official-table', inspection_id: '', inspections: '0',
      'ehcp-timeliness': '', tribunals: '',
    });
    // Today's GSS code for an area re-coded since its inspection.
    expect(rows.find((r) => r.area === 'Buckinghamshire')!.gss).toBe('E06000060');
  });

  it("keeps Ofsted's table, every area's visits and the contradictions in findings.db", () => {
    expect(db.prepare('SELECT count(*) FROM official_inspections').pluck().get()).toBe(149);
    const derby = db.prepare(`SELECT visit, start, outcome, revisit_result, source, inspection_id FROM area_history WHERE la_code = '831' ORDER BY start`).all();
    expect(derby).toEqual([
      { visit: 'inspection', start: '2019-06-17', outcome: 'wsoa', revisit_result: null, source: 'official-table', inspection_id: '831-2016-undated' },
      { visit: 'revisit', start: '2021-10-04', outcome: null, revisit_result: 'sufficient-progress', source: 'official-table', inspection_id: null },
    ]);
    const derbyshire = db.prepare(`SELECT framework, visit, start, source FROM area_history WHERE la_code = '830' ORDER BY start`).all();
    expect(derbyshire).toEqual([
      { framework: '2016', visit: 'inspection', start: '2016-11-14', source: 'official-table' },
      { framework: '2023', visit: 'inspection', start: '2024-09-23', source: 'documents' },
    ]);
    expect(db.prepare('SELECT doc, la_code, fact, document_value, official_value FROM contradictions').all()).toEqual([
      { doc: 'nottinghamshire-2016-report', la_code: '891', fact: 'outcome', document_value: 'wsoa', official_value: 'no-wsoa' },
    ]);
  });

  it("stores each finding's voice, list lead-in and reasons", () => {
    const item = db.prepare(`SELECT voice, context, context_start, context_end, why, start FROM findings WHERE quote = ?`).get(LIST_ITEM) as Record<string, unknown>;
    const text = db.prepare(`SELECT text FROM documents WHERE doc = 'derbyshire-report'`).pluck().get() as string;
    expect(item).toMatchObject({ voice: 'inspectors', context: LEAD_IN });
    expect(text.slice(item.context_start as number, item.context_end as number)).toBe(LEAD_IN);
    expect(JSON.parse(item.why as string)).toEqual(['concern cue in rule ehcp-timeliness-1', `lead-in '${LEAD_IN}'`]);
    expect(db.prepare(`SELECT voice FROM findings WHERE quote IN (?, ?) ORDER BY voice`).pluck().all(COUNCIL_QUOTE, PARENT_QUOTE)).toEqual(['council', 'others']);
    expect(db.prepare(`SELECT voice, context, why FROM evidence WHERE quote = ?`).get(PARENT_QUOTE)).toMatchObject({ voice: 'others', context: null });
  });

  it("writes findings.csv per RFC 4180 with formula cells neutralised, in the inspectors' words only", () => {
    const raw = readFileSync(join(out, 'findings.csv'), 'utf8');
    expect(raw.split('\r\n').length).toBeGreaterThan(15);
    const rows = readCsv(join(out, 'findings.csv'));
    expect(rows).toHaveLength(17);
    expect(new Set(rows.map((r) => r.voice))).toEqual(new Set(['inspectors']));
    const formula = rows.find((r) => r.doc === 'panel-minutes')!;
    expect(formula.quote).toBe(`'${FORMULA_QUOTE}`);
    expect(formula.area).toBe('');
    const wait = rows.find((r) => r.doc === 'derbyshire-report' && r.category === 'wheelchair-waits')!;
    expect(wait).toMatchObject({ area: 'Derbyshire', la_code: '830', gss: 'E10000007', inspection_start: '2024-09-23', page: '1', weeks: '40', measures: 'up to 40 weeks', source: '/corpus/derbyshire-report.pdf', repeat_of: '', context: '' });
    expect(rows.find((r) => r.quote === LIST_ITEM)).toMatchObject({ context: LEAD_IN, why: `concern cue in rule ehcp-timeliness-1; lead-in '${LEAD_IN}'` });
  });

  it('summarises national prevalence by outcome and framework, and recurring failings', () => {
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
    const ptt = summary.prevalence.find((p) => p.category === 'part-time-timetables')!;
    // Latest inspections: Derby (2016), Derbyshire, Nottinghamshire, Worcestershire (2023); two found it.
    expect(ptt.national).toEqual({ areas: 4, with_concern: 2, share: 0.5 });
    // Only the inspectors' words count: the parents' tribunal complaint in Derbyshire does not.
    expect(summary.prevalence.find((p) => p.category === 'tribunals')!.national).toEqual({ areas: 4, with_concern: 1, share: 0.25 });
    expect(ptt.by_outcome['systemic-failings']).toEqual({ areas: 3, with_concern: 2, share: 0.667 });
    expect(ptt.by_framework['2016']).toEqual({ areas: 3, with_concern: 1, share: 0.333 });
    expect(ptt.by_framework['2023']).toEqual({ areas: 3, with_concern: 2, share: 0.667 });
    expect(summary.recurring.by_category['part-time-timetables']).toBe(1);
    expect(summary.recurring.failings.map((f) => f.area)).toEqual(['Nottinghamshire', 'Worcestershire']);
    expect(summary.counts).toMatchObject({ areas: 4, official_areas: 149, contradictions: 1, inspections: 6, findings: 20, distinct_findings: 18 });
    expect(summary.official).toMatchObject({
      areas: 149, by_outcome: { wsoa: 82, 'no-wsoa': 67 }, areas_with_documents: 4,
      revisits: { 'sufficient-progress': expect.any(Number), 'partial-progress': expect.any(Number), 'insufficient-progress': expect.any(Number), 'not-revisited-yet': expect.any(Number) },
    });
    expect(Object.values(summary.official.revisits).reduce((a, b) => a + b, 0)).toBe(82);
  });

  it('flags in summary.json a fact read from a document that the official table contradicts', () => {
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
    expect(summary.contradictions).toEqual([{
      doc: 'nottinghamshire-2016-report', source: '/corpus/nottinghamshire-2016-report.pdf', la_code: '891', area: 'Nottinghamshire',
      fact: 'outcome', document: 'wsoa', official: 'no-wsoa',
      message: expect.stringMatching(/says a written statement of action was required of Nottinghamshire; the official table says no written statement.*ofsted-area-send-2016-2022\.csv line \d+/),
    }]);
  });

  it('leaves out, and names, a document whose area clashes with another, and goes on', async () => {
    const dir = tempDir();
    const [derbyshire, derby] = [fixtureDocuments()[0]!, fixtureDocuments()[2]!];
    derby.record.area = { ...derby.record.area!, gss: derbyshire.record.area!.gss };
    const r = await writeDataset({ documents: () => [derbyshire, derby], errors: [], outDir: dir, taxonomy: TAXONOMY });
    expect(r).toMatchObject({ documents: 1, errors: 1, areas: 1 });
    const clash = new Database(join(dir, 'findings.db'), { readonly: true });
    expect(clash.prepare('SELECT doc, error FROM errors').all()).toEqual([
      { doc: 'derby-blog', error: 'left out of the dataset: its area Derby (831) has GSS code E10000007, not E06000015' },
    ]);
    expect(clash.prepare('SELECT count(*) FROM findings').pluck().get()).toBe(5);
    clash.close();
  });

  it("places an article about a revisit as the official revisit, and flags its counts where the table's differ", async () => {
    const dir = tempDir();
    const revisit = storedDoc({
      doc: 'derby-revisit-article', kind: 'article', area: AREAS.derby, framework: '2016', outcome: 'wsoa',
      revisit: { weaknesses: 5, sufficient: 4, results: [] },
      quotes: [['ehcp-timeliness', 'concern', 'Plans are still too often late, the revisit found.']],
    });
    await writeDataset({ documents: () => [fixtureDocuments()[2]!, revisit], errors: [], outDir: dir, taxonomy: TAXONOMY });
    const rdb = new Database(join(dir, 'findings.db'), { readonly: true });
    expect(rdb.prepare('SELECT id, revisit, official_visit FROM inspections ORDER BY id').all()).toEqual([
      { id: '831-2016-revisit-undated', revisit: 1, official_visit: 'revisit' },
      { id: '831-2016-undated', revisit: 0, official_visit: 'inspection' },
    ]);
    expect(rdb.prepare(`SELECT revisit_weaknesses, revisit_sufficient, revisit_results, improvement_notice FROM documents WHERE doc = 'derby-revisit-article'`).get())
      .toEqual({ revisit_weaknesses: 5, revisit_sufficient: 4, revisit_results: '[]', improvement_notice: 0 });
    expect(rdb.prepare(`SELECT visit, inspection_id FROM area_history WHERE la_code = '831' ORDER BY start`).all()).toEqual([
      { visit: 'inspection', inspection_id: '831-2016-undated' },
      { visit: 'revisit', inspection_id: '831-2016-revisit-undated' },
    ]);
    expect(rdb.prepare('SELECT fact, document_value, official_value FROM contradictions').all()).toEqual([
      { fact: 'revisit_sufficient', document_value: '4', official_value: '5' },
    ]);
    rdb.close();
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
