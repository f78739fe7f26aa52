#!/usr/bin/env node
// The `findings` command: each subcommand lives in its own module and registers itself here.
import { Command, CommanderError } from 'commander';
import { register as registerEval } from './eval.js';
import { register as registerExtract } from './extract.js';
import { register as registerFetch } from './fetch.js';
import { register as registerNightly } from './nightly.js';
import { register as registerQuery } from './query.js';
import { register as registerRun } from './run.js';
import { SOME_FAILED, USAGE_ERROR } from './exit.js';

const program = new Command('findings')
  .description('Findings from Ofsted/CQC area SEND inspection reports, articles and minutes: facts, failings, quotes')
  .showHelpAfterError()
  .exitOverride();

for (const register of [registerExtract, registerRun, registerQuery, registerEval, registerFetch, registerNightly]) register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and version are successes; every other commander error is bad usage.
    process.exitCode = err.exitCode === 0 ? 0 : USAGE_ERROR;
  } else {
    // A rule file, the store or the disk went wrong: say what, in one line; the stack only when asked for.
    process.stderr.write(`findings: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.FINDINGS_DEBUG) console.error(err);
    process.exitCode = SOME_FAILED;
  }
}
