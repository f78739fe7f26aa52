import { readFileSync } from 'node:fs';
import { test } from 'vitest';
import { extractFacts } from '../../src/facts/index.js';
import { rawDocument } from './raw-document.js';

// Simulated ingest: wrapped lines joined into paragraphs.
function paras(text: string): string {
  const out: string[] = [];
  let prevLen = 0;
  for (const line of text.split('\n')) {
    const last = out.at(-1);
    const pl = prevLen; prevLen = line.length;
    if (last !== undefined && (!/[.:;!?]$/.test(last.trim()) || /^[a-z]/.test(line) || pl > 78) && !/^[•◼▪]/.test(line) && !/^(Areas for|Local area partnership details|Information about)/i.test(line) && !/^(Areas for|Responsible body)/.test(last)) out[out.length - 1] = last + ' ' + line;
    else out.push(line);
  }
  return out.join('\n');
}

test('dev', () => {
  const gold = readFileSync('/work/shared/gold/dev.jsonl', 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  let bad = 0;
  for (const g of gold) {
    const path = g.kind === 'report' ? `/tmp/raw/${g.doc}.txt` : `/work/shared/corpus/articles/${g.doc}.txt`;
    const d = rawDocument(path, g.kind);
    d.text = paras(d.text);
    if (g.doc.includes('derbyshire_')) console.log(d.text.slice(d.text.indexOf('Areas for priority'), d.text.indexOf('Areas for priority') + 3000));
    const f = extractFacts(d);
    const diffs: string[] = [];
    if ((f.area?.la_code ?? null) !== (g.area?.la_code ?? null)) diffs.push(`area ${f.area?.name} vs ${g.area?.name}`);
    for (const k of ['framework', 'outcome', 'inspection_start', 'inspection_end', 'previous_inspection', 'priority_actions', 'improvement_areas'])
      if ((f as any)[k] !== g[k]) diffs.push(`${k} ${(f as any)[k]} vs ${g[k]}`);
    if (diffs.length) bad++;
    console.log(g.doc, diffs.length ? '  XX ' + diffs.join(' | ') : 'ok');
  }
  console.log('bad', bad);
});
