// A document that is one 1 MB line (a scrape that lost its line breaks, a PDF text layer without them) must go
// through ingest, facts and tag in linear time, with every finding's offsets still pointing at its quote. Quadratic
// work or a backtracking regex would hang here until vitest's timeout.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/facts/index.js';
import { ingestFile } from '../../src/ingest/index.js';
import type { Finding } from '../../src/records.js';
import { loadRules, tag } from '../../src/tag/index.js';
import { tempDir } from '../helpers.js';

const MB = 1_000_000;
const rules = loadRules();

/** Repeats `piece` into one line of at least 1 MB. */
const oneLine = (piece: string) => piece.repeat(Math.ceil(MB / piece.length));

const dir = tempDir('findings-longline-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  const doc = await ingestFile(path);
  const findings = tag(doc, extractFacts(doc), rules);
  return { doc, findings };
}

const quoted = (text: string, f: Finding) => text.slice(f.start, f.end) === f.quote;

describe('a 1 MB single-line document', () => {
  it('of ordinary sentences: the findings of the short text at every repeat, with exact offsets', async () => {
    const piece =
      'Children and young people wait too long for their EHC plans to be issued. Families told inspectors that ' +
      'waiting times for speech and language therapy are too long. Some pupils are on part-time timetables for ' +
      'long periods. Leaders know the area well. ';
    const repeats = Math.ceil(MB / piece.length);
    const short = await run('short.txt', piece);
    const { doc, findings } = await run('sentences.txt', piece.repeat(repeats));
    expect(doc.text.length).toBeGreaterThanOrEqual(MB - 1);
    expect(short.findings.length).toBeGreaterThanOrEqual(3);
    const key = (f: Finding) => `${f.category} ${f.polarity} ${f.quote}`;
    expect(findings).toHaveLength(repeats * short.findings.length);
    expect(new Set(findings.map(key))).toEqual(new Set(short.findings.map(key)));
    expect(findings.every((f) => quoted(doc.text, f))).toBe(true);
    // Found to the end of the line, not just near its start.
    expect(Math.max(...findings.map((f) => f.end))).toBeGreaterThan(doc.text.length - piece.length);
  });

  it('with no sentence ends: cut into bounded units, offsets still exact', async () => {
    const { doc, findings } = await run('run-on.txt', oneLine('children wait too long for their EHC plans and '));
    expect(doc.text.length).toBeGreaterThanOrEqual(MB - 1);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => quoted(doc.text, f))).toBe(true);
  });

  it('with no spaces at all: finishes without findings or errors', async () => {
    const { doc, findings } = await run('letters.txt', oneLine('abcdefghij'));
    expect(doc.text.length).toBeGreaterThanOrEqual(MB);
    expect(findings).toEqual([]);
  });
});
