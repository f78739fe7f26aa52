// `findings run` without the terminal: brings the store up to date with the corpus (processing only new, changed or
// stale files), then rebuilds out/ from the store when anything changed.
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { DATASET_FILES, datasetIsCurrent, writeDataset } from '../aggregate/index.js';
import { isTempName } from '../files/atomic.js';
import { loadRules } from '../tag/index.js';
import type { ErrorRecord } from '../records.js';
import { collectChanges, type Changes } from './changes.js';
import { CorpusPathError, readCorpus, stampFile, type CorpusFile } from './corpus.js';
import { processStale } from './batch.js';
import type { PoolOptions } from './pool.js';
import { Store } from './store.js';
import { pipelineVersion } from './version.js';

export interface RunOptions extends PoolOptions {
  corpus: string;
  out: string;
  /** Called once the work is known (done = 0), then after each processed file. */
  onProgress?: (done: number, total: number, doc: string | null) => void;
  /** The local date (YYYY-MM-DD) a rebuilt out/ counts towards in that day's changes (default: today). */
  day?: string;
}

export interface RunSummary {
  files: number;
  /** Documents processed this run: new, changed, or stale after a pipeline change. */
  processed: string[];
  /** Documents whose files have left the corpus. */
  removed: string[];
  documents: number;
  findings: number;
  errors: ErrorRecord[];
  /** Whether out/ was rebuilt (it is not when nothing changed and out/ is complete). */
  wrote: boolean;
  /** When out/ was last rebuilt, by this run or an earlier one. */
  publishedAt: string | null;
  seconds: number;
}

/** The run cannot start: the corpus holds no documents (`empty`), its path is wrong (`usage`) or it cannot be read. */
export class CorpusError extends Error {
  constructor(
    message: string,
    readonly kind: 'empty' | 'usage' | 'unreadable',
  ) {
    super(message);
  }
}

export function localDay(at = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export async function runPipeline(opts: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const listing = await readCorpus(opts.corpus, { exclude: [opts.out] }).catch((err: unknown) => {
    throw err instanceof CorpusPathError ? new CorpusError(err.message, err.usage ? 'usage' : 'unreadable') : err;
  });
  const paths = listing.files;
  if (paths.length === 0 && listing.problems.length === 0) {
    throw new CorpusError(
      `${opts.corpus} holds no documents: put area SEND inspection reports (.pdf) or articles and minutes (.txt, .html) there`,
      'empty',
    );
  }
  await mkdir(opts.out, { recursive: true });
  await removeLeftovers(opts.out);
  const version = pipelineVersion();
  const store = new Store(join(opts.out, 'store.db'));
  try {
    // A few stats (or hashes, for new files) in flight at once: an unchanged corpus is then one round of stats, and a
    // large new one never opens more files than that.
    const limit = pLimit(16);
    const stamped = await Promise.all(paths.map((path) => limit(() => stampFile(path, store))));
    const files = stamped.filter((f): f is CorpusFile => 'sha256' in f);
    const unreadable = stamped.filter((f): f is ErrorRecord => 'error' in f);
    const { unique, duplicates } = splitDuplicates(files);
    // Errors of the listing itself (unreadable files and folders, broken links, duplicates): no store entry holds them.
    const listed = [...listing.problems, ...unreadable, ...duplicates];

    const stored = store.entries();
    // A file whose bytes and pipeline are unchanged keeps its result, even when the corpus has moved.
    const stale: CorpusFile[] = [];
    const moved: CorpusFile[] = [];
    for (const f of unique) {
      const s = stored.get(f.doc);
      if (!s || s.sha256 !== f.sha256 || s.version !== version) stale.push(f);
      else if (s.source !== f.source) moved.push(f);
    }
    store.relocate(moved);
    const current = new Set(unique.map((f) => f.doc));
    const removed = [...stored.keys()].filter((doc) => !current.has(doc));
    store.remove(removed);

    // Validate the rules before any work, so a broken rule file is one clear error rather than one per document.
    const rules = stale.length > 0 ? loadRules() : null;
    await processStale(stale, store, version, opts);

    // out/ is rebuilt whenever the store holds results it does not reflect yet, including those of a killed run, and
    // whenever another version of the dataset code or of Ofsted's table built it.
    const outputsMissing = DATASET_FILES.some((f) => !existsSync(join(opts.out, f))) || !datasetIsCurrent(opts.out);
    const wrote = store.unpublished(listed) || outputsMissing;
    const errors = [...store.errors(), ...listed];
    if (wrote) {
      const taxonomy = (rules ?? loadRules()).categories;
      await writeDataset({ documents: () => store.documents(), errors, outDir: opts.out, taxonomy });
      store.publish(opts.day ?? localDay(), listed);
    }
    const { documents, findings } = store.counts();
    return {
      files: paths.length,
      processed: stale.map((f) => f.doc),
      removed,
      documents,
      findings,
      errors,
      wrote,
      publishedAt: store.publishedAt(),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    store.close();
  }
}

/** What the published dataset gained and lost on `day` (local YYYY-MM-DD), over every run that rebuilt it that day. */
export function changesOn(out: string, day: string): Changes {
  const store = new Store(join(out, 'store.db'));
  try {
    return collectChanges(store.dayDiffs(day));
  } finally {
    store.close();
  }
}

/** Temporary files of a run killed while writing out/ (`<name>.<pid>.tmp`, SQLite's journals beside them). */
async function removeLeftovers(out: string): Promise<void> {
  for (const dir of [out, join(out, 'changes')]) {
    const names = await readdir(dir).catch(() => []);
    for (const name of names) if (isTempName(name)) await rm(join(dir, name), { force: true });
  }
}

/** Two files with one name stem would share a document id: the first (in path order) wins, the rest are errors. */
function splitDuplicates(files: CorpusFile[]): { unique: CorpusFile[]; duplicates: ErrorRecord[] } {
  const first = new Map<string, CorpusFile>();
  const duplicates: ErrorRecord[] = [];
  for (const f of files) {
    const winner = first.get(f.doc);
    if (winner) {
      duplicates.push({ doc: f.doc, source: f.source, error: `duplicate document id "${f.doc}": ${winner.source} has it already; rename one file` });
    } else first.set(f.doc, f);
  }
  return { unique: [...first.values()], duplicates };
}
