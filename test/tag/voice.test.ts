// Whose words each finding reports: inspectors (report text, or attributed to Ofsted, the CQC, the report), the
// council (the council, the NHS board, their spokespeople and councillors), or others (parents, campaigners, MPs,
// opposition groups, the journalist's own words). Pages of our own making, ingested as a user's would be.
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { loadRules, tag } from '../../src/tag/index.js';
import { loadVoiceCues } from '../../src/tag/voice.js';
import { RuleError } from '../../src/tag/rules.js';
import { writeFixture } from '../ingest/pdf-fixtures.js';
import { makeDoc, noFacts } from './fixture.js';

const rules = loadRules();

/** Each finding's sentence (from its first words) and voice, for a page given as lines. */
async function voices(name: string, lines: string[]): Promise<Map<string, string>> {
  const doc = await ingestFile(writeFixture(name, lines.join('\n')));
  return new Map(tag(doc, noFacts, rules).map((f) => [f.quote.slice(0, 30), f.voice]));
}

describe('voice in a news article', async () => {
  const found = await voices('story.txt', [
    'Families in Eastshire face long waits, inspectors say',
    'Inspectors found that children wait too long for education, health and care plans.',
    'They also criticised the poor quality of the plans themselves.',
    'According to the report, too many pupils are placed on part-time timetables.',
    'A council spokesperson said: "We know how important timely EHC plans are, and most plans are now issued within 20 weeks.',
    '"But there are still not enough specialist places for every child who needs one."',
    'Cllr Jo Bloggs, cabinet member for children, following the publication of the report, said the council had been too slow to act on waits for speech and language therapy.',
    '"Waiting lists for wheelchairs have fallen," said a spokesperson for the integrated care board.',
    'One mother, whose son waited 18 months for an autism assessment, said: "Nobody listened to us and the waits are far too long."',
    'Local MP Sam Doe said exclusions of pupils with SEND were far too high.',
    'Ms Bloggs added that too many children are out of school.',
    'Thousands of children across the country wait too long for mental health support.',
    'The council was told by inspectors that too many pupils are excluded from school.',
  ]);

  it('gives inspectors what Ofsted, the CQC or the report found, and what "they" went on to say', () => {
    expect(found.get('Inspectors found that children')).toBe('inspectors');
    expect(found.get('They also criticised the poor ')).toBe('inspectors');
    expect(found.get('According to the report, too m')).toBe('inspectors');
    expect(found.get('The council was told by inspec')).toBe('inspectors');
  });

  it('gives the council its spokespeople\'s quotations, over several paragraphs, and its councillors\' words', () => {
    expect(found.get('A council spokesperson said: "')).toBe('council');
    expect(found.get('"But there are still not enoug')).toBe('council');
    expect(found.get('Cllr Jo Bloggs, cabinet member')).toBe('council');
    expect(found.get('"Waiting lists for wheelchairs')).toBe('council');
    expect(found.get('Ms Bloggs added that too many ')).toBe('council');
  });

  it('gives others parents\', MPs\' and the journalist\'s own words', () => {
    expect(found.get('One mother, whose son waited 1')).toBe('others');
    expect(found.get('Local MP Sam Doe said exclusio')).toBe('others');
    expect(found.get('Thousands of children across t')).toBe('others');
  });

  it('cites the body, not the headline, for a finding both give', () => {
    expect([...found.keys()].some((q) => q.startsWith('Families in Eastshire'))).toBe(false);
  });
});

describe('voice in lists, minutes and reports', () => {
  it('gives a list item the voice of its lead-in', async () => {
    const found = await voices('list.txt', [
      'Inspection criticises SEND services',
      'Among the inspectors\' findings were:',
      '\u2022 children wait far too long for EHC plans',
      'What parents told us:',
      '"My daughter has been out of school for a year."',
      'Opposition councillors said:',
      '\u2022 communication with parents and carers is poor',
    ]);
    expect(found.get('children wait far too long for')).toBe('inspectors');
    expect(found.get('"My daughter has been out of s')).toBe('others');
    expect(found.get('communication with parents and')).toBe('others');
  });

  it('finds the speaker of speech quoted in single marks', async () => {
    const found = await voices('single.txt', [
      'Council apologises over SEND waits',
      "'We are sorry that families wait far too long for EHC plans,' said a council spokesperson.",
      "Parents' groups said: 'There are still not enough special school places.'",
    ]);
    expect(found.get("'We are sorry that families wa")).toBe('council');
    expect(found.get("Parents' groups said: 'There a")).toBe('others');
  });

  it('gives minutes the council\'s voice unless they report the inspectors', async () => {
    const found = await voices('minutes.txt', [
      'Children and Young People Scrutiny Committee',
      'Present: Councillors A Smith (Chair), B Jones and C Patel',
      'RESOLVED that the report be noted.',
      'The Committee noted that waits for EHC plans had fallen over the year.',
      'The inspectors found that too many children wait too long for therapy.',
    ]);
    expect(found.get('The Committee noted that waits')).toBe('council');
    expect(found.get('The inspectors found that too ')).toBe('inspectors');
  });

  it('gives a report\'s every finding to the inspectors', () => {
    const doc = makeDoc('A council officer told inspectors that children wait too long for EHC plans.');
    expect(tag(doc, noFacts, rules).map((f) => f.voice)).toEqual(['inspectors']);
  });

  it('rejects a voice cue file that lacks a list, naming the file and the field', () => {
    const bad = writeFixture('_voice.yaml', 'reporting: [said]\n');
    expect(() => loadVoiceCues(bad)).toThrow(RuleError);
    expect(() => loadVoiceCues(bad)).toThrow(/_voice\.yaml: according/);
  });
});
