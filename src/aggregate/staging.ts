// The dataset is published whole or not at all. Its files are written into a new generation folder
// (out/.generations/<id>/), flushed to disk, and then one rename switches the pointer `out/current` (a symlink) to it.
// Each out/<name> users open (out/findings.db, out/report.html...) is a fixed symlink to current/<name>, so every path
// shows the generation `current` names: a run killed at any step leaves either the old dataset or the new one, never
// files of both. A reader that must see several files of one generation resolves out/current once (realpath).
// The previous generation is kept, so a reader that resolved the pointer just before a switch still finds its files;
// older ones, and the folders of runs killed before their switch, are removed after each switch.
import { mkdirSync } from 'node:fs';
import { link, lstat, mkdir, readdir, readlink, rm, symlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { renameDurably, syncPath, tempPathFor } from '../files/atomic.js';

const GENERATIONS = '.generations';
const CURRENT = 'current';

/** The steps of a publish, in order; FINDINGS_PUBLISH_FAULT=<step> kills the process (SIGKILL) there, for tests. */
export const PUBLISH_STEPS = ['writing', 'written', 'adopting', 'pointer', 'switched', 'linked', 'cleaned'] as const;
type Step = (typeof PUBLISH_STEPS)[number];

function reached(step: Step): void {
  if (process.env.FINDINGS_PUBLISH_FAULT === step) process.kill(process.pid, 'SIGKILL');
}

/** Sorts by time; the pid tells apart two runs in one millisecond. */
const newGenerationId = () => `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`;

export class Staging {
  private readonly names: string[] = [];
  private readonly id = newGenerationId();
  private readonly dir: string;

  constructor(private readonly outDir: string) {
    this.dir = join(outDir, GENERATIONS, this.id);
    mkdirSync(this.dir, { recursive: true });
  }

  /** Where to write `name` of the new generation. */
  path(name: string): string {
    this.names.push(name);
    if (this.names.length === 2) reached('writing');
    return join(this.dir, name);
  }

  /** Publishes the generation: flushes it, switches out/current to it, links out/<name> and removes old generations.
   * Returns the paths users open (out/<name>). */
  async commit(): Promise<string[]> {
    reached('written');
    for (const name of this.names) await syncPath(join(this.dir, name));
    await syncPath(this.dir);
    await this.adoptPlainFiles();

    const pointer = join(this.outDir, CURRENT);
    const previous = await readlink(pointer).catch(() => null);
    await replaceWithSymlink(pointer, join(GENERATIONS, this.id), 'pointer');
    reached('switched');
    for (const name of this.names) await ensureLink(this.outDir, name);
    reached('linked');
    const keep = new Set([this.id, previous === null ? '' : basename(previous)]);
    for (const entry of await readdir(join(this.outDir, GENERATIONS))) {
      if (!keep.has(entry)) await rm(join(this.outDir, GENERATIONS, entry), { recursive: true, force: true });
    }
    reached('cleaned');
    return this.names.map((name) => join(this.outDir, name));
  }

  async abort(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  /**
   * An out/ written before generations holds plain files. Each is hard-linked into the current generation (made for
   * them if there is none) and its name then replaced by the symlink to it: the same bytes before and after, so an
   * adoption killed midway shows no mix either, and the next run finishes it.
   */
  private async adoptPlainFiles(): Promise<void> {
    const plain: string[] = [];
    for (const name of this.names) {
      const info = await lstat(join(this.outDir, name)).catch(() => null);
      if (info?.isFile()) plain.push(name);
    }
    if (plain.length === 0) return;
    const pointer = join(this.outDir, CURRENT);
    if ((await readlink(pointer).catch(() => null)) === null) {
      const adopted = `${newGenerationId()}-adopted`;
      await mkdir(join(this.outDir, GENERATIONS, adopted), { recursive: true });
      await replaceWithSymlink(pointer, join(GENERATIONS, adopted));
    }
    for (const name of plain) {
      await link(join(this.outDir, name), join(pointer, name)).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err; // linked by an adoption that was killed before it replaced the name
      });
      await ensureLink(this.outDir, name);
      reached('adopting');
    }
  }
}

/** out/<name> → current/<name>, unless it is that link already. */
async function ensureLink(outDir: string, name: string): Promise<void> {
  const target = join(CURRENT, name);
  const path = join(outDir, name);
  if ((await readlink(path).catch(() => null)) !== target) await replaceWithSymlink(path, target);
}

/** Points `path` at `target` in one rename, whatever `path` was (nothing, a file, another link). */
async function replaceWithSymlink(path: string, target: string, step?: Step): Promise<void> {
  const temp = tempPathFor(path);
  await rm(temp, { force: true });
  await symlink(target, temp);
  if (step) reached(step);
  await renameDurably(temp, path);
}
