// `findings extract <file|dir>...`: one record per document on stdout, in input order, with nothing else on stdout.
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { CorpusPathError, docId, readCorpus } from '../pipeline/corpus.js';
import { createPool } from '../pipeline/pool.js';
import { loadRules } from '../tag/index.js';
import type { DocumentRecord, ErrorRecord } from '../records.js';
import { printable } from '../printable.js';
import { parseOptions, SOME_FAILED } from './exit.js';

const Options = z.object({ format: z.enum(['jsonl', 'json']) });

export function register(program: Command): void {
  program
    .command('extract')
    .description('print the facts and findings of each document as JSON (one record per line with --format jsonl)')
    .argument('<paths...>', 'PDF reports, .txt/.html articles or minutes, or folders of them')
    .option('--format <format>', 'jsonl (one record per line) or json (one array)', 'jsonl')
    .action(async (paths: string[], raw: unknown) => {
      const { format } = parseOptions(Options, raw);
      const { records, errors } = await extract(paths);
      const ok = records.filter((r): r is DocumentRecord => r !== null);
      process.stdout.write(format === 'json' ? JSON.stringify(ok, null, 2) + '\n' : ok.map((r) => JSON.stringify(r) + '\n').join(''));
      for (const e of errors) process.stderr.write(`findings: ${printable(`${e.source}: ${e.error}`)}\n`);
      if (errors.length > 0) process.exitCode = SOME_FAILED;
    });
}

/** A file argument as it is; a folder as its documents, or as an error when it holds none or cannot be read. */
async function expand(path: string): Promise<{ files: string[]; problems: ErrorRecord[] }> {
  const info = await stat(path).catch(() => null);
  if (!info?.isDirectory()) return { files: [path], problems: [] };
  const listing = await readCorpus(path).catch((err: unknown) => {
    if (!(err instanceof CorpusPathError)) throw err;
    return { files: [], problems: [{ doc: docId(path), source: path, error: err.message }] };
  });
  if (listing.files.length > 0 || listing.problems.length > 0) return listing;
  return { files: [], problems: [{ doc: docId(path), source: path, error: 'a folder that holds no documents (.pdf, .txt, .html)' }] };
}

/** Processes every file on both cores; a file that fails becomes an error and the rest go on. */
async function extract(paths: string[]): Promise<{ records: (DocumentRecord | null)[]; errors: ErrorRecord[] }> {
  const expanded = await Promise.all(paths.map(expand));
  const files = [...new Set(expanded.flatMap((e) => e.files))];
  const listed = expanded.flatMap((e) => e.problems);
  const records: (DocumentRecord | null)[] = files.map(() => null);
  const errors: ErrorRecord[] = [];
  const index = new Map(files.map((f, i) => [f, i]));
  loadRules(); // validated here once, so a broken rule file is one clear error, not one per document
  const pool = createPool();
  try {
    await pool.each(
      files.map((path) => ({ path })),
      (task, result) => {
        if (result.ok && result.processed) records[index.get(task.path)!] = result.processed.record;
        else errors.push({ doc: docId(task.path), source: task.path, error: result.ok ? 'no record produced' : result.error });
      },
    );
  } finally {
    await pool.close();
  }
  return { records, errors: [...listed, ...errors.sort((a, b) => index.get(a.source)! - index.get(b.source)!)] };
}
