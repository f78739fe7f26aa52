import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { register } from '../../src/cli/eval.js';
import { GoldSchema, LabelError, parseJsonl, PredSchema, score } from '../../src/eval/index.js';
import { shared, tempDir } from '../helpers.js';

const gold = [
  { doc: 'a', area: { la_code: '830' }, outcome: 'inconsistent', inspection_start: '2024-01-01', priority_actions: null,
    concerns: { 'ehcp-timeliness': ['EHC plans are late.'], tribunals: ['Many go to tribunal.'] }, strengths: { 'parent-engagement': ['Parents are heard.'] } },
  { doc: 'b', area: null, outcome: null, concerns: { 'wheelchair-waits': ['Wheelchair waits are long.'] }, strengths: {} },
  { doc: 'c', area: { la_code: '201' }, outcome: 'positive', concerns: {}, strengths: {} },
];
const pred = [
  { doc: 'a', area: { la_code: '830' }, outcome: 'systemic-failings', inspection_start: '2024-01-01', findings: [
    { category: 'ehcp-timeliness', polarity: 'concern', quote: 'Plans take too long.' },
    { category: 'exclusions', polarity: 'concern', quote: 'Exclusions are high.' },
    { category: 'parent-engagement', polarity: 'mention', quote: 'Parents were asked.' },
  ] },
  { doc: 'b', area: null, outcome: null, findings: [{ category: 'wheelchair-waits', polarity: 'strength', quote: 'Waits fell.' }] },
  { doc: 'not-in-gold', findings: [{ category: 'tribunals', polarity: 'concern' }] },
];

describe('score', () => {
  const result = score(gold.map((g) => GoldSchema.parse(g)), pred.map((p) => PredSchema.parse(p)));

  it('counts per category and polarity at document level, as the shared scorer defines', () => {
    expect(result.per_category['ehcp-timeliness']!.concern).toMatchObject({ tp: 1, fp: 0, fn: 0, p: 1, r: 1, f1: 1 });
    expect(result.per_category['tribunals']!.concern).toMatchObject({ tp: 0, fp: 0, fn: 1, p: 0, r: 0, f1: 0 });
    expect(result.per_category['exclusions']).toBeUndefined(); // not a gold or core category: not scored
    expect(result.per_category['wheelchair-waits']!.concern).toMatchObject({ tp: 0, fn: 1 });
    expect(result.per_category['parent-engagement']!.strength).toMatchObject({ tp: 0, fp: 0, fn: 1 }); // a mention is not a strength
    expect(result.concern_micro).toMatchObject({ tp: 1, fp: 0, fn: 2 });
    expect(result.concern_micro.f1).toBeCloseTo(0.5);
    expect(result.documents).toBe(3);
    expect(result.documents_predicted).toBe(2);
    expect(result.facts).toMatchObject({ area: 2 / 3, outcome: 1 / 3, inspection_start: 1, priority_actions: null });
  });

  it('gives our quotes for an extra and gold evidence for a miss', () => {
    expect(result.errors).toContainEqual({ doc: 'b', kind: 'extra', polarity: 'strength', category: 'wheelchair-waits', quotes: ['Waits fell.'] });
    expect(result.errors).toContainEqual({ doc: 'a', kind: 'missed', polarity: 'concern', category: 'tribunals', quotes: ['Many go to tribunal.'] });
    expect(result.fact_errors).toContainEqual({ doc: 'a', fact: 'outcome', got: 'systemic-failings', want: 'inconsistent' });
  });

  it('gives the same numbers as the shared score.mjs', () => {
    const dir = tempDir();
    const write = (name: string, rows: object[]) => {
      writeFileSync(join(dir, name), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
      return join(dir, name);
    };
    const theirs = JSON.parse(
      execFileSync(process.execPath, [join(shared, 'score.mjs'), '--gold', write('gold.jsonl', gold), '--pred', write('pred.jsonl', pred), '--json'], { encoding: 'utf8' }),
    );
    const { errors: _errors, fact_errors: _factErrors, ...ours } = result;
    expect(ours).toEqual(theirs);
  });
});

describe('reading labels', () => {
  it('names the file and line of a bad record', () => {
    expect(() => parseJsonl('{"doc":"a"}\n{not json}\n', GoldSchema, 'gold.jsonl')).toThrowError(/gold\.jsonl:2: not JSON/);
    expect(() => parseJsonl('{"doc":"a","concerns":{"x":"y"}}\n', GoldSchema, 'gold.jsonl')).toThrowError(LabelError);
    expect(() => parseJsonl('{"doc":3}\n', PredSchema, 'pred.jsonl')).toThrowError(/pred\.jsonl:1: doc: expected string/);
  });
});

describe('findings eval', () => {
  it('scores a prediction file and lists extras with our quotes and misses with gold evidence', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'gold.jsonl'), gold.map((g) => JSON.stringify(g)).join('\n'));
    writeFileSync(join(dir, 'pred.jsonl'), pred.map((p) => JSON.stringify(p)).join('\n'));
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    try {
      const program = new Command().exitOverride();
      register(program);
      await program.parseAsync(['eval', '--gold', join(dir, 'gold.jsonl'), '--pred', join(dir, 'pred.jsonl')], { from: 'user' });
    } finally {
      spy.mockRestore();
    }
    const text = out.join('');
    expect(text).toMatch(/\*ehcp-timeliness\s+1\.00 1\.00 1\.00 \(1 0 0\)/);
    expect(text).toContain('b: extra strength wheelchair-waits\n      “Waits fell.”');
    expect(text).toContain('a: missed concern tribunals\n      “Many go to tribunal.”');
    expect(text).toMatch(/concern micro P 1\.00 R 0\.33 F1 0\.50/);
  });
});
