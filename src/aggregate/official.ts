// Ofsted's official table of 2016–22 area SEND inspections and revisits (data/ofsted-area-send-2016-2022.csv), read
// and checked row by row: every area gets its 2016–22 history from it, whether or not a document about it was fed in.
import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { resolveArea } from '../gazetteer/index.js';

/** The shipped table: two folders up from src/aggregate or dist/aggregate. */
export const OFFICIAL_TABLE = fileURLToPath(new URL('../../data/ofsted-area-send-2016-2022.csv', import.meta.url));

/** What the revisit found: sufficient progress on all, some or none of the significant weaknesses, or no revisit yet. */
export const REVISIT_RESULTS = ['sufficient-progress', 'partial-progress', 'insufficient-progress', 'not-revisited-yet'] as const;
export type RevisitResult = (typeof REVISIT_RESULTS)[number];

export interface OfficialInspection {
  la_code: string;
  /** The GSS code as the table gives it, at the time of the inspection (some areas have new codes since). */
  gss_at_inspection: string;
  name: string;
  ofsted_region: string;
  inspection_start: string;
  published: string;
  outcome: 'wsoa' | 'no-wsoa';
  /** Significant weaknesses the written statement of action had to address; null with no WSoA. */
  weaknesses: number | null;
  revisit_start: string | null;
  revisit_published: string | null;
  /** null when no WSoA was required (so no revisit was due). */
  revisit_result: RevisitResult | null;
  weaknesses_progressed: number | null;
  weaknesses_not_progressed: number | null;
  /** Where the row is: file and line, for anyone checking a value. */
  source: string;
}

/** Ofsted's column headings, as the file has them. */
const COL = {
  la_code: 'la_code',
  gss: 'Local authority code',
  name: 'Area name',
  region: 'Ofsted region',
  start: 'Inspection start date',
  published: 'Inspection publication date',
  wsoa: 'Inspection outcome: written statement of action required?',
  weaknesses: 'Number significant weaknesses identified in written statement of action',
  revisitStart: 'Revisit start date',
  revisitPublished: 'Revisit publication date',
  revisitOutcome: 'Revisit outcome: sufficient progress in addressing all significant weaknesses?',
  progressed: 'Number significant weaknesses where sufficient progress has been made',
  notProgressed: 'Number significant weaknesses where sufficient progress has not been made',
} as const;

/** DD/MM/YYYY, a real day, → YYYY-MM-DD; `also` are other words the cell may hold instead. */
const ukDate = <const T extends string>(...also: T[]) =>
  z.string().transform((s, ctx): string | T => {
    if ((also as string[]).includes(s)) return s as T;
    const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
    const iso = m ? `${m[3]}-${m[2]}-${m[1]}` : '';
    const d = new Date(`${iso}T00:00:00Z`);
    if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
      const words = also.map((w) => ` or "${w}"`).join('');
      ctx.addIssue({ code: 'custom', message: `expected a date as DD/MM/YYYY${words}, found "${s}"` });
      return z.NEVER;
    }
    return iso;
  });
const count = z.string().regex(/^\d+$/, 'expected a whole number').transform(Number);
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.string().refine((s): s is T[number] => values.includes(s), `expected one of ${values.map((v) => `"${v}"`).join(', ')}`);
const trimmed = z.string().transform((s) => s.trim());
/** A cell that may be empty (null), else what `schema` makes of it; trimmed either way. */
const orBlank = <T extends z.ZodType<unknown, string>>(schema: T) =>
  trimmed.transform((s, ctx): z.output<T> | null => {
    if (s === '') return null;
    const parsed = schema.safeParse(s);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message });
    return z.NEVER;
  });

