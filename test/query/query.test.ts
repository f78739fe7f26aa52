import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../src/aggregate/index.js';
import { QueryInputError, runQuery, type QueryRequest, type QueryRow } from '../../src/query/index.js';
import { dateBound, ftsQuery } from '../../src/query/filters.js';
import { tempDir } from '../helpers.js';
import { FORMULA_QUOTE, TAXONOMY, WHEELCHAIR_QUOTE, fixtureDocuments } from '../aggregate/fixtures.js';

let db: string;
beforeAll(async () => {
  const out = tempDir();
  await writeDataset({ documents: fixtureDocuments, errors: [], outDir: out, taxonomy: TAXONOMY });
  db = join(out, 'findings.db');
});

const json = (filters: Partial<QueryRequest>): QueryRow[] =>
  JSON.parse(runQuery({ db, format: 'json', width: Infinity, ...filters }).output) as QueryRow[];

describe('queryFindings', () => {
  it('finds a category, each finding once with every source that reported it', () => {
    const rows = json({ category: ['wheelchair-waits'] });
    expect(rows).toEqual([
      expect.objectContaining({
        area: 'Derbyshire', la_code: '830', gss: 'E10000007', category: 'wheelchair-waits', polarity: 'concern',
        quote: WHEELCHAIR_QUOTE, page: 1, weeks: 40, doc: 'derbyshire-report', also_in: ['derbyshire-article'],
        inspection_start: '2024-09-23', outcome: 'systemic-failings',
      }),
    ]);
  });

  it('takes an area by name, DfE code or GSS code, and does not mix Derby with Derbyshire', () => {
    const areas = (area: string) => [...new Set(json({ area }).map((r) => r.area))];
    expect(areas('Derby')).toEqual(['Derby']);
    expect(areas('831')).toEqual(['Derby']);
    expect(areas('E10000007')).toEqual(['Derbyshire']);
    expect(areas('derbyshire county council')).toEqual(['Derbyshire']);
  });

  it('lists recurring failings with the quote from each inspection', () => {
    const rows = json({ recurring: true, category: ['part-time-timetables'] });
    expect(rows.map((r) => [r.area, r.inspection_id, r.framework])).toEqual([
      ['Worcestershire', '885-2023-2024-04-22', '2023'],
      ['Worcestershire', '885-2016-undated', '2016'],
    ]);
    expect(json({ recurring: true }).map((r) => r.area)).not.toContain('Derbyshire');
  });

  it('filters by region, outcome, polarity and inspection dates', () => {
    expect(new Set(json({ region: 'west midlands' }).map((r) => r.area))).toEqual(new Set(['Worcestershire']));
    expect(new Set(json({ outcome: 'wsoa' }).map((r) => r.inspection_id))).toEqual(new Set(['885-2016-undated', '891-2016-2016-06-20']));
    expect(json({ polarity: 'strength' }).map((r) => r.category)).toEqual(['parent-engagement']);
    const dated = json({ since: '2023-02', until: '2024-06-30' });
    expect(new Set(dated.map((r) => r.inspection_id))).toEqual(new Set(['885-2023-2024-04-22']));
    expect(json({ since: '2024' }).every((r) => r.inspection_start! >= '2024-01-01')).toBe(true);
  });

  it('searches quote words and phrases, including the wording of a repeat', () => {
    expect(json({ text: '"part-time timetables"' }).map((r) => r.doc)).toEqual(['derbyshire-report', 'worcestershire-report']);
    expect(json({ text: 'wheelchair weeks' }).map((r) => r.doc)).toEqual(['derbyshire-report']);
    expect(json({ text: 'OR NEAR(' })).toEqual([]);
  });

  it('reports no match as an empty result: nothing in a table, a header in CSV, [] in JSON', () => {
    const none = { category: ['off-rolling'] };
    expect(runQuery({ db, format: 'table', width: 80, ...none })).toEqual({ output: '', matches: 0 });
    expect(runQuery({ db, format: 'json', width: 80, ...none }).output.trim()).toBe('[]');
    expect(runQuery({ db, format: 'csv', width: 80, ...none }).output).toMatch(/^area,la_code,gss,region,/);
  });
});

describe('query input errors', () => {
  const error = (filters: Partial<QueryRequest>) => {
    try {
      runQuery({ db, format: 'table', width: 80, ...filters });
    } catch (err) {
      expect(err).toBeInstanceOf(QueryInputError);
      return (err as Error).message;
    }
    throw new Error('expected a QueryInputError');
  };

  it('names an unknown category and lists the real ones', () => {
    expect(error({ category: ['wheelchair-waits', 'wheelchairs'] })).toMatch(/unknown category "wheelchairs".*wheelchair-waits/);
  });

  it('rejects bad dates, unknown areas and regions, and contradictory flags', () => {
    expect(error({ since: '2024-02-30' })).toMatch(/--since "2024-02-30" is not a date/);
    expect(error({ until: 'last year' })).toMatch(/--until "last year" is not a date/);
    expect(error({ area: 'Atlantis' })).toMatch(/unknown area "Atlantis"/);
    expect(error({ region: 'Midlands' })).toMatch(/unknown region "Midlands".*East Midlands/);
    expect(error({ recurring: true, polarity: 'strength' })).toMatch(/--recurring lists concerns only/);
    expect(error({ text: '""' })).toMatch(/no words/);
  });

  it('says to run `findings run` when the dataset is missing or not a dataset', () => {
    expect(error({ db: join(tempDir(), 'findings.db') })).toMatch(/no dataset at .*run `findings run` first/);
    const junk = join(tempDir(), 'junk.db');
    writeFileSync(junk, 'not sqlite');
    expect(error({ db: junk })).toMatch(/is not a findings dataset/);
  });
});

describe('output formats', () => {
  it('cuts quotes to the terminal width in a table and keeps them whole when piped', () => {
    const narrow = runQuery({ db, format: 'table', width: 100, category: ['wheelchair-waits', 'ehcp-timeliness'] }).output;
    const lines = narrow.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^AREA\s+INSPECTED\s+CATEGORY\s+POLARITY\s+PAGE\s+QUOTE$/);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(100);
    expect(narrow).toMatch(/Derbyshire\s+2024-09-23\s+wheelchair-waits\s+concern\s+1\s+Children and young people wait.*…/);
    expect(lines.at(-1)).toBe('5 findings in 3 areas');
    const piped = runQuery({ db, format: 'table', width: Infinity, category: ['wheelchair-waits'] }).output;
    expect(piped).toContain(WHEELCHAIR_QUOTE);
  });

  it('writes CSV that spreadsheets cannot execute', () => {
    const out = runQuery({ db, format: 'csv', width: Infinity, category: ['parent-engagement'], polarity: 'concern' }).output;
    const rows = parse(out, { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.doc === 'panel-minutes')!.quote).toBe(`'${FORMULA_QUOTE}`);
  });
});

describe('query helpers', () => {
  it('expands partial dates to the days they cover', () => {
    expect(dateBound('2024', '--since', 'start')).toBe('2024-01-01');
    expect(dateBound('2024-02', '--until', 'end')).toBe('2024-02-29');
    expect(dateBound('2023-12-31', '--until', 'end')).toBe('2023-12-31');
  });

  it('quotes every term so FTS syntax in user words cannot break the query', () => {
    expect(ftsQuery('waiting "too long" NEAR(')).toBe('"waiting" "too long" "NEAR("');
  });
});
