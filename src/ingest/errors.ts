/**
 * A document that cannot be ingested. The message says what is wrong in words a person can act on; the caller adds
 * the file name (so the same message reads well in an error record, a log line and a test).
 */
export class IngestError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IngestError';
  }
}
