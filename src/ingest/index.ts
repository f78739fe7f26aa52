// The ingest stage: a file → Document (clean text, page map, sections). Safe to run in worker threads: no state is
// kept between calls beyond the lazily loaded pdf.js and web modules.
import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { makeDocument } from '../document/index.js';
import type { Document } from '../records.js';
import { IngestError } from './errors.js';
import { ingestPdf } from './pdf.js';
import { readBytes } from './read.js';

export { IngestError } from './errors.js';

const WEB_TYPES = new Set(['.txt', '.html', '.htm']);

export async function ingestFile(path: string): Promise<Document> {
  const type = extname(path).toLowerCase();
  if (type !== '.pdf' && !WEB_TYPES.has(type)) {
    throw new IngestError(`unsupported file type ${type || '(no extension)'}: expected .pdf, .txt, .html or .htm`);
  }
  const bytes = await readBytes(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const id = basename(path, extname(path));
  if (type === '.pdf') return makeDocument({ id, source: path, sha256, kind: 'report', ...(await ingestPdf(bytes)) });
  // Loaded when a thread first meets a web document: its HTML parsing (linkedom) costs each thread ~25 MB.
  const { ingestWebText } = await import('./web.js');
  return makeDocument({ id, source: path, sha256, ...ingestWebText(bytes, type === '.txt' ? 'text' : 'html') });
}
