// How `findings run`, `nightly` and `extract` treat the corpus folder: what cannot be read is one error line naming
// the path and the rest goes on; a corpus path that is wrong is a non-zero exit; links are followed and loops caught;
// out/ is never read as corpus; control characters in file names are escaped in every message.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, corpusOf, readJsonl, repoRoot, sharedArticles, tempDir } from '../helpers.js';

const [first, second] = sharedArticles().sort();
const name = (path: string) => path.split('/').pop()!;
const stem = (path: string) => name(path).replace(/\.txt$/, '');
const docsIn = (out: string) => readJsonl(join(out, 'documents.jsonl')).map((d) => d.doc).sort();
/** stderr lines that are not the one-line form: a message broken over lines by a file name. */
const brokenLines = (stderr: string) => stderr.trimEnd().split('\n').filter((l) => !/^(findings: |run: |\d+ documents, )/.test(l));

const root = process.getuid?.() === 0;
const NOBODY = 65534;

/**
 * Runs the CLI as a user whom permissions bind. Root reads any file whatever its mode, so as root (CI, a fresh
 * machine) the run is made as `nobody`: the EACCES it meets is the kernel's, not a simulation. Folders it needs are
 * opened to it; the worktree must be readable by it, as it is on our machines.
 */
function cliAsUser(args: string[], open: string[]): { status: number | null; stdout: string; stderr: string } {
  for (const dir of open) chmodSync(dir, 0o777);
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli', 'main.js'), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    ...(root && { uid: NOBODY, gid: NOBODY }),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('a corpus with unreadable parts', () => {
  it('makes an unreadable file one error line; the other documents are processed and out/ written', () => {
    const corpus = corpusOf([first!, second!]);
    chmodSync(join(corpus, name(second!)), 0o000);
    const out = tempDir();
    const r = cliAsUser(['run', '--corpus', corpus, '--out', out], [corpus, out]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(`findings: ${join(corpus, name(second!))}: permission denied`);
    expect(docsIn(out)).toEqual([stem(first!)]);
    expect(readJsonl(join(out, 'errors.jsonl'))).toEqual([expect.objectContaining({ doc: stem(second!), error: expect.stringMatching(/permission denied/) })]);
  });

  it('makes an unreadable file one error line in extract too, printing the rest', () => {
    const corpus = corpusOf([first!, second!]);
    chmodSync(join(corpus, name(second!)), 0o000);
    const r = cliAsUser(['extract', corpus], [corpus]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(`findings: ${join(corpus, name(second!))}: permission denied`);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).doc)).toEqual([stem(first!)]);
  });

  it('makes an unreadable subfolder one error line, and goes on', () => {
    const corpus = corpusOf([first!]);
    const locked = join(corpus, 'locked');
    mkdirSync(locked);
    copyFileSync(second!, join(locked, name(second!)));
    chmodSync(locked, 0o000);
    const out = tempDir();
    const r = cliAsUser(['run', '--corpus', corpus, '--out', out], [corpus, out]);
    chmodSync(locked, 0o755);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(`findings: ${locked}: the folder cannot be read: permission denied`);
    expect(docsIn(out)).toEqual([stem(first!)]);
  });

  it('exits 1 when the corpus folder itself cannot be read', () => {
    const corpus = corpusOf([first!]);
    const out = tempDir();
    chmodSync(out, 0o777);
    chmodSync(corpus, 0o000);
    const r = cliAsUser(['run', '--corpus', corpus, '--out', out], []);
    chmodSync(corpus, 0o755);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/cannot be read: permission denied/);
  });
});

describe('a wrong corpus path', () => {
  it('exits 2 for a missing corpus, naming it (run and nightly)', () => {
    const missing = join(tempDir(), 'no-such-folder');
    for (const command of [['run'], ['nightly', '--offline']]) {
      const r = cli([...command, '--corpus', missing, '--out', tempDir()]);
      expect(r.status, command[0]).toBe(2);
      expect(r.stderr).toContain(`the corpus folder ${missing} cannot be used: it does not exist`);
    }
  });

  it('exits 2 for a corpus that is a file', () => {
    const r = cli(['run', '--corpus', first!, '--out', tempDir()]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not a folder/);
  });

  it('still explains an empty corpus with exit 0 (a fresh checkout has an empty corpus/)', () => {
    const r = cli(['run', '--corpus', tempDir(), '--out', tempDir()]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/holds no documents/);
  });
});

