// The dataset, queries and report over the shared corpus (15 reports, 5 articles and minutes), run as a user would:
// `findings run`, then `findings query`, then the report in Chromium. What these tests ask of the findings themselves
// (Derbyshire's wheelchair waits, Worcestershire's part-time timetables at two inspections) also depends on the
// tagging rules: they state the requirement, whichever stage has to meet it.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, corpusOf, goldPath, readCsv, sharedArticles, sharedReports, tempDir } from '../helpers.js';
import { openReport, type OpenedReport } from '../report/browser.js';

interface GoldArea { name: string; la_code: string; gss: string }
const goldAreas = new Map<string, GoldArea>();
for (const line of readFileSync(goldPath, 'utf8').split('\n').filter(Boolean)) {
  const area = (JSON.parse(line) as { area: GoldArea | null }).area;
  if (area) goldAreas.set(area.la_code, area);
}

// A made-up article of our own, beside the real documents: spreadsheet formulas and markup in document text.
const HOSTILE_ARTICLE = [
  'Rutland families speak out',
  'Parents in Rutland say children with SEND are waiting too long for wheelchairs </script><script>alert(1)</script> and specialist seating.',
  '=HYPERLINK("https://example.invalid/","Rutland") inspectors found that children with SEND in Rutland are waiting too long for wheelchairs and specialist seating.',
].join('\n');

let out: string;
let db: Database.Database;

beforeAll(() => {
  const corpus = corpusOf([...sharedReports(), ...sharedArticles()]);
  writeFileSync(join(corpus, 'made_up_rutland_article.txt'), HOSTILE_ARTICLE);
  out = tempDir();
  const run = cli(['run', '--corpus', corpus, '--out', out]);
  expect(run.stderr).toMatch(/21 documents, \d+ findings, 0 errors/);
  db = new Database(join(out, 'findings.db'), { readonly: true });
});

afterAll(() => db?.close());

const query = (...args: string[]) => cli(['query', '--db', join(out, 'findings.db'), ...args]);

