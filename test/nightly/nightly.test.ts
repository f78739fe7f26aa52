// `findings nightly` night after night against a fake Ofsted on 127.0.0.1: fetch what is new, process only that,
// and report it in out/changes/<date>.json|md.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { corpusOf, reportsDir, sharedArticles, tempDir } from '../helpers.js';
import { deadUrl, FakeOfsted, pdf } from '../fetch/site.js';
import { changesDay, DAY_AFTER, DAY_BEFORE, fetchedDoc, pdfReplies, providers, readChanges, readJsonl, REPORTS, runCli } from './harness.js';

let site: FakeOfsted;

describe('findings nightly, night after night', () => {
  // One site for the whole story: each night it lists what has been published so far.
  beforeAll(async () => {
    site = await FakeOfsted.start();
  });
  afterAll(() => site.close());
  const dir = tempDir('findings-nightly-');
  const corpus = join(dir, 'corpus');
  const out = join(dir, 'out');
  const first = [REPORTS.derbyshire, REPORTS.blackpool, REPORTS.bolton];
  const nightly = (tz: string) => runCli(['nightly', '--base-url', site.url, '--files-base-url', site.url, '--delay-ms', '0', '--corpus', corpus, '--out', out], { tz });
  let day1: string;
  let day2: string;

  it('fetches and processes every new publication on the first night', async () => {
    site.serve(providers(first), pdfReplies(first));
    const run = await nightly(DAY_BEFORE);

    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('read 3 provider page(s): 3 area SEND report(s), 3 other report(s) skipped');
    expect(run.stderr).toContain('downloaded 3, already had 0, failed 0');
    expect(run.stderr).toMatch(/3 documents, \d+ findings, 0 errors; 3 processed, 0 removed; wrote/);
    const docs = readJsonl(join(out, 'documents.jsonl'));
    expect(docs.map((d) => d.doc).sort()).toEqual(first.map(fetchedDoc).sort());

    day1 = changesDay(run);
    const report = readChanges(out, day1);
    expect(report.fetch?.downloaded.map((p) => p.split('/').pop()).sort()).toEqual(first.map((r) => `${fetchedDoc(r)}.pdf`).sort());
    expect(report.changes.new_documents.map((d) => d.doc).sort()).toEqual(first.map(fetchedDoc).sort());
    const newFindings = report.changes.new_findings.reduce((n, g) => n + g.findings.length, 0);
    expect(newFindings).toBe(readJsonl(join(out, 'findings.jsonl')).length);
    expect(readFileSync(join(out, 'changes', `${day1}.md`), 'utf8')).toContain('## New documents');
  });

  it('fetches nothing and processes nothing the next night when nothing was published', async () => {
    const before = readFileSync(join(out, 'documents.jsonl'));
    const run = await nightly(DAY_AFTER);

    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('downloaded 0, already had 3, failed 0');
    expect(run.stderr).toMatch(/0 processed, 0 removed; nothing changed/);
    expect(site.requests.filter((r) => r.path.startsWith('/v1/file/'))).toHaveLength(3); // the PDFs, once each
    expect(readFileSync(join(out, 'documents.jsonl'))).toEqual(before);

    day2 = changesDay(run);
    expect(day2).not.toBe(day1);
    const report = readChanges(out, day2);
    expect(report.fetch).toEqual({ downloaded: [], failed: [], note: null });
    expect(report.changes).toEqual({ new_documents: [], updated_documents: [], removed_documents: [], new_findings: [], changed_outcomes: [], failed: [] });
    expect(readFileSync(join(out, 'changes', `${day2}.md`), 'utf8')).toContain('- Documents: 0 new, 0 updated, 0 removed, 0 failed.');
    // The first night's report is still there.
    expect(readChanges(out, day1).changes.new_documents).toHaveLength(3);
  });

  it('fetches and processes only a new publication, and reports its findings by area and category', async () => {
    const added = REPORTS.worcestershire;
    site.serve(providers([...first, added]), pdfReplies([...first, added]));
    const run = await nightly(DAY_AFTER);

    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('downloaded 1, already had 3, failed 0');
    expect(run.stderr).toContain(`nightly: [1/1] ${fetchedDoc(added)}\n`);
    expect(run.stderr).toMatch(/4 documents, \d+ findings, 0 errors; 1 processed, 0 removed; wrote/);

    const report = readChanges(out, changesDay(run));
    expect(report.changes.new_documents).toEqual([expect.objectContaining({ doc: fetchedDoc(added), kind: 'report', area: 'Worcestershire' })]);
    const record = readJsonl(join(out, 'documents.jsonl')).find((d) => d.doc === fetchedDoc(added))!;
    const groups = report.changes.new_findings;
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) {
      expect(g).toMatchObject({ area: 'Worcestershire', la_code: (record.area as { la_code: string }).la_code });
      expect(g.findings.every((f) => f.doc === fetchedDoc(added))).toBe(true);
    }
    // One group per category and polarity, holding every finding of the new report.
    expect(new Set(groups.map((g) => `${g.category}/${g.polarity}`)).size).toBe(groups.length);
    expect(groups.reduce((n, g) => n + g.findings.length, 0)).toBe(record.findings);
    const md = readFileSync(join(out, 'changes', `${changesDay(run)}.md`), 'utf8');
    const tally = (polarity: string) => groups.filter((g) => g.polarity === polarity).reduce((n, g) => n + g.findings.length, 0);
    expect(md).toContain(`### Worcestershire: ${tally('concern')} concern(s), ${tally('strength')} strength(s), ${tally('mention')} mention(s)`);
  });

  it('adds a second run of the same day to that day\'s report rather than replacing it', async () => {
    const added = REPORTS.halton;
    const all = [...first, REPORTS.worcestershire, added];
    site.serve(providers(all), pdfReplies(all));
    const run = await nightly(DAY_AFTER);

    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/1 processed, 0 removed; wrote/);
    expect(changesDay(run)).toBe(day2);
    const report = readChanges(out, day2);
    expect(report.changes.new_documents.map((d) => d.doc).sort()).toEqual([fetchedDoc(added), fetchedDoc(REPORTS.worcestershire)].sort());
    expect(report.fetch?.downloaded.map((p) => p.split('/').pop()).sort()).toEqual(
      [`${fetchedDoc(added)}.pdf`, `${fetchedDoc(REPORTS.worcestershire)}.pdf`].sort(),
    );
    expect(new Set(report.changes.new_findings.map((g) => g.area))).toEqual(new Set(['Halton', 'Worcestershire']));
  });
});

