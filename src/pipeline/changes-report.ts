// The nightly's morning read: out/changes/<date>.json for machines and .md for people. One pair per day, covering every
// nightly of that day, so a second run the same morning adds to the report rather than replacing it with "nothing new".
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ChangesSchema, type NewFindings } from './changes.js';
import { writeFileAtomic } from '../files/atomic.js';

const FetchReportSchema = z.object({
  /** Corpus paths of the publications downloaded that day. */
  downloaded: z.array(z.string()),
  /** What could not be fetched, as of the day's last fetch. */
  failed: z.array(z.object({ url: z.string(), reason: z.string() })),
  /** Why the last fetch fetched nothing (no network, a failure), if it did not finish. */
  note: z.string().nullable(),
});
export type FetchReport = z.infer<typeof FetchReportSchema>;

const NightlyReportSchema = z.object({
  date: z.string(),
  /** When the dataset these changes describe was built. */
  published_at: z.string().nullable(),
  /** null when no nightly that day fetched (--offline). */
  fetch: FetchReportSchema.nullable(),
  changes: ChangesSchema,
});
export type NightlyReport = z.infer<typeof NightlyReportSchema>;

export const changesPaths = (outDir: string, date: string) => ({
  json: join(outDir, 'changes', `${date}.json`),
  md: join(outDir, 'changes', `${date}.md`),
});

/** The day's report written by an earlier nightly, or null when there is none (or it is not one we can read). */
export async function readChangesFile(outDir: string, date: string): Promise<NightlyReport | null> {
  const text = await readFile(changesPaths(outDir, date).json, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = NightlyReportSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The day's fetch so far: everything downloaded by any run; failures and note as the latest fetch left them. */
export function mergeFetch(earlier: FetchReport | null, latest: FetchReport | null): FetchReport | null {
  if (!latest || !earlier) return latest ?? earlier;
  return { downloaded: [...new Set([...earlier.downloaded, ...latest.downloaded])], failed: latest.failed, note: latest.note };
}

export async function writeChangesFiles(outDir: string, report: NightlyReport): Promise<{ json: string; md: string }> {
  const paths = changesPaths(outDir, report.date);
  await mkdir(join(outDir, 'changes'), { recursive: true });
  await writeFileAtomic(paths.json, JSON.stringify(report, null, 2) + '\n');
  await writeFileAtomic(paths.md, { lines: renderMarkdown(report) });
  return paths;
}

/** Markdown-safe: document text goes into quotes, so characters Markdown would act on are escaped. */
const esc = (s: string) => s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');

/** Quotes shown per group; the JSON has them all. */
const QUOTES_SHOWN = 3;

function* renderMarkdown({ date, published_at, fetch, changes: c }: NightlyReport): Iterable<string> {
  yield `# findings: changes on ${date}`;
  yield '';
  if (fetch === null) yield '- Fetch: skipped (--offline).';
  else {
    yield `- Fetch: ${fetch.downloaded.length} new publication(s) downloaded, ${fetch.failed.length} could not be fetched.`;
    for (const f of fetch.failed) yield `  - failed: ${esc(f.url)}: ${esc(f.reason)}`;
    if (fetch.note) yield `  - ${esc(fetch.note)}`;
  }
  yield `- Documents: ${c.new_documents.length} new, ${c.updated_documents.length} updated, ${c.removed_documents.length} removed, ${c.failed.length} failed.`;
  const total = c.new_findings.reduce((n, g) => n + g.findings.length, 0);
  yield `- New findings: ${total}${published_at ? ` (dataset built ${published_at})` : ''}.`;
  if (c.new_documents.length) {
    yield '';
    yield '## New documents';
    for (const d of c.new_documents) yield `- ${esc(d.doc)} (${d.kind}): ${esc(d.area ?? 'area not named')}${d.outcome ? `, outcome ${d.outcome}` : ''}`;
  }
  if (c.changed_outcomes.length) {
    yield '';
    yield '## Changed outcomes';
    for (const o of c.changed_outcomes) yield `- ${esc(o.area ?? o.doc)}: ${o.from ?? 'none'} → ${o.to ?? 'none'} (${esc(o.doc)})`;
  }
  if (c.new_findings.length) {
    yield '';
    yield '## New findings by area and category';
    yield* renderFindings(c.new_findings, date);
  }
  if (c.updated_documents.length) {
    yield '';
    yield '## Updated documents';
    for (const d of c.updated_documents) yield `- ${esc(d)}`;
  }
  if (c.removed_documents.length) {
    yield '';
    yield '## Removed documents';
    for (const d of c.removed_documents) yield `- ${esc(d)}`;
  }
  if (c.failed.length) {
    yield '';
    yield '## Documents that failed';
    for (const f of c.failed) yield `- ${esc(f.doc)}: ${esc(f.error)}`;
  }
}

/**
 * Per area: a heading with the tally, each category of concern with its first quotes, then strengths and mentions as
 * counts per category (the JSON has every quote). new_findings comes sorted by area.
 */
function* renderFindings(groups: NewFindings[], date: string): Iterable<string> {
  const areas = new Map<string, NewFindings[]>();
  for (const g of groups) {
    const area = g.area ?? 'area not named';
    const list = areas.get(area);
    if (list) list.push(g);
    else areas.set(area, [g]);
  }
  for (const [area, list] of areas) {
    const count = (polarity: string) => list.filter((g) => g.polarity === polarity).reduce((n, g) => n + g.findings.length, 0);
    yield '';
    yield `### ${esc(area)}: ${count('concern')} concern(s), ${count('strength')} strength(s), ${count('mention')} mention(s)`;
    for (const g of list.filter((g) => g.polarity === 'concern')) {
      yield `- ${g.category}: ${g.findings.length}`;
      for (const f of g.findings.slice(0, QUOTES_SHOWN)) yield `  - “${esc(f.quote)}” (${esc(f.doc)}${f.page ? `, p. ${f.page}` : ''})`;
      if (g.findings.length > QUOTES_SHOWN) yield `  - and ${g.findings.length - QUOTES_SHOWN} more (see ${date}.json)`;
    }
    for (const polarity of ['strength', 'mention'] as const) {
      const tally = list.filter((g) => g.polarity === polarity).map((g) => `${g.category} ${g.findings.length}`);
      if (tally.length) yield `- ${polarity === 'strength' ? 'Strengths' : 'Mentions'}: ${tally.join(', ')}`;
    }
  }
}
