// `findings explain`: the engine's own trace, sentence by sentence, through the built CLI.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, reportsDir, tempDir } from '../helpers.js';

const text = [
  'Waiting times',
  '',
  'Children in the area wait too long for wheelchairs. Some have waited over two years for specialist seating.',
  '',
  'The weather was fine on the day. There are effective programmes for pupils at risk of exclusion. Leaders plan to reduce waiting times for EHC plans.',
].join('\n');

function fixture(): string {
  const path = join(tempDir('findings-explain-'), 'fixture.txt');
  writeFileSync(path, text);
  return path;
}

describe('findings explain', () => {
  const path = fixture();

  it('shows each sentence a rule matched: the rule, where its topic stands, the cues, vetoes and the findings', () => {
    const r = cli(['explain', path]);
    expect(r.status).toBe(0);
    const blocks = r.stdout.trim().split('\n\n');
    expect(blocks).toEqual([
      "[14–65]\n“Children in the area wait too long for wheelchairs.”\n  rule wcw-1 (wheelchair-waits) at 'wheelchairs' → concern: concern cue 'wait too long'\n  finding: concern wheelchair-waits (wcw-1)",
      expect.stringMatching(/^\[66–121\]\n“Some have waited over two years for specialist seating\.”\n  rule wcw-1 \(wheelchair-waits\) at .* → concern: .*\n  finding: concern wheelchair-waits \(wcw-1\); measures: wait over 'two years'$/),
      "[155–218]\n“There are effective programmes for pupils at risk of exclusion.”\n  skipped: every matched rule vetoed\n  rule exc-1: vetoed by 'risk of exclusion'",
      expect.stringMatching(/^\[219–270\]\n“Leaders plan to reduce waiting times for EHC plans\.”\n(?:  rule \S+: vetoed by '.*'\n)*  rule eht-1 \(ehcp-timeliness\) at 'EHC' → mention: intention or hedge 'plan to' → mention\n(?:.*dropped: the rule does not report a mention\n)?  finding: mention ehcp-timeliness \(eht-1\)$/),
    ]);
    expect(r.stderr).toBe('4 sentences shown, 3 findings\n');
  });

  it('shows any sentence asked for with --grep, and every sentence with --all', () => {
    const grep = cli(['explain', path, '--grep', 'WEATHER fine']);
    expect(grep.stdout).toBe('[122–154]\n“The weather was fine on the day.”\n  skipped: no topic term\n\n');
    expect(cli(['explain', path, '--all']).stderr).toBe('6 sentences shown, 3 findings\n');
  });

  it('gives the same findings as extract, one JSON trace per sentence with --json', () => {
    const traces = cli(['explain', path, '--json', '--all']).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(traces).toHaveLength(6);
    for (const t of traces) expect(Object.keys(t).sort()).toEqual(['findings', 'rules', 'section', 'skipped', 'span', 'vetoed']);
    const extracted = JSON.parse(cli(['extract', path, '--format', 'jsonl']).stdout.trim());
    expect(traces.flatMap((t) => t.findings)).toEqual(extracted.findings);
  });

  it('explains a real report’s sentences under their page and section', () => {
    const r = cli(['explain', join(reportsDir, 'area_send_80565_suffolk_30_january_2024.pdf'), '--grep', 'autism']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^p\. \d+ § .+ \[\d+–\d+\]\n“[^”]*autism[^”]*”\n/m);
    expect(r.stdout).toMatch(/finding: concern neurodevelopmental-waits/);
  });

  it('exits 2 on bad usage', () => {
    expect(cli(['explain', join(tempDir(), 'missing.pdf')])).toMatchObject({ status: 2, stderr: expect.stringContaining('missing.pdf: no such file') });
    expect(cli(['explain', path, '--grep', '  '])).toMatchObject({ status: 2, stderr: expect.stringContaining('--grep needs at least one word') });
    expect(cli(['explain'])).toMatchObject({ status: 2 });
  });
});
