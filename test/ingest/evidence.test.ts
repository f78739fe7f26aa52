// The key acceptance test: every evidence quote in the gold labels is findable in its document's clean text, modulo
// white space and quote style. Gold quotes were cut from text that kept the layout's line breaks as spaces, so a
// hyphen that ended a line is followed by a space there ("well- being"); that space is layout, not text.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { normaliseLine } from '../../src/ingest/normalise.js';

const CORPUS = new URL('../../../shared/corpus/', import.meta.url);
const GOLD = new URL('../../../shared/gold/dev.jsonl', import.meta.url);

interface Gold {
  doc: string;
  kind: string;
  concerns: Record<string, string[]>;
  strengths: Record<string, string[]>;
}

const gold = readFileSync(GOLD, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line) as Gold);
const paths = new Map(
  ['reports', 'articles'].flatMap((dir) =>
    readdirSync(new URL(`${dir}/`, CORPUS)).map((f) => [f.replace(/\.[^.]+$/, ''), fileURLToPath(new URL(`${dir}/${f}`, CORPUS))] as const),
  ),
);

const comparable = (text: string) => normaliseLine(text).replace(/(\p{L})- (?=\p{L})/gu, '$1-');

describe('gold evidence quotes', () => {
  it.each(gold.map((g) => [g.doc, g] as const))('%s: every evidence quote is in the clean text', async (_, g) => {
    const doc = await ingestFile(paths.get(g.doc)!);
    expect(doc.kind).toBe(g.kind);
    const text = comparable(doc.text);
    const quotes = [...Object.values(g.concerns), ...Object.values(g.strengths)].flat();
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.filter((q) => !text.includes(comparable(q)))).toEqual([]);
  });
});
