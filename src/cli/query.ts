// `findings query`: findings from the built dataset, filtered, as a table for people or CSV/JSON for pipes.
import { Command, Option } from 'commander';
import { OUTCOMES, POLARITIES } from '../records.js';
import { FORMATS, QueryInputError, VOICE_CHOICES, runQuery, type QueryRequest } from '../query/index.js';
import { usageError } from './exit.js';

export function register(program: Command): void {
  program
    .command('query')
    .description("list findings from the dataset (which areas, which failings, in the inspectors' words) or the areas themselves")
    .option('--category <id...>', 'failing category id(s), e.g. wheelchair-waits ehcp-timeliness')
    .option('--area <name|code>', 'local area: name, DfE code (830) or GSS code (E10000007)')
    .option('--region <region>', 'English region, e.g. "East Midlands"')
    .addOption(new Option('--outcome <outcome>', "inspection outcome (2016–22 outcomes from Ofsted's official table); a table lists the areas first").choices(OUTCOMES))
    .option('--since <date>', 'inspections on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)')
    .option('--until <date>', 'inspections on or before this date (YYYY-MM-DD, YYYY-MM or YYYY)')
    .addOption(new Option('--polarity <polarity>', 'finding polarity (default: all)').choices(POLARITIES))
    .option('--text <words>', 'words the quote contains; "quote words" to keep them together')
    .option('--recurring', "only concerns that two or more of an area's inspections found")
    .addOption(new Option('--voice <voice>', "whose words: the inspectors' (default), the council's, others' (parents, campaigners, journalists) or all").choices(VOICE_CHOICES))
    .option('--areas', 'one row per area (both frameworks side by side, and how many findings match) instead of one per finding')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .option('--db <path>', 'the dataset that `findings run` built', 'out/findings.db')
    .action((opts: Omit<QueryRequest, 'width'>) => {
      let result;
      try {
        result = runQuery({ ...opts, width: process.stdout.isTTY ? process.stdout.columns : Infinity });
      } catch (err) {
        if (err instanceof QueryInputError) usageError(err.message);
        throw err;
      }
      if (result.matches === 0) process.stderr.write(`No ${result.unit} match ${describeFilters(opts)}.\n`);
      process.stdout.write(result.output);
    });
}

function describeFilters(opts: Omit<QueryRequest, 'width'>): string {
  const { db: _db, format: _format, areas: _areas, ...filters } = opts;
  const parts = Object.entries(filters).map(([k, v]) => (v === true ? `--${k}` : `--${k} ${[v].flat().join(' ')}`));
  return parts.length ? `these filters (${parts.join(' ')})` : 'in this dataset: it holds none';
}
