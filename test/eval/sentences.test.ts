import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { register } from '../../src/cli/eval.js';
import { citedFindings, readJsonl as readLabels, sameSentence, scoreSentences, SentenceGoldSchema, type SentenceResult } from '../../src/eval/index.js';
import { listCorpus } from '../../src/pipeline/corpus.js';
import { processFile } from '../../src/pipeline/process.js';
import { loadRules } from '../../src/tag/index.js';
import { articlesDir, reportsDir, shared, tempDir } from '../helpers.js';

const sentenceGoldPath = join(shared, 'gold', 'dev-sentences.jsonl');

const gold = [
  { doc: 'a', quote: 'EHC plans are issued late, and families wait too long.', labels: [{ category: 'ehcp-timeliness', polarity: 'concern' }] },
  { doc: 'a', quote: 'Waits for wheelchairs have fallen sharply this year.', labels: [
    { category: 'wheelchair-waits', polarity: 'strength' }, { category: 'therapy-waits', polarity: 'strength' }] },
  { doc: 'a', quote: 'Too many pupils are excluded.', labels: [{ category: 'exclusions', polarity: 'concern' }] },
  { doc: 'b', quote: 'Parents are not listened to by leaders in the area.', labels: [{ category: 'parent-engagement', polarity: 'concern' }] },
];
const pred = [
  { doc: 'a', findings: [
    // another splitter's cut of the same sentence: contained after folding
    { category: 'ehcp-timeliness', polarity: 'concern', quote: 'EHC plans are issued late,', rule: 'eht-1' },
    // 80% of the shorter's words are in the gold sentence
    { category: 'wheelchair-waits', polarity: 'strength', quote: 'Waits for wheelchairs have fallen sharply over the year.', rule: 'wcw-2' },
    // right sentence, wrong polarity
    { category: 'therapy-waits', polarity: 'concern', quote: 'Waits for wheelchairs have fallen sharply this year.', rule: 'thw-1' },
    { category: 'exclusions', polarity: 'mention', quote: 'Too many pupils are excluded.', rule: 'exc-1' },
    { category: 'tribunals', polarity: 'concern', quote: 'Appeals are rare.', rule: 'tri-1' },
  ] },
  // one finding per line, and a document the gold does not hold (not scored)
  { doc: 'b', category: 'parent-engagement', polarity: 'concern', quote: 'Parents are not heard.' },
  { doc: 'z', findings: [{ category: 'tribunals', polarity: 'concern', quote: 'Appeals are many.' }] },
];

const scoreOf = (g: object[], p: object[]) => scoreSentences(g.map((x) => SentenceGoldSchema.parse(x)), citedFindings(p));

