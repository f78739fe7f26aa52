// `findings eval --gold labels.jsonl [--pred pred.jsonl | <paths>...]`: per-category precision/recall/F1 and fact
// accuracy against a researcher's own labels (the shared scorer's definitions), with the quotes behind each error.
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatReport, GoldSchema, LabelError, PredSchema, readJsonl, score, type Pred } from '../eval/index.js';
import { docId, listCorpus } from '../pipeline/corpus.js';
import { processFile } from '../pipeline/process.js';
import { loadRules, RuleError } from '../tag/index.js';
import { SOME_FAILED, usageError } from './exit.js';

interface Options {
  gold: string;
  pred?: string;
  json?: boolean;
  quotes: string;
}

export function register(program: Command): void {
  program
    .command('eval')
    .description('score findings against gold labels: per-category P/R/F1, fact accuracy, and the quotes behind each extra and miss')
    .argument('[paths...]', 'documents or folders to run the pipeline on (instead of --pred)')
    .requiredOption('--gold <file>', 'gold labels, one JSON document per line ({doc, area, outcome, ..., concerns, strengths})')
    .option('--pred <file>', 'predictions as printed by `findings extract --format jsonl`')
    .option('--json', 'print the full result as JSON')
    .option('--quotes <n>', 'quotes shown per error', '3')
    .addHelpText('after', '\nExamples:\n  findings eval --gold ../shared/gold/dev.jsonl ../shared/corpus\n  findings eval --gold labels.jsonl --pred pred.jsonl --json')
    .action(async (paths: string[], options: Options) => {
      if (options.pred && paths.length > 0) usageError('give either --pred or document paths, not both');
      if (!options.pred && paths.length === 0) usageError('give --pred <file> or the documents to run the pipeline on');
      const quotes = Number(options.quotes);
      if (!Number.isInteger(quotes) || quotes < 0) usageError(`--quotes must be a whole number, not ${JSON.stringify(options.quotes)}`);
      try {
        const gold = readJsonl(options.gold, GoldSchema);
        const preds = options.pred ? readJsonl(options.pred, PredSchema) : await predict(paths);
        const result = score(gold, preds);
        process.stdout.write(options.json ? JSON.stringify(result, null, 2) + '\n' : formatReport(result, { quotes }));
      } catch (e) {
        if (!(e instanceof LabelError || e instanceof RuleError)) throw e;
        process.stderr.write(`findings: ${e.message}\n`);
        process.exitCode = SOME_FAILED;
      }
    });
}

/** Runs ingest → facts → tag on every document; a document that fails is reported and scored as predicting nothing. */
async function predict(paths: string[]): Promise<Pred[]> {
  const rules = loadRules();
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) usageError(`${path}: no such file or folder`);
    files.push(...(info.isDirectory() ? await listCorpus(path) : [path]));
  }
  const preds: Pred[] = [];
  for (const file of new Set(files)) {
    try {
      preds.push((await processFile(file, rules)).record);
    } catch (e) {
      process.stderr.write(`findings: ${file}: ${(e as Error).message}\n`);
      preds.push({ doc: docId(file), findings: [] });
    }
  }
  return preds;
}
