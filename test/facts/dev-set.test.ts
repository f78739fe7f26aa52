// Ingest then facts for the 20 shared documents, against the hand-checked gold labels.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/index.js';
import { ingestFile } from '../../src/ingest/index.js';
import type { Kind } from '../../src/records.js';
import { articlesDir, goldPath, reportsDir } from '../helpers.js';

interface Gold {
  doc: string;
  kind: Kind;
  area: { la_code: string; gss: string } | null;
  framework: string | null;
  outcome: string | null;
  inspection_start: string | null;
  inspection_end: string | null;
  previous_inspection: string | null;
  priority_actions: number | null;
  improvement_areas: number | null;
}

const gold: Gold[] = readFileSync(goldPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line));

const pathOf = (g: Gold) => (g.kind === 'report' ? join(reportsDir, `${g.doc}.pdf`) : join(articlesDir, `${g.doc}.txt`));

describe('facts of the shared dev documents', () => {
  it('has gold for all 20', () => expect(gold).toHaveLength(20));

  for (const g of gold) {
    it(g.doc, async () => {
      const doc = await ingestFile(pathOf(g));
      expect(doc.kind).toBe(g.kind);
      const facts = extractFacts(doc);
      expect({
        la_code: facts.area?.la_code ?? null,
        gss: facts.area?.gss ?? null,
        framework: facts.framework,
        outcome: facts.outcome,
        inspection_start: facts.inspection_start,
        inspection_end: facts.inspection_end,
        previous_inspection: facts.previous_inspection,
        priority_actions: facts.priority_actions,
        improvement_areas: facts.improvement_areas,
      }).toEqual({
        la_code: g.area?.la_code ?? null,
        gss: g.area?.gss ?? null,
        framework: g.framework,
        outcome: g.outcome,
        inspection_start: g.inspection_start,
        inspection_end: g.inspection_end,
        previous_inspection: g.previous_inspection,
        priority_actions: g.priority_actions,
        improvement_areas: g.improvement_areas,
      });
      if (g.kind === 'report') expect(facts.icb).toMatch(/Integrated Care Board/);
    });
  }
});
