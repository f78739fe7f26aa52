// Finding-level scoring, with exactly the definitions of the shared scorer (score-sentences.mjs): is each cited
// sentence right, and is each labelled sentence cited? A predicted concern/strength is right when a gold sentence of
// the same document carries its category and polarity and is the same sentence; a gold label is found when some
// prediction of its category and polarity is the same sentence. Two texts are the same sentence when, folded (case,
// accents, punctuation, spacing), one contains the other or 80% of the shorter one's words (4 or more) are in the
// longer one: robust to a different sentence splitter. Mentions never count; a label cited only as a mention of its
// category is a "mention leak". Only documents present in the gold are scored.
import { z } from 'zod';
import { CORE } from './score.js';

const Label = z.object({ category: z.string(), polarity: z.string() });

/** One labelled sentence: every category/polarity it states. A sentence with no line states no finding. */
export const SentenceGoldSchema = z.looseObject({ doc: z.string(), quote: z.string(), labels: z.array(Label) });
export type SentenceGold = z.infer<typeof SentenceGoldSchema>;

/** A cited finding as the scorer reads it (from a document record's findings, or one finding per line). */
export interface CitedFinding {
  doc: string;
  category: string;
  polarity: string;
  quote?: string | null;
  rule?: string;
}

/** Precision, recall and F1 with the counts behind them; null where nothing was there to measure. */
export interface SentencePrf {
  p: number | null;
  r: number | null;
  f1: number | null;
  correct: number;
  wrong: number;
  found: number;
  missed: number;
}

/** A wrongly cited sentence, with the labels gold gives that same sentence (empty: gold says it states no finding). */
export interface Extra {
  doc: string;
  category: string;
  polarity: string;
  quote: string | null | undefined;
  rule: string | undefined;
  gold_here: { category: string; polarity: string }[];
}

/** A gold label no prediction found, with what its sentence was cited as instead (if anything). */
export interface Miss {
  doc: string;
  category: string;
  polarity: string;
  quote: string;
  cited_as_mention: boolean;
  cited_here: { category: string; polarity: string; rule: string | undefined }[];
}

export interface SentenceResult {
  documents: number;
  gold_labels: number;
  concern: SentencePrf;
  strength: SentencePrf;
  core_concern: SentencePrf;
  mention_leak: number | null;
  categories: Record<string, { concern: SentencePrf; strength: SentencePrf }>;
  misses: Miss[];
  extras: Extra[];
}

interface Unit {
  f: string;
  w: Set<string>;
}

const fold = (s: string) =>
  s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();

function unit(quote: string | null | undefined): Unit {
  const f = fold(quote ?? '');
  return { f, w: new Set(f.split(' ').filter(Boolean)) };
}

/** The scorer's sentence identity: containment after folding, or 80% word overlap of the shorter (≥ 4 words). */
export function sameSentence(a: string | null | undefined, b: string | null | undefined): boolean {
  return same(unit(a), unit(b));
}

function same(a: Unit, b: Unit): boolean {
  if (!a.f || !b.f) return false;
  if (a.f.includes(b.f) || b.f.includes(a.f)) return true;
  const [s, l] = a.w.size <= b.w.size ? [a.w, b.w] : [b.w, a.w];
  if (s.size < 4) return false;
  let n = 0;
  for (const w of s) if (l.has(w)) n++;
  return n / s.size >= 0.8;
}

function prf(correct: number, wrong: number, found: number, missed: number): SentencePrf {
  const p = correct + wrong ? correct / (correct + wrong) : null;
  const r = found + missed ? found / (found + missed) : null;
  const f1 = p !== null && r !== null && p + r > 0 ? (2 * p * r) / (p + r) : p === null && r === null ? null : 0;
  return { p, r, f1, correct, wrong, found, missed };
}

/**
 * The findings a prediction file holds: a record with a `findings` array is a document (its findings inherit its
 * id), any other record is one finding.
 */
