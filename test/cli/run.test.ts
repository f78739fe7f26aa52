import { copyFileSync, existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, corpusOf, readJsonl, sharedArticles, sharedReports, tempDir } from '../helpers.js';

describe('findings run', () => {
  it('explains an empty corpus instead of crashing', () => {
    const r = cli(['run', '--corpus', tempDir(), '--out', tempDir()]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/holds no documents/);
  });

  it('writes documents, findings and errors, then processes only what changed', () => {
    const corpus = corpusOf([...sharedReports().slice(0, 3), ...sharedArticles().slice(0, 2)]);
    writeFileSync(join(corpus, 'notes.docx'), 'not a supported document');
    const out = tempDir();

    const first = cli(['run', '--corpus', corpus, '--out', out]);
    expect(first.status).toBe(1); // one document failed; the rest were processed
    expect(first.stderr).toContain('notes.docx');
    const docs = readJsonl(join(out, 'documents.jsonl'));
    expect(docs).toHaveLength(5);
    const errors = readJsonl(join(out, 'errors.jsonl'));
    expect(errors).toEqual([expect.objectContaining({ doc: 'notes', source: join(corpus, 'notes.docx') })]);
    const findings = readJsonl(join(out, 'findings.jsonl'));
    expect(findings.length).toBe(docs.reduce((n, d) => n + (d.findings as number), 0));

    const second = cli(['run', '--corpus', corpus, '--out', out]);
    expect(second.stderr).toMatch(/0 processed, 0 removed; nothing changed/);

    // A changed file and a removed file are noticed; nothing else is processed again.
    copyFileSync(sharedReports()[3], join(corpus, 'added.pdf'));
    rmSync(join(corpus, sharedArticles()[0].split('/').pop()!));
    const third = cli(['run', '--corpus', corpus, '--out', out]);
    expect(third.stderr).toMatch(/1 processed, 1 removed; wrote/);
    expect(readJsonl(join(out, 'documents.jsonl')).map((d) => d.doc)).toContain('added');
    expect(existsSync(join(out, 'store.db'))).toBe(true);
  });

  it('keeps every result when the corpus folder moves, and points the records at the new paths', () => {
    const corpus = corpusOf(sharedReports().slice(0, 2));
    const out = tempDir();
    expect(cli(['run', '--corpus', corpus, '--out', out]).status).toBe(0);
    const before = readJsonl(join(out, 'findings.jsonl'));
    const moved = `${corpus}-moved`;
    renameSync(corpus, moved);

    const again = cli(['run', '--corpus', moved, '--out', out]);
    expect(again.stderr).toMatch(/0 processed, 0 removed; wrote/);
    const sources = readJsonl(join(out, 'documents.jsonl')).map((d) => d.source as string);
    expect(sources).toHaveLength(2);
    for (const source of sources) expect(source.startsWith(join(moved, '/'))).toBe(true);
    expect(readJsonl(join(out, 'findings.jsonl'))).toEqual(before);

    // Any dataset file gone is written again, though no document changed.
    rmSync(join(out, 'areas.csv'));
    expect(cli(['run', '--corpus', moved, '--out', out]).stderr).toMatch(/0 processed, 0 removed; wrote/);
    expect(existsSync(join(out, 'areas.csv'))).toBe(true);
  });
});
