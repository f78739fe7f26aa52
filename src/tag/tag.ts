// Sentences → findings. Cheap first: one scan of each sentence's tokens against every rule term selects the
// candidate sentences; context checks, cue matching and polarity run only on those.
import { findAreaMentions } from '../gazetteer/index.js';
import type { Document, DocumentFacts, Finding, Polarity, TextSpan } from '../records.js';
import { preferBody } from './headline.js';
import { isContext, namesOtherAreaOnly, pageAt, sectionAt, sectionBearing } from './context.js';
import { findMeasures } from './measures.js';
import type { PhraseMatch } from './phrases.js';
import { analyse, polarityAt, type SentenceAnalysis, type Verdict } from './polarity.js';
import type { Rule, RuleSet, TermHit } from './rules.js';
import { backReference, listLeadIns } from './structure.js';
import { tokenize, type Token } from './tokens.js';
import type { RuleTrace, SentenceTrace, TraceSink } from './trace.js';
import { assignVoices } from './voice.js';

/** Token distance between two matches (0 when they overlap). */
const gap = (a: { from: number; to: number }, b: { from: number; to: number }) =>
  Math.max(0, b.from - a.to, a.from - b.to);

/**
 * The topic's matches (the rule's first group) that stand with every other group in reach. Where some clause holds
 * every group, only anchors in such clauses count: "While the timeliness of EHC plans has improved, the quality of
 * too many plans is poor" is a timeliness strength and a quality concern, not the reverse.
 */
function anchors(rule: Rule, hits: PhraseMatch<TermHit>[], clauseOf: number[]): PhraseMatch<TermHit>[] {
  const groups: PhraseMatch<TermHit>[][] = Array.from({ length: rule.groups }, () => []);
  for (const h of hits) groups[h.phrase.payload.group]!.push(h);
  if (groups.some((g) => g.length === 0)) return [];
  const inReach = groups[0]!.filter(
    (a) => rule.window === null || groups.slice(1).every((g) => g.some((b) => gap(a, b) <= rule.window!)),
  );
  const whole = inReach.filter((a) => groups.slice(1).every((g) => g.some((b) => clauseOf[b.from] === clauseOf[a.from])));
  // One anchor per position: "EHC" and "EHC plans" are the same topic.
  return (whole.length > 0 ? whole : inReach).filter((a, i, all) => all.findIndex((b) => b.from === a.from) === i);
}

/**
 * The rules a veto stops, each with the veto that stopped it. A veto inside one of the rule's own term matches is
 * part of that term, not a veto: "care plans" vetoes care plans, not "education, health and care plans".
 */
function vetoedRules(hits: PhraseMatch<TermHit>[], vetoes: PhraseMatch<number>[]): Map<number, PhraseMatch<number>> {
  const inOwnTerm = (v: PhraseMatch<number>) =>
    hits.some((h) => h.phrase.payload.rule === v.phrase.payload && h.from <= v.from && v.to <= h.to);
  const out = new Map<number, PhraseMatch<number>>();
  for (const v of vetoes) if (!inOwnTerm(v) && !out.has(v.phrase.payload)) out.set(v.phrase.payload, v);
  return out;
}

/** The rules whose every term group matched the sentence, with their term matches. */
function matchedRules(hits: PhraseMatch<TermHit>[], rules: RuleSet): [number, PhraseMatch<TermHit>[]][] {
  const byRule = new Map<number, PhraseMatch<TermHit>[]>();
  for (const h of hits) {
    const list = byRule.get(h.phrase.payload.rule);
    if (list) list.push(h);
    else byRule.set(h.phrase.payload.rule, [h]);
  }
  return [...byRule].filter(([r, h]) => new Set(h.map((x) => x.phrase.payload.group)).size === rules.rules[r]!.groups);
}

/** The text between two tokens' offsets, as a span of the document. */
const spanOf = (text: string, tokens: Token[], m: { from: number; to: number }): TextSpan => {
  const start = tokens[m.from]!.start;
  const end = tokens[m.to - 1]!.end;
  return { text: text.slice(start, end), start, end };
};

/** Findings of one document. The facts give its area, to tell it from other places named in comparisons. */
export function tag(doc: Document, facts: DocumentFacts, rules: RuleSet): Finding[] {
  return tagWith(doc, facts, rules, null);
}

interface Found {
  rule: Rule;
  polarity: Polarity;
  clause: number;
  why: () => string[];
  /** Its line in the trace, when one is recorded. */
  trace: RuleTrace | null;
}

/** What a sentence found, for the sentence after it to point back to ("This means ..."). */
interface Previous {
  found: { rule: Rule; polarity: Polarity }[];
  section: string | null;
}

