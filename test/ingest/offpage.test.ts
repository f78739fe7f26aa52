// A line that runs off the page (one long baseline past the right edge of the page box): pdf.js drops the glyphs
// outside the box from the text layer; ingest puts them back, so no words vanish without a trace.
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index.js';
import { buildPdf, writeFixture } from './pdf-fixtures.js';

const body = Array.from({ length: 12 }, (_, i) => ({
  x: 72, y: 760 - i * 16, text: `Paragraph line ${i + 1} says the local area partnership has plans for its services.`,
}));
const count = (text: string, part: string) => text.split(part).length - 1;

describe('text running off the page box', () => {
  it('keeps the whole of a long baseline, up to its last word', async () => {
    const sentence = 'Children wait too long for their plans.';
    const long = Array.from({ length: 30 }, (_, i) => `${sentence.slice(0, -1)} number ${i + 1}.`).join(' ');
    const doc = await ingestFile(writeFixture('long.pdf', buildPdf([{ lines: [...body, { x: 72, y: 400, text: long }] }])));
    expect(count(doc.text, 'Children wait too long for their plans number')).toBe(30);
    expect(doc.text).toContain('plans number 30.');
    // The lines that fit are as they were.
    for (const line of body) expect(doc.text).toContain(line.text);
  });

  it('leaves a page whose text fits the box alone', async () => {
    const doc = await ingestFile(writeFixture('fits.pdf', buildPdf([{ lines: body }])));
    expect(count(doc.text, 'Paragraph line')).toBe(12);
  });
});
