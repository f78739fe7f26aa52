// Measures on the real dev corpus, through the pipeline: each one a wait or timeliness figure, never an age, a year
// group or "post-16" (the issue: about half of the year durations used to be ages).
import { beforeAll, describe, expect, it } from 'vitest';
import { processFile } from '../../src/pipeline/process.js';
import { MEASURED, type Measure } from '../../src/records.js';
import { loadRules } from '../../src/tag/index.js';
import { sharedArticles, sharedReports } from '../helpers.js';

const measures: { m: Measure; around: string }[] = [];
let sentencesWithAges = 0;

beforeAll(async () => {
  const rules = loadRules();
  for (const file of [...sharedReports(), ...sharedArticles()]) {
    const { record, text } = await processFile(file, rules);
    const seen = new Set<number>();
    for (const f of record.findings) {
      if (seen.has(f.start)) continue;
      seen.add(f.start);
      if (/\baged\b|years? old|year-olds?|post-16|\b0 to 25\b/i.test(f.quote)) sentencesWithAges++;
      for (const m of f.measures) measures.push({ m, around: text.slice(Math.max(f.start, m.start - 25), Math.min(f.end, m.end + 15)) });
    }
  }
});

describe('measures on the shared corpus', () => {
  it('are waits, times taken, time limits or shares on time, late or waiting', () => {
    expect(measures.length).toBeGreaterThan(0);
    for (const { m } of measures) expect(MEASURED).toContain(m.of);
  });

  it('are never ages, year groups or post-16, though finding sentences name them', () => {
    expect(sentencesWithAges).toBeGreaterThan(0);
    for (const { m, around } of measures) expect(around, m.text).not.toMatch(/\baged\b|years? old|year-olds?|post-16|\bYear \d/i);
  });
});
