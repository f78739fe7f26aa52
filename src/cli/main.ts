#!/usr/bin/env node
// The `findings` command: each subcommand lives in its own module and registers itself here.
import { Command, CommanderError } from 'commander';
import { register as registerExtract } from './extract.js';
import { register as registerFetch } from './fetch.js';
import { register as registerNightly } from './nightly.js';
import { register as registerQuery } from './query.js';
import { register as registerRun } from './run.js';
import { USAGE_ERROR } from './exit.js';

const program = new Command('findings')
  .description('Findings from Ofsted/CQC area SEND inspection reports, articles and minutes: facts, failings, quotes')
  .showHelpAfterError()
  .exitOverride();

for (const register of [registerExtract, registerRun, registerQuery, registerFetch, registerNightly]) register(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (!(err instanceof CommanderError)) throw err;
  // Help and version are successes; every other commander error is bad usage.
  process.exitCode = err.exitCode === 0 ? 0 : USAGE_ERROR;
}
