// A text file written a line at a time, in large synchronous writes: the dataset is built in one synchronous pass
// (SQLite through better-sqlite3), and a stream per line would cost more than the lines themselves.
import { closeSync, openSync, writeSync } from 'node:fs';

/** Characters gathered before each write. */
const CHUNK = 1 << 20;

export class LinesFile {
  private readonly fd: number;
  private pending: string[] = [];
  private size = 0;
  private closed = false;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  add(line: string): void {
    this.pending.push(line);
    this.size += line.length;
    if (this.size >= CHUNK) this.flush();
  }

  /** Writes what is pending and closes the file; safe to call again (and after a failure). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.fd, this.pending.join('\n') + '\n');
    this.pending = [];
    this.size = 0;
  }
}
