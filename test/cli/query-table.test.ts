// `findings query` prints its table to a terminal: a control character that reached the dataset (one stored before
// ingest dropped them, or put in by hand) is shown escaped, never sent to the terminal.
import { describe, expect, it } from 'vitest';
import { formatRows } from '../../src/query/format.js';
import type { QueryRow } from '../../src/query/query.js';

// The fields other branches add to a row (voice, context, why, the official table's date), so the test holds either way.
const added = { voice: 'inspectors', context: null, why: [], official_start: null };
const row = {
  ...added,
  area: 'Derby\u001b[2J', la_code: '831', gss: 'E06000015', region: 'East Midlands', inspection_id: '831-2023', framework: '2023',
  outcome: 'inconsistent', inspection_start: '2024-01-08', inspection_end: '2024-01-12', category: 'ehcp-timeliness',
  polarity: 'concern', quote: 'Plans are late\u001b]0;owned\u0007 and \u009b31mred\u202E.', page: 3, section: null, weeks: null,
  doc: 'derby', kind: 'report', source: 'corpus/derby.pdf', also_in: [],
} as QueryRow;

describe('findings query --format table', () => {
  it('escapes control characters and bidirectional overrides in every cell', () => {
    const table = formatRows([row], 'table', 200);
    expect(table).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E]/);
    expect(table).toContain('Derby\\x1B[2J');
    expect(table).toContain('Plans are late\\x1B]0;owned\\x07 and \\x9B31mred\\u202E.');
  });

  it('leaves JSON as it is (JSON escapes control characters itself)', () => {
    expect(formatRows([row], 'json', 200)).toContain('"Derby\\u001b[2J"');
  });
});
