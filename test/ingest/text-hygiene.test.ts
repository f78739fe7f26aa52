// What ingest lets through from a text file: no control characters but line breaks (terminal escapes, bells, NULs,
// bidirectional overrides are gone, their words kept), and text in UTF-8, UTF-16 (with a BOM or without) or
// Windows-1252 read as what it says; any other encoding is a clear error, never text of nonsense.
import { describe, expect, it } from 'vitest';
import { ingestFile, IngestError } from '../../src/ingest/index.js';
import { writeFixture } from './pdf-fixtures.js';

const SENTENCE = 'Children in Derbyshire wait too long for their EHC plans, and parents’ views are not heard.';
const ARTICLE = `Council admits delays\n\n${SENTENCE}\n\nThe council said it would act.\n`;
const CONTROLS_RE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('control characters in ingested text', () => {
  it('drops escape sequences, bells, NULs, DEL, C1 controls and bidirectional overrides, keeping the words', async () => {
    const hostile = 'Children \u001b[31mwait\u001b[0m too long\u0007 for \u001b]0;pwned\u0007EHC plans\u0000, say\u007f the \u0085parents \u202Eevil\u202C today.';
    const doc = await ingestFile(writeFixture('controls.txt', `Headline\n\n${hostile}\n`));
    expect(doc.text).not.toMatch(CONTROLS_RE);
    expect(doc.text).toContain('Children wait too long for EHC plans, say the parents evil today.');
    expect(doc.text).not.toContain('pwned');
  });
});

describe('text encodings', () => {
  const utf16 = (le: boolean, bom: boolean) => {
    const body = Buffer.from(ARTICLE, 'utf16le');
    if (!le) body.swap16();
    const mark = Buffer.from(le ? [0xff, 0xfe] : [0xfe, 0xff]);
    return bom ? Buffer.concat([mark, body]) : body;
  };

  for (const [le, bom] of [[true, true], [false, true], [true, false], [false, false]] as const) {
    it(`reads UTF-16${le ? 'LE' : 'BE'} ${bom ? 'with' : 'without'} a BOM`, async () => {
      const doc = await ingestFile(writeFixture(`utf16.txt`, utf16(le, bom)));
      expect(doc.text).toContain("Children in Derbyshire wait too long for their EHC plans, and parents' views are not heard.");
      expect(doc.text).not.toMatch(CONTROLS_RE);
    });
  }

  it('reads UTF-8 with a BOM', async () => {
    const doc = await ingestFile(writeFixture('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE)])));
    expect(doc.text.startsWith('Council admits delays')).toBe(true);
  });

  const rejects = async (name: string, bytes: Buffer, message: RegExp) => {
    const failure = ingestFile(writeFixture(name, bytes));
    await expect(failure).rejects.toBeInstanceOf(IngestError);
    await expect(failure).rejects.toThrow(message);
  };

  it('rejects UTF-32, naming it', () =>
    rejects('utf32.txt', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from(ARTICLE.replace(/./gs, (c) => `${c}\0\0\0`), 'latin1')]), /UTF-32/));

  it('rejects binary data', () => rejects('binary.txt', Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 7) % 256)), /not text \(it holds binary data\)/));

  it('rejects a byte Windows-1252 leaves undefined in text that is not UTF-8', () =>
    rejects('undefined.txt', Buffer.from(`${ARTICLE}\x81 end`, 'latin1'), /neither UTF-8, UTF-16 nor Windows-1252 \(byte 0x81 at offset \d+\)/));

  it('rejects text in another encoding (Shift-JIS) rather than read it as Windows-1252 nonsense', () => {
    // 「特別支援教育の計画が遅れている」 in Shift-JIS, a few times over.
    const sjis = Buffer.from('817592C195CA8E78899A8BB388E782CC8C7689E682AA92788EEA82C482A282E98176'.repeat(8), 'hex');
    return rejects('sjis.txt', sjis, /neither UTF-8, UTF-16 nor Windows-1252/);
  });
});
