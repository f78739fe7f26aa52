// `findings run`: brings out/ up to date with the corpus, processing only what is new or changed.
import type { Command } from 'commander';
import { z } from 'zod';
import { CorpusError, runPipeline, type RunSummary } from '../pipeline/run.js';
import { LockedError, withOutLock } from '../pipeline/lock.js';
import { printable } from '../printable.js';
import { parseOptions, SOME_FAILED, USAGE_ERROR } from './exit.js';
import { progressReporter } from './progress.js';

const Options = z.object({
  corpus: z.string().min(1),
  out: z.string().min(1),
  threads: z.coerce.number().int().min(1).max(64).optional(),
});

export function register(program: Command): void {
  program
    .command('run')
    .description('process every document in the corpus folder and write the dataset to the out folder')
    .option('--corpus <dir>', 'folder of reports (.pdf), articles and minutes (.txt, .html)', 'corpus')
    .option('--out <dir>', 'folder for the dataset: documents.jsonl, findings.jsonl, errors.jsonl, findings.db, CSVs, report.html', 'out')
    .option('--threads <n>', 'worker threads (default: one per core)')
    .action(async (raw: unknown) => {
      const options = parseOptions(Options, raw);
      const progress = progressReporter('run');
      try {
        const summary = await withOutLock(options.out, () => runPipeline({ ...options, onProgress: progress.update }));
        progress.stop();
        reportSummary(summary, options.out);
        if (summary.errors.length > 0) process.exitCode = SOME_FAILED;
      } catch (err) {
        progress.stop();
        // A corpus that cannot be run, or a run already going, is a state to explain, not a crash.
        if (!(err instanceof CorpusError || err instanceof LockedError)) throw err;
        process.stderr.write(`findings: ${printable(err.message)}\n`);
        process.exitCode = err instanceof LockedError ? SOME_FAILED : corpusExitCode(err);
      }
    });
}

/** An empty corpus is explained, not a failure (a fresh checkout's corpus/ is empty); a wrong path is bad usage (2);
 * an unreadable one a failure (1), so cron records it. */
export const corpusExitCode = (err: CorpusError) => ({ empty: 0, usage: USAGE_ERROR, unreadable: SOME_FAILED })[err.kind];

export function reportSummary(s: RunSummary, out: string): void {
  for (const e of s.errors) process.stderr.write(`findings: ${printable(`${e.source}: ${e.error}`)}\n`);
  const changes = s.wrote ? `wrote ${printable(out)}/` : `nothing changed; ${printable(out)}/ is up to date`;
  process.stderr.write(
    `${s.documents} documents, ${s.findings} findings, ${s.errors.length} errors; ` +
      `${s.processed.length} processed, ${s.removed.length} removed; ${changes} in ${s.seconds.toFixed(1)} s\n`,
  );
}
