// The 15 shared inspection reports: clean text with no running headers, a page map covering it, the report's
// headings as sections, and no line break the layout put inside a sentence. Line breaks to check are discovered from
// pdf-parse's plain text of each report (its lines are the layout's lines), not listed by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import type { Document } from '../../src/records.js';
import { normaliseLine } from '../../src/ingest/normalise.js';
import { GoldSchema, readJsonl } from '../../src/eval/index.js';
import { goldPath, reportsDir } from '../helpers.js';

const files = readdirSync(reportsDir).filter((f) => f.endsWith('.pdf')).sort();
const priorityActions = new Map(readJsonl(goldPath, GoldSchema).map((g) => [g.doc, g.priority_actions as number | null] as const));

const SECTIONS = [
  'Inspection outcome',
  'Information about the local area partnership',
  'What is the area partnership doing that is effective?',
  'What does the area partnership need to do better?',
  'Areas for improvement',
  'Local area partnership details',
  'Information about this inspection',
  'Inspection team',
];
const TERMINATED = /[.!?:;]["')\]]*$/;

/** The layout's own lines, page by page, as pdf-parse (pdf.js's plain text) gives them. */
async function rawPages(path: string): Promise<string[][]> {
  const parser = new PDFParse({ data: readFileSync(path) });
  try {
    return (await parser.getText()).pages.map((page) => page.text.split('\n'));
  } finally {
    await parser.destroy();
  }
}

/**
 * Phrases the layout broke over two lines inside a sentence, page breaks included: the last words of a line with no
 * closing punctuation and the first words of the next, when that one starts in lower case (so it goes on with the
 * same sentence). Lines recurring on several pages (numbers aside) are running headers and footers and are skipped.
 */
function brokenPhrases(pages: string[][]): string[] {
  const shape = (line: string) => line.trim().replace(/\d+/g, '#');
  const pagesWith = new Map<string, number>();
  for (const lines of pages) for (const s of new Set(lines.map(shape))) pagesWith.set(s, (pagesWith.get(s) ?? 0) + 1);
  const lines = pages.flat().filter((line) => line.trim() && (pagesWith.get(shape(line)) ?? 0) < 3);
  const phrases: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const [a, b] = [lines[i]!.trim(), lines[i + 1]!.trim()];
    const [aw, bw] = [a.split(/\s+/), b.split(/\s+/)];
    if (TERMINATED.test(a) || !/^\p{Ll}/u.test(b) || aw.length < 4 || bw.length < 3) continue;
    phrases.push(`${aw.slice(-3).join(' ')} ${bw.slice(0, 3).join(' ')}`);
  }
  return phrases;
}

// Compared with all white space removed: pdf.js and we may space a join differently; the line is what matters.
const squeeze = (text: string) => normaliseLine(text).replace(/\s+/g, '');

describe('the shared reports', async () => {
  const docs = new Map<string, { doc: Document; raw: string[][] }>();
  for (const file of files) {
    const path = join(reportsDir, file);
    docs.set(file, { doc: await ingestFile(path), raw: await rawPages(path) });
  }

  it.each(files)('%s: no running header, footer or page number is left', (file) => {
    const { doc } = docs.get(file)!;
    const headers = [...doc.text.matchAll(/Area SEND inspection report:/gi)];
    expect(headers.length).toBeLessThanOrEqual(1);
    for (const h of headers) expect(h.index).toBeLessThan(doc.pages[0]!.end);
    expect(doc.text.split('\n').filter((line) => /^\d{1,3}$/.test(line))).toEqual([]);
  });

  it.each(files)('%s: the page map covers the text in order, one range per page', (file) => {
    const { doc, raw } = docs.get(file)!;
    expect(doc.pages.map((p) => p.n)).toEqual(raw.map((_, i) => i + 1));
    expect(doc.pages[0]!.start).toBe(0);
    expect(doc.pages.at(-1)!.end).toBe(doc.text.length);
    for (const [i, page] of doc.pages.entries()) {
      expect(page.end).toBeGreaterThan(page.start); // every page of these reports has text
      if (i > 0) expect(page.start).toBe(doc.pages[i - 1]!.end);
    }
  });

  it.each(files)('%s: the report headings are sections, in order, each starting with its heading', (file) => {
    const { doc } = docs.get(file)!;
    const titles = doc.sections.map((s) => s.title);
    for (const title of SECTIONS) expect(titles).toContain(title);
    expect(titles.some((t) => /^What is it like to be a child or young person .*in this area\?$/.test(t))).toBe(true);
    const priority = priorityActions.get(file.replace(/\.pdf$/, ''));
    expect(titles.includes('Areas for priority action')).toBe(priority !== null && priority! > 0);
    for (const [i, s] of doc.sections.entries()) {
      expect(doc.text.slice(s.start, s.end).startsWith(`${s.title}\n`)).toBe(true);
      expect(s.end).toBe(doc.sections[i + 1]?.start ?? doc.text.length);
    }
  });

  it.each(files)('%s: no line break inside a sentence that the layout broke', (file) => {
    const { doc, raw } = docs.get(file)!;
    const phrases = brokenPhrases(raw);
    expect(phrases.length).toBeGreaterThan(50);
    const lines = doc.text.split('\n').map(squeeze);
    const split = phrases.filter((phrase) => !lines.some((line) => line.includes(squeeze(phrase))));
    expect(split).toEqual([]);
  });

  it.each(files)('%s: the narrative sections have whole sentences on every line', (file) => {
    const { doc } = docs.get(file)!;
    for (const s of doc.sections.filter((s) => s.title.startsWith('What '))) {
      const [, ...body] = doc.text.slice(s.start, s.end).trimEnd().split('\n');
      expect(body.filter((line) => !TERMINATED.test(line))).toEqual([]);
    }
  });

  it.each(files)('%s: compounds hyphenated at a line end keep their hyphen and lose the line break', (file) => {
    const { doc, raw } = docs.get(file)!;
    for (const compound of lineEndCompounds(raw)) expect(doc.text).toContain(compound);
  });

  it('has compounds hyphenated at a line end to check', () => {
    expect([...docs.values()].flatMap(({ raw }) => lineEndCompounds(raw)).length).toBeGreaterThan(0);
  });
});

/** "multi-" at a line's end and "agency" at the next one's start, as in pdf-parse's lines: "multi-agency". */
function lineEndCompounds(raw: string[][]): string[] {
  return raw.flatMap((lines) =>
    lines.flatMap((line, i) => {
      const left = /(\p{L}+)-$/u.exec(line.trim());
      const right = /^\p{Ll}+/u.exec(lines[i + 1]?.trim() ?? '');
      return left && right ? [`${left[1]}-${right[0]}`] : [];
    }),
  );
}