describe('links in the corpus', () => {
  it('follows links to files: a corpus of links only is processed', () => {
    const corpus = tempDir();
    for (const f of [first!, second!]) symlinkSync(f, join(corpus, name(f)));
    const out = tempDir();
    const r = cli(['run', '--corpus', corpus, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(docsIn(out)).toEqual([stem(first!), stem(second!)].sort());
  });

  it('reports broken links, link loops and a link to a folder that contains it, and ends', () => {
    const corpus = corpusOf([first!]);
    symlinkSync(join(corpus, 'gone.txt'), join(corpus, 'dangling.txt'));
    symlinkSync(join(corpus, 'loop-b.txt'), join(corpus, 'loop-a.txt'));
    symlinkSync(join(corpus, 'loop-a.txt'), join(corpus, 'loop-b.txt'));
    mkdirSync(join(corpus, 'sub'));
    symlinkSync(corpus, join(corpus, 'sub', 'up'));
    const out = tempDir();
    const r = cli(['run', '--corpus', corpus, '--out', out]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(`${join(corpus, 'dangling.txt')}: a symbolic link to nothing`);
    expect(r.stderr).toContain(`${join(corpus, 'loop-a.txt')}: cannot follow: a loop of symbolic links`);
    expect(r.stderr).toContain(`${join(corpus, 'sub', 'up')}: a link to a folder that contains it (a loop); not followed`);
    expect(docsIn(out)).toEqual([stem(first!)]);
  });
});

describe('out/ inside the corpus', () => {
  it('is never read as corpus (--corpus . --out out)', () => {
    const corpus = corpusOf([first!]);
    expect(cli(['run', '--corpus', '.', '--out', 'out'], { cwd: corpus }).status).toBe(0);
    const again = cli(['run', '--corpus', '.', '--out', 'out'], { cwd: corpus });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/1 documents, .* 0 errors; 0 processed/);
    expect(docsIn(join(corpus, 'out'))).toEqual([stem(first!)]);
  });
});

describe('control characters in file names', () => {
  it('are escaped in run messages, one line per error', () => {
    const corpus = corpusOf([first!]);
    writeFileSync(join(corpus, 'two\nlines\u001b[31m.docx'), 'not supported');
    const r = cli(['run', '--corpus', corpus, '--out', tempDir()]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('two\\nlines\\x1B[31m.docx: unsupported file type');
    expect(r.stderr).not.toContain('\u001b');
    expect(brokenLines(r.stderr)).toEqual([]);
  });

  it('are escaped in extract messages and in a corpus path that cannot be used', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a\rb.txt'), '');
    const r = cli(['extract', dir]);
    expect(r.stderr).toContain('a\\rb.txt: ');
    expect(brokenLines(r.stderr)).toEqual([]);
    const missing = cli(['run', '--corpus', join(dir, 'no\nsuch'), '--out', tempDir()]);
    expect(missing.stderr).toContain('no\\nsuch');
    expect(brokenLines(missing.stderr)).toEqual([]);
  });
});

describe('findings extract on folders', () => {
  it('exits 1, saying so, for an empty folder', () => {
    const empty = tempDir();
    const r = cli(['extract', empty]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`findings: ${empty}: a folder that holds no documents`);
  });

  it('exits 1 for a folder named like a document (x.pdf)', () => {
    const folder = join(tempDir(), 'x.pdf');
    mkdirSync(folder);
    const r = cli(['extract', folder]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`findings: ${folder}: a folder that holds no documents`);
  });

  it('follows links to files in a folder', () => {
    const dir = tempDir();
    symlinkSync(first!, join(dir, name(first!)));
    const r = cli(['extract', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).doc)).toEqual([stem(first!)]);
  });
});
