// scripts/setup-system.mjs, which `npm test` (pretest) and `npm run bench` (prebench) run first: it installs what is
// missing from Debian, does nothing when everything is there, and fails with exit 2 and the command to run when it
// cannot install. The real install is what `npm test` on a fresh machine does; here the cases around it, with a PATH
// of stub commands so no package is touched.
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers.js';

const script = join(repoRoot, 'scripts', 'setup-system.mjs');

/** A folder of executable stubs standing for the given commands. */
function pathOf(...commands: string[]): string {
  const dir = tempDir('findings-path-');
  chmodSync(dir, 0o755);
  for (const c of commands) {
    writeFileSync(join(dir, c), '#!/bin/sh\nexit 0\n');
    chmodSync(join(dir, c), 0o755);
  }
  return dir;
}

const setup = (args: string[], path: string, uid?: number) =>
  spawnSync(process.execPath, [script, ...args], {
    env: { PATH: path },
    encoding: 'utf8',
    ...(uid !== undefined && { uid, gid: uid }),
  });

describe('scripts/setup-system.mjs', () => {
  it('does nothing, silently, when every tool is present', () => {
    const r = setup(['test'], pathOf('chromium', 'mutool'));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('asks only for what the purpose needs: the benchmark needs mutool, not chromium', () => {
    const r = setup(['bench'], pathOf('mutool'));
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('says what is missing and why, and exits 2 when there is no apt-get', () => {
    const r = setup(['test'], pathOf('mutool'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/test needs chromium \(chromium: the report test/);
    expect(r.stderr).not.toMatch(/mupdf-tools/);
    expect(r.stderr).toMatch(/apt-get is missing/);
  });

  const root = process.getuid?.() === 0;

  // As root (CI, a fresh machine) the test runs the script as `nobody`; the worktree and node must be readable by it.
  it.runIf(root)('gives the exact command to run, and exits 2, when it is not root', () => {
    const r = setup(['bench'], pathOf('apt-get'), 65534);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('sudo apt-get update && sudo apt-get install -y --no-install-recommends mupdf-tools');
  });

  it.runIf(root)('reports a failed apt-get with the command to retry, and exits 2', () => {
    const path = pathOf();
    writeFileSync(join(path, 'apt-get'), '#!/bin/sh\necho "E: Unable to locate package" >&2\nexit 100\n');
    chmodSync(join(path, 'apt-get'), 0o755);
    const r = setup(['bench'], path);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/installing mupdf-tools from Debian/);
    expect(r.stderr).toMatch(/apt-get failed \(exit 100\)/);
  });

  it('rejects an unknown purpose with its usage', () => {
    const r = setup(['deploy'], pathOf());
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: .*test\|bench/);
  });
});