describe('the dataset over the shared corpus', () => {
  it('has one areas.csv row per area, with the right DfE and GSS codes', () => {
    const rows = readCsv(join(out, 'areas.csv'));
    expect(new Set(rows.map((r) => r.la_code)).size).toBe(rows.length);
    const documented = rows.filter((r) => r.inspection_id !== '');
    const expected = [...goldAreas.values(), { name: 'Rutland', la_code: '857', gss: 'E06000017' }];
    expect(documented.map((r) => ({ name: r.area, la_code: r.la_code, gss: r.gss })).sort((a, b) => a.la_code.localeCompare(b.la_code)))
      .toEqual(expected.sort((a, b) => a.la_code.localeCompare(b.la_code)));
  });

  it("has every area of Ofsted's 2016–22 table in areas.csv, 82 with a WSoA and 67 without, whatever the documents say", () => {
    const rows = readCsv(join(out, 'areas.csv'));
    const official = rows.filter((r) => r.source_2016 === 'official-table');
    expect(official).toHaveLength(149);
    expect(official.filter((r) => r.outcome_2016 === 'wsoa')).toHaveLength(82);
    expect(official.filter((r) => r.outcome_2016 === 'no-wsoa')).toHaveLength(67);
    // Areas the table lacks (Dorset and North Northamptonshire were formed after their predecessors' inspections).
    expect(rows.filter((r) => r.source_2016 !== 'official-table').map((r) => r.area).sort()).toEqual(['Dorset', 'North Northamptonshire']);
    expect(rows.find((r) => r.la_code === '885')).toMatchObject({
      outcome_2016: 'wsoa', inspection_2016_start: '2018-03-05', revisit_2016_result: 'partial-progress', outcome_2023: 'systemic-failings',
    });
  });

  it("agrees with Ofsted's table on every previous inspection the reports give (no contradiction flagged)", () => {
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { contradictions: unknown[] };
    const previous = db.prepare(`SELECT count(*) FROM documents WHERE previous_inspection IS NOT NULL AND previous_inspection <= '2022-08-31'`).pluck().get();
    expect(previous).toBeGreaterThan(5);
    expect(summary.contradictions).toEqual([]);
  });

  it("finds Derbyshire's wheelchair waits and part-time timetables, with quotes and report pages", () => {
    const derbyshire = readCsv(join(out, 'areas.csv')).find((r) => r.la_code === '830')!;
    expect(derbyshire).toMatchObject({ gss: 'E10000007', 'wheelchair-waits': '1', 'part-time-timetables': '1' });
    for (const category of ['wheelchair-waits', 'part-time-timetables']) {
      const quotes = db
        .prepare(`SELECT quote, page, kind FROM evidence WHERE la_code = '830' AND category = ? AND polarity = 'concern'`)
        .all(category) as { quote: string; page: number | null; kind: string }[];
      expect(quotes.length, category).toBeGreaterThan(0);
      expect(quotes.some((q) => q.kind === 'report' && q.page !== null && q.quote.length > 20), category).toBe(true);
    }
  });

  it('groups the articles with the inspections they report', () => {
    const inspections = db.prepare(`SELECT la_code, framework, count(*) AS n FROM inspections WHERE la_code IN ('830', '831', '885', '891') GROUP BY la_code, framework`).all();
    expect(inspections).toEqual([
      { la_code: '830', framework: '2023', n: 1 },
      { la_code: '831', framework: '2016', n: 1 },
      { la_code: '885', framework: '2016', n: 1 },
      { la_code: '885', framework: '2023', n: 1 },
      { la_code: '891', framework: '2023', n: 1 },
    ]);
    expect(db.prepare(`SELECT official_visit, outcome, outcome_source FROM inspections WHERE la_code = '885' AND framework = '2016'`).get())
      .toEqual({ official_visit: 'inspection', outcome: 'wsoa', outcome_source: 'official-table' });
    const derbyshireDocs = db.prepare(`SELECT kind FROM documents WHERE inspection_id LIKE '830-2023-%' ORDER BY kind`).pluck().all();
    expect(derbyshireDocs).toEqual(['article', 'report']);
  });

  it('answers a phrase search over quotes and over document text', () => {
    const quoteHits = db
      .prepare(`SELECT DISTINCT la_code FROM findings WHERE rowid IN (SELECT rowid FROM findings_fts WHERE findings_fts MATCH ?)`)
      .pluck()
      .all('"wheelchair services"');
    expect(quoteHits).toContain('830');
    const docHits = db
      .prepare(`SELECT la_code FROM documents WHERE rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)`)
      .pluck()
      .all('"wheelchair services"');
    expect(docHits).toContain('830');
  });

  it('neutralises a formula in findings.csv and in query CSV, and leaves no cell a spreadsheet would run', () => {
    const rows = readCsv(join(out, 'findings.csv'));
    expect(rows.some((r) => r.quote!.startsWith(`'=HYPERLINK(`))).toBe(true);
    for (const r of rows) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
    const all = parse(query('--voice', 'all', '--area', 'Rutland', '--format', 'csv').stdout, { columns: true }) as Record<string, string>[];
    expect(all.some((r) => r.quote!.startsWith(`'=HYPERLINK(`))).toBe(true);
    for (const r of all) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('findings query over the shared corpus', () => {
  it('lists Derbyshire for wheelchair waits', () => {
    const r = query('--category', 'wheelchair-waits', '--format', 'json');
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as { area: string; la_code: string }[];
    expect(rows).toContainEqual(expect.objectContaining({ area: 'Derbyshire', la_code: '830' }));
  });

  it('lists Worcestershire as recurring for part-time timetables, from its 2016 and 2023 inspections', () => {
    const r = query('--recurring', '--category', 'part-time-timetables', '--format', 'json');
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as { la_code: string; framework: string; kind: string }[];
    const worcestershire = rows.filter((x) => x.la_code === '885');
    expect(new Set(worcestershire.map((x) => x.framework))).toEqual(new Set(['2016', '2023']));
    expect(worcestershire.some((x) => x.kind === 'article')).toBe(true);
    expect(rows.every((x) => x.la_code !== '831')).toBe(true);
  });

  it('does not mix up Derby (831) and Derbyshire (830)', () => {
    const derby = JSON.parse(query('--area', 'Derby', '--format', 'json').stdout) as { la_code: string; doc: string }[];
    const derbyshire = JSON.parse(query('--area', 'E10000007', '--format', 'json').stdout) as { la_code: string; doc: string }[];
    expect(derby.length).toBeGreaterThan(0);
    expect(new Set(derby.map((x) => x.la_code))).toEqual(new Set(['831']));
    expect(new Set(derbyshire.map((x) => x.la_code))).toEqual(new Set(['830']));
    expect(derby.some((x) => derbyshire.some((y) => y.doc === x.doc))).toBe(false);
  });

  it('prints a readable table, a clear message for no match, and exit 2 for bad input', () => {
    const table = query('--area', 'Derbyshire', '--category', 'wheelchair-waits');
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^AREA\s+INSPECTED\s+CATEGORY/);
    expect(table.stdout).toMatch(/Derbyshire\s+2024-09-23\s+wheelchair-waits/);
    const none = query('--area', 'Rutland', '--polarity', 'strength');
    expect(none).toMatchObject({ status: 0, stdout: '' });
    expect(none.stderr).toMatch(/No findings match these filters \(--area Rutland --polarity strength\)/);
    const badCategory = query('--category', 'wheelchairs');
    expect(badCategory.status).toBe(2);
    expect(badCategory.stderr).toMatch(/unknown category "wheelchairs"/);
    const badDate = query('--since', '2024-13-01');
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toMatch(/--since "2024-13-01" is not a date/);
    const missing = cli(['query', '--db', join(tempDir(), 'findings.db')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/run `findings run` first/);
  });

  it('answers --outcome wsoa at area level: the 82 areas of the official table, then the findings', () => {
    const r = query('--outcome', 'wsoa');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Areas whose inspection had the outcome wsoa:\n\nAREA\s+DfE\s+2016–22/);
    expect(r.stdout).toContain("82 areas; 2016–22 from Ofsted's official table; 2023 from documents");
    expect(r.stdout).toMatch(/Worcestershire\s+885\s+wsoa\s+2018-03-05/);
    const areas = JSON.parse(query('--outcome', 'wsoa', '--areas', '--format', 'json').stdout) as { area: string }[];
    expect(areas).toHaveLength(82);
    const voices = JSON.parse(query('--voice', 'all', '--format', 'json').stdout) as { voice: string }[];
    const inspectors = JSON.parse(query('--format', 'json').stdout) as { voice: string }[];
    expect(new Set(inspectors.map((x) => x.voice))).toEqual(new Set(['inspectors']));
    expect(voices.length).toBeGreaterThanOrEqual(inspectors.length);
    const missing = cli(['query', '--db', join(tempDir(), 'findings.db')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/run `findings run` first/);
  });
});

describe('report.html over the shared corpus', () => {
  let opened: OpenedReport;
  afterAll(async () => {
    await opened?.browser.close();
  });

  it('keeps markup from document text inert', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html.match(/<\/script/gi)).toHaveLength(2);
    expect(html).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
  });

  it('renders in Chromium with one cell per area and category', async () => {
    opened = await openReport(join(out, 'report.html'));
    const { page, problems } = opened;
    const areas = readCsv(join(out, 'areas.csv')).filter((r) => r.inspection_id !== '');
    const categories = db.prepare('SELECT count(*) FROM categories').pluck().get() as number;
    expect(await page.locator('table.frameworks tbody tr').count()).toBe(151);
    expect(await page.locator('td.cell').count()).toBe(areas.length * categories);
    await page.locator('tr[data-code="830"] td[data-cat="wheelchair-waits"]').click();
    expect(await page.locator('#panel blockquote').count()).toBeGreaterThan(0);
    expect(await page.locator('#panel cite').first().textContent()).toMatch(/^p\. \d+ · report: /);
    const path = join(tmpdir(), 'findings-report-corpus.png');
    await page.screenshot({ path, fullPage: true });
    console.log(`report screenshot: ${path}`);
    expect(problems).toEqual([]);
  });
});
