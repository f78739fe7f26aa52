// 2016–22 letters (the facts tests' PDFs, written in the published structure with our own words) run through
// `findings run` and set beside Ofsted's official table. The letters' areas and dates are made up, so the table
// contradicts them: each disagreement must be flagged, naming the document and both values.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/aggregate/summary.js';
import { letterWithoutWsoa, letterWithWsoa, revisitLetter } from '../facts/letter-fixtures.js';
import { cli, tempDir } from '../helpers.js';

let out: string;
let summary: Summary;

beforeAll(() => {
  const corpus = tempDir('findings-letters-');
  writeFileSync(join(corpus, 'rutland-letter.pdf'), letterWithWsoa());
  writeFileSync(join(corpus, 'wokingham-letter.pdf'), letterWithoutWsoa());
  writeFileSync(join(corpus, 'torbay-revisit.pdf'), revisitLetter());
  out = tempDir();
  const run = cli(['run', '--corpus', corpus, '--out', out]);
  expect(run.stderr).toMatch(/3 documents, \d+ findings, 0 errors/);
  summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
});

describe("2016–22 letters beside Ofsted's official table", () => {
  it('flags each outcome and date the table contradicts', () => {
    expect(summary.contradictions.map((c) => [c.doc, c.fact, c.document, c.official])).toEqual([
      ['rutland-letter', 'inspection_start', '2018-03-05', 'inspection starting 2017-07-10'],
      ['rutland-letter', 'outcome', 'wsoa', 'no-wsoa'],
      ['torbay-revisit', 'inspection_start', '2021-06-07', 'inspection starting 2021-11-15'],
      ['wokingham-letter', 'inspection_start', '2019-01-15', 'inspection starting 2019-03-11, revisit starting 2021-05-11'],
      ['wokingham-letter', 'outcome', 'no-wsoa', 'wsoa'],
    ]);
    expect(summary.counts.contradictions).toBe(5);
    const rutland = summary.contradictions.find((c) => c.doc === 'rutland-letter' && c.fact === 'outcome')!;
    expect(rutland).toMatchObject({ area: 'Rutland', la_code: '857', source: expect.stringMatching(/rutland-letter\.pdf$/) });
    expect(rutland.message).toMatch(/^the document says a written statement of action was required of Rutland; the official table says no written statement of action was required \(Ofsted's table, ofsted-area-send-2016-2022\.csv line \d+\)$/);
  });

  it("keeps the revisit's counts, and links a letter to the official visit only when its dates are near it", () => {
    const db = new Database(join(out, 'findings.db'), { readonly: true });
    try {
      expect(db.prepare(`SELECT revisit_weaknesses, revisit_sufficient, json_array_length(revisit_results) AS verdicts FROM documents WHERE doc = 'torbay-revisit'`).get())
        .toEqual({ revisit_weaknesses: 3, revisit_sufficient: 2, verdicts: 3 });
      expect(db.prepare('SELECT la_code, revisit, official_visit, outcome, outcome_source FROM inspections ORDER BY la_code').all()).toEqual([
        { la_code: '857', revisit: 0, official_visit: null, outcome: 'wsoa', outcome_source: 'documents' },
        { la_code: '872', revisit: 0, official_visit: 'inspection', outcome: 'wsoa', outcome_source: 'official-table' },
        { la_code: '880', revisit: 1, official_visit: null, outcome: 'wsoa', outcome_source: 'documents' },
      ]);
      // Rutland's documented inspection stands beside the table's own in its history, marked as one the table
      // (complete for the period) contradicts.
      expect(db.prepare(`SELECT framework, visit, start, source, in_table_period FROM area_history WHERE la_code = '857' ORDER BY start`).all()).toEqual([
        { framework: '2016', visit: 'inspection', start: '2017-07-10', source: 'official-table', in_table_period: 0 },
        { framework: '2016', visit: 'inspection', start: '2018-03-05', source: 'documents', in_table_period: 1 },
      ]);
    } finally {
      db.close();
    }
  });

  it('answers --outcome at area level from the table, not from a letter it contradicts', () => {
    const areas = (outcome: string) =>
      (JSON.parse(cli(['query', '--db', join(out, 'findings.db'), '--outcome', outcome, '--areas', '--format', 'json']).stdout) as { area: string }[]).map((a) => a.area);
    expect(areas('wsoa')).toHaveLength(82);
    expect(areas('wsoa')).not.toContain('Rutland');
    expect(areas('wsoa')).toContain('Wokingham');
    expect(areas('no-wsoa')).toContain('Rutland');
  });
});
