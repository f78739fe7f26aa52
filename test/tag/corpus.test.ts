// The tagger on the whole shared corpus, through the real pipeline (ingest → facts → tag): every quote is the
// text at its offsets, and the dev-set floors hold when scored with src/eval.
import { beforeAll, describe, expect, it } from 'vitest';
import { GoldSchema, readJsonl, score } from '../../src/eval/index.js';
import { processFile } from '../../src/pipeline/process.js';
import type { DocumentRecord } from '../../src/records.js';
import { loadRules } from '../../src/tag/index.js';
import { goldPath, sharedArticles, sharedReports } from '../helpers.js';

const processed: { record: DocumentRecord; text: string }[] = [];

beforeAll(async () => {
  const rules = loadRules();
  for (const file of [...sharedReports(), ...sharedArticles()]) processed.push(await processFile(file, rules));
});

describe('findings on the shared corpus', () => {
  it('quote every sentence exactly as it stands at its offsets, with its page, section and measures', () => {
    let findings = 0;
    for (const { record, text } of processed) {
      for (const f of record.findings) {
        findings++;
        expect(text.slice(f.start, f.end)).toBe(f.quote);
        expect(f.quote.trim()).toBe(f.quote);
        if (record.kind === 'report') expect(f.page).toBeGreaterThanOrEqual(1);
        if (record.kind === 'report') expect(f.page).toBeLessThanOrEqual(record.pages);
        if (f.context) {
          expect(text.slice(f.context.start, f.context.end)).toBe(f.context.text);
          expect(f.context.end).toBeLessThanOrEqual(f.start);
        }
        expect(f.why.length).toBeGreaterThan(0);
        for (const m of f.measures) {
          expect(m.start).toBeGreaterThanOrEqual(f.start);
          expect(m.end).toBeLessThanOrEqual(f.end);
          expect(text.slice(m.start, m.end)).toBe(m.text);
        }
      }
    }
    expect(findings).toBeGreaterThan(500);
  });

  it('gives list items their lead-in, and some sentences the category of the sentence they point back to', () => {
    const all = processed.flatMap((p) => p.record.findings);
    const items = all.filter((f) => f.context);
    expect(items.length).toBeGreaterThan(10);
    for (const f of items) expect(f.context!.text).toMatch(/:["”’]?$/);
    expect(all.some((f) => f.why.some((w) => w.startsWith('follows the previous sentence')))).toBe(true);
  });

  it('finds nothing in the boiler-plate pages', () => {
    const boiler = /partnership details|information about this inspection|inspection team/i;
    for (const { record } of processed) for (const f of record.findings) expect(f.section ?? '').not.toMatch(boiler);
  });

  it('holds the dev-set floors: concern micro-F1 >= 0.90, core four >= 0.95, strength >= 0.80', () => {
    const result = score(readJsonl(goldPath, GoldSchema), processed.map((p) => p.record));
    expect(result.documents_predicted).toBe(20);
    expect(result.concern_micro.f1).toBeGreaterThanOrEqual(0.9);
    expect(result.core_concern_micro.f1).toBeGreaterThanOrEqual(0.95);
    expect(result.strength_micro.f1).toBeGreaterThanOrEqual(0.8);
  });
});
