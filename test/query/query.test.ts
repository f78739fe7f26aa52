import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../src/aggregate/index.js';
import { QueryInputError, runQuery, type AreaRow, type QueryRequest, type QueryRow } from '../../src/query/index.js';
import { dateBound, ftsQuery } from '../../src/query/filters.js';
import { tempDir } from '../helpers.js';
import { COUNCIL_QUOTE, FORMULA_QUOTE, LEAD_IN, LIST_ITEM, PARENT_QUOTE, TAXONOMY, WHEELCHAIR_QUOTE, fixtureDocuments } from '../aggregate/fixtures.js';

let db: string;
beforeAll(async () => {
  const out = tempDir();
  await writeDataset({ documents: fixtureDocuments, errors: [], outDir: out, taxonomy: TAXONOMY });
  db = join(out, 'findings.db');
});

const json = (filters: Partial<QueryRequest>): QueryRow[] =>
  JSON.parse(runQuery({ db, format: 'json', width: Infinity, ...filters }).output) as QueryRow[];
const areasJson = (filters: Partial<QueryRequest>): AreaRow[] =>
  JSON.parse(runQuery({ db, format: 'json', width: Infinity, areas: true, ...filters }).output) as AreaRow[];

describe('queryFindings', () => {
  it('finds a category, each finding once with every source that reported it', () => {
    const rows = json({ category: ['wheelchair-waits'] });
    expect(rows).toEqual([
      expect.objectContaining({
        area: 'Derbyshire', la_code: '830', gss: 'E10000007', category: 'wheelchair-waits', polarity: 'concern',
        quote: WHEELCHAIR_QUOTE, page: 1, weeks: 40, doc: 'derbyshire-report', also_in: ['derbyshire-article'],
        inspection_start: '2024-09-23', outcome: 'systemic-failings', voice: 'inspectors', context: null,
        why: ['concern cue in rule wheelchair-waits-1'],
      }),
    ]);
  });

  it("gives the inspectors' findings by default, and the council's and others' with --voice", () => {
    const quotes = (voice?: QueryRequest['voice']) => json({ area: 'Derbyshire', category: ['ehcp-timeliness'], voice }).map((r) => [r.voice, r.quote]);
    expect(quotes()).toEqual([['inspectors', expect.stringContaining('EHC plans')], ['inspectors', LIST_ITEM]]);
    expect(quotes('council')).toEqual([['council', COUNCIL_QUOTE]]);
    expect(quotes('others')).toEqual([['others', PARENT_QUOTE]]);
    expect(quotes('all').map(([v]) => v).sort()).toEqual(['council', 'inspectors', 'inspectors', 'others']);
    const table = runQuery({ db, format: 'table', width: Infinity, area: 'Derbyshire', category: ['ehcp-timeliness'], voice: 'all' }).output;
    expect(table).toContain(`[council] ${COUNCIL_QUOTE}`);
    expect(table).toContain(`[others] ${PARENT_QUOTE}`);
  });

  it('gives a list item with its lead-in', () => {
    expect(json({ text: 'annual reviews' })).toEqual([expect.objectContaining({ quote: LIST_ITEM, context: LEAD_IN })]);
    const table = runQuery({ db, format: 'table', width: Infinity, text: 'annual reviews' }).output;
    expect(table).toContain(`${LEAD_IN} … ${LIST_ITEM}`);
    const csv = parse(runQuery({ db, format: 'csv', width: Infinity, text: 'annual reviews' }).output, { columns: true }) as Record<string, string>[];
    expect(csv[0]).toMatchObject({ voice: 'inspectors', context: LEAD_IN, quote: LIST_ITEM, why: `concern cue in rule ehcp-timeliness-1; lead-in '${LEAD_IN}'` });
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
    // 2016–22 outcomes are the official table's: Derby's blog is of a WSoA inspection; Nottinghamshire's was not one.
    expect(new Set(json({ outcome: 'wsoa' }).map((r) => r.inspection_id))).toEqual(new Set(['831-2016-undated', '885-2016-undated']));
    expect(new Set(json({ outcome: 'no-wsoa' }).map((r) => r.inspection_id))).toEqual(new Set(['891-2016-2016-06-20']));
    expect(json({ polarity: 'strength' }).map((r) => r.category)).toEqual(['parent-engagement']);
    expect(json({ polarity: 'strength', voice: 'all' }).map((r) => r.category)).toEqual(['ehcp-timeliness', 'parent-engagement']);
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
    expect(runQuery({ db, format: 'table', width: 80, ...none })).toEqual({ output: '', matches: 0, unit: 'findings' });
    expect(runQuery({ db, format: 'table', width: 80, areas: true, ...none })).toEqual({ output: '', matches: 0, unit: 'areas' });
    expect(runQuery({ db, format: 'json', width: 80, ...none }).output.trim()).toBe('[]');
    expect(runQuery({ db, format: 'csv', width: 80, ...none }).output).toMatch(/^area,la_code,gss,region,/);
  });
});

