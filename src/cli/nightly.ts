// `findings nightly`: fetch what Ofsted published since last time, process only what is new or changed, rebuild the
// dataset, and write out/changes/<date>.json and .md. Without a network it says so once and goes on offline.
import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { fetchNew, FetchOptionsError, NetworkUnavailableError } from '../fetch/index.js';
import { writeChangesFiles, type NightlyReport } from '../pipeline/changes-report.js';
import { LockedError, withOutLock } from '../pipeline/lock.js';
import { CorpusError, runPipeline } from '../pipeline/run.js';
import { SOME_FAILED, usageError } from './exit.js';
import { describe as describeFetch } from './fetch.js';
import { progressReporter } from './progress.js';
import { reportSummary } from './run.js';

const Options = z.object({
  corpus: z.string().min(1),
  out: z.string().min(1),
  state: z.string().min(1).optional(),
  offline: z.boolean().optional(),
  baseUrl: z.string().min(1).optional(),
  filesBaseUrl: z.string().min(1).optional(),
  max: z.coerce.number().int().positive().optional(),
  threads: z.coerce.number().int().min(1).max(64).optional(),
});
type Options = z.infer<typeof Options>;

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
    .option('--max <n>', 'download at most N new reports, newest first')
    .option('--threads <n>', 'worker threads (default: one per core)')
    .action(async (raw: unknown) => {
      const parsed = Options.safeParse(raw);
      if (!parsed.success) usageError(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
      await withOutLock(parsed.data.out, () => nightly(parsed.data)).catch((err: unknown) => {
        if (!(err instanceof LockedError)) throw err;
        process.stderr.write(`findings: ${err.message}\n`);
        process.exitCode = SOME_FAILED;
      });
    });
}

async function nightly(opts: Options): Promise<void> {
  const date = new Date().toISOString().slice(0, 10);
  const fetched = opts.offline ? null : await fetchStep(opts);
  const progress = progressReporter('nightly');
  let report: NightlyReport;
  try {
    const summary = await runPipeline({ corpus: opts.corpus, out: opts.out, threads: opts.threads, onProgress: progress.update });
    progress.stop();
    reportSummary(summary, opts.out);
    report = { date, fetch: fetched, changes: summary.changes };
    if (summary.errors.length > 0) process.exitCode = SOME_FAILED;
  } catch (err) {
    progress.stop();
    if (!(err instanceof CorpusError)) throw err;
    process.stderr.write(`findings: ${err.message}\n`);
    return;
  }
  const files = await writeChangesFiles(opts.out, report);
  process.stderr.write(`changes: ${files.md}\n`);
}

async function fetchStep(opts: Options): Promise<NightlyReport['fetch']> {
  try {
    const summary = await fetchNew({
      corpus: opts.corpus,
      state: opts.state ?? join(opts.out, 'state.db'),
      ...(opts.baseUrl && { baseUrl: opts.baseUrl }),
      ...(opts.filesBaseUrl && { filesBaseUrl: opts.filesBaseUrl }),
      ...(opts.max && { max: opts.max }),
      log: (line) => process.stderr.write(`fetch: ${line}\n`),
    });
    process.stderr.write(`${describeFetch(summary)}\n`);
    return { downloaded: summary.downloaded.map((d) => d.path), failed: summary.failed, note: null };
  } catch (err) {
    if (err instanceof FetchOptionsError) usageError(err.message);
    if (!(err instanceof NetworkUnavailableError)) throw err;
    const note = `no network (${err.message}); processing what is in the corpus`;
    process.stderr.write(`findings: ${note}\n`);
    return { downloaded: [], failed: [], note };
  }
}