export function citedFindings(records: object[]): CitedFinding[] {
  return (records as Record<string, unknown>[]).flatMap((r) =>
    Array.isArray(r.findings) ? (r.findings as Omit<CitedFinding, 'doc'>[]).map((f) => ({ doc: r.doc, ...f }) as CitedFinding) : [r as unknown as CitedFinding],
  );
}

export function scoreSentences(gold: SentenceGold[], findings: CitedFinding[]): SentenceResult {
  const units = new Map<string, (Unit & { quote: string; labels: SentenceGold['labels'] })[]>();
  for (const g of gold) {
    const list = units.get(g.doc) ?? [];
    list.push({ ...unit(g.quote), quote: g.quote, labels: g.labels });
    units.set(g.doc, list);
  }
  const pred = new Map<string, (CitedFinding & Unit)[]>([...units.keys()].map((d) => [d, []]));
  for (const f of findings) pred.get(f.doc)?.push({ ...f, ...unit(f.quote) });

  const stats = new Map<string, { correct: number; wrong: number; found: number; missed: number }>();
  const st = (category: string, polarity: string) => {
    const key = `${category}|${polarity}`;
    let s = stats.get(key);
    if (!s) stats.set(key, (s = { correct: 0, wrong: 0, found: 0, missed: 0 }));
    return s;
  };
  const misses: Miss[] = [];
  const extras: Extra[] = [];
  let leaks = 0;
  let goldLabels = 0;
  for (const [doc, us] of units) {
    const fs = pred.get(doc)!;
    for (const f of fs) {
      if (f.polarity !== 'concern' && f.polarity !== 'strength') continue;
      const ok = us.some((u) => u.labels.some((l) => l.category === f.category && l.polarity === f.polarity) && same(u, f));
      st(f.category, f.polarity)[ok ? 'correct' : 'wrong']++;
      if (!ok) {
        const here = us.filter((u) => same(u, f)).flatMap((u) => u.labels);
        extras.push({ doc, category: f.category, polarity: f.polarity, quote: f.quote, rule: f.rule, gold_here: here });
      }
    }
    for (const u of us) {
      for (const l of u.labels) {
        goldLabels++;
        const hit = fs.some((f) => f.category === l.category && f.polarity === l.polarity && same(u, f));
        st(l.category, l.polarity)[hit ? 'found' : 'missed']++;
        if (hit) continue;
        const asMention = fs.some((f) => f.category === l.category && f.polarity === 'mention' && same(u, f));
        if (asMention) leaks++;
        const here = fs.filter((f) => same(u, f)).map((f) => ({ category: f.category, polarity: f.polarity, rule: f.rule }));
        misses.push({ doc, category: l.category, polarity: l.polarity, quote: u.quote, cited_as_mention: asMention, cited_here: here });
      }
    }
  }

  const sum = (polarity: string, only?: string[]) => {
    let c = 0, w = 0, fo = 0, mi = 0;
    for (const [key, s] of stats) {
      const [category, p] = key.split('|');
      if (p === polarity && (!only || only.includes(category!))) {
        c += s.correct;
        w += s.wrong;
        fo += s.found;
        mi += s.missed;
      }
    }
    return prf(c, w, fo, mi);
  };
  const of = (category: string, polarity: string) => {
    const s = st(category, polarity);
    return prf(s.correct, s.wrong, s.found, s.missed);
  };
  const categories = [...new Set([...stats.keys()].map((k) => k.split('|')[0]!))].sort();
  return {
    documents: units.size,
    gold_labels: goldLabels,
    concern: sum('concern'),
    strength: sum('strength'),
    core_concern: sum('concern', CORE),
    mention_leak: goldLabels ? leaks / goldLabels : null,
    categories: Object.fromEntries(categories.map((c) => [c, { concern: of(c, 'concern'), strength: of(c, 'strength') }])),
    misses,
    extras,
  };
}
