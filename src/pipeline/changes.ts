// What changed between the published dataset and the one about to be published: new, updated and removed documents,
// new findings grouped by area and category, changed outcomes, and documents that failed.
import type { DocumentRecord, Finding } from '../records.js';
import type { ResultDiff } from './store.js';

export interface NewFindings {
  area: string | null;
  la_code: string | null;
  category: string;
  polarity: Finding['polarity'];
  findings: { doc: string; quote: string; page: number | null }[];
}

export interface Changes {
  new_documents: { doc: string; kind: string; area: string | null; outcome: string | null }[];
  updated_documents: string[];
  removed_documents: string[];
  new_findings: NewFindings[];
  changed_outcomes: { doc: string; area: string | null; from: string | null; to: string | null }[];
  failed: { doc: string; error: string }[];
}

export const emptyChanges = (): Changes => ({
  new_documents: [],
  updated_documents: [],
  removed_documents: [],
  new_findings: [],
  changed_outcomes: [],
  failed: [],
});

const findingKey = (f: Finding) => `${f.category}\u0000${f.polarity}\u0000${f.quote}`;

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
    const old: DocumentRecord | null = before?.record ?? null;
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
