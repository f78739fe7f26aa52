import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DocumentRecordSchema } from '../../src/records.js';
import { articlesDir, cli, reportsDir, sharedArticles, sharedReports, tempDir } from '../helpers.js';

describe('findings extract', () => {
  const all = cli(['extract', reportsDir, articlesDir, '--format', 'jsonl']);

  it('prints one valid record per shared document and nothing else on stdout', () => {
    expect(all.status).toBe(0);
    const lines = all.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(sharedReports().length + sharedArticles().length);
    // Every line must parse: a dotenv banner or log line on stdout would corrupt JSONL consumers.
    const records = lines.map((l) => DocumentRecordSchema.parse(JSON.parse(l)));
    expect(new Set(records.map((r) => r.doc)).size).toBe(lines.length);
    const derbyshire = records.find((r) => r.doc.includes('derbyshire'))!;
    expect(derbyshire.kind).toBe('report');
    expect(derbyshire.pages).toBeGreaterThan(5);
  });

  it('prints a JSON array with --format json', () => {
    const r = cli(['extract', sharedArticles()[0], '--format', 'json']);
    expect(r.status).toBe(0);
    const parsed = JSON.parse(r.stdout);
    expect(Array.isArray(parsed)).toBe(true);
    expect(parsed).toHaveLength(1);
  });

  it('goes on past a bad file, names it on stderr and exits 1', () => {
    const dir = tempDir();
    const bad = join(dir, 'broken.pdf');
    writeFileSync(bad, '%PDF-1.7\nthis is not a PDF body');
    const r = cli(['extract', bad, sharedArticles()[0]]);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(bad);
  });

  it('exits 2 on bad usage', () => {
    expect(cli(['extract']).status).toBe(2);
    expect(cli(['extract', articlesDir, '--format', 'xml']).status).toBe(2);
    expect(cli(['no-such-command']).status).toBe(2);
  });

  it('has --help', () => {
    const r = cli(['extract', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--format');
  });
});
