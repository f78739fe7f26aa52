import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules, rulesVersion, tag } from '../../src/tag/index.js';
import { repoRoot, tempDir } from '../helpers.js';
import { makeDoc, noFacts } from './fixture.js';

/** A copy of the repository's rules folder to change. */
function rulesCopy(): string {
  const dir = join(tempDir('findings-rules-'), 'rules');
  cpSync(join(repoRoot, 'rules'), dir, { recursive: true });
  return dir;
}

describe('loadRules', () => {
  it('loads one category per file, as the taxonomy lists them', () => {
    const rules = loadRules();
    expect(rules.categories.sort()).toEqual([
      'alternative-provision', 'ehcp-quality', 'ehcp-timeliness', 'exclusions', 'joint-commissioning', 'local-offer',
      'mental-health-waits', 'missing-education', 'neurodevelopmental-waits', 'off-rolling', 'parent-engagement',
      'part-time-timetables', 'preparation-for-adulthood', 'specialist-places', 'strategic-leadership', 'therapy-waits',
      'tribunals', 'wheelchair-waits',
    ]);
  });

  it('names the file, the rule id and the field of a bad rule', () => {
    const dir = rulesCopy();
    writeFileSync(join(dir, 'wheelchair-waits.yaml'), 'description: waits\nrules:\n  - id: wcw-3\n    terms: wheelchair\n');
    expect(() => loadRules(dir)).toThrowError(/wheelchair-waits\.yaml: rule wcw-3: terms: expected array/);
  });

  it('names the file and field of a bad category or cue file, and a rule without an id by number', () => {
    const dir = rulesCopy();
    writeFileSync(join(dir, 'tribunals.yaml'), 'rules:\n  - terms: [[tribunal]]\n');
    expect(() => loadRules(dir)).toThrowError(/tribunals\.yaml: description: expected string/);
    writeFileSync(join(dir, 'tribunals.yaml'), 'description: x\nrules:\n  - terms: [[tribunal]]\n    polarity: [bad]\n');
    expect(() => loadRules(dir)).toThrowError(/tribunals\.yaml: rule #1: id: expected string/);
    writeFileSync(join(dir, 'tribunals.yaml'), 'description: x\nrules:\n  - id: t-1\n    terms: [[tribunal]]\n    polarity: [bad]\n');
    expect(() => loadRules(dir)).toThrowError(/tribunals\.yaml: rule t-1: polarity\.0: /);
    writeFileSync(join(dir, 'tribunals.yaml'), 'description: [unclosed\n');
    expect(() => loadRules(dir)).toThrowError(/tribunals\.yaml: not valid YAML/);
    writeFileSync(join(dir, '_cues.yaml'), 'concern: [poor]\n');
    expect(() => loadRules(dir)).toThrowError(/_cues\.yaml: strength: expected array/);
  });

  it('refuses a rule id used twice and a folder without the cue lexicon', () => {
    const dir = rulesCopy();
    writeFileSync(join(dir, 'zz-extra.yaml'), 'description: x\nrules:\n  - id: wcw-1\n    terms: [[chair]]\n');
    expect(() => loadRules(dir)).toThrowError(/zz-extra\.yaml: rule wcw-1: id: already used in wheelchair-waits\.yaml/);
    expect(() => loadRules(tempDir())).toThrowError(/_cues\.yaml: missing/);
  });

  it('adds a category when a file is added, with no change to the engine', () => {
    const dir = rulesCopy();
    const sentence = 'Families wait too long for short breaks.';
    expect(tag(makeDoc(sentence), noFacts, loadRules(dir)).some((f) => f.category === 'short-breaks')).toBe(false);
    writeFileSync(join(dir, 'short-breaks.yaml'), 'description: too few short breaks\nrules:\n  - id: sb-1\n    terms:\n      - [short breaks, respite]\n');
    const found = tag(makeDoc(sentence), noFacts, loadRules(dir)).filter((f) => f.category === 'short-breaks');
    expect(found).toMatchObject([{ category: 'short-breaks', polarity: 'concern', rule: 'sb-1', quote: sentence }]);
  });

  it('has a version that is stable for the same files and changes with their content', () => {
    const dir = rulesCopy();
    const before = rulesVersion(dir);
    expect(rulesVersion(dir)).toBe(before);
    writeFileSync(join(dir, 'tribunals.yaml'), 'description: x\nrules:\n  - id: t-1\n    terms: [[tribunal]]\n');
    expect(rulesVersion(dir)).not.toBe(before);
  });
});