describe('findings nightly against a struggling or missing site', () => {
  beforeEach(async () => {
    site = await FakeOfsted.start();
  });
  afterEach(() => site.close());

  it('retries a PDF the server answers 503 twice before sending', async () => {
    const report = REPORTS.darlington;
    const dir = tempDir('findings-nightly-503-');
    site.serve(providers([report]));
    const path = `/v1/file/${report.fileId}`;
    site.on(path, { status: 503, body: 'busy' }, { status: 503, body: 'busy' }, { body: pdf(report.file) });

    const run = await runCli(['nightly', '--base-url', site.url, '--files-base-url', site.url, '--delay-ms', '0', '--corpus', join(dir, 'corpus'), '--out', join(dir, 'out')]);

    expect(run.code, run.stderr).toBe(0);
    expect(site.hits(path)).toBe(3);
    expect(run.stderr).toContain('downloaded 1, already had 0, failed 0');
    expect(readJsonl(join(dir, 'out', 'documents.jsonl')).map((d) => d.doc)).toEqual([fetchedDoc(report)]);
  });

  it('processes what it could fetch, lists what it could not, and exits 1', async () => {
    const [got, missing] = [REPORTS.bolton, REPORTS.halton];
    const dir = tempDir('findings-nightly-404-');
    site.serve(providers([got, missing]), pdfReplies([got]));

    const run = await runCli(['nightly', '--base-url', site.url, '--files-base-url', site.url, '--delay-ms', '0', '--corpus', join(dir, 'corpus'), '--out', join(dir, 'out')]);

    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain(`failed: ${site.url}/v1/file/${missing.fileId}: HTTP 404`);
    expect(run.stderr).toMatch(/1 documents, \d+ findings, 0 errors; 1 processed/);
    const day = changesDay(run);
    const report = readChanges(join(dir, 'out'), day);
    expect(report.fetch?.failed).toEqual([{ url: `${site.url}/v1/file/${missing.fileId}`, reason: 'HTTP 404' }]);
    expect(report.changes.new_documents.map((d) => d.doc)).toEqual([fetchedDoc(got)]);
    expect(readFileSync(join(dir, 'out', 'changes', `${day}.md`), 'utf8')).toContain('- Fetch: 1 new publication(s) downloaded, 1 could not be fetched.');
  });

  it('skips the fetch with --offline and processes the corpus', async () => {
    const dir = tempDir('findings-nightly-offline-');
    const article = sharedArticles()[0]!;
    const run = await runCli(['nightly', '--offline', '--base-url', site.url, '--corpus', corpusOf([article]), '--out', join(dir, 'out')]);

    expect(run.code, run.stderr).toBe(0);
    expect(site.requests).toEqual([]);
    expect(run.stderr).toContain('fetch: skipped (--offline)');
    expect(run.stderr).toMatch(/1 documents, \d+ findings, 0 errors; 1 processed/);
    const report = readChanges(join(dir, 'out'), changesDay(run));
    expect(report.fetch).toBeNull();
    expect(report.changes.new_documents.map((d) => d.doc)).toEqual([basename(article, '.txt')]);
  });

  it('explains an empty corpus and exits 0', async () => {
    const dir = tempDir('findings-nightly-empty-');
    mkdirSync(join(dir, 'corpus'));
    writeFileSync(join(dir, 'corpus', 'README.md'), 'Put reports here.\n'); // as in a fresh checkout: not a document
    const run = await runCli(['nightly', '--offline', '--corpus', join(dir, 'corpus'), '--out', join(dir, 'out')]);

    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/corpus holds no documents: put area SEND inspection reports \(\.pdf\) or articles and minutes/);
    expect(existsSync(join(dir, 'out', 'documents.jsonl'))).toBe(false);
  });

  it('says "no network" once when the site cannot be reached, then processes the corpus', async () => {
    const dir = tempDir('findings-nightly-dead-');
    const report = REPORTS.halton;
    const corpus = corpusOf([join(reportsDir, report.file)]);
    const dead = await deadUrl();
    const run = await runCli(['nightly', '--base-url', dead, '--files-base-url', dead, '--corpus', corpus, '--out', join(dir, 'out')]);

    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.match(/no network/g)).toHaveLength(1);
    expect(run.stderr).toContain(`no network: cannot reach ${new URL(dead).host} (ECONNREFUSED); nothing was fetched; processing what is in ${corpus}`);
    expect(run.stderr).toMatch(/1 documents, \d+ findings, 0 errors; 1 processed/);
    const changes = readChanges(join(dir, 'out'), changesDay(run));
    expect(changes.fetch?.note).toMatch(/^no network/);
    expect(changes.changes.new_documents.map((d) => d.doc)).toEqual([basename(report.file, '.pdf')]);
  });
});
