// `findings eval [--gold labels.jsonl] [--sentences sentences.jsonl] [--pred pred.jsonl | <paths>...]`: document-level
// per-category P/R/F1 and fact accuracy (score.mjs's definitions), and finding-level figures with every wrongly cited
// and missed sentence (score-sentences.mjs's definitions), against a researcher's own labels.
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  citedFindings, formatReport, formatSentenceReport, GoldSchema, LabelError, PredSchema, readJsonl, score, scoreSentences,
  SentenceGoldSchema, type Pred,
} from '../eval/index.js';
import { docId, listCorpus } from '../pipeline/corpus.js';
import { processFile } from '../pipeline/process.js';
import { loadRules, RuleError } from '../tag/index.js';
import { SOME_FAILED, usageError } from './exit.js';

interface Options {
  gold?: string;
  sentences?: string;
  pred?: string;
  json?: boolean;
  quotes: string;
}

export function register(program: Command): void {
  program
    .command('eval')
    .description('score findings against gold labels: per-category P/R/F1 and fact accuracy (--gold), finding-level figures with every wrong and missed sentence (--sentences)')
    .argument('[paths...]', 'documents or folders to run the pipeline on (instead of --pred)')
    .option('--gold <file>', 'document-level labels, one JSON document per line ({doc, area, outcome, ..., concerns, strengths})')
    .option('--sentences <file>', 'sentence-level labels, one labelled sentence per line ({doc, quote, labels: [{category, polarity}]})')
    .option('--pred <file>', 'predictions as printed by `findings extract --format jsonl` (or one finding per line)')
    .option('--json', 'print the full result as JSON')
    .option('--quotes <n>', 'quotes shown per document-level error', '3')
    .addHelpText(
      'after',
      '\nExamples:\n  findings eval --gold ../shared/gold/dev.jsonl --sentences ../shared/gold/dev-sentences.jsonl ../shared/corpus' +
        '\n  findings eval --sentences sentences.jsonl --pred pred.jsonl --json',
    )
    .action(async (paths: string[], options: Options) => {
      if (!options.gold && !options.sentences) usageError('give --gold <file>, --sentences <file>, or both');
      if (options.pred && paths.length > 0) usageError('give either --pred or document paths, not both');
      if (!options.pred && paths.length === 0) usageError('give --pred <file> or the documents to run the pipeline on');
      const quotes = Number(options.quotes);
      if (!Number.isInteger(quotes) || quotes < 0) usageError(`--quotes must be a whole number, not ${JSON.stringify(options.quotes)}`);
      try {
        // Labels first: a bad label file is reported before minutes of pipeline work.
        const gold = options.gold ? readJsonl(options.gold, GoldSchema) : null;
        const sentences = options.sentences ? readJsonl(options.sentences, SentenceGoldSchema) : null;
        const preds = options.pred ? readJsonl(options.pred, PredSchema) : await predict(paths);
        const documents = gold ? score(gold, preds) : null;
        const findings = sentences ? scoreSentences(sentences, citedFindings(preds)) : null;
        if (options.json) {
          // The document-level result keeps its top-level shape; the finding-level one goes under `sentences`.
          process.stdout.write(JSON.stringify({ ...documents, ...(findings && { sentences: findings }) }, null, 2) + '\n');
        } else {
          const parts = [documents && formatReport(documents, { quotes }), findings && formatSentenceReport(findings)];
          process.stdout.write(parts.filter(Boolean).join('\n'));
        }
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
