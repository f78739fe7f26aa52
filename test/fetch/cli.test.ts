// `findings fetch` in-process: what a person (or cron) sees on stdout and stderr, and the exit code.
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { register } from '../../src/cli/fetch.js';
import { tempDir } from '../helpers.js';
import { deadUrl, FakeOfsted, pdf } from './site.js';

let site: FakeOfsted;
let dir: string;
let stdout: string;
let stderr: string;

beforeEach(async () => {
  site = await FakeOfsted.start();
  dir = tempDir('findings-fetch-cli-');
  stdout = stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
});
afterEach(async () => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  await site.close();
});

async function fetchCli(...args: string[]): Promise<void> {
  const program = new Command('findings').exitOverride();
  register(program);
  const paths = ['--corpus', join(dir, 'corpus'), '--state', join(dir, 'state.db'), '--delay-ms', '0'];
  await program.parseAsync(['node', 'findings', 'fetch', ...paths, ...args]);
}

const derbyshire = {
  urn: '80460',
  name: 'Derbyshire County Council',
  publications: [
    { fileId: '50267890', type: 'Area SEND full inspection', published: '14 November 2024' },
    { fileId: '50111111', type: "Children's services inspection", published: '1 March 2023' },
  ],
};

describe('findings fetch', () => {
  it('prints the new files on stdout and a summary on stderr', async () => {
    site.serve([derbyshire], { '50267890': { body: pdf('area_send_80460_derbyshire_14_november_2024.pdf') } });
    await fetchCli('--base-url', site.url, '--files-base-url', site.url);

    expect(stdout).toBe(`${join(dir, 'corpus', 'area_send_80460_derbyshire_14_november_2024_50267890.pdf')}\n`);
    expect(stderr).toContain('fetch: downloaded area_send_80460_derbyshire_14_november_2024_50267890.pdf (Area SEND full inspection, PDF - 14 November 2024)\n');
    expect(stderr).toContain('read 1 provider page(s): 1 area SEND report(s), 1 other report(s) skipped\n');
    expect(stderr).toContain('downloaded 1, already had 0, failed 0');
    expect(process.exitCode).toBeUndefined();
  });

  it('lists what failed and exits 1', async () => {
    site.serve([derbyshire]);
    await fetchCli('--base-url', site.url, '--files-base-url', site.url, '--areas', '830');

    expect(stdout).toBe('');
    expect(stderr).toContain(`  failed: ${site.url}/v1/file/50267890: HTTP 404`);
    expect(process.exitCode).toBe(1);
  });

  it('says "no network" in one line when the site cannot be reached', async () => {
    const dead = await deadUrl();
    await fetchCli('--base-url', dead, '--files-base-url', dead);

    expect(stderr).toMatch(/^findings: no network: cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\); nothing was fetched\n$/);
    expect(process.exitCode).toBe(1);
  });
});
