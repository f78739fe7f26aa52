// `npm run bench [-- --reports N]`: times MuPDF, pdf.js alone, our ingest, a full `findings run` and an unchanged re-run
// over one corpus of N reports, prints a table and writes out/bench.json. Exit 1 when it cannot measure (mutool missing, a
// stage failing); missed targets are reported, not fatal, as the figures depend on the machine and its load.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { z } from 'zod';
import { packageRoot } from '../pipeline/root.js';
import { buildCorpus } from './corpus.js';
import { timeExtraction } from './extraction.js';
import { mutoolVersion } from './mutool.js';
import { judge, table } from './results.js';
import { timeRun } from './run.js';

const Options = z.object({
  reports: z.coerce.number().int().min(1).max(100_000),
  source: z.string().min(1),
  out: z.string().min(1),
  threads: z.coerce.number().int().min(1).max(64),
  keep: z.boolean(),
});

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
const round = (n: number, digits: number) => Number(n.toFixed(digits));

async function bench(opts: z.infer<typeof Options>): Promise<void> {
  const mutool = mutoolVersion();
  const loadAtStart = loadavg()[0]!;
  const work = mkdtempSync(join(tmpdir(), 'findings-bench-'));
  try {
    const corpus = join(work, 'corpus');
    mkdirSync(corpus);
    const files = buildCorpus(opts.source, opts.reports, corpus);
    log(`${files.length} reports in ${corpus}`);

    const { pages, mutool: reference, pdfjs, ingest } = await timeExtraction(files, opts.threads);
    log(`mutool: ${reference.seconds.toFixed(1)} s; pdf.js alone: ${pdfjs.seconds.toFixed(1)} s; ingest: ${pages} pages in ${ingest.seconds.toFixed(1)} s`);
    const out = join(work, 'out');
    const full = await timeRun(corpus, out);
    log(`full run: ${full.seconds.toFixed(1)} s (${full.summary})`);
    const again = await timeRun(corpus, out);
    log(`re-run: ${again.seconds.toFixed(2)} s (${again.summary})`);

    const mutoolRate = pages / reference.seconds;
    const ingestRate = pages / ingest.seconds;
    const tenths = (s: number) => round(s, 1);
    const result = judge(
      {
        reports: files.length,
        pages,
        mutool_pages_per_s: round(mutoolRate, 1),
        ingest_pages_per_s: round(ingestRate, 1),
        ingest_ratio: round(ingestRate / mutoolRate, 3),
        pdfjs_s: round(pdfjs.seconds, 2),
        pdfjs_pages_per_s: round(pages / pdfjs.seconds, 1),
        full_run_s: round(full.seconds, 2),
        overhead: round(full.seconds / pdfjs.seconds, 3),
        rerun_s: round(again.seconds, 2),
        peak_rss_mb: round(Math.max(full.peakRssMb, again.peakRssMb), 1),
        tag_cpu_share: round((full.stageSeconds.tag ?? 0) / full.cpuSeconds, 3),
      },
      {
        mutool: reference.cpuSeconds === null ? null : tenths(reference.cpuSeconds),
        pdfjs: pdfjs.cpuSeconds === null ? null : tenths(pdfjs.cpuSeconds),
        ingest: ingest.cpuSeconds === null ? null : tenths(ingest.cpuSeconds),
        full_run: tenths(full.cpuSeconds),
        rerun: tenths(again.cpuSeconds),
        stages: Object.fromEntries(Object.entries(full.stageSeconds).map(([stage, s]) => [stage, tenths(s)])),
      },
      { cores: availableParallelism(), node: process.version, mutool, loadavg: [loadAtStart, loadavg()[0]!] },
    );
    mkdirSync(opts.out, { recursive: true });
    writeFileSync(join(opts.out, 'bench.json'), JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(`${table(result)}\n\nwrote ${join(opts.out, 'bench.json')}\n`);
  } finally {
    if (opts.keep) log(`kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

const program = new Command('bench')
  .description('time MuPDF, pdf.js alone, ingest, a full `findings run` and an unchanged re-run over N copies of the shared reports')
  .option('--reports <n>', 'reports in the corpus (copies of the shared reports under distinct names)', '1000')
  .option('--source <dir>', 'folder of PDF reports to copy', join(packageRoot, '..', 'shared', 'corpus', 'reports'))
  .option('--out <dir>', 'folder for bench.json', join(packageRoot, 'out'))
  .option('--threads <n>', 'processes for mutool and worker threads for ingest', String(availableParallelism()))
  .option('--keep', 'keep the temporary corpus and output folder', false)
  .action(async (raw: unknown) => {
    const parsed = Options.safeParse(raw);
    if (!parsed.success) {
      log(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
      process.exit(2);
    }
    try {
      await bench(parsed.data);
    } catch (err) {
      log(err instanceof Error ? err.message : String(err));
      process.exitCode = 1;
    }
  });

await program.parseAsync(process.argv);
