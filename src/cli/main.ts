#!/usr/bin/env node
// The `findings` command: each subcommand lives in its own module and registers itself here.
import { Command, CommanderError } from 'commander';
import { SOME_FAILED, USAGE_ERROR } from './exit.js';

// Each command's module, loaded only when it is the one asked for: together they import the worker pool, the rules,
// SQLite, the HTML parser and the fetcher, which made every command (a one-line query included) start ~0.5 s slower.
const COMMANDS: Record<string, () => Promise<{ register(program: Command): void }>> = {
  extract: () => import('./extract.js'),
  run: () => import('./run.js'),
  query: () => import('./query.js'),
  eval: () => import('./eval.js'),
  rules: () => import('./rules.js'),
  explain: () => import('./explain.js'),
  fetch: () => import('./fetch.js'),
  nightly: () => import('./nightly.js'),
};

const program = new Command('findings')
  .description('Findings from Ofsted/CQC area SEND inspection reports, articles and minutes: facts, failings, quotes')
  .showHelpAfterError()
  .exitOverride();

// Anything else (no command, --help, `help <command>`, a typo) gets them all, for the full help and suggestions.
const asked = process.argv[2];
const wanted = asked !== undefined && Object.hasOwn(COMMANDS, asked) ? [asked] : Object.keys(COMMANDS);
for (const name of wanted) (await COMMANDS[name]!()).register(program);

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