const RowSchema = z
  .object({
    [COL.la_code]: trimmed.pipe(z.string().regex(/^\d{3}$/, 'expected a 3-digit DfE code')),
    [COL.gss]: trimmed.pipe(z.string().regex(/^E\d{8}$/, 'expected a GSS code (E and 8 digits)')),
    [COL.name]: trimmed.pipe(z.string().min(1, 'expected the area name')),
    [COL.region]: trimmed.pipe(z.string().min(1, 'expected the Ofsted region')),
    [COL.start]: trimmed.pipe(ukDate()),
    [COL.published]: trimmed.pipe(ukDate()),
    [COL.wsoa]: trimmed.pipe(oneOf(['Yes', 'No'])),
    [COL.weaknesses]: orBlank(count),
    [COL.revisitStart]: orBlank(ukDate('Not revisited yet')),
    [COL.revisitPublished]: orBlank(ukDate()),
    [COL.revisitOutcome]: orBlank(oneOf(['Yes', 'Some', 'No'])),
    [COL.progressed]: orBlank(count),
    [COL.notProgressed]: orBlank(count),
  })
  .superRefine((r, ctx) => {
    const problem = (column: string, message: string) => ctx.addIssue({ code: 'custom', path: [column], message });
    if (!resolveArea(r[COL.la_code])) problem(COL.la_code, `no English local authority has DfE code ${r[COL.la_code]}`);
    if (r[COL.published] < r[COL.start]) problem(COL.published, 'published before the inspection started');
    const revisitStart = r[COL.revisitStart];
    const revisited = revisitStart !== null && revisitStart !== 'Not revisited yet';
    const revisitCells = [COL.revisitPublished, COL.revisitOutcome, COL.progressed, COL.notProgressed] as const;
    if (r[COL.wsoa] === 'No') {
      for (const c of [COL.weaknesses, COL.revisitStart, ...revisitCells]) if (r[c] !== null) problem(c, 'expected an empty cell: no written statement of action was required');
      return;
    }
    if (r[COL.weaknesses] === null || r[COL.weaknesses] === 0) problem(COL.weaknesses, 'a written statement of action needs at least one significant weakness');
    if (revisitStart === null) problem(COL.revisitStart, 'expected the revisit date or "Not revisited yet"');
    if (!revisited) {
      for (const c of revisitCells) if (r[c] !== null) problem(c, 'expected an empty cell: not revisited yet');
      return;
    }
    for (const c of revisitCells) if (r[c] === null) problem(c, 'expected a value: the area was revisited');
    const [made, notMade, outcome] = [r[COL.progressed], r[COL.notProgressed], r[COL.revisitOutcome]];
    if (revisitStart < r[COL.published]) problem(COL.revisitStart, 'revisit before the inspection was published');
    const revisitPublished = r[COL.revisitPublished];
    if (revisitPublished !== null && revisitPublished < revisitStart) problem(COL.revisitPublished, 'published before the revisit started');
    if (made === null || notMade === null || outcome === null) return;
    if (made + notMade !== r[COL.weaknesses]) problem(COL.notProgressed, `weaknesses with and without sufficient progress (${made} + ${notMade}) do not add up to the ${r[COL.weaknesses]} identified`);
    const expected = notMade === 0 ? 'Yes' : made === 0 ? 'No' : 'Some';
    if (outcome !== expected) problem(COL.revisitOutcome, `"${outcome}" disagrees with the counts (${made} made sufficient progress, ${notMade} did not): expected "${expected}"`);
  });

type Row = z.infer<typeof RowSchema>;

const RESULTS: Record<string, RevisitResult> = { Yes: 'sufficient-progress', Some: 'partial-progress', No: 'insufficient-progress' };

function toInspection(r: Row, source: string): OfficialInspection {
  const [revisitStart, revisitOutcome] = [r[COL.revisitStart], r[COL.revisitOutcome]];
  return {
    la_code: r[COL.la_code],
    gss_at_inspection: r[COL.gss],
    name: r[COL.name],
    ofsted_region: r[COL.region],
    inspection_start: r[COL.start],
    published: r[COL.published],
    outcome: r[COL.wsoa] === 'Yes' ? 'wsoa' : 'no-wsoa',
    weaknesses: r[COL.weaknesses],
    revisit_start: revisitStart === 'Not revisited yet' ? null : revisitStart,
    revisit_published: r[COL.revisitPublished],
    revisit_result: revisitStart === 'Not revisited yet' ? 'not-revisited-yet' : revisitOutcome === null ? null : RESULTS[revisitOutcome]!,
    weaknesses_progressed: r[COL.progressed],
    weaknesses_not_progressed: r[COL.notProgressed],
    source,
  };
}

export class OfficialTableError extends Error {
  override name = 'OfficialTableError';
}

/** Reads and checks the table; throws OfficialTableError listing every problem by file, line, area and column. */
export function loadOfficialTable(path: string = OFFICIAL_TABLE): OfficialInspection[] {
  const near = relative(process.cwd(), path);
  const file = near && !near.startsWith('..') ? near : path;
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(readFileSync(path, 'utf8'), { columns: true, bom: true, info: true, skip_empty_lines: true });
  } catch (err) {
    throw new OfficialTableError(`${file}: not a readable CSV table (${(err as Error).message})`);
  }
  const missing = Object.values(COL).filter((c) => !(records[0] && c in records[0].record));
  if (missing.length) throw new OfficialTableError(`${file}: missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`);
  const problems: string[] = [];
  const out: OfficialInspection[] = [];
  const lineOf = new Map<string, number>();
  for (const { record, info } of records) {
    const where = `${file} line ${info.lines}${record[COL.name] ? ` (${record[COL.name]})` : ''}`;
    const la = record[COL.la_code]!.trim();
    if (lineOf.has(la)) {
      problems.push(`${where}, column "${COL.la_code}": DfE code ${la} is already on line ${lineOf.get(la)}`);
      continue;
    }
    lineOf.set(la, info.lines);
    const parsed = RowSchema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${where}, column "${String(issue.path[0] ?? '?')}": ${issue.message}`);
      continue;
    }
    out.push(toInspection(parsed.data, `${basename(path)} line ${info.lines}`));
  }
  if (problems.length) throw new OfficialTableError(`Ofsted's 2016–22 table is malformed:\n${problems.join('\n')}`);
  return out;
}
