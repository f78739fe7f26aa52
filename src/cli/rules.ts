// `findings rules lint [documents...]`: what a rule writer cannot see by reading the rule files (ids used twice, terms
// whose stems collide or repeat, terms that never match the documents). Exit 0 clean, 1 problems found, 2 bad usage.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { formatProblem, lintRules } from '../eval/lint.js';
import { ingestFile } from '../ingest/index.js';
import { listCorpus } from '../pipeline/corpus.js';
import { packageRoot } from '../pipeline/root.js';
import type { Document } from '../records.js';
import { parseOptions, SOME_FAILED, usageError } from './exit.js';

/** The development corpus beside the checkout, when the documents are not given. */
const devCorpus = join(packageRoot, '..', 'shared', 'corpus');

const OptionsSchema = z.object({
  rules: z.string().default(join(packageRoot, 'rules')),
  corpus: z.boolean().default(true),
  json: z.boolean().optional(),
  examples: z.coerce.number().int().nonnegative().default(3),
});

export function register(program: Command): void {
  const rules = program.command('rules').description('tools for the people who write rules');
  rules
    .command('lint')
    .description('check the rule files: ids used twice, terms whose stems collide or repeat, terms that never match the documents')
    .argument('[documents...]', `documents or folders to match the terms against (default: ${devCorpus})`)
    .option('--rules <dir>', 'the rules folder', join(packageRoot, 'rules'))
    .option('--no-corpus', 'skip the checks against documents')
    .option('--examples <n>', 'words named per term that matches unrelated words', '3')
    .option('--json', 'print the problems as JSON lines')
    .addHelpText('after', '\nExit status: 0 no problems, 1 problems found, 2 bad usage.\n\nExamples:\n  findings rules lint\n  findings rules lint --rules my-rules ../shared/corpus/reports')
    .action(async (paths: string[], raw: unknown) => {
      const options = parseOptions(OptionsSchema, raw);
      if (!existsSync(options.rules)) usageError(`${options.rules}: no such rules folder`);
      const documents = options.corpus ? await readDocuments(paths.length > 0 ? paths : [devCorpus]) : undefined;
      const problems = lintRules(options.rules, { documents, examples: options.examples });
      for (const p of problems) process.stdout.write((options.json ? JSON.stringify(p) : formatProblem(p)) + '\n');
      if (!options.json) {
        const against = documents ? ` (terms matched against ${documents.length} document${documents.length === 1 ? '' : 's'})` : '';
        process.stderr.write(`${problems.length === 0 ? 'no problems' : `${problems.length} problem${problems.length === 1 ? '' : 's'}`}${against}\n`);
      }
      process.exitCode = problems.length > 0 ? SOME_FAILED : 0;
    });
}

/** Ingests the documents; one that cannot be read is reported and left out, and the lint goes on. */
async function readDocuments(paths: string[]): Promise<Document[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) usageError(`${path}: no such file or folder${path === devCorpus ? ' (the default corpus; give documents, or --no-corpus)' : ''}`);
    files.push(...(info.isDirectory() ? await listCorpus(path) : [path]));
  }
  const documents: Document[] = [];
  for (const file of new Set(files)) {
    try {
      documents.push(await ingestFile(file));
    } catch (e) {
      process.stderr.write(`findings: ${file}: ${(e as Error).message}\n`);
    }
  }
  return documents;
}
