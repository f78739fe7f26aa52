// pdf.js (the engine inside pdf-parse 2.x), loaded once per thread. We use it directly rather than through
// pdf-parse because we need each text item's position, size and font, which pdf-parse flattens away.
//
// The legacy build (the one that runs on Node 20) bundles core-js, which on evaluation replaces the native
// Array.prototype.push and JSON.parse with slower spec-edge-case polyfills for the whole thread. That costs ~15% of
// parse time here and slows every later stage sharing the thread, so we evaluate both halves of pdf.js (display
// layer and worker, which runs in-thread as pdf.js's "fake worker") up front and then put the natives back.
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfJsModule = typeof PdfJs;

let loading: Promise<PdfJsModule> | undefined;

/** The pdf.js module, imported on first use (each worker thread imports its own copy). */
export function pdfjs(): Promise<PdfJsModule> {
  loading ??= load();
  return loading;
}

async function load(): Promise<PdfJsModule> {
  const nativePush = Array.prototype.push;
  const nativeParse = JSON.parse;
  try {
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // A non-literal specifier: the worker bundle ships no types, and we only hand it to pdf.js.
    const workerSpecifier: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import(workerSpecifier);
    return lib;
  } finally {
    Array.prototype.push = nativePush;
    JSON.parse = nativeParse;
  }
}
