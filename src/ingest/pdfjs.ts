// pdf.js (the engine inside pdf-parse 2.x), loaded once per thread. We use it directly rather than through
// pdf-parse because we need each text item's position, size and font, which pdf-parse flattens away.
//
// The display layer comes from the legacy build, the one meant for Node: it brings what Node 20 lacks (DOMMatrix
// through @napi-rs/canvas, and core-js for Promise.withResolvers, Uint8Array base64/hex, Math.sumPrecise, Promise.try).
// The worker half, where all the parsing happens, comes from the modern build: the same code, untranspiled, runs ~10%
// faster, and what it needs beyond Node 20 the legacy display layer has installed by then (test/ingest/pdfjs.test.ts).
// core-js also replaces the native Array.prototype.push and JSON.parse with slower spec-edge-case polyfills for the
// whole thread, so we put the natives back once both halves are loaded.
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
    const workerSpecifier: string = 'pdfjs-dist/build/pdf.worker.mjs';
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
