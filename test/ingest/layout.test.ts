// PDF layout rules on a document of our own making (not an Ofsted template): running header and page numbers,
// bold same-size headings, hyphenation, bullets, a table row, a label with its value at a tab stop, and a sentence
// cut by a page break.
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { buildPdf, type TextLine, writeFixture } from './pdf-fixtures.js';

const PITCH = 14.4;
const page = (n: number, body: Omit<TextLine, 'y'>[], top = 760): TextLine[] => [
  { x: 72, y: 815, text: 'Review of SEND services in Northtown', size: 9 },
  ...body.map((line, i) => ({ ...line, y: top - i * PITCH })),
  { x: 280, y: 30, text: `Page ${n} of 3`, size: 9 },
];

const pdf = buildPdf([
  {
    lines: [
      { x: 72, y: 790, text: 'Review of SEND services in Northtown', size: 9 },
      { x: 72, y: 780, text: 'Northtown local area review', bold: true, size: 18 },
      { x: 72, y: 740, text: 'Inspection dates:' },
      { x: 230, y: 740, text: '3 to 7 July 2023' },
      { x: 72, y: 700, text: 'Main findings', bold: true },
      ...[
        'Leaders have not made sure that the assess-',
        'ment of needs happens on time. A multi-',
        'agency panel now meets every month, and each',
        'agency sends a manager to it. The assessment',
        'of needs is still too slow for many families.',
      ].map((text, i) => ({ x: 72, y: 672 - i * PITCH, text })),
      { x: 72, y: 580, text: '\x95' },
      { x: 90, y: 580, text: 'Plans are not reviewed often enough.' },
      { x: 72, y: 560, text: '\x95' },
      { x: 90, y: 560, text: 'Too many pupils are on part-time timetables and' },
      { x: 90, y: 560 - PITCH, text: 'miss much of their education.' },
      ...[
        'The partnership has started work to improve the way that it',
        'shares information between health, care and school staff, and',
      ].map((text, i) => ({ x: 72, y: 100 - i * PITCH, text })),
      { x: 280, y: 30, text: 'Page 1 of 3', size: 9 },
    ],
  },
  {
    lines: page(2, [
      { x: 72, text: 'listens to families, but this work is at an early stage.' },
      { x: 72, text: 'Staff know the families they work with well.' },
    ]),
  },
  {
    lines: [
      ...page(3, [{ x: 72, text: 'Areas for improvement', bold: true }]),
      { x: 72, y: 720, text: 'Responsible body', bold: true },
      { x: 260, y: 720, text: 'Area for improvement', bold: true },
      { x: 72, y: 700, text: 'Northtown Council' },
      { x: 260, y: 700, text: 'Leaders should make plans on time.' },
    ],
  },
]);

describe('PDF layout', async () => {
  const doc = await ingestFile(writeFixture('northtown-review.pdf', pdf));
  const lines = doc.text.split('\n');

  it('drops the running header and the page numbers, but keeps the same words set as a title', () => {
    expect(doc.text).not.toMatch(/Page \d of 3/);
    expect(doc.text).not.toContain('Review of SEND services in Northtown');
    expect(lines[0]).toBe('Northtown local area review');
  });

  it('finds bold and larger headings as sections, not the cells of a table header row', () => {
    expect(doc.sections.map((s) => s.title)).toEqual(['Northtown local area review', 'Main findings', 'Areas for improvement']);
    const findings = doc.sections[1]!;
    expect(doc.text.slice(findings.start, findings.end)).toMatch(/^Main findings\nLeaders have not made sure/);
    expect(doc.sections[2]!.end).toBe(doc.text.length);
    expect(lines).toContain('Responsible body');
    expect(lines).toContain('Area for improvement');
  });

  it('joins the lines of a paragraph, undoing a split word but keeping a compound hyphen', () => {
    expect(lines).toContain(
      'Leaders have not made sure that the assessment of needs happens on time. A multi-agency panel now meets every ' +
        'month, and each agency sends a manager to it. The assessment of needs is still too slow for many families.',
    );
  });

  it('keeps bullet items on lines of their own, starting with one bullet character', () => {
    expect(lines).toContain('• Plans are not reviewed often enough.');
    expect(lines).toContain('• Too many pupils are on part-time timetables and miss much of their education.');
  });

  it('keeps a label and its value at a tab stop on one line, and table cells apart', () => {
    expect(lines).toContain('Inspection dates: 3 to 7 July 2023');
    expect(lines).toContain('Northtown Council');
    expect(lines).toContain('Leaders should make plans on time.');
  });

  it('continues a sentence cut by a page break, and maps each character to its page', () => {
    const joined =
      'The partnership has started work to improve the way that it shares information between health, care and ' +
      'school staff, and listens to families, but this work is at an early stage.';
    // The next line on page 2 is set at the paragraph's pitch, so it is the same paragraph.
    expect(lines).toContain(`${joined} Staff know the families they work with well.`);
    expect(doc.pages.map((p) => p.n)).toEqual([1, 2, 3]);
    expect(doc.pages[1]!.start).toBe(doc.text.indexOf('listens to families'));
    expect(doc.pages[2]!.start).toBe(doc.text.indexOf('Areas for improvement'));
    expect(doc.pages[0]!.start).toBe(0);
    expect(doc.pages[2]!.end).toBe(doc.text.length);
    for (let i = 1; i < doc.pages.length; i++) expect(doc.pages[i]!.start).toBe(doc.pages[i - 1]!.end);
  });

  it('describes the file', () => {
    expect(doc.id).toBe('northtown-review');
    expect(doc.kind).toBe('report');
    expect(doc.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
