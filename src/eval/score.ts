// Scores predicted documents against gold labels with exactly the definitions of the shared scorer (score.mjs):
// per category and polarity, a document is a true positive when gold and prediction both hold the category,
// a false positive or negative when only one does; micro P/R/F1 sum the counts; facts are exact matches, with
// absent gold dates and counts not scored. Beyond the numbers it keeps, for each error, the quotes behind it.
import type { Gold, Pred } from './labels.js';

export const CORE = ['ehcp-timeliness', 'part-time-timetables', 'off-rolling', 'wheelchair-waits'];
export const FACTS = ['area', 'outcome', 'inspection_start', 'inspection_end', 'previous_inspection', 'priority_actions', 'improvement_areas'] as const;
type Scored = 'concern' | 'strength';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface Prf extends Counts {
  p: number;
  r: number;
  f1: number;
}

/** An extra (our quotes say so, gold does not) or a miss (gold's evidence quotes, which we did not find). */
export interface CategoryError {
  doc: string;
  kind: 'extra' | 'missed';
  polarity: Scored;
  category: string;
  quotes: string[];
}
export interface FactError {
  doc: string;
  fact: string;
  got: unknown;
  want: unknown;
}

export interface EvalResult {
  documents: number;
  documents_predicted: number;
  concern_micro: Prf;
  core_concern_micro: Prf;
  strength_micro: Prf;
  per_category: Record<string, { concern: Prf; strength: Prf }>;
  facts: Record<string, number | null>;
  errors: CategoryError[];
  fact_errors: FactError[];
}

export function prf({ tp, fp, fn }: Counts): Prf {
  const p = tp + fp ? tp / (tp + fp) : tp + fn ? 0 : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, tp, fp, fn };
}

const evidence = (g: Gold, polarity: Scored) => (polarity === 'concern' ? g.concerns : g.strengths) ?? {};

export function score(gold: Gold[], preds: Pred[]): EvalResult {
  const pred = new Map(preds.map((p) => [p.doc, p]));
  const categories = new Set<string>(CORE);
  for (const g of gold) for (const k of [...Object.keys(g.concerns ?? {}), ...Object.keys(g.strengths ?? {})]) categories.add(k);
  const counts = new Map<string, Counts>();
  const bump = (key: string, field: keyof Counts) => {
    const c = counts.get(key) ?? { tp: 0, fp: 0, fn: 0 };
    c[field]++;
    counts.set(key, c);
  };
  const errors: CategoryError[] = [];
  const factErrors: FactError[] = [];
  const fact = Object.fromEntries(FACTS.map((f) => [f, { right: 0, total: 0 }]));
  for (const g of gold) {
    const p = pred.get(g.doc) ?? { doc: g.doc, findings: [] };
    const findings = p.findings ?? [];
    for (const polarity of ['concern', 'strength'] as const) {
      const want = evidence(g, polarity);
      const got = new Set(findings.filter((f) => f.polarity === polarity).map((f) => f.category));
      for (const c of categories) {
        const key = `${polarity}:${c}`;
        if (c in want && got.has(c)) bump(key, 'tp');
        else if (got.has(c)) {
          bump(key, 'fp');
          const quotes = findings.filter((f) => f.polarity === polarity && f.category === c).map((f) => f.quote ?? '');
          errors.push({ doc: g.doc, kind: 'extra', polarity, category: c, quotes });
        } else if (c in want) {
          bump(key, 'fn');
          errors.push({ doc: g.doc, kind: 'missed', polarity, category: c, quotes: want[c]! });
        }
      }
    }
    const record = g as Record<string, unknown>;
    const predicted = p as Record<string, unknown>;
    for (const f of FACTS) {
      const want = f === 'area' ? (g.area?.la_code ?? null) : (record[f] ?? null);
      if (want === null && f !== 'area' && f !== 'outcome') continue; // an absent date or count is not scored
      const got = f === 'area' ? (p.area?.la_code ?? null) : (predicted[f] ?? null);
      fact[f]!.total++;
      if (String(got) === String(want)) fact[f]!.right++;
      else factErrors.push({ doc: g.doc, fact: f, got, want });
    }
  }
  const sum = (keys: string[]) =>
    keys.reduce<Counts>((a, k) => {
      const c = counts.get(k) ?? { tp: 0, fp: 0, fn: 0 };
      return { tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn };
    }, { tp: 0, fp: 0, fn: 0 });
  const cats = [...categories].sort();
  return {
    documents: gold.length,
    documents_predicted: gold.filter((g) => pred.has(g.doc)).length,
    concern_micro: prf(sum(cats.map((c) => `concern:${c}`))),
    core_concern_micro: prf(sum(CORE.map((c) => `concern:${c}`))),
    strength_micro: prf(sum(cats.map((c) => `strength:${c}`))),
    per_category: Object.fromEntries(cats.map((c) => [c, { concern: prf(sum([`concern:${c}`])), strength: prf(sum([`strength:${c}`])) }])),
    facts: Object.fromEntries(FACTS.map((f) => [f, fact[f]!.total ? fact[f]!.right / fact[f]!.total : null])),
    errors,
    fact_errors: factErrors,
  };
}
