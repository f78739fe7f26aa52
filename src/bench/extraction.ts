// MuPDF, pdf.js alone and our ingest over the same files, taking turns slice by slice so that all meet the same
// machine: on a shared machine the load drifts over minutes, and timing one whole corpus after the other would compare
// a busy spell with a quiet one.
import { addTimings, type Timing } from './cpu.js';
import { poolTimer } from './ingest.js';
import { timeMutool } from './mutool.js';

const SLICES = 10;

export interface ExtractionTimings {
  pages: number;
  mutool: Timing;
  /** pdf.js alone (every page's text content, nothing of ours), on the same threads as ingest. */
  pdfjs: Timing;
  ingest: Timing;
}

const zero = (): Timing => ({ seconds: 0, cpuSeconds: 0 });

export async function timeExtraction(files: string[], threads: number): Promise<ExtractionTimings> {
  const size = Math.max(threads, Math.ceil(files.length / SLICES));
  const pdfjs = poolTimer(threads, 'pdfjs');
  const ingest = poolTimer(threads, 'ingest');
  const totals = { mutool: zero(), pdfjs: zero(), ingest: zero() };
  let pages = 0;
  try {
    for (let i = 0; i < files.length; i += size) {
      const slice = files.slice(i, i + size);
      totals.mutool = addTimings(totals.mutool, await timeMutool(slice, threads));
      const alone = await pdfjs.time(slice);
      totals.pdfjs = addTimings(totals.pdfjs, alone);
      const timed = await ingest.time(slice);
      totals.ingest = addTimings(totals.ingest, timed);
      if (alone.pages !== timed.pages) throw new Error(`pdf.js alone read ${alone.pages} pages where ingest read ${timed.pages}`);
      pages += timed.pages;
    }
  } finally {
    await Promise.all([pdfjs.close(), ingest.close()]);
  }
  return { pages, ...totals };
}
