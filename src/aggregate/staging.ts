// The dataset's files are written under temporary names and renamed into place together at the end, so a run killed
// midway leaves the previous dataset whole (and never a new findings.db beside an old areas.csv for long).
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export class Staging {
  private readonly staged = new Map<string, string>();

  constructor(private readonly outDir: string) {}

  /** The temporary path to write `name` to. */
  path(name: string): string {
    const tmp = join(this.outDir, `.${name}.${process.pid}.tmp`);
    this.staged.set(join(this.outDir, name), tmp);
    return tmp;
  }

  /** Renames every staged file into place; returns the final paths. */
  async commit(): Promise<string[]> {
    for (const [final, tmp] of this.staged) await rename(tmp, final);
    return [...this.staged.keys()];
  }

  async abort(): Promise<void> {
    await Promise.all([...this.staged.values()].map((tmp) => rm(tmp, { force: true })));
  }
}
