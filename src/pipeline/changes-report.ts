// The nightly's morning read: out/changes/<date>.json for machines and .md for people.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Changes } from './changes.js';
import { writeLinesAtomic } from './outputs.js';

export interface NightlyReport {
  date: string;
  /** null when the fetch was skipped (--offline) or the site could not be reached. */
  fetch: { downloaded: string[]; failed: { url: string; reason: string }[]; note: string | null } | null;
  changes: Changes;
}

export async function writeChangesFiles(outDir: string, report: NightlyReport): Promise<{ json: string; md: string }> {
  const dir = join(outDir, 'changes');
  await mkdir(dir, { recursive: true });
  const json = join(dir, `${report.date}.json`);
  const md = join(dir, `${report.date}.md`);
  await writeLinesAtomic(json, [JSON.stringify(report, null, 2)]);
  await writeLinesAtomic(md, renderMarkdown(report));
  return { json, md };
}

/** Markdown-safe: document text goes into quotes, so characters Markdown would act on are escaped. */
const esc = (s: string) => s.replace(/[\\`*_[\]<>|#]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');

function* renderMarkdown({ date, fetch, changes: c }: NightlyReport): Iterable<string> {
  yield `# findings: changes on ${date}`;
  yield '';
  if (fetch === null) yield '- Fetch: skipped.';
  else {
    yield `- Fetched ${fetch.downloaded.length} new publication(s); ${fetch.failed.length} failed.${fetch.note ? ` ${esc(fetch.note)}` : ''}`;
    for (const f of fetch.failed) yield `  - failed: ${esc(f.url)}: ${esc(f.reason)}`;
  }
  yield `- Documents: ${c.new_documents.length} new, ${c.updated_documents.length} updated, ${c.removed_documents.length} removed, ${c.failed.length} failed.`;
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
    for (const g of c.new_findings) {
      yield `- **${esc(g.area ?? 'area not named')}** — ${g.category} (${g.polarity}): ${g.findings.length}`;
      for (const f of g.findings.slice(0, 3)) yield `  - “${esc(f.quote)}” (${esc(f.doc)}${f.page ? `, p. ${f.page}` : ''})`;
    }
  }
  if (c.failed.length) {
    yield '';
    yield '## Documents that failed';
    for (const f of c.failed) yield `- ${esc(f.doc)}: ${esc(f.error)}`;
  }
}
