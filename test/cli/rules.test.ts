import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintRules, sameSense, type LintProblem } from '../../src/eval/lint.js';
import { makeDocument } from '../../src/document/index.js';
import type { Document } from '../../src/records.js';
import { cli, repoRoot, tempDir } from '../helpers.js';

/** A rules folder of the given category files, with the repository's cue lexicon. */
function rulesDir(files: Record<string, string>): string {
  const dir = join(tempDir('findings-lint-'), 'rules');
  mkdirSync(dir);
  copyFileSync(join(repoRoot, 'rules', '_cues.yaml'), join(dir, '_cues.yaml'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const doc = (text: string): Document => makeDocument({ id: 'd', source: 'd.txt', sha256: '0'.repeat(64), kind: 'article', text, pages: [], sections: [] });
const brief = (ps: LintProblem[]) => ps.map((p) => `${p.kind} ${p.file.split('/').pop()} ${p.rule ?? '-'} ${p.field ?? '-'}`);

const waits = `description: Waits for wheelchairs.
rules:
  - id: wcw-1
    terms: [[wheelchair, wheelchairs], [wait, too long]]
`;
const timely = `description: Plans late.
unless: [governance]
rules:
  - id: eht-1
    terms: [[EHC plans], [=timely, time]]
  - id: eht-2
    terms: [[EHC plans], [timely]]
`;
const text = 'Children wait too long for wheelchairs. EHC plans take time; the government says the time is too long.';

describe('sameSense', () => {
  it('tells inflections and same-sense endings from Porter collisions', () => {
    for (const [a, b] of [['wait', 'waiting'], ['use', 'using'], ['holistic', 'holistically'], ['specific', 'specificity'], ['plan', 'planned'], ['prepared', 'preparation'], ['accurate', 'accurately'], ['sufficient', 'sufficiency'], ['study', 'studies']]) {
      expect(sameSense(a!, b!), `${a} ~ ${b}`).toBe(true);
    }
    for (const [a, b] of [['timely', 'time'], ['governance', 'government'], ['attend', 'attendance'], ['personal', 'person'], ['care', 'careful'], ['settings', 'set']]) {
      expect(sameSense(a!, b!), `${a} ≁ ${b}`).toBe(false);
    }
  });
});

describe('lintRules', () => {
  it('finds redundant terms, stem collisions, terms that never match and words of another sense', () => {
    const dir = rulesDir({ 'wheelchair-waits.yaml': waits, 'ehcp-timeliness.yaml': timely });
    const problems = lintRules(dir, { documents: [doc(text)] });
    expect(brief(problems)).toEqual([
      'stem-collision ehcp-timeliness.yaml eht-2 terms.1.0',
      'unrelated-match ehcp-timeliness.yaml - unless.0',
      'never-matches ehcp-timeliness.yaml eht-1 terms.1.0',
      'unrelated-match ehcp-timeliness.yaml eht-2 terms.1.0',
      'redundant wheelchair-waits.yaml wcw-1 terms.0',
    ]);
    expect(problems[0]!.message).toBe("'timely' and 'time' (rule eht-1 terms.1.1) reduce to the same stems ('time'): each matches the other; write =word for the exact word");
    expect(problems[1]!.message).toBe("'governance' also matches words of another sense with its stems in the 1 document: 'government' ×1: write =word for the exact word");
    // '=timely' is exact, so it matches nothing here; 'timely' matches 'time' by its stem.
    expect(problems[2]!.message).toBe("'=timely' never matches the 1 document");
    expect(problems[3]!.message).toBe("'timely' also matches words of another sense with its stems in the 1 document: 'time' ×2: write =word for the exact word");
    expect(problems[4]!.message).toBe("'wheelchair', 'wheelchairs' (0, 1) match the same words (stems 'wheelchair'): one is enough");
  });

  it('lists every id used twice, where the loader stops at the first', () => {
    const dir = rulesDir({ 'a.yaml': waits, 'b.yaml': waits, 'c.yaml': waits });
    const problems = lintRules(dir);
    expect(brief(problems)).toEqual(['duplicate-id b.yaml wcw-1 id']);
    expect(problems[0]!.message).toBe('id already used in a.yaml (and 1 more)');
  });

  it('reports a rule file the loader rejects, naming file, rule and field', () => {
    const dir = rulesDir({ 'x.yaml': 'description: X\nrules:\n  - id: x-1\n    terms: wait\n' });
    expect(lintRules(dir)).toMatchObject([{ kind: 'invalid', message: expect.stringMatching(/x\.yaml: rule x-1: terms: expected array/) }]);
  });
});

describe('findings rules lint', () => {
  const fixture = () => {
    const dir = rulesDir({ 'wheelchair-waits.yaml': waits.replace('wheelchair, wheelchairs', 'wheelchairs') });
    const docPath = join(dir, '..', 'doc.txt');
    writeFileSync(docPath, text);
    return { dir, docPath };
  };

  it('exits 0 when the rules are clean against the given documents', () => {
    const { dir, docPath } = fixture();
    const r = cli(['rules', 'lint', '--rules', dir, docPath]);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('no problems (terms matched against 1 document)\n');
    expect(r.status).toBe(0);
  });

  it('exits 1 with one line per problem, naming file, rule and field', () => {
    const { dir, docPath } = fixture();
    writeFileSync(join(dir, 'ehcp-timeliness.yaml'), timely);
    const r = cli(['rules', 'lint', '--rules', dir, docPath]);
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')).toContain(`${join(dir, 'ehcp-timeliness.yaml')}: rule eht-1: terms.1.0: '=timely' never matches the 1 document`);
    expect(r.stderr).toBe('4 problems (terms matched against 1 document)\n');
    const json = cli(['rules', 'lint', '--rules', dir, '--json', docPath]);
    expect(json.stdout.trim().split('\n').map((l) => JSON.parse(l).kind)).toContain('stem-collision');
  });

  it('checks the rules alone with --no-corpus, and exits 2 on bad usage', () => {
    const { dir } = fixture();
    expect(cli(['rules', 'lint', '--rules', dir, '--no-corpus'])).toMatchObject({ status: 0 });
    expect(cli(['rules', 'lint', '--rules', join(dir, 'nope')])).toMatchObject({ status: 2, stderr: expect.stringContaining('no such rules folder') });
    expect(cli(['rules', 'lint', '--rules', dir, join(dir, 'missing.pdf')])).toMatchObject({ status: 2, stderr: expect.stringContaining('missing.pdf: no such file or folder') });
    expect(cli(['rules', 'lint', '--examples', 'x'])).toMatchObject({ status: 2 });
  });

  it('lints the repository’s own rules against the dev corpus by default', () => {
    const r = cli(['rules', 'lint']);
    const summary = /^(no|\d+) problems? \(terms matched against 20 documents\)$/m.exec(r.stderr);
    expect(summary, r.stderr).not.toBeNull();
    const count = summary![1] === 'no' ? 0 : Number(summary![1]);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(count);
    expect(r.status).toBe(count === 0 ? 0 : 1);
  }, 120_000);
});

describe('findings rules lint on a broken rules folder', () => {
  it('prints the loader’s error as it is and exits 1', () => {
    const dir = rulesDir({ 'x.yaml': 'description: X\nrules:\n  - id: x-1\n    terms: wait\n' });
    const r = cli(['rules', 'lint', '--rules', dir, '--no-corpus']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^\S*x\.yaml: rule x-1: terms: expected array.*\n$/);
  });
});
