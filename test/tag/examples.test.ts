// Every example of every rule file, through the real engine: a sentence listed under `concern` or `strength` cites
// its category with that polarity and not the opposite one; under `mention`, only as a mention; under `none`, as
// neither a concern nor a strength (a mention, the topic named with no judgement, is not a finding).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules, tag } from '../../src/tag/index.js';
import { loadRuleDir, RuleError, type Example } from '../../src/tag/rules.js';
import { readJsonl, repoRoot, shared, tempDir } from '../helpers.js';
import { makeDoc, noFacts } from './fixture.js';

const rules = loadRules();

/** The polarities the engine gives the example's category, the example standing alone (under its section, if any). */
function polarities(e: Example): string[] {
  const text = e.section ? `${e.section}\n${e.text}` : e.text;
  const found = tag(makeDoc(text, e.section ? [e.section] : []), noFacts, rules).filter((f) => f.category === e.category);
  return [...new Set(found.map((f) => f.polarity))].sort();
}

describe('rule file examples', () => {
  it('every category file has examples that must fire and examples that must not', () => {
    for (const category of rules.categories) {
      const of = rules.examples.filter((e) => e.category === category);
      expect(of.filter((e) => e.expect === 'concern' || e.expect === 'strength').length, `${category}: examples that fire`).toBeGreaterThanOrEqual(2);
      expect(of.filter((e) => e.expect === 'none').length, `${category}: examples that must not fire`).toBeGreaterThanOrEqual(1);
    }
  });

  it('are written for the file, not quoted: no example stands inside a sentence of the dev gold', () => {
    const fold = (t: string) => t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    const gold = readJsonl(join(shared, 'gold', 'dev-sentences.jsonl')).map((g) => fold(String(g.quote)));
    for (const e of rules.examples) expect(gold.filter((g) => g.includes(fold(e.text))), `${e.file}: ${e.text}`).toEqual([]);
  });

  it.each(rules.examples.map((e) => [`${e.file}: ${e.expect}: ${e.section ? `[${e.section}] ` : ''}${e.text}`, e] as const))('%s', (_name, e) => {
    const found = polarities(e);
    const findings = found.filter((p) => p !== 'mention');
    if (e.expect === 'mention') expect(found).toEqual(['mention']);
    else expect(findings).toEqual(e.expect === 'none' ? [] : [e.expect]);
  });
});

describe('the examples block', () => {
  const folder = (category: string) => {
    const dir = tempDir('findings-rules-');
    writeFileSync(join(dir, '_cues.yaml'), readFileSync(join(repoRoot, 'rules', '_cues.yaml'), 'utf8'));
    writeFileSync(join(dir, `${category}.yaml`), '');
    return dir;
  };

  it('loads sentences alone or with their section, and names the file and field of a bad one', () => {
    const dir = folder('wheelchair-waits');
    const base = 'description: Waits for wheelchairs.\nrules:\n  - id: w-1\n    terms: [[wheelchair], [wait]]\n';
    writeFileSync(join(dir, 'wheelchair-waits.yaml'), base + 'examples:\n  concern: [Children wait too long for wheelchairs.]\n  none:\n    - {text: "Wheelchair users took part.", section: Strengths}\n');
    expect(loadRuleDir(dir).examples).toEqual([
      { file: expect.stringContaining('wheelchair-waits.yaml'), category: 'wheelchair-waits', expect: 'concern', text: 'Children wait too long for wheelchairs.', section: null },
      { file: expect.stringContaining('wheelchair-waits.yaml'), category: 'wheelchair-waits', expect: 'none', text: 'Wheelchair users took part.', section: 'Strengths' },
    ]);
    writeFileSync(join(dir, 'wheelchair-waits.yaml'), base + 'examples:\n  concern: [[not, a, sentence]]\n');
    expect(() => loadRuleDir(dir)).toThrowError(RuleError);
    expect(() => loadRuleDir(dir)).toThrowError(/wheelchair-waits\.yaml: examples\.concern\.0: /);
    writeFileSync(join(dir, 'wheelchair-waits.yaml'), base + 'examples:\n  fires: [Children wait.]\n');
    expect(() => loadRuleDir(dir)).toThrowError(/wheelchair-waits\.yaml: examples: .*fires/);
  });
});
