// pdf.js alone over a file: open it and get every page's text content, as our ingest does, and nothing of ours after
// (no segments, blocks or text). The benchmark's floor: the whole run's time over this is our own overhead.
import { readFile } from 'node:fs/promises';
import { pdfjs } from '../ingest/pdfjs.js';

/** Pages read. */
export async function pdfjsAlone(path: string): Promise<number> {
  const { lib, worker } = await pdfjs();
  const data = new Uint8Array(await readFile(path));
  const doc = await lib.getDocument({ data, verbosity: lib.VerbosityLevel.ERRORS, isEvalSupported: false, worker }).promise;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      await page.getTextContent({ disableNormalization: true });
    }
    return doc.numPages;
  } finally {
    await doc.destroy();
  }
}
