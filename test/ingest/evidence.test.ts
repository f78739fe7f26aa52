// The key acceptance test: every evidence quote in the gold labels is findable in its document's clean text, modulo
// white space and quote style. Gold quotes were cut from text that kept the layout's line breaks as spaces, so a
// hyphen that ended a line is followed by a space there ("well- being"); that space is layout, not text.
import { basename, extname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GoldSchema, readJsonl } from '../../src/eval/index.js';
import { ingestFile } from '../../src/ingest/index.js';
import { normaliseLine } from '../../src/ingest/normalise.js';
import { goldPath, sharedArticles, sharedReports } from '../helpers.js';

const gold = readJsonl(goldPath, GoldSchema);
const paths = new Map([...sharedReports(), ...sharedArticles()].map((path) => [basename(path, extname(path)), path] as const));

const comparable = (text: string) => normaliseLine(text).replace(/(\p{L})- (?=\p{L})/gu, '$1-');

describe('gold evidence quotes', () => {
  it.each(gold.map((g) => [g.doc, g] as const))('%s: every evidence quote is in the clean text', async (_, g) => {
    const doc = await ingestFile(paths.get(g.doc)!);
    expect(doc.kind).toBe(g.kind);
    const text = comparable(doc.text);
    const quotes = [...Object.values(g.concerns ?? {}), ...Object.values(g.strengths ?? {})].flat();
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.filter((q) => !text.includes(comparable(q)))).toEqual([]);
  });
});
