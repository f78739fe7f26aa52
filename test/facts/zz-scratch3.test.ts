import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { test } from 'vitest';
import { extractFacts } from '../../src/facts/index.js';
import { ingestPdf } from '../../src/ingest/pdf.js';

test('dev', async () => {
  const gold = readFileSync('/work/shared/gold/dev.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  mkdirSync('/tmp/clean', { recursive: true });
  for (const g of gold.filter((g: any) => g.kind === 'report')) {
    const a = await ingestPdf(new Uint8Array(readFileSync(`/work/shared/corpus/reports/${g.doc}.pdf`)));
    writeFileSync(`/tmp/clean/${g.doc}.txt`, a.text + '\n\n=====SECTIONS\n' + a.sections.map((s: any) => JSON.stringify(s)).join('\n'));
    const f = extractFacts({ id: g.doc, source: '', sha256: '', kind: 'report', ...a } as any);
    const diffs: string[] = [];
    if ((f.area?.la_code ?? null) !== (g.area?.la_code ?? null)) diffs.push(`area ${f.area?.name} vs ${g.area?.name}`);
    for (const k of ['framework', 'outcome', 'inspection_start', 'inspection_end', 'previous_inspection', 'priority_actions', 'improvement_areas'])
      if ((f as any)[k] !== g[k]) diffs.push(`${k} ${(f as any)[k]} vs ${g[k]}`);
    console.log(g.doc, f.icb, diffs.length ? '  XX ' + diffs.join(' | ') : 'ok');
  }
}, 120000);