/**
 * The one tagging computation. With a sink, each sentence's reading is also reported (see trace.ts); without one,
 * nothing is built for it.
 */
export function tagWith(doc: Document, facts: DocumentFacts, rules: RuleSet, sink: TraceSink | null): Finding[] {
  const findings: Finding[] = [];
  const mentions = facts.area ? findAreaMentions(doc.text) : [];
  const spans = doc.sentences;
  const followOn = (tokens: Token[]) => backReference(tokens, rules.cues.followOn);
  const leadIns = listLeadIns(doc.text, spans, (span) => followOn(tokenize(doc.text, span.start, span.end)) !== null);
  const recommends = new Map<TextSpan, boolean>();
  let previous = null as Previous | null;
  // The last findings of the paragraph so far, and where the paragraph ends: a wait named later in it is still theirs.
  let paragraph = null as (Previous & { end: number }) | null;
  // The rules whose topic the paragraph has named so far, for terms that stand for it only there.
  const named = { rules: new Set<number>(), end: -1 };
  for (const [index, span] of spans.entries()) {
    const before: Previous | null = previous;
    previous = null;
    const skip = (reason: string, section: string | null = null, vetoed: SentenceTrace['vetoed'] = []) =>
      sink?.({ span: { text: doc.text.slice(span.start, span.end), ...span }, section, skipped: reason, vetoed, rules: [], findings: [] });
    const tokens = tokenize(doc.text, span.start, span.end);
    const hits = topicsInParagraph(rules.terms.find(tokens), span, doc.text, named);
    // A sentence that points back to findings carries their categories ("This means many children wait a year").
    // It names part of their object again, so a sentence with no rule term at all is not read further.
    if (hits.length === 0) {
      skip('no topic term');
      continue;
    }
    const reference = before && before.found.length > 0 ? followOn(tokens) : null;
    const vetoes = vetoedRules(hits, rules.vetoes.find(tokens));
    const complete = matchedRules(hits, rules);
    const vetoed = sink
      ? complete.filter(([r]) => vetoes.has(r)).map(([r]) => ({ rule: rules.rules[r]!.id, by: spanOf(doc.text, tokens, vetoes.get(r)!) }))
      : [];
    const matched = complete.filter(([r]) => !vetoes.has(r)).map(([r, h]) => [rules.rules[r]!, h] as const);
    const topic = paragraph && span.start < paragraph.end ? paragraph : null;
    const continued = matched.length === 0 && topic ? continuedTopics(hits, vetoes, topic, rules, tokens) : [];
    if (matched.length === 0 && !reference && continued.length === 0) {
      skip(vetoed.length > 0 ? 'every matched rule vetoed' : 'no rule has all its terms', null, vetoed);
      continue;
    }
    const section = sectionAt(doc.sections, span.start);
    const sectionTitle = section?.title ?? null;
    const bearing = sectionBearing(sectionTitle, rules.cues);
    const quote = doc.text.slice(span.start, span.end);
    const cues = rules.cues.phrases.find(tokens);
    if (bearing === 'skip') {
      skip(`section '${sectionTitle}' holds no findings`, sectionTitle, vetoed);
      continue;
    }
    const leadIn = leadIns.get(index) ?? null;
    const context = isContext(tokens, cues, rules.cues, quote, sectionTitle, leadIn !== null);
    if (context) {
      skip(context, sectionTitle, vetoed);
      continue;
    }
    if (namesOtherAreaOnly(doc.text, mentions, facts.area, span.start, span.end, rules.cues)) {
      skip('names another area only', sectionTitle, vetoed);
      continue;
    }
    const analysis = analyse(tokens, cues, hits);
    const found: Found[] = [];
    const traces: RuleTrace[] = [];
    const consider = (rule: Rule, anchor: PhraseMatch<unknown> | { from: number; to: number }, verdict: Verdict) => {
      const allowed = !rule.allowed || rule.allowed.has(verdict.polarity);
      const trace: RuleTrace | null = sink
        ? { rule: rule.id, category: rule.category, anchors: [spanOf(doc.text, tokens, anchor)], polarity: verdict.polarity, why: verdict.why(), dropped: allowed ? null : `the rule does not report a ${verdict.polarity}` }
        : null;
      if (trace) traces.push(trace);
      if (allowed) found.push({ rule, polarity: verdict.polarity, clause: analysis.clauseOf[anchor.from] ?? 0, why: verdict.why, trace });
    };
    // An item under a lead-in that recommends ("Leaders must:", "They should ensure that:") is a concern.
    const recommendation = leadIn && leadInRecommends(leadIn, recommends, rules);
    const judged = (verdict: Verdict): Verdict => {
      if (!recommendation) return verdict;
      return {
        polarity: 'concern',
        why: () => [...(verdict.polarity === 'concern' ? verdict.why() : []), `lead-in '${leadIn.text}' recommends → concern`],
      };
    };
    for (const [rule, ruleHits] of matched) {
      for (const anchor of anchors(rule, ruleHits, analysis.clauseOf)) {
        const verdict = judged(polarityAt(analysis, { anchor: anchor.from, adverse: rule.adverse, section: bearing, sectionTitle, fallback: rule.fallback }));
        const standsFor = `'${spanOf(doc.text, tokens, anchor).text}' stands for the topic the paragraph named (${rule.category})`;
        consider(rule, anchor, anchor.phrase.payload.paragraph ? { polarity: verdict.polarity, why: () => [...verdict.why(), standsFor] } : verdict);
      }
    }
    // A follow-on with no complete topic of its own carries a concern it points back to, when it names part of that
    // category's object again ("This means families wait longer for plans") and its own cues (not its section, not an
    // adverse word alone: "This can leave some children isolated") say so too. A consequence in general words ("This
    // results in frustration") could follow from any of the sentence's findings, and mostly is no finding itself.
    // A strength it would carry is mostly support or activity described ("This means families feel supported"),
    // which is no strength.
    if (reference && before && matched.length === 0 && before.section === sectionTitle && cueJudges(analysis)) {
      const named = new Set(hits.map((h) => rules.rules[h.phrase.payload.rule]!.category));
      for (const prior of before.found) {
        if (prior.polarity !== 'concern' || !named.has(prior.rule.category)) continue;
        const own = polarityAt(analysis, { anchor: reference.to, adverse: prior.rule.adverse, section: null, sectionTitle, fallback: null });
        if (own.polarity !== 'concern') continue;
        const follows = `follows the previous sentence (${prior.rule.category} ${prior.polarity}) by '${spanOf(doc.text, tokens, reference).text}'`;
        consider(prior.rule, reference, judged({ polarity: prior.polarity, why: () => [...own.why(), follows] }));
      }
    }
    // A sentence with the rest of a rule but not its topic continues the topic of its paragraph ("EHC plans are
    // late. The average wait is twice the statutory deadline."), with its own polarity.
    // The wait's own word is no judgement of it: the sentence needs a cue beyond it ("the delays create
    // inconsistencies", not "children sit on separate waiting lists"), or a long wait measured ("over a year").
    const judges = () =>
      cueJudges(analysis) ||
      findMeasures(doc.text, span.start, span.end).some((m) => m.kind === 'duration' && (m.weeks ?? 0) >= LONG_WAIT_WEEKS);
    if (topic && topic.section === sectionTitle && continued.length > 0 && judges()) {
      for (const [rule, hit] of continued) {
        const own = polarityAt(analysis, { anchor: hit.from, adverse: rule.adverse, section: bearing, sectionTitle, fallback: null });
        if (own.polarity === 'mention' || found.some((f) => f.rule.category === rule.category && f.polarity === own.polarity)) continue;
        consider(rule, hit, judged({ polarity: own.polarity, why: () => [...own.why(), `continues the topic of the paragraph (${rule.category})`] }));
      }
    }
    const settled = settleContrasts(found);
    const sentenceFindings: Finding[] = [];
    if (settled.length > 0) {
      // Where and what the sentence measures, worked out only for a sentence that gives findings.
      const where = { page: pageAt(doc.pages, span.start), start: span.start, end: span.end, section: sectionTitle };
      const measures = findMeasures(doc.text, span.start, span.end);
      const seen = new Set<string>();
      for (const { rule, polarity, why } of settled) {
        const key = `${rule.category}:${polarity}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const reasons = leadIn && !recommendation ? [...why(), `item of the list led by '${leadIn.text}'`] : why();
        sentenceFindings.push({ doc: doc.id, category: rule.category, polarity, quote, ...where, measures, rule: rule.id, voice: 'inspectors', context: leadIn, why: reasons });
      }
      findings.push(...sentenceFindings);
    }
    const stated = settled.filter((f) => f.polarity !== 'mention');
    if (stated.length > 0) {
      previous = { found: stated, section: sectionTitle };
      const lineEnd = doc.text.indexOf('\n', span.end);
      paragraph = { ...previous, end: lineEnd === -1 ? doc.text.length : lineEnd };
    }
    if (sink) {
      for (const f of found) if (!settled.includes(f)) f.trace!.dropped = 'a contrast: the sentence states the other polarity last';
      sink({ span: { text: quote, ...span }, section: sectionTitle, skipped: null, vetoed, rules: traces, findings: sentenceFindings });
    }
  }
  return preferBody(doc, assignVoices(doc, findings));
}

/**
 * The sentence's term matches, with its paragraph terms kept only for rules whose topic the paragraph (this sentence
 * included) has named by a term of their own. `named` is updated: it holds the paragraph's rules and where it ends.
 */
function topicsInParagraph(hits: PhraseMatch<TermHit>[], span: { start: number }, text: string, named: { rules: Set<number>; end: number }): PhraseMatch<TermHit>[] {
  if (hits.length === 0) return hits;
  if (span.start >= named.end) {
    named.rules.clear();
    const lineEnd = text.indexOf('\n', span.start);
    named.end = lineEnd === -1 ? text.length : lineEnd;
  }
  for (const h of hits) if (h.phrase.payload.group === 0 && !h.phrase.payload.paragraph) named.rules.add(h.phrase.payload.rule);
  return hits.some((h) => h.phrase.payload.paragraph) ? hits.filter((h) => !h.phrase.payload.paragraph || named.rules.has(h.phrase.payload.rule)) : hits;
}

/** Did the sentence find one category only, so that a wait with no topic after it can only be its wait? */
const unambiguous = (before: Previous) => before.found.every((f) => f.rule.category === before.found[0]!.rule.category);

/** Does the sentence judge anything by a cue of its own, beyond naming an adverse thing? */
const cueJudges = (a: SentenceAnalysis) => a.items.some((it) => !it.void && it.kind !== 'adverse') || a.bare.some((b) => !b.void);

/** A wait at least this long is long by itself: the NHS standard from referral to treatment is 18 weeks. */
const LONG_WAIT_WEEKS = 18;

/** How many tokens after a wait the words naming what is waited for may stand ("wait too long to receive"). */
const OBJECT_REACH = 3;

/** How many words before a wait "while" makes it the time of something else ("support while children are waiting"). */
const WHILE_REACH = 6;

/**
 * Rules of the category the paragraph last found whose every group but the topic matches this sentence, each with
 * the first match of its second group: "the delays", "the average wait" go on speaking of that topic.
 */
function continuedTopics(hits: PhraseMatch<TermHit>[], vetoes: Map<number, unknown>, before: Previous, rules: RuleSet, tokens: Token[]): [Rule, PhraseMatch<TermHit>][] {
  // Only an unambiguous topic is carried on, and only by a wait or delay of it ("the delays", "the average wait").
  if (!unambiguous(before)) return [];
  const category = before.found[0]!.rule.category;
  const groups = new Map<number, Set<number>>();
  for (const h of hits) {
    const { rule, group } = h.phrase.payload;
    if (rules.rules[rule]!.category !== category || vetoes.has(rule)) continue;
    (groups.get(rule) ?? groups.set(rule, new Set()).get(rule)!).add(group);
  }
  const candidates = [...groups].filter(([r, seen]) => rules.rules[r]!.groups >= 2 && !seen.has(0) && seen.size === rules.rules[r]!.groups - 1);
  if (candidates.length === 0) return [];
  // A wait inside a pseudo-cue or after "while" ("support while children are waiting") is no wait of the topic.
  const cues = rules.cues.phrases.find(tokens);
  const pseudo = cues.filter((c) => c.phrase.payload.kind === 'pseudo');
  const during = (i: number) => tokens.slice(Math.max(0, i - WHILE_REACH), i).some((t) => t.word === 'while' || t.word === 'whilst');
  const adverse = new Set(
    cues
      .filter((c) => c.phrase.payload.kind === 'adverse' && !during(c.from) && !pseudo.some((p) => p.from <= c.from && c.to <= p.to))
      .map((c) => c.from),
  );
  // A wait with its own object ("wait too long to receive support from some services") is a wait for that.
  const objects = rules.cues.waitObject.find(tokens).map((o) => o.from);
  const ownObject = (h: PhraseMatch<TermHit>) => objects.some((o) => o >= h.to && o - h.to <= OBJECT_REACH);
  const out: [Rule, PhraseMatch<TermHit>][] = [];
  for (const [r] of candidates) {
    const hit = hits.find((h) => h.phrase.payload.rule === r && h.phrase.payload.group === 1 && adverse.has(h.from) && !ownObject(h));
    if (hit) out.push([rules.rules[r]!, hit]);
  }
  return out;
}

/** Does a list's lead-in recommend (a recommendation cue in it)? Read once per lead-in. */
function leadInRecommends(leadIn: TextSpan, memo: Map<TextSpan, boolean>, rules: RuleSet): boolean {
  let yes = memo.get(leadIn);
  if (yes === undefined) {
    const tokens = tokenize(leadIn.text);
    yes = rules.cues.phrases.find(tokens).some((c) => c.phrase.payload.kind === 'recommendation');
    memo.set(leadIn, yes);
  }
  return yes;
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
