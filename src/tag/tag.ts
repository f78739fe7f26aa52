// Sentences → findings. Cheap first: one scan of each sentence's tokens against every rule term selects the
// candidate sentences; context checks, cue matching and polarity run only on those.
import { findAreaMentions } from '../facts/gazetteer.js';
import type { Document, DocumentFacts, Finding, Polarity } from '../records.js';
import { preferBody } from './headline.js';
import { isContext, namesOtherAreaOnly, pageAt, sectionAt, sectionBearing } from './context.js';
import { findMeasures } from './measures.js';
import type { PhraseMatch } from './phrases.js';
import { analyse, polarityAt } from './polarity.js';
import type { Rule, RuleSet, TermHit } from './rules.js';
import { splitSentences } from './sentences.js';
import { tokenize } from './tokens.js';
import { assignVoices } from './voice.js';

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

/**
 * The rules a veto stops. A veto inside one of the rule's own term matches is part of that term, not a veto: "care
 * plans" vetoes care plans, not "education, health and care plans".
 */
function vetoedRules(hits: PhraseMatch<TermHit>[], vetoes: PhraseMatch<number>[]): Set<number> {
  const inOwnTerm = (v: PhraseMatch<number>) =>
    hits.some((h) => h.phrase.payload.rule === v.phrase.payload && h.from <= v.from && v.to <= h.to);
  return new Set(vetoes.filter((v) => !inOwnTerm(v)).map((v) => v.phrase.payload));
}

/** The rules whose every term group matched the sentence and no veto stopped, with their term matches. */
function matchedRules(hits: PhraseMatch<TermHit>[], vetoed: Set<number>, rules: RuleSet): [Rule, PhraseMatch<TermHit>[]][] {
  const byRule = new Map<number, PhraseMatch<TermHit>[]>();
  for (const h of hits) {
    const list = byRule.get(h.phrase.payload.rule);
    if (list) list.push(h);
    else byRule.set(h.phrase.payload.rule, [h]);
  }
  return [...byRule]
    .filter(([r, h]) => !vetoed.has(r) && new Set(h.map((x) => x.phrase.payload.group)).size === rules.rules[r]!.groups)
    .map(([r, h]) => [rules.rules[r]!, h]);
}

/** Findings of one document. The facts give its area, to tell it from other places named in comparisons. */
export function tag(doc: Document, facts: DocumentFacts, rules: RuleSet): Finding[] {
  const findings: Finding[] = [];
  const mentions = facts.area ? findAreaMentions(doc.text) : [];
  for (const span of splitSentences(doc.text)) {
    const tokens = tokenize(doc.text, span.start, span.end);
    const hits = rules.terms.find(tokens);
    if (hits.length === 0) continue;
    const matched = matchedRules(hits, vetoedRules(hits, rules.vetoes.find(tokens)), rules);
    if (matched.length === 0) continue;
    const section = sectionAt(doc.sections, span.start);
    const bearing = sectionBearing(section?.title ?? null, rules.cues);
    const quote = doc.text.slice(span.start, span.end);
    const cues = rules.cues.phrases.find(tokens);
    if (bearing === 'skip' || isContext(tokens, cues, rules.cues, quote, section?.title ?? null)) continue;
    if (namesOtherAreaOnly(doc.text, mentions, facts.area, span.start, span.end, rules.cues)) continue;
    const analysis = analyse(tokens, cues, hits);
    const found: { rule: Rule; polarity: Polarity; clause: number }[] = [];
    for (const [rule, ruleHits] of matched) {
      for (const anchor of anchors(rule, ruleHits, analysis.clauseOf)) {
        const polarity = polarityAt(analysis, { anchor, adverse: rule.adverse, section: bearing, fallback: rule.fallback });
        if (!rule.allowed || rule.allowed.has(polarity)) found.push({ rule, polarity, clause: analysis.clauseOf[anchor] ?? 0 });
      }
    }
    if (found.length === 0) continue;
    // Where and what the sentence measures, worked out only for a sentence that gives findings.
    const where = { page: pageAt(doc.pages, span.start), start: span.start, end: span.end, section: section?.title ?? null };
    const measures = findMeasures(doc.text, span.start, span.end);
    const seen = new Set<string>();
    for (const { rule, polarity } of settleContrasts(found)) {
      const key = `${rule.category}:${polarity}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push({ doc: doc.id, category: rule.category, polarity, quote, ...where, measures, rule: rule.id, voice: 'inspectors', context: null, why: [] });
    }
  }
  return preferBody(doc, assignVoices(doc, findings));
}

/**
 * One sentence cannot cite a category as both a concern and a strength: in a contrast ("While A has improved, too
 * many B", "A is positive, but B") the last clause is the sentence's point, so the category keeps the polarity it
 * has there.
 */
function settleContrasts<T extends { rule: Rule; polarity: Polarity; clause: number }>(found: T[]): T[] {
  const last = new Map<string, T>();
  for (const f of found) {
    if (f.polarity === 'mention') continue;
    const prev = last.get(f.rule.category);
    if (!prev || f.clause > prev.clause) last.set(f.rule.category, f);
  }
  return found.filter((f) => {
    const point = last.get(f.rule.category);
    const mixed = found.some((o) => o.rule.category === f.rule.category && o.polarity !== f.polarity && o.polarity !== 'mention');
    return f.polarity === 'mention' || !mixed || f.polarity === point!.polarity;
  });
}
