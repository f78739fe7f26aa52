// A smoke run of the benchmark on 10 reports: it must finish and write bench.json with every figure present and
// sane. No timing is asserted (figures depend on the machine); the targets' verdicts are only checked for shape.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers.js';

const bench = join(repoRoot, 'dist', 'bench', 'bench.js');
const runBench = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, [bench, ...args], { cwd: repoRoot, env, encoding: 'utf8' });

const out = tempDir('findings-bench-out-');
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench', () => {
  it('measures 10 reports and writes bench.json', () => {
    const r = runBench(['--reports', '10', '--out', out]);
    expect(r.stderr).not.toMatch(/mupdf-tools/); // mutool is installed (the CI installs mupdf-tools)
    expect(r.status).toBe(0);
    const result = JSON.parse(readFileSync(join(out, 'bench.json'), 'utf8'));

    expect(result.reports).toBe(10);
    // The 10 copies are 10 of the shared reports: at least one page each.
    expect(result.pages).toBeGreaterThanOrEqual(10);
    for (const key of ['mutool_pages_per_s', 'ingest_pages_per_s', 'pdfjs_pages_per_s', 'pdfjs_s', 'full_run_s', 'rerun_s', 'peak_rss_mb']) {
      expect(result[key], key).toBeGreaterThan(0);
    }
    expect(result.ingest_ratio).toBeCloseTo(result.ingest_pages_per_s / result.mutool_pages_per_s, 2);
    // pdf.js alone read the same pages; the overhead is the full run over it.
    expect(result.pdfjs_pages_per_s).toBeCloseTo(result.pages / result.pdfjs_s, 0);
    // Both seconds are rounded to hundredths in bench.json, the overhead from the unrounded ones: compare within 1%.
    expect(Math.abs(result.overhead / (result.full_run_s / result.pdfjs_s) - 1)).toBeLessThan(0.01);
    expect(result.cpu_s.pdfjs).toBeGreaterThan(0);
    // Every per-document stage was timed in the full run, and the tag stage's share is its seconds over the run's CPU.
    expect(Object.keys(result.cpu_s.stages).sort()).toEqual(['facts', 'ingest', 'tag']);
    expect(result.tag_cpu_share).toBeGreaterThan(0);
    expect(result.tag_cpu_share).toBeLessThan(1);
    expect(result.peak_rss_mb).toBeLessThan(24 * 1024);
    const judged = ['ingest_ratio', 'full_run_s', 'overhead', 'rerun_s', 'peak_rss_mb', 'tag_cpu_share'];
    expect(Object.keys(result.targets).sort()).toEqual([...judged].sort());
    for (const key of judged) expect(typeof result.pass[key]).toBe('boolean');
    // The table names every figure.
    for (const label of ['mutool pages/s', 'ingest pages/s', 'pdf.js alone pages/s', 'pdf.js alone s', 'ingest ratio', 'full run s', 'overhead', 'rerun s', 'peak rss mb', 'tag cpu share']) {
      expect(r.stdout).toContain(label);
    }
  }, 300_000); // three passes over the corpus and two runs: minutes on a busy shared machine

  it('says to install mupdf-tools when mutool is missing', () => {
    const r = runBench(['--reports', '1', '--out', out], { ...process.env, PATH: out });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/mutool .*not installed.*apt-get install -y mupdf-tools/);
  });
});
