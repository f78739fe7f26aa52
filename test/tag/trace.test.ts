// The trace API behind `findings explain`: the same computation as tag(), sentence by sentence, with reasons.
import { describe, expect, it } from 'vitest';
import { loadRules, tag, traceTag } from '../../src/tag/index.js';
import { makeDoc, noFacts } from './fixture.js';

const rules = loadRules();

describe('traceTag', () => {
  const text = [
    'Long waits for wheelchairs',
    'Children wait too long for wheelchairs.',
    'The weather was fine on the first day of the visit.',
    'EHC plans are not completed in a timely manner.',
  ].join('\n');
  const doc = makeDoc(text);
  const trace = traceTag(doc, noFacts, rules);

  it('has one entry per sentence, in order, and gives exactly the findings tag() gives', () => {
    expect(trace.map((t) => t.span.text)).toEqual(text.split('\n'));
    for (const t of trace) expect(text.slice(t.span.start, t.span.end)).toBe(t.span.text);
    expect(trace.flatMap((t) => t.findings)).toEqual(tag(doc, noFacts, rules));
  });

  it('says why a sentence was skipped', () => {
    expect(trace[0]!.skipped).toBe('a heading or label');
    expect(trace[2]!.skipped).toBe('no topic term');
  });

  it('names the matched rule, its anchor and the cues that set the polarity', () => {
    const wait = trace[1]!.rules.find((r) => r.category === 'wheelchair-waits')!;
    expect(wait.polarity).toBe('concern');
    expect(wait.anchors[0]!.text).toMatch(/wheelchair/i);
    expect(wait.why).toContain("concern cue 'wait too long'");
    const late = trace[3]!.findings.find((f) => f.category === 'ehcp-timeliness')!;
    expect(late.polarity).toBe('concern');
    expect(late.why.join('; ')).toMatch(/negated by 'not'/);
  });

  it('names the phrase that vetoed a rule', () => {
    const [t] = traceTag(makeDoc('Children are waiting for a specialist school placement for their EHC plans.'), noFacts, rules);
    expect(t!.vetoed.some((v) => v.rule.startsWith('eht') && /waiting for a specialist/i.test(v.by.text))).toBe(true);
  });
});
