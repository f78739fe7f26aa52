// The top-level command: each subcommand's module is loaded only when asked for, so help, suggestions and every
// command must still work whichever modules were loaded.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers.js';

const COMMANDS = ['extract', 'run', 'query', 'eval', 'fetch', 'nightly'];

describe('findings', () => {
  it('lists every command when none is given', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    for (const name of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
  });

  it("shows a command's own options, with `<command> --help` and with `help <command>`", () => {
    for (const args of [['query', '--help'], ['help', 'query']]) {
      const r = cli(args);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Usage: findings query [options]');
      expect(r.stdout).toContain('--recurring');
    }
  });

  it('suggests the command meant by a typo and exits 2', () => {
    const r = cli(['quer']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'quer'");
    expect(r.stderr).toContain('Did you mean query?');
  });
});
