// `findings fetch`: download new area SEND reports from Ofsted into the corpus. The paths of new files go to stdout
// (one a line, so `findings fetch | xargs findings extract` works); progress and the summary go to stderr.
import type { Command } from 'commander';
import { z } from 'zod';
import { fetchNew, FetchOptionsError, NetworkUnavailableError, type FetchSummary } from '../fetch/index.js';
import { printable } from '../printable.js';
import { parseOptions, SOME_FAILED, usageError } from './exit.js';

// Only what argv needs (numbers from strings); fetchNew checks ranges and URLs itself, for every caller.
const Options = z.object({
  corpus: z.string(),
  state: z.string(),
  baseUrl: z.string(),
  filesBaseUrl: z.string(),
  concurrency: z.coerce.number(),
  delayMs: z.coerce.number(),
  areas: z.array(z.string()).optional(),
  max: z.coerce.number().optional(),
});

export function register(program: Command): void {
  program
    .command('fetch')
    .description('download area SEND inspection reports published on Ofsted since the last fetch into the corpus folder')
    .option('--corpus <dir>', 'folder to write the PDFs to', 'corpus')
    .option('--state <file>', 'SQLite file recording every publication seen, so nothing is downloaded twice', 'out/state.db')
    .option('--base-url <url>', 'Ofsted reports site', 'https://reports.ofsted.gov.uk')
    .option('--files-base-url <url>', 'Ofsted file server the report PDFs come from', 'https://files.ofsted.gov.uk')
    .option('--concurrency <n>', 'requests at a time (1-6)', '2')
    .option('--delay-ms <ms>', 'minimum gap between the starts of two requests', '500')
    .option('--areas <codes...>', 'only these areas (DfE LA codes, GSS codes, Ofsted URNs or names), read from their provider pages')
    .option('--max <n>', 'download at most N new reports, newest first')
    .action(async (raw: unknown) => {
      const options = parseOptions(Options, raw);
      try {
        const summary = await fetchNew({ ...options, log: logFetch });
        for (const report of summary.downloaded) process.stdout.write(`${report.path}\n`);
        process.stderr.write(`${describe(summary)}\n`);
        if (summary.failed.length > 0) process.exitCode = SOME_FAILED;
      } catch (err) {
        if (err instanceof FetchOptionsError) usageError(err.message);
        if (!(err instanceof NetworkUnavailableError)) throw err;
        // Offline is a state to explain in one line, not a stack trace.
        process.stderr.write(`findings: ${printable(err.message)}\n`);
        process.exitCode = SOME_FAILED;
      }
    });
}

/** Fetch progress on stderr; URLs, area names and server reasons come from outside, so they are escaped. */
export const logFetch = (line: string) => process.stderr.write(`fetch: ${printable(line)}\n`);

export function describe(s: FetchSummary): string {
  const lines = [
    `read ${s.providers} provider page(s): ${s.discovered} area SEND report(s), ${s.skipped} other report(s) skipped`,
    `downloaded ${s.downloaded.length}, already had ${s.unchanged}` +
      (s.deferred ? `, left ${s.deferred} for the next run (--max)` : '') +
      `, failed ${s.failed.length}`,
    ...s.failed.map((f) => `  failed: ${printable(`${f.url}: ${f.reason}`)}`),
  ];
  return lines.join('\n');
}
