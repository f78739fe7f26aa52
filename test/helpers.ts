// Shared test helpers: where the shared corpus is, and running the built CLI as a user would.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const shared = fileURLToPath(new URL('../../shared/', import.meta.url));
export const reportsDir = join(shared, 'corpus', 'reports');
export const articlesDir = join(shared, 'corpus', 'articles');
export const goldPath = join(shared, 'gold', 'dev.jsonl');

export const sharedReports = () => readdirSync(reportsDir).map((f) => join(reportsDir, f));
export const sharedArticles = () => readdirSync(articlesDir).map((f) => join(articlesDir, f));

/** A JSONL output file's records. */
export const readJsonl = (path: string) =>
  readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

/** A CSV output file's rows, by column name. */
export const readCsv = (path: string) => parse(readFileSync(path, 'utf8'), { columns: true }) as Record<string, string>[];

export function tempDir(prefix = 'findings-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A fresh corpus folder holding copies of the given files. */
export function corpusOf(files: string[]): string {
  const dir = tempDir('findings-corpus-');
  for (const f of files) cpSync(f, join(dir, f.split('/').pop()!));
  return dir;
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `findings` CLI (npm test builds first). */
export function cli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const r = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli', 'main.js'), ...args], {
    cwd: opts.cwd ?? repoRoot,
    env: { ...process.env, ...opts.env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
