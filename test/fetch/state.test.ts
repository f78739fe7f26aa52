import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FetchState, type SeenPublication } from '../../src/fetch/state.js';
import { tempDir } from '../helpers.js';

const report: SeenPublication = {
  fileId: '50267890',
  url: 'https://files.ofsted.gov.uk/v1/file/50267890',
  urn: '80460',
  laCode: '830',
  area: 'Derbyshire',
  label: 'Area SEND full inspection, PDF - 14 November 2024',
  type: 'Area SEND full inspection',
  published: '2024-11-14',
};
const visit: SeenPublication = { ...report, fileId: '50122222', label: "Children's services focused visit, PDF - 7 November 2023", type: "Children's services focused visit", published: '2023-11-07' };

describe('FetchState', () => {
  it('creates its folder and table, and keeps one row per file id across reopenings', () => {
    const path = join(tempDir(), 'nested', 'state.db');
    const first = FetchState.open(path);
    first.markFailed(report, 'HTTP 503 after 5 attempts', new Date('2025-01-01T00:00:00Z'));
    first.markSkipped([visit], new Date('2025-01-01T00:00:00Z'));
    first.close();

    const second = FetchState.open(path);
    second.markDownloaded(report, 'area_send_80460_derbyshire_14_november_2024_50267890.pdf', 'ab'.repeat(32), new Date('2025-01-02T00:00:00Z'));
    second.markSkipped([visit], new Date('2025-01-02T00:00:00Z'));
    expect(second.status(report.fileId)).toBe('downloaded');
    expect(second.status(visit.fileId)).toBe('skipped-type');
    expect(second.status('nope')).toBeUndefined();
    expect(second.rows()).toEqual([
      expect.objectContaining({ file_id: '50122222', status: 'skipped-type', attempts: 0, first_seen: '2025-01-01T00:00:00.000Z', last_seen: '2025-01-02T00:00:00.000Z' }),
      expect.objectContaining({
        file_id: '50267890',
        status: 'downloaded',
        reason: null,
        file: 'area_send_80460_derbyshire_14_november_2024_50267890.pdf',
        sha256: 'ab'.repeat(32),
        attempts: 2,
        first_seen: '2025-01-01T00:00:00.000Z',
        last_seen: '2025-01-02T00:00:00.000Z',
      }),
    ]);
    second.close();
  });

  it('moves a damaged state aside, says so naming the file, and starts afresh', () => {
    const dir = tempDir();
    const notADb = join(dir, 'state.db');
    writeFileSync(notADb, 'this is not sqlite, it is long enough to have a header '.repeat(4));
    const notices: string[] = [];
    const state = FetchState.open(notADb, (line) => notices.push(line));
    state.markFailed(report, 'HTTP 404', new Date('2025-01-01T00:00:00Z'));
    expect(state.rows()).toHaveLength(1);
    state.close();

    expect(notices).toEqual([
      expect.stringMatching(new RegExp(`^the fetch state ${notADb} failed its integrity check \\(file is not a database\\); moved it to ${notADb}\\.damaged-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ; `)),
    ]);
    expect(readdirSync(dir).filter((f) => f.includes('.damaged-'))).toHaveLength(1);
  });
});
