// Bad input: each case gets an IngestError whose message says what is wrong, in words a person can act on.
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IngestError, ingestFile } from '../../src/ingest/index.js';
import { reportsDir, tempDir } from '../helpers.js';
import { buildPdf, writeFixture } from './pdf-fixtures.js';

const REPORT = join(reportsDir, 'area_send_80549_sandwell_12_september_2023.pdf');

async function failure(path: string): Promise<IngestError> {
  const error = await ingestFile(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

describe('ingestFile on bad input', () => {
  it('says a PDF with garbage after the header is damaged', async () => {
    const path = writeFixture('corrupt.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(4000, 'x'), Buffer.from('\n%%EOF\n')]));
    expect((await failure(path)).message).toMatch(/^the PDF is damaged and cannot be read \(pdf\.js: .+\)$/);
  });

  it('says a PDF cut in half is truncated', async () => {
    const bytes = readFileSync(REPORT);
    const path = writeFixture('truncated.pdf', bytes.subarray(0, bytes.length / 2));
    expect((await failure(path)).message).toMatch(/^the PDF is truncated: it does not end with %%EOF/);
  });

  it('says a password-protected PDF is encrypted', async () => {
    const path = writeFixture('locked.pdf', buildPdf([{ lines: [{ x: 72, y: 700, text: 'Secret minutes of the panel.' }] }], { encrypt: true }));
    expect((await failure(path)).message).toBe(
      'the PDF is password-protected (encrypted); save an unprotected copy to ingest it',
    );
  });

  it('says an empty file is empty', async () => {
    expect((await failure(writeFixture('empty.pdf', ''))).message).toBe('the file is empty (0 bytes)');
    expect((await failure(writeFixture('empty.txt', ''))).message).toBe('the file is empty (0 bytes)');
  });

  it('says a scanned PDF needs OCR', async () => {
    const path = writeFixture('scan.pdf', buildPdf([{ image: true }, { image: true }]));
    expect((await failure(path)).message).toContain('no text layer; OCR needed');
  });

  it('says a .pdf that is not a PDF at all is not one', async () => {
    const path = writeFixture('page.pdf', '<!doctype html><html><body>Not found</body></html>');
    expect((await failure(path)).message).toMatch(/^not a PDF: the file does not start with %PDF-/);
  });

  it('says a missing file is not found and a folder is not a file', async () => {
    const dir = tempDir('ingest-');
    expect((await failure(join(dir, 'nowhere.pdf'))).message).toBe('file not found');
    const folder = join(dir, 'folder.pdf');
    mkdirSync(folder);
    expect((await failure(folder)).message).toBe('is a directory, not a file');
  });

  // Root reads any file whatever its mode, so this case can only be seen as another user.
  it.skipIf(process.getuid?.() === 0)('says an unreadable file cannot be read', async () => {
    const path = writeFixture('private.txt', 'Minutes of the meeting.');
    chmodSync(path, 0o000);
    expect((await failure(path)).message).toBe('permission denied: the file cannot be read (check its permissions)');
  });

  it('refuses file types it does not read, before reading them', async () => {
    expect((await failure('/nowhere/report.docx')).message).toBe(
      'unsupported file type .docx: expected .pdf, .txt, .html or .htm',
    );
    expect((await failure(writeFixture('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47])))).message).toMatch(
      /^unsupported file type \.png:/,
    );
    expect((await failure('/nowhere/README')).message).toMatch(/^unsupported file type \(no extension\):/);
  });
});
