#!/usr/bin/env node
// Installs what the tests or the benchmark need from the system, in the manner of Playwright's `install --with-deps`:
// `npm test` runs it first (pretest) for Debian's chromium (the report is rendered in a test) and mupdf-tools (the
// benchmark's reference, smoke-tested); `npm run bench` for mupdf-tools. It says what it installs, does nothing when
// everything is present, and fails with exit 2 and the exact command to run when it cannot install (not root, no apt).
//
//   node scripts/setup-system.mjs test|bench
//
// FINDINGS_SKIP_SYSTEM_SETUP=1 skips it (for machines that provide the tools some other way; the tests then say what
// is missing).
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Each Debian package, the command it provides and why the project needs it. */
const PACKAGES = {
  chromium: { command: 'chromium', why: 'the report test renders out/report.html in it' },
  'mupdf-tools': { command: 'mutool', why: "the benchmark's reference (MuPDF's text extraction)" },
};
const NEEDS = { test: ['chromium', 'mupdf-tools'], bench: ['mupdf-tools'] };

const say = (line) => process.stderr.write(`setup: ${line}\n`);

function fail(line) {
  say(line);
  process.exit(2);
}

/** The command's path on PATH, or null. */
function which(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return join(dir, command);
    } catch {
      // not in this folder
    }
  }
  return null;
}

function run(argv) {
  const r = spawnSync(argv[0], argv.slice(1), {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return r.error ? r.error.message : r.status === 0 ? null : `exit ${r.status ?? r.signal}`;
}

const purpose = process.argv[2];
if (!(purpose in NEEDS)) fail(`usage: node scripts/setup-system.mjs ${Object.keys(NEEDS).join('|')}`);
if (process.env.FINDINGS_SKIP_SYSTEM_SETUP === '1') process.exit(0);

const missing = NEEDS[purpose].filter((pkg) => which(PACKAGES[pkg].command) === null);
if (missing.length === 0) process.exit(0);

const install = `apt-get install -y --no-install-recommends ${missing.join(' ')}`;
const reasons = missing.map((pkg) => `${pkg} (${PACKAGES[pkg].command}: ${PACKAGES[pkg].why})`).join('; ');
say(`${purpose} needs ${reasons}`);
if (process.platform !== 'linux' || which('apt-get') === null) {
  fail(`cannot install it here: apt-get is missing (a Debian or Ubuntu machine is expected). Install ${missing.map((p) => PACKAGES[p].command).join(' and ')} yourself, then run again.`);
}
if (process.getuid?.() !== 0) fail(`cannot install it as a user other than root: run \`sudo apt-get update && sudo ${install}\`, then run again.`);

say(`installing ${missing.join(' ')} from Debian: apt-get update && ${install}`);
const error = run(['apt-get', 'update', '-qq']) ?? run(['apt-get', ...install.split(' ').slice(1), '-qq']);
if (error) fail(`apt-get failed (${error}): run \`apt-get update && ${install}\` yourself to see why, then run again.`);
const still = missing.filter((pkg) => which(PACKAGES[pkg].command) === null);
if (still.length > 0) fail(`${still.map((p) => PACKAGES[p].command).join(' and ')} still missing after installing ${still.join(' ')}`);
say(`installed ${missing.join(' ')}`);
