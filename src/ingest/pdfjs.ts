// pdf.js (the engine inside pdf-parse 2.x), loaded once per thread. We use it directly rather than through
// pdf-parse because we need each text item's position, size and font, which pdf-parse flattens away.
//
// The legacy build (the one that runs on Node 20) bundles core-js, which on evaluation replaces the native
// Array.prototype.push and JSON.parse with slower spec-edge-case polyfills for the whole thread. That costs ~15% of
// parse time here and slows every later stage sharing the thread, so we evaluate both halves of pdf.js (display
// layer and worker, which runs in-thread as pdf.js's "fake worker") up front and then put the natives back.
//
// The worker half is connected through our own in-thread port (see pdfjs-port.ts), once per thread; pdf.js then
// serves every document of the thread through it, as one browser worker serves many documents.
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { InThreadPort } from './pdfjs-port.js';

export type PdfJsModule = typeof PdfJs;

export interface PdfJsThread {
  lib: PdfJsModule;
  /** Pass as getDocument's `worker`; it lives as long as the thread. */
  worker: PdfJs.PDFWorker;
}

interface WorkerModule {
  WorkerMessageHandler: { initializeFromPort(port: InThreadPort): void };
}

let loading: Promise<PdfJsThread> | undefined;

/** pdf.js, imported on first use (each worker thread imports its own copy). */
export function pdfjs(): Promise<PdfJsThread> {
  loading ??= load();
  return loading;
}

async function load(): Promise<PdfJsThread> {
  const nativePush = Array.prototype.push;
  const nativeParse = JSON.parse;
  try {
    const lib = await import('pdfjs-dist/legacy/build/pdf.mjs');
    // A non-literal specifier: the worker bundle ships no types.
    const workerSpecifier: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
    const { WorkerMessageHandler } = (await import(workerSpecifier)) as WorkerModule;
    const port = new InThreadPort();
    // pdf.js's declarations type `port` as null only; at run time it takes any object that posts messages.
    const PortWorker = lib.PDFWorker as unknown as new (params: { port: InThreadPort; verbosity: number }) => PdfJs.PDFWorker;
    const worker = new PortWorker({ port, verbosity: lib.VerbosityLevel.ERRORS });
    WorkerMessageHandler.initializeFromPort(port);
    return { lib, worker };
  } finally {
    Array.prototype.push = nativePush;
    JSON.parse = nativeParse;
  }
}
