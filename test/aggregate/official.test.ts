// Ofsted's official 2016–22 table as shipped in data/, and what the loader says about a malformed copy.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOfficialTable, OFFICIAL_TABLE, OfficialTableError } from '../../src/aggregate/official.js';
import { tempDir } from '../helpers.js';

const HEADER = readFileSync(OFFICIAL_TABLE, 'utf8').split(/\r?\n/)[0]!;

/** A copy of the table with only these data rows. */
function tableWith(...rows: string[]): string {
  const path = join(tempDir(), 'table.csv');
  writeFileSync(path, [HEADER, ...rows].join('\n') + '\n');
  return path;
}

function problemsOf(path: string): string {
  try {
    loadOfficialTable(path);
  } catch (err) {
    expect(err).toBeInstanceOf(OfficialTableError);
    return (err as Error).message;
  }
  throw new Error('expected the table to be rejected');
}

describe("Ofsted's official 2016–22 table", () => {
  const table = loadOfficialTable();

  it('has all 149 areas once each: 82 required a written statement of action, 67 did not', () => {
    expect(table).toHaveLength(149);
    expect(new Set(table.map((r) => r.la_code)).size).toBe(149);
    expect(table.filter((r) => r.outcome === 'wsoa')).toHaveLength(82);
    expect(table.filter((r) => r.outcome === 'no-wsoa')).toHaveLength(67);
  });

  it('turns a row into ISO dates, counts and a revisit result', () => {
    expect(table.find((r) => r.la_code === '330')).toEqual({
      la_code: '330', gss_at_inspection: 'E08000025', name: 'Birmingham', ofsted_region: 'West Midlands',
      inspection_start: '2018-06-25', published: '2018-09-10', outcome: 'wsoa', weaknesses: 13,
      revisit_start: '2021-05-24', revisit_published: '2021-07-14', revisit_result: 'partial-progress',
      weaknesses_progressed: 1, weaknesses_not_progressed: 12, source: 'ofsted-area-send-2016-2022.csv line 8',
    });
    expect(table.find((r) => r.la_code === '370')).toMatchObject({ outcome: 'wsoa', weaknesses: 2, revisit_start: null, revisit_result: 'not-revisited-yet' });
    expect(table.find((r) => r.la_code === '301')).toMatchObject({ outcome: 'no-wsoa', weaknesses: null, revisit_result: null });
    expect(table.find((r) => r.la_code === '878')).toMatchObject({ revisit_result: 'insufficient-progress', weaknesses_progressed: 0, weaknesses_not_progressed: 4 });
    const results = new Set(table.filter((r) => r.outcome === 'wsoa').map((r) => r.revisit_result));
    expect([...results].sort()).toEqual(['insufficient-progress', 'not-revisited-yet', 'partial-progress', 'sufficient-progress']);
  });

  it('names the file, line, area and column of each bad cell, and every problem at once', () => {
    const message = problemsOf(tableWith(
      '301,E09000002,Barking and Dagenham,London,31/02/2017,29/06/2017,No,,,,,,',
      '302,E09000003,Barnet,London,17/01/2022,24/03/2022,Perhaps,,,,,,',
      '370,E08000017,Barnsley,North East,20/09/2021,24/11/2021,Yes,two,Not revisited yet,,,,',
    ));
    expect(message).toContain('table.csv line 2 (Barking and Dagenham), column "Inspection start date": expected a date as DD/MM/YYYY, found "31/02/2017"');
    expect(message).toContain('line 3 (Barnet), column "Inspection outcome: written statement of action required?": expected one of "Yes", "No"');
    expect(message).toContain('line 4 (Barnsley), column "Number significant weaknesses identified in written statement of action": expected a whole number');
  });

  it('checks the revisit adds up, and a code is neither unknown nor repeated', () => {
    const message = problemsOf(tableWith(
      '822,E06000055,Bedford,East of England,05/02/2018,28/03/2018,Yes,5,03/02/2020,11/05/2020,Yes,4,0',
      '822,E06000055,Bedford,East of England,05/02/2018,28/03/2018,No,,,,,,',
      '999,E06000099,Nowhere,London,05/02/2018,28/03/2018,No,,,,,,',
      '303,E09000004,Bexley,London,03/10/2016,13/12/2016,No,2,,,,,',
    ));
    expect(message).toMatch(/line 2 \(Bedford\), column "Number significant weaknesses where sufficient progress has not been made": .*\(4 \+ 0\) do not add up to the 5/);
    expect(message).toContain('line 3 (Bedford), column "la_code": DfE code 822 is already on line 2');
    expect(message).toContain('line 4 (Nowhere), column "la_code": no English local authority has DfE code 999');
    expect(message).toContain('line 5 (Bexley), column "Number significant weaknesses identified in written statement of action": expected an empty cell: no written statement of action was required');
  });

  it('says which columns a table lacks', () => {
    const path = join(tempDir(), 'other.csv');
    writeFileSync(path, 'la_code,Area name\n301,Barking and Dagenham\n');
    expect(problemsOf(path)).toMatch(/other\.csv: missing columns "Local authority code", "Ofsted region"/);
  });
});
