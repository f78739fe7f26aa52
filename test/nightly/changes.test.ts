// The day's changes, without PDFs: the store's publish/baseline bookkeeping, the diff of two datasets, and the files
// a person reads in the morning. Records are small fixtures made here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeChangesFiles, mergeFetch, readChangesFile } from '../../src/pipeline/changes-report.js';
import { collectChanges } from '../../src/pipeline/changes.js';
import { Store } from '../../src/pipeline/store.js';
import type { DocumentRecord, Finding } from '../../src/records.js';
import { tempDir } from '../helpers.js';

const AREAS = {
  derbyshire: { name: 'Derbyshire', la_code: '830', gss: 'E10000007', region: 'East Midlands', urn: '80460' },
  halton: { name: 'Halton', la_code: '876', gss: 'E06000006', region: 'North West', urn: '80471' },
};

function finding(doc: string, category: string, quote: string, polarity: Finding['polarity'] = 'concern'): Finding {
  return { doc, category, polarity, quote, page: 2, start: 0, end: quote.length, section: null, measures: [], rule: `${category}/1` };
}

function record(doc: string, area: keyof typeof AREAS, outcome: DocumentRecord['outcome'], findings: [string, string][]): DocumentRecord {
  return {
    doc,
    source: `corpus/${doc}.pdf`,
    kind: 'report',
    sha256: doc.padEnd(64, '0').replace(/[^0-9a-f]/g, 'a').slice(0, 64),
    pages: 10,
    area: AREAS[area],
    icb: null,
    framework: '2023',
    outcome,
    inspection_start: null,
    inspection_end: null,
    previous_inspection: null,
    priority_actions: null,
    improvement_areas: null,
    findings: findings.map(([category, quote]) => finding(doc, category, quote)),
  };
}

const save = (store: Store, r: DocumentRecord) => store.saveProcessed({ record: r, text: 'text' }, 'v1');

describe('collectChanges', () => {
  it('groups new findings by area, category and polarity, and lists new, updated, removed, failed documents', () => {
    const oldHalton = record('halton', 'halton', 'inconsistent', [['ehcp-timeliness', 'Plans are late.']]);
    const newHalton = record('halton', 'halton', 'systemic-failings', [
      ['ehcp-timeliness', 'Plans are late.'],
      ['ehcp-timeliness', 'Most plans take over 20 weeks.'],
    ]);
    const derbyshire = record('derbyshire', 'derbyshire', 'positive', [['exclusions', 'Exclusions are high.'], ['ehcp-timeliness', 'Plans are late.']]);
    const derbyshireMoved = record('moved', 'derbyshire', 'positive', [['exclusions', 'Exclusions are high.']]);

    const changes = collectChanges([
      { doc: 'derbyshire', before: null, after: { record: derbyshire, error: null } },
      { doc: 'gone', before: { record: null, error: 'unreadable' }, after: null },
      { doc: 'halton', before: { record: oldHalton, error: null }, after: { record: newHalton, error: null } },
      { doc: 'broken', before: null, after: { record: null, error: 'encrypted PDF' } },
      // Only its file moved: not a change.
      { doc: 'moved', before: { record: derbyshireMoved, error: null }, after: { record: { ...derbyshireMoved, source: 'elsewhere/moved.pdf' }, error: null } },
    ]);

    expect(changes.new_documents).toEqual([{ doc: 'derbyshire', kind: 'report', area: 'Derbyshire', outcome: 'positive' }]);
    expect(changes.updated_documents).toEqual(['halton']);
    expect(changes.removed_documents).toEqual(['gone']);
    expect(changes.failed).toEqual([{ doc: 'broken', error: 'encrypted PDF' }]);
    expect(changes.changed_outcomes).toEqual([{ doc: 'halton', area: 'Halton', from: 'inconsistent', to: 'systemic-failings' }]);
    // Halton's unchanged finding is not new; groups are sorted by area, then category.
    expect(changes.new_findings).toEqual([
      { area: 'Derbyshire', la_code: '830', category: 'ehcp-timeliness', polarity: 'concern', findings: [{ doc: 'derbyshire', quote: 'Plans are late.', page: 2 }] },
      { area: 'Derbyshire', la_code: '830', category: 'exclusions', polarity: 'concern', findings: [{ doc: 'derbyshire', quote: 'Exclusions are high.', page: 2 }] },
      { area: 'Halton', la_code: '876', category: 'ehcp-timeliness', polarity: 'concern', findings: [{ doc: 'halton', quote: 'Most plans take over 20 weeks.', page: 2 }] },
    ]);
  });
});

