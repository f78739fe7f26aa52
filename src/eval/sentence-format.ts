// The finding-level report for a person: the shared scorer's table and summary line, then, document by document,
// every wrongly cited sentence (with what gold says of it) and every missed one (with what we cited it as).
import { CORE } from './score.js';
import type { SentencePrf, SentenceResult } from './sentences.js';

const fmt = (x: number | null) => (x === null ? '  - ' : x.toFixed(2));
const row = (a: SentencePrf) => `${fmt(a.p)} ${fmt(a.r)} ${fmt(a.f1)} (${a.correct} ${a.wrong} | ${a.found} ${a.missed})`;
const oneLine = (s: string | null | undefined) => `“${(s ?? '').replace(/\s+/g, ' ').trim()}”`;
const labels = (ls: { category: string; polarity: string; rule?: string | undefined }[]) =>
  ls.map((l) => `${l.polarity} ${l.category}${l.rule ? ` (${l.rule})` : ''}`).join(', ');

export function formatSentenceReport(result: SentenceResult): string {
  const lines = [
    `finding level: ${result.documents} documents scored, ${result.gold_labels} gold finding labels`,
    'category                   concern P/R/F1 (right wrong | found missed)   strength P/R/F1 (right wrong | found missed)',
  ];
  for (const [c, { concern, strength }] of Object.entries(result.categories)) {
    lines.push(`${(CORE.includes(c) ? '*' : ' ') + c.padEnd(26)}${row(concern)}`.padEnd(72) + row(strength));
  }
  const docs = [...new Set([...result.extras.map((e) => e.doc), ...result.misses.map((m) => m.doc)])];
  if (docs.length > 0) lines.push('', `wrongly cited sentences: ${result.extras.length}; missed: ${result.misses.length}`);
  for (const doc of docs) {
    lines.push(`${doc}:`);
    for (const e of result.extras.filter((x) => x.doc === doc)) {
      const gold = e.gold_here.length ? `gold: ${labels(e.gold_here)}` : 'gold: no finding';
      lines.push(`  wrong  ${e.polarity} ${e.category} (${e.rule ?? '?'}); ${gold}`, `      ${oneLine(e.quote)}`);
    }
    for (const m of result.misses.filter((x) => x.doc === doc)) {
      const cited = m.cited_here.length ? `cited as ${labels(m.cited_here)}` : 'not cited';
      lines.push(`  missed ${m.polarity} ${m.category}; ${cited}`, `      ${oneLine(m.quote)}`);
    }
  }
  const { concern: c, strength: s, core_concern: k } = result;
  lines.push(
    '',
    `finding-level concern P ${fmt(c.p)} R ${fmt(c.r)} F1 ${fmt(c.f1)} | core four F1 ${fmt(k.f1)} | ` +
      `strength P ${fmt(s.p)} R ${fmt(s.r)} F1 ${fmt(s.f1)} | mention leak ${fmt(result.mention_leak)}`,
  );
  return lines.join('\n') + '\n';
}
