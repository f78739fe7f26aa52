// Page clutter is never tagged: a local paper's page of our own making whose teasers, prompts and readers' comments
// all speak of SEND failings, around a short body. Only the body's sentences give findings.
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { loadRules, tag } from '../../src/tag/index.js';
import { noFacts } from '../tag/fixture.js';
import { writeFixture } from './pdf-fixtures.js';

const BODY = [
  'Inspectors found that children in Northvale wait far too long for education, health and care plans.',
  'The report also said there are not enough special school places in the county.',
];

const PAGE = [
  'Northvale Gazette',
  'News', 'Sport', 'What\'s On', 'Jobs',
  'Northvale SEND services criticised',
  'By Chris Writer, Chief Reporter',
  '12:01, 3 July 2024',
  BODY[0],
  'READ MORE: Exclusions of pupils with SEND soar across the county',
  'Sign up to our education newsletter for the latest news on waiting lists and school places, straight to your inbox.',
  'Video caption, Parents describe waiting too long for speech and language therapy',
  BODY[1],
  'MORE NEWS',
  'Part-time timetables used too often, say heads',
  'Mental health waiting lists grow again',
  '2 hours ago',
  '14 comments',
  'My son has waited two years for his EHC plan and there are no special school places.',
].join('\n');

describe('a page whose clutter speaks of SEND failings', async () => {
  const doc = await ingestFile(writeFixture('northvale.txt', PAGE));
  const findings = tag(doc, noFacts, loadRules());

  it('tags the body\'s sentences and nothing from its teasers, prompts, captions or comments', () => {
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(BODY).toContain(f.quote);
    expect(new Set(findings.map((f) => `${f.category}:${f.polarity}`))).toEqual(
      new Set(['ehcp-timeliness:concern', 'specialist-places:concern']),
    );
  });

  it('gives the body\'s findings to the inspectors, whose report they cite', () => {
    expect(new Set(findings.map((f) => f.voice))).toEqual(new Set(['inspectors']));
  });

  it('keeps the headline in the text, searchable, with the byline and date lifted off', () => {
    const headline = doc.article?.headline;
    expect(headline && doc.text.slice(headline.start, headline.end)).toBe('Northvale SEND services criticised');
    expect(doc.article?.byline).toBe('Chris Writer, Chief Reporter');
    expect(doc.article?.date).toBe('2024-07-03');
  });
});
