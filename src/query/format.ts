// Query results for people (a table whose quotes are cut to fit the terminal) and for pipes (CSV, JSON).
import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS } from '../aggregate/csv.js';
import { printable } from '../printable.js';
import type { QueryRow } from './query.js';

export const FORMATS = ['table', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

const CSV_COLUMNS = [
  'area', 'la_code', 'gss', 'region', 'inspection_id', 'framework', 'outcome', 'inspection_start', 'inspection_end',
  'official_start', 'category', 'polarity', 'voice', 'context', 'quote', 'page', 'section', 'weeks', 'doc', 'kind', 'source', 'also_in', 'why',
] as const satisfies readonly (keyof QueryRow)[];

/** `width`: the terminal's columns (quotes are cut to fit), or Infinity when the output is not a terminal. */
export function formatRows(rows: QueryRow[], format: Format, width: number): string {
  switch (format) {
    case 'json':
      return JSON.stringify(rows, null, 2) + '\n';
    case 'csv':
      return stringify(
        rows.map((r) => ({ ...r, also_in: r.also_in.join('; '), why: r.why.join('; ') })),
        { ...CSV_OPTIONS, columns: [...CSV_COLUMNS] },
      );
    case 'table':
      return table(rows, width);
  }
}

const MIN_QUOTE = 30;

/** The quote as a reader needs it: a list item after its lead-in ("Leaders should improve: … the timeliness of
 * reviews"); another voice than the inspectors' named first. */
export function quoted(r: Pick<QueryRow, 'quote' | 'context' | 'voice'>): string {
  const voice = r.voice === 'inspectors' ? '' : `[${r.voice}] `;
  return `${voice}${r.context ? `${r.context} … ` : ''}${r.quote}`;
}
const cap = (max: number) => (s: string) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function table(rows: QueryRow[], width: number): string {
  // A table goes to a terminal: any control character left in the data is shown escaped, never acted on.
  const cells = rows.map((r) =>
    [
      r.area ?? '(no area)',
      r.inspection_start ?? r.official_start ?? `undated ${r.framework ?? ''}`.trim(),
      r.category,
      r.polarity,
      r.page === null ? '' : String(r.page),
    ].map(printable),
  );
  const header = ['AREA', 'INSPECTED', 'CATEGORY', 'POLARITY', 'PAGE'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const used = widths.reduce((a, b) => a + b + 2, 0);
  const fitQuote = cap(Math.max(MIN_QUOTE, width - used));
  const line = (values: string[], quote: string) =>
    [...values.map((v, i) => (i === 4 ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))), quote].join('  ').trimEnd();
  const areas = new Set(rows.map((r) => r.la_code)).size;
  return [
    line(header, 'QUOTE'),
    ...rows.map((r, i) => line(cells[i]!, fitQuote(printable(quoted(r).replace(/\s+/g, ' '))))),
    '',
    `${rows.length} ${rows.length === 1 ? 'finding' : 'findings'} in ${areas} ${areas === 1 ? 'area' : 'areas'}`,
    '',
  ].join('\n');
}