describe('area-level answers', () => {
  it('lists the 82 areas whose 2016–22 inspection required a WSoA, from the official table, documents or not', () => {
    const wsoa = areasJson({ outcome: 'wsoa' });
    expect(wsoa).toHaveLength(82);
    expect(areasJson({ outcome: 'no-wsoa' })).toHaveLength(67);
    expect(wsoa.every((a) => a.outcome_2016 === 'wsoa' && a.source_2016 === 'official-table')).toBe(true);
    expect(wsoa.find((a) => a.area === 'Barnsley')).toEqual({
      area: 'Barnsley', la_code: '370', gss: 'E08000016', region: 'Yorkshire and the Humber', outcome_2016: 'wsoa',
      inspection_2016_start: '2021-09-20', inspection_2016_published: '2021-11-24', weaknesses_2016: 2, revisit_2016_start: null,
      revisit_2016_result: 'not-revisited-yet', source_2016: 'official-table', outcome_2023: null, inspection_2023_start: null, findings: 0,
    });
    // Derby's documented 2016 inspection is the official one: its finding counts.
    expect(wsoa.find((a) => a.area === 'Derby')).toMatchObject({ revisit_2016_result: 'sufficient-progress', findings: 2 });
  });

  it('narrows areas by region, dates and outcome under either framework, and by findings when asked about them', () => {
    expect(areasJson({ outcome: 'wsoa', region: 'West Midlands', since: '2021' }).map((a) => a.area)).toEqual(['Warwickshire', 'Wolverhampton']);
    expect(areasJson({ outcome: 'systemic-failings' }).map((a) => a.area)).toEqual(['Derbyshire', 'Nottinghamshire', 'Worcestershire']);
    expect(areasJson({ category: ['wheelchair-waits'] })).toEqual([expect.objectContaining({ area: 'Derbyshire', findings: 1, outcome_2016: 'no-wsoa', outcome_2023: 'systemic-failings' })]);
    expect(areasJson({ category: ['tribunals'], voice: 'others' }).map((a) => a.area)).toEqual(['Derbyshire']);
  });

  it('answers --outcome in a table with the areas first, then the findings of those inspections', () => {
    const out = runQuery({ db, format: 'table', width: Infinity, outcome: 'wsoa' });
    expect(out.matches).toBe(3);
    const [areas, findings] = out.output.split('Findings from those inspections:');
    expect(areas).toMatch(/^Areas whose inspection had the outcome wsoa:\n\nAREA\s+DfE\s+2016–22\s+INSPECTED/);
    expect(areas).toMatch(/Birmingham\s+330\s+wsoa\s+2018-06-25\s+2018-09-10\s+13\s+some progressed 2021-05-24/);
    expect(areas).toContain("82 areas; 2016–22 from Ofsted's official table; 2023 from documents");
    // Worcestershire's undated article is of the official 2016–22 inspection: the table gives its date.
    expect(findings).toMatch(/Worcestershire\s+2018-03-05\s+part-time-timetables/);
    expect(json({ area: 'Worcestershire', outcome: 'wsoa' })[0]).toMatchObject({ inspection_start: null, official_start: '2018-03-05' });
    expect(runQuery({ db, format: 'csv', width: Infinity, areas: true, outcome: 'wsoa' }).output).toMatch(/^area,la_code,gss,region,outcome_2016,/);
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
    expect(lines.at(-1)).toBe('6 findings in 3 areas');
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