describe('Store: publishing and the day baseline', () => {
  it('knows without comparing records whether out/ is current, and keeps counts for an unchanged run', () => {
    const store = new Store(join(tempDir(), 'store.db'));
    expect(store.unpublished([])).toBe(true); // never published
    save(store, record('halton', 'halton', 'positive', [['exclusions', 'A.'], ['exclusions', 'B.']]));
    store.publish('2025-01-01', []);
    expect(store.unpublished([])).toBe(false);
    expect(store.counts()).toEqual({ documents: 1, findings: 2 });
    // A duplicate-name error appearing is a change to publish, as is any saved result.
    expect(store.unpublished([{ doc: 'halton', source: 'corpus/x/halton.pdf', error: 'duplicate' }])).toBe(true);
    store.saveError({ doc: 'bad', source: 'corpus/bad.pdf', error: 'truncated' }, 'f'.repeat(64), 'v1');
    expect(store.unpublished([])).toBe(true);
    store.close();
  });

  it('reports every change of a day across its runs, starts afresh the next day, and ignores a change undone', () => {
    const store = new Store(join(tempDir(), 'store.db'));
    const docsOf = (day: string) => collectChanges(store.dayDiffs(day));
    const halton = record('halton', 'halton', 'positive', [['exclusions', 'A.']]);

    save(store, halton);
    store.publish('2025-01-01', []);
    save(store, record('derbyshire', 'derbyshire', 'positive', []));
    store.publish('2025-01-01', []);
    expect(docsOf('2025-01-01').new_documents.map((d) => d.doc)).toEqual(['derbyshire', 'halton']);

    // Next day: Halton changes and changes back (nothing to report), Derbyshire's file goes, Bolton fails.
    save(store, record('halton', 'halton', 'inconsistent', [['exclusions', 'A.'], ['exclusions', 'C.']]));
    store.publish('2025-01-02', []);
    save(store, halton);
    store.remove(['derbyshire']);
    store.saveError({ doc: 'bolton', source: 'corpus/bolton.pdf', error: 'no text layer' }, 'e'.repeat(64), 'v1');
    store.publish('2025-01-02', []);
    const day2 = docsOf('2025-01-02');
    expect(day2.new_documents).toEqual([]);
    expect(day2.updated_documents).toEqual([]);
    expect(day2.removed_documents).toEqual(['derbyshire']);
    expect(day2.failed).toEqual([{ doc: 'bolton', error: 'no text layer' }]);
    // Only the latest day is kept.
    expect(docsOf('2025-01-01')).toEqual(collectChanges([]));
    expect(store.counts()).toEqual({ documents: 1, findings: 1 });
    store.close();
  });

  it('describes the published dataset, not results a killed run left unpublished', () => {
    const store = new Store(join(tempDir(), 'store.db'));
    save(store, record('halton', 'halton', 'positive', []));
    store.publish('2025-01-01', []);
    save(store, record('derbyshire', 'derbyshire', 'positive', []));
    expect(collectChanges(store.dayDiffs('2025-01-01')).new_documents.map((d) => d.doc)).toEqual(['halton']);
    expect(store.counts()).toEqual({ documents: 1, findings: 0 });
    store.close();
  });
});

describe('the changes files', () => {
  it('keeps everything downloaded that day, and the failures of the latest fetch', () => {
    const morning = { downloaded: ['corpus/a.pdf'], failed: [{ url: 'https://x/1', reason: 'HTTP 503' }], note: null };
    const later = { downloaded: ['corpus/b.pdf'], failed: [], note: null };
    expect(mergeFetch(morning, later)).toEqual({ downloaded: ['corpus/a.pdf', 'corpus/b.pdf'], failed: [], note: null });
    expect(mergeFetch(morning, null)).toBe(morning); // an --offline run fetched nothing to add
    expect(mergeFetch(null, later)).toBe(later);
  });

  it('writes JSON that reads back, and Markdown that escapes document text', async () => {
    const out = tempDir();
    const doc = record('area_send_halton', 'halton', 'systemic-failings', [
      ['ehcp-timeliness', 'Only *some* plans_are on time.'],
      ['ehcp-timeliness', 'Two.'],
      ['ehcp-timeliness', 'Three.'],
      ['ehcp-timeliness', 'Four.'],
    ]);
    const changes = collectChanges([{ doc: doc.doc, before: null, after: { record: doc, error: null } }]);
    const report = { date: '2025-01-02', published_at: '2025-01-02T02:00:00.000Z', fetch: { downloaded: ['corpus/area_send_halton.pdf'], failed: [], note: null }, changes };
    const paths = await writeChangesFiles(out, report);

    expect(await readChangesFile(out, '2025-01-02')).toEqual(report);
    expect(await readChangesFile(out, '2025-01-03')).toBeNull();
    const md = readFileSync(paths.md, 'utf8');
    expect(md).toContain('# findings: changes on 2025-01-02');
    expect(md).toContain('- Fetch: 1 new publication(s) downloaded, 0 could not be fetched.');
    expect(md).toContain('- area\\_send\\_halton (report): Halton, outcome systemic-failings');
    expect(md).toContain('### Halton: 4 concern(s), 0 strength(s), 0 mention(s)\n- ehcp-timeliness: 4\n');
    expect(md).toContain('  - “Only \\*some\\* plans\\_are on time.” (area\\_send\\_halton, p. 2)');
    expect(md).toContain('  - and 1 more (see 2025-01-02.json)');
  });
});
