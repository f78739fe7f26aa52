// MuPDF and our ingest over the same files, taking turns slice by slice so that both meet the same machine: on a
// shared machine the load drifts over minutes, and timing one whole corpus after the other would compare a busy
// spell with a quiet one.
import { addTimings, type Timing } from './cpu.js';
import { ingestTimer } from './ingest.js';
import { timeMutool } from './mutool.js';

const SLICES = 10;

export interface ExtractionTimings {
  pages: number;
  mutool: Timing;
  ingest: Timing;
}

export async function timeExtraction(files: string[], threads: number): Promise<ExtractionTimings> {
  const size = Math.max(threads, Math.ceil(files.length / SLICES));
  const ingest = ingestTimer(threads);
  let mutool: Timing = { seconds: 0, cpuSeconds: 0 };
  let ours: Timing = { seconds: 0, cpuSeconds: 0 };
  let pages = 0;
  try {
    for (let i = 0; i < files.length; i += size) {
      const slice = files.slice(i, i + size);
      mutool = addTimings(mutool, await timeMutool(slice, threads));
      const timed = await ingest.time(slice);
      ours = addTimings(ours, timed);
      pages += timed.pages;
    }
  } finally {
    await ingest.close();
  }
  return { pages, mutool, ingest: ours };
}
