// Sentences → findings. Cheap first: one scan of each sentence's tokens against every rule term selects the
// candidate sentences; context checks, cue matching and polarity run only on those.
import type { Document, DocumentFacts, Finding, Polarity } from '../records.js';
import { isContext, pageAt, sectionAt, sectionBearing } from './context.js';
import { findMeasures } from './measures.js';
import type { PhraseMatch } from './phrases.js';
import { analyse, polarityAt, type SentenceAnalysis } from './polarity.js';
import type { Rule, RuleSet, TermHit } from './rules.js';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokens.js';

/** Token distance between two matches (0 when they overlap). */
const gap = (a: { from: number; to: number }, b: { from: number; to: number }) =>
  Math.max(0, b.from - a.to, a.from - b.to);

/**
 * Token positions where the rule's topic (its first group) stands with every other group in reach. Where some
 * clause holds every group, only anchors in such clauses count: "While the timeliness of EHC plans has improved,
 * the quality of too many plans is poor" is a timeliness strength and a quality concern, not the reverse.
 */
function anchors(rule: Rule, hits: PhraseMatch<TermHit>[], clauseOf: number[]): number[] {
  const groups: PhraseMatch<TermHit>[][] = Array.from({ length: rule.groups }, () => []);
  for (const h of hits) groups[h.phrase.payload.group]!.push(h);
  if (groups.some((g) => g.length === 0)) return [];
  const inReach = groups[0]!.filter(
    (a) => rule.window === null || groups.slice(1).every((g) => g.some((b) => gap(a, b) <= rule.window!)),
  );
  const whole = inReach.filter((a) => groups.slice(1).every((g) => g.some((b) => clauseOf[b.from] === clauseOf[a.from])));
  return (whole.length > 0 ? whole : inReach).map((a) => a.from);
}

// Facts are part of the stage's contract (the area, to tell it from places named in comparisons).
export function tag(doc: Document, _facts: DocumentFacts, rules: RuleSet): Finding[] {
  const findings: Finding[] = [];
  for (const span of splitSentences(doc.text)) {
    const tokens = tokenize(doc.text, span.start, span.end);
    const hits = rules.terms.find(tokens);
    if (hits.length === 0) continue;
    const byRule = new Map<number, PhraseMatch<TermHit>[]>();
    for (const h of hits) {
      const list = byRule.get(h.phrase.payload.rule);
      if (list) list.push(h);
      else byRule.set(h.phrase.payload.rule, [h]);
    }
    const vetoed = new Set(rules.vetoes.find(tokens).map((v) => v.phrase.payload));
    const matched = [...byRule].filter(([r, h]) => !vetoed.has(r) && new Set(h.map((x) => x.phrase.payload.group)).size === rules.rules[r]!.groups);
    if (matched.length === 0) continue;
    const section = sectionAt(doc.sections, span.start);
    const bearing = sectionBearing(section?.title ?? null, rules.cues);
    const quote = doc.text.slice(span.start, span.end);
    if (bearing === 'skip' || isContext(tokens, rules.cues, quote, section?.title ?? null)) continue;
    const analysis: SentenceAnalysis = analyse(tokens, rules.cues.phrases.find(tokens), hits);
    const candidates = matched.map(([r, h]) => ({ rule: rules.rules[r]!, at: anchors(rules.rules[r]!, h, analysis.clauseOf) }));
    const seen = new Set<string>();
    for (const { rule, at } of candidates) {
      for (const anchor of at) {
        const polarity: Polarity = polarityAt(analysis, { anchor, adverse: rule.adverse, section: bearing, fallback: rule.fallback });
        const key = `${rule.category}:${polarity}`;
        if ((rule.allowed && !rule.allowed.has(polarity)) || seen.has(key)) continue;
        seen.add(key);
        findings.push({
          doc: doc.id,
          category: rule.category,
          polarity,
          quote,
          page: pageAt(doc.pages, span.start),
          start: span.start,
          end: span.end,
          section: section?.title ?? null,
          measures: findMeasures(doc.text, span.start, span.end),
          rule: rule.id,
        });
      }
    }
  }
  return findings;
}
