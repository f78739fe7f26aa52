// The eval report for a person: the shared scorer's table, then each extra with our quotes and each miss with
// gold's evidence quotes, so a researcher can see why a rule fired or did not.
import { CORE, FACTS, type EvalResult, type Prf } from './score.js';

const fmt = (x: number | null) => (x === null ? '  -  ' : x.toFixed(2));
const row = (a: Prf) => `${fmt(a.p)} ${fmt(a.r)} ${fmt(a.f1)} (${a.tp} ${a.fp} ${a.fn})`;

export function formatReport(result: EvalResult, options: { quotes?: number } = {}): string {
  const perError = options.quotes ?? 3;
  const lines = [
    `documents scored: ${result.documents} (${result.documents_predicted} with a prediction)`,
    'category                   concern P/R/F1 (tp fp fn)        strength P/R/F1',
  ];
  for (const [c, { concern, strength }] of Object.entries(result.per_category)) {
    lines.push(`${(CORE.includes(c) ? '*' : ' ') + c.padEnd(26)} ${row(concern)}`.padEnd(64) + `${fmt(strength.p)} ${fmt(strength.r)} ${fmt(strength.f1)}`);
  }
  lines.push('facts: ' + FACTS.map((f) => `${f} ${fmt(result.facts[f] ?? null)}`).join(', '));
  if (result.errors.length > 0 || result.fact_errors.length > 0) lines.push('', 'errors (extras: our quotes; misses: the gold evidence):');
  for (const e of result.errors) {
    lines.push(`  ${e.doc}: ${e.kind} ${e.polarity} ${e.category}`);
    for (const q of e.quotes.slice(0, perError)) lines.push(`      “${q.replace(/\s+/g, ' ')}”`);
    if (e.quotes.length > perError) lines.push(`      (${e.quotes.length - perError} more)`);
  }
  for (const e of result.fact_errors) lines.push(`  ${e.doc}: ${e.fact} is ${JSON.stringify(e.got)}, gold ${JSON.stringify(e.want)}`);
  const m = result.concern_micro;
  lines.push(
    '',
    `concern micro P ${fmt(m.p)} R ${fmt(m.r)} F1 ${fmt(m.f1)} | core four F1 ${fmt(result.core_concern_micro.f1)} | ` +
      `strength F1 ${fmt(result.strength_micro.f1)} | area ${fmt(result.facts.area ?? null)} outcome ${fmt(result.facts.outcome ?? null)}`,
  );
  return lines.join('\n') + '\n';
}
