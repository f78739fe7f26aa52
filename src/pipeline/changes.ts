// What changed between two states of the published dataset (a day's start and now): new, updated and removed
// documents, new findings grouped by area and category, changed outcomes, and documents that failed.
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { POLARITIES } from '../records.js';
import type { PublishedRecord, ResultDiff } from './store.js';

// Schemas, not only types: a day's changes file is read back by the next nightly of that day.
const NewFindingsSchema = z.object({
  area: z.string().nullable(),
  la_code: z.string().nullable(),
  category: z.string(),
  polarity: z.enum(POLARITIES),
  findings: z.array(z.object({ doc: z.string(), quote: z.string(), page: z.number().nullable() })),
});
export type NewFindings = z.infer<typeof NewFindingsSchema>;

export const ChangesSchema = z.object({
  new_documents: z.array(z.object({ doc: z.string(), kind: z.string(), area: z.string().nullable(), outcome: z.string().nullable() })),
  updated_documents: z.array(z.string()),
  removed_documents: z.array(z.string()),
  new_findings: z.array(NewFindingsSchema),
  changed_outcomes: z.array(z.object({ doc: z.string(), area: z.string().nullable(), from: z.string().nullable(), to: z.string().nullable() })),
  failed: z.array(z.object({ doc: z.string(), error: z.string() })),
});
export type Changes = z.infer<typeof ChangesSchema>;

const emptyChanges = (): Changes => ({
  new_documents: [],
  updated_documents: [],
  removed_documents: [],
  new_findings: [],
  changed_outcomes: [],
  failed: [],
});

const findingKey = (f: PublishedRecord['findings'][number]) => `${f.category}\u0000${f.polarity}\u0000${f.quote}`;

export function collectChanges(diffs: Iterable<ResultDiff>): Changes {
  const changes = emptyChanges();
  const groups = new Map<string, NewFindings>();
  for (const { doc, before, after } of diffs) {
    if (!after) {
      changes.removed_documents.push(doc);
      continue;
    }
    if (after.error !== null) {
      changes.failed.push({ doc, error: after.error });
      continue;
    }
    const record = after.record!;
    const old: PublishedRecord | null = before?.record ?? null;
    // A file that only moved (the corpus folder renamed) changed nothing a reader of the dataset would see.
    if (old && isDeepStrictEqual({ ...old, source: record.source }, record)) continue;
    if (old) changes.updated_documents.push(doc);
    else changes.new_documents.push({ doc, kind: record.kind, area: record.area?.name ?? null, outcome: record.outcome });
    if (old && old.outcome !== record.outcome) {
      changes.changed_outcomes.push({ doc, area: record.area?.name ?? null, from: old.outcome, to: record.outcome });
    }
    const known = new Set((old?.findings ?? []).map(findingKey));
    for (const f of record.findings) {
      if (known.has(findingKey(f))) continue;
      const key = `${record.area?.la_code ?? ''}\u0000${f.category}\u0000${f.polarity}`;
      let group = groups.get(key);
      if (!group) {
        group = { area: record.area?.name ?? null, la_code: record.area?.la_code ?? null, category: f.category, polarity: f.polarity, findings: [] };
        groups.set(key, group);
      }
      group.findings.push({ doc, quote: f.quote, page: f.page });
    }
  }
  changes.new_findings = [...groups.values()].sort(
    (a, b) => (a.area ?? '').localeCompare(b.area ?? '') || a.category.localeCompare(b.category) || a.polarity.localeCompare(b.polarity),
  );
  return changes;
}