/** The shared scorer's --json output for the given gold and prediction files. */
function theirs(goldFile: string, predFile: string): Record<string, unknown> {
  return JSON.parse(execFileSync(process.execPath, [join(shared, 'score-sentences.mjs'), '--gold', goldFile, '--pred', predFile, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
}

/** Our result without the fields we add for people (what gold says of a wrong sentence, what a missed one was cited as). */
function asShared(result: SentenceResult) {
  return {
    ...result,
    extras: result.extras.map(({ gold_here: _g, ...e }) => e),
    misses: result.misses.map(({ cited_here: _c, ...m }) => m),
  };
}

function writeJsonl(dir: string, name: string, rows: object[]): string {
  writeFileSync(join(dir, name), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return join(dir, name);
}

describe('sameSentence', () => {
  it('matches across splitters: containment after folding, or 80% of the shorter one’s words', () => {
    expect(sameSentence('EHC plans are late.', '“EHC plans” are LATE')).toBe(true);
    expect(sameSentence('Plans are late', 'Overall, plans are late; reviews too.')).toBe(true);
    expect(sameSentence('one two three four five', 'one two three four six')).toBe(true); // 4 of 5
    expect(sameSentence('one two three four five', 'one two three six seven')).toBe(false); // 3 of 5
    expect(sameSentence('one two three', 'one two four')).toBe(false); // fewer than 4 words: containment only
    expect(sameSentence('', 'anything')).toBe(false);
  });
});

describe('scoreSentences', () => {
  const result = scoreOf(gold, pred);

  it('counts right and wrong citations and found and missed labels, as the shared scorer does', () => {
    expect(result.categories['ehcp-timeliness']!.concern).toMatchObject({ correct: 1, wrong: 0, found: 1, missed: 0, p: 1, r: 1, f1: 1 });
    expect(result.categories['wheelchair-waits']!.strength).toMatchObject({ correct: 1, found: 1 });
    expect(result.categories['therapy-waits']!.concern).toMatchObject({ correct: 0, wrong: 1, p: 0, r: null, f1: 0 });
    expect(result.categories['therapy-waits']!.strength).toMatchObject({ found: 0, missed: 1, p: null, r: 0 });
    expect(result.categories['parent-engagement']!.concern).toMatchObject({ correct: 0, wrong: 1, found: 0, missed: 1 });
    expect(result.concern).toMatchObject({ correct: 1, wrong: 3, found: 1, missed: 2 });
    expect(result).toMatchObject({ documents: 2, gold_labels: 5, mention_leak: 1 / 5 });
  });

  it('says what gold holds for a wrongly cited sentence and what a missed one was cited as', () => {
    expect(result.extras).toContainEqual({
      doc: 'a', category: 'therapy-waits', polarity: 'concern', quote: 'Waits for wheelchairs have fallen sharply this year.', rule: 'thw-1',
      gold_here: [{ category: 'wheelchair-waits', polarity: 'strength' }, { category: 'therapy-waits', polarity: 'strength' }],
    });
    expect(result.extras).toContainEqual(expect.objectContaining({ category: 'tribunals', gold_here: [] }));
    expect(result.misses).toContainEqual({
      doc: 'a', category: 'exclusions', polarity: 'concern', quote: 'Too many pupils are excluded.', cited_as_mention: true,
      cited_here: [{ category: 'exclusions', polarity: 'mention', rule: 'exc-1' }],
    });
    expect(result.extras.some((e) => e.doc === 'z')).toBe(false);
  });

  it('gives exactly the shared score-sentences.mjs result on small files', () => {
    const dir = tempDir();
    expect(asShared(result)).toEqual(theirs(writeJsonl(dir, 'gold.jsonl', gold), writeJsonl(dir, 'pred.jsonl', pred)));
  });

  it('gives exactly the shared score-sentences.mjs result on the dev set, with the pipeline’s own predictions', async () => {
    const rules = loadRules();
    const files = [...(await listCorpus(reportsDir)), ...(await listCorpus(articlesDir))];
    const records = [];
    for (const f of files) records.push((await processFile(f, rules)).record);
    const dir = tempDir();
    const predFile = writeJsonl(dir, 'pred.jsonl', records);
    const sentences = readLabels(sentenceGoldPath, SentenceGoldSchema);
    const ours = scoreSentences(sentences, citedFindings(records));
    expect(ours.documents).toBe(20);
    expect(ours.extras.length + ours.misses.length).toBeGreaterThan(0); // the comparison covers errors of both kinds
    expect(asShared(ours)).toEqual(theirs(sentenceGoldPath, predFile));
  }, 180_000);
});

/** What `findings eval` prints for the given arguments (run in-process). */
async function evalOutput(args: string[]): Promise<string> {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  try {
    const program = new Command().exitOverride();
    register(program);
    await program.parseAsync(['eval', ...args], { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return out.join('');
}

describe('findings eval --sentences', () => {
  it('gives the finding-level result under `sentences` with --json, beside the document-level one', async () => {
    const dir = tempDir();
    const predFile = writeJsonl(dir, 'pred.jsonl', pred);
    const sentencesOnly = JSON.parse(await evalOutput(['--sentences', writeJsonl(dir, 'gold.jsonl', gold), '--pred', predFile, '--json']));
    expect(Object.keys(sentencesOnly)).toEqual(['sentences']);
    expect(sentencesOnly.sentences).toEqual(JSON.parse(JSON.stringify(scoreOf(gold, pred))));
    const docGold = writeJsonl(dir, 'docs.jsonl', [{ doc: 'a', concerns: { 'ehcp-timeliness': ['EHC plans are issued late.'] } }]);
    const both = JSON.parse(await evalOutput(['--gold', docGold, '--sentences', join(dir, 'gold.jsonl'), '--pred', predFile, '--json']));
    expect(both.concern_micro).toMatchObject({ tp: 1 });
    expect(both.sentences.gold_labels).toBe(5);
  });

  it('prints the finding-level table and lists every wrongly cited and missed sentence', async () => {
    const dir = tempDir();
    const text = await evalOutput(['--sentences', writeJsonl(dir, 'gold.jsonl', gold), '--pred', writeJsonl(dir, 'pred.jsonl', pred)]);
    expect(text).toMatch(/\*ehcp-timeliness\s+1\.00 1\.00 1\.00 \(1 0 \| 1 0\)/);
    expect(text).toContain('wrongly cited sentences: 3; missed: 3');
    expect(text).toContain('  wrong  concern therapy-waits (thw-1); gold: strength wheelchair-waits, strength therapy-waits\n      “Waits for wheelchairs have fallen sharply this year.”');
    expect(text).toContain('  wrong  concern tribunals (tri-1); gold: no finding\n      “Appeals are rare.”');
    expect(text).toContain('  missed concern exclusions; cited as mention exclusions (exc-1)\n      “Too many pupils are excluded.”');
    expect(text).toContain('  missed concern parent-engagement; not cited\n      “Parents are not listened to by leaders in the area.”');
    expect(text).toMatch(/finding-level concern P 0\.25 R 0\.33 F1 0\.29 \| core four F1 1\.00 \| strength P 1\.00 R 0\.50 F1 0\.67 \| mention leak 0\.20/);
  });
});
