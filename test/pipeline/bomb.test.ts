// Compression bombs: a PDF of a few hundred KB whose page content inflates to gigabytes is refused by name before
// pdf.js decodes it, and a run over a corpus holding such files stays within 1 GB of memory and finishes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkInflatedSize, InflateLimitError } from '../../src/pipeline/inflate-check.js';
import { createPool } from '../../src/pipeline/pool.js';
import { cli, corpusOf, readJsonl, repoRoot, sharedArticles, sharedReports, tempDir } from '../helpers.js';
import { bombPdf } from './bomb.js';

describe('checkInflatedSize', () => {
  it('refuses a PDF whose content stream inflates past the limit, naming what it is', async () => {
    const bomb = await bombPdf(64);
    expect(bomb.length).toBeLessThan(200_000);
    const limits = { perStream: 16 * 2 ** 20, total: 32 * 2 ** 20 };
    await expect(checkInflatedSize(bomb, limits)).rejects.toThrow(InflateLimitError);
    await expect(checkInflatedSize(bomb, limits)).rejects.toThrow(/^a compressed stream of \d+ bytes inflates to more than 16 MB \(a compression bomb, not a report\); not processed$/);
    // The same file under limits it keeps to passes.
    await expect(checkInflatedSize(bomb, { perStream: 128 * 2 ** 20, total: 128 * 2 ** 20 })).resolves.toBeUndefined();
  });

  it('passes every real report', async () => {
    for (const report of sharedReports()) await expect(checkInflatedSize(readFileSync(report)), report).resolves.toBeUndefined();
  });
});

describe('the worker memory limit', () => {
  it('ends a document that needs more heap than the limit with an error saying so', async () => {
    const pool = createPool({ threads: 1, heapMb: 8 });
    try {
      const results: string[] = [];
      await pool.each([{ path: sharedReports()[0]! }], (_task, result) => results.push(result.ok ? 'ok' : result.error));
      expect(results).toEqual(['needed more than the 8 MB memory limit to process; abandoned (is the file far larger than a report?)']);
    } finally {
      await pool.close();
    }
  });
});

describe('a run over a corpus with compression bombs', () => {
  it('refuses each bomb as an error line, processes the rest, and peaks under 1 GB', async () => {
    const corpus = corpusOf(sharedArticles().slice(0, 2));
    const bomb = await bombPdf(1024);
    writeFileSync(join(corpus, 'bomb_one.pdf'), bomb);
    writeFileSync(join(corpus, 'bomb_two.pdf'), Buffer.concat([bomb, Buffer.from('% another copy\n')]));
    const out = join(tempDir('findings-bomb-'), 'out');
    const usage = join(out, '..', 'usage.json');
    const probe = pathToFileURL(join(repoRoot, 'dist', 'bench', 'usage-probe.js')).href;
    const r = cli(['run', '--corpus', corpus, '--out', out], {
      env: { ...process.env, FINDINGS_BENCH_USAGE_FILE: usage, NODE_OPTIONS: `--import=${probe}` },
    });

    expect(r.status, r.stderr).toBe(1);
    const errors = readJsonl(join(out, 'errors.jsonl'));
    expect(errors.map((e) => e.doc).sort()).toEqual(['bomb_one', 'bomb_two']);
    for (const e of errors) expect(e.error).toMatch(/inflates to more than \d+ MB \(a compression bomb, not a report\)/);
    expect(readJsonl(join(out, 'documents.jsonl'))).toHaveLength(2);
    const { maxRSS } = JSON.parse(readFileSync(usage, 'utf8')) as { maxRSS: number };
    expect(maxRSS / 1024).toBeLessThan(1024);
  }, 120_000);
});
