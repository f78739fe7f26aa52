// `findings nightly`: fetch what Ofsted published since last time, process only what is new or changed, rebuild the
// dataset, and write out/changes/<date>.json and .md. Without a network it says so once and goes on offline.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Command } from 'commander';
import { z } from 'zod';
import { fetchNew, FetchOptionsError, NetworkUnavailableError } from '../fetch/index.js';
import { changesPaths, mergeFetch, readChangesFile, writeChangesFiles, type FetchReport } from '../pipeline/changes-report.js';
import type { Changes } from '../pipeline/changes.js';
import { LockedError, withOutLock } from '../pipeline/lock.js';
import { changesOn, CorpusError, localDay, runPipeline, type RunSummary } from '../pipeline/run.js';
import { parseOptions, SOME_FAILED, usageError } from './exit.js';
import { describe as describeFetch, logFetch } from './fetch.js';
import { progressReporter } from './progress.js';
import { printable } from '../printable.js';
import { corpusExitCode, reportSummary } from './run.js';

const Options = z.object({
  corpus: z.string().min(1),
  out: z.string().min(1),
  state: z.string().min(1).optional(),
  offline: z.boolean().optional(),
  baseUrl: z.string().min(1).optional(),
  filesBaseUrl: z.string().min(1).optional(),
  delayMs: z.coerce.number().int().min(0).optional(),
  max: z.coerce.number().int().positive().optional(),
  threads: z.coerce.number().int().min(1).max(64).optional(),
});
type Options = z.infer<typeof Options>;

/** What the fetch step leaves for the report, and whether it went wrong in a way the exit code should show. */
interface Fetched {
  report: FetchReport | null;
  failed: boolean;
}

export function register(program: Command): void {
  program
    .command('nightly')
    .description('fetch new Ofsted publications, process only what is new, rebuild the dataset and report what changed')
    .option('--corpus <dir>', 'folder of documents; new reports are downloaded here', 'corpus')
    .option('--out <dir>', 'folder for the dataset and changes/<date>.json|md', 'out')
    .option('--state <file>', 'fetch state (default: <out>/state.db)')
    .option('--offline', 'skip the fetch; process what is in the corpus')
    .option('--base-url <url>', 'Ofsted reports site (default https://reports.ofsted.gov.uk)')
    .option('--files-base-url <url>', 'Ofsted file server (default https://files.ofsted.gov.uk)')
    .option('--delay-ms <ms>', 'minimum gap between the starts of two requests (default 500)')
    .option('--max <n>', 'download at most N new reports, newest first')
    .option('--threads <n>', 'worker threads (default: one per core)')
    .action(async (raw: unknown) => {
      const options = parseOptions(Options, raw);
      await withOutLock(options.out, () => nightly(options)).catch((err: unknown) => {
        if (!(err instanceof LockedError)) throw err;
        process.stderr.write(`findings: ${printable(err.message)}\n`);
        process.exitCode = SOME_FAILED;
      });
    });
}

async function nightly(opts: Options): Promise<void> {
  // Fixed at the start, so a run that crosses midnight files everything under one day.
  const day = localDay();
  const fetched = opts.offline ? skipFetch() : await fetchStep(opts);
  const progress = progressReporter('nightly');
  let summary: RunSummary;
  try {
    summary = await runPipeline({ corpus: opts.corpus, out: opts.out, threads: opts.threads, day, onProgress: progress.update });
  } catch (err) {
    if (!(err instanceof CorpusError)) throw err;
    process.stderr.write(`findings: ${printable(err.message)}\n`);
    process.exitCode = Math.max(corpusExitCode(err), fetched.failed ? SOME_FAILED : 0);
    return;
  } finally {
    progress.stop();
  }
  reportSummary(summary, opts.out);

  const previous = await readChangesFile(opts.out, day);
  const fetch = mergeFetch(previous?.fetch ?? null, fetched.report);
  // Nothing rebuilt since the day's report was written: its changes still hold, and reading them costs less than
  // diffing the day again (which would parse every record that changed today).
  const current = previous !== null && previous.published_at === summary.publishedAt;
  const changes = current ? previous.changes : changesOn(opts.out, day);
  const paths = changesPaths(opts.out, day);
  if (!current || !isDeepStrictEqual(previous.fetch, fetch) || !existsSync(paths.md)) {
    await writeChangesFiles(opts.out, { date: day, published_at: summary.publishedAt, fetch, changes });
  }
  process.stderr.write(`changes so far on ${day}: ${describeChanges(changes)}; see ${printable(paths.md)}\n`);
  if (summary.errors.length > 0 || fetched.failed) process.exitCode = SOME_FAILED;
}

function describeChanges(c: Changes): string {
  const findings = c.new_findings.reduce((n, g) => n + g.findings.length, 0);
  return (
    `${c.new_documents.length} new document(s), ${c.updated_documents.length} updated, ` +
    `${c.removed_documents.length} removed, ${c.failed.length} failed, ${findings} new finding(s)`
  );
}

function skipFetch(): Fetched {
  process.stderr.write('fetch: skipped (--offline)\n');
  return { report: null, failed: false };
}

async function fetchStep(opts: Options): Promise<Fetched> {
  try {
    const summary = await fetchNew({
      corpus: opts.corpus,
      state: opts.state ?? join(opts.out, 'state.db'),
      ...(opts.baseUrl && { baseUrl: opts.baseUrl }),
      ...(opts.filesBaseUrl && { filesBaseUrl: opts.filesBaseUrl }),
      ...(opts.delayMs !== undefined && { delayMs: opts.delayMs }),
      ...(opts.max && { max: opts.max }),
      log: logFetch,
    });
    process.stderr.write(`${describeFetch(summary)}\n`);
    const report = { downloaded: summary.downloaded.map((d) => d.path), failed: summary.failed, note: null };
    return { report, failed: summary.failed.length > 0 };
  } catch (err) {
    if (err instanceof FetchOptionsError) usageError(err.message);
    // The corpus is still worth processing when the fetch cannot run: offline is the expected case (exit 0);
    // anything else (a locked or unreadable fetch state) is said, and shows in the exit code.
    const offline = err instanceof NetworkUnavailableError;
    const note = `${offline ? err.message : `fetch failed: ${err instanceof Error ? err.message : String(err)}`}; processing what is in ${opts.corpus}`;
    process.stderr.write(`findings: ${printable(note)}\n`);
    return { report: { downloaded: [], failed: [], note }, failed: !offline };
  }
}
