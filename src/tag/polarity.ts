// Polarity of a topic in a sentence, ConText/NegEx style: cues found by the lexicon, each with a scope.
//  - Clauses: "but", "however", "although ..., " and ";" split a sentence; the topic's own clause speaks first.
//  - Negation flips the cues in its short forward scope ("not completed in a timely manner" is a concern,
//    "no children waiting" a strength); a negation with nothing to flip is itself a concern ("do not contribute").
//  - Trends and levels ("reduced", "rising", "high") are a concern or a strength by what they measure: more of an
//    adverse thing (waits, exclusions) is a concern, more of anything else a strength.
//  - Intentions and purposes ("plan to", "to ensure") void the cues in their scope: what is planned is not so;
//    a topic inside an intention with nothing else said is a mention. A recommendation ("should", "need to")
//    over the topic says the problem exists: a concern.
import type { Polarity } from '../records.js';
import type { SectionBearing } from './context.js';
import type { Cue, CueKind } from './cues.js';
import type { PhraseMatch } from './phrases.js';
import type { Token } from './tokens.js';

/** A negation with no cue in scope still says something is not done. */
const BARE_NEGATION = 0.8;
/** A denied good ("not effective", "not timely") is the sentence's main claim more often than what it follows. */
const DENIED_GOOD = 1.25;

type Mood = 'intention' | 'purpose' | 'recommendation';
const MOODS = new Set<CueKind>(['intention', 'purpose', 'recommendation']);
const POLAR = new Set<CueKind>(['concern', 'strength', 'increase', 'decrease', 'adverse']);
const OPENERS = new Set<CueKind>(['boundary', 'subordinate', 'condition']);

interface Item {
  kind: CueKind;
  weight: number;
  from: number;
  to: number;
  clause: number;
  negated: boolean;
  /** Inside an intention or purpose: says nothing about what is so. */
  void: boolean;
}

export interface SentenceAnalysis {
  clauseOf: number[];
  items: Item[];
  /** Bare negations (no cue in scope), as concern evidence at their position. */
  bare: { at: number; clause: number; void: boolean }[];
  moods: { kind: Mood; from: number; to: number }[];
  question: boolean;
}

/** Longest cue first at each position; a cue inside a pseudo-cue ("as well as") or a longer cue is dropped. */
function resolve(matches: PhraseMatch<Cue>[]): PhraseMatch<Cue>[] {
  const sorted = [...matches].sort((a, b) => a.from - b.from || b.to - a.to);
  const out: PhraseMatch<Cue>[] = [];
  let covered = -1;
  for (const m of sorted) {
    if (m.from < covered) continue;
    covered = m.to;
    if (m.phrase.payload.kind !== 'pseudo') out.push(m);
  }
  return out;
}

interface Clauses {
  of: number[];
  /** Clauses opened by a condition ("When ..., ", "If ..., "): they state no fact. */
  conditional: Set<number>;
}

/**
 * Clause ids per token. A contrast ("but", "however", "although") opens a clause anywhere; at the start of a
 * clause, any opener ("Although", "When", "Because") governs up to the next comma. Strong clauses split only at
 * contrasts and ";" ":". A comma inside a rule term ("education, health and care") ends nothing.
 */
function clauses(tokens: Token[], cues: PhraseMatch<Cue>[], strong: boolean, inTerm: Set<number>): Clauses {
  const opener = new Map<number, CueKind>();
  for (const c of cues) if (OPENERS.has(c.phrase.payload.kind)) opener.set(c.from, c.phrase.payload.kind);
  const of: number[] = [];
  const conditional = new Set<number>();
  let clause = 0;
  let start = true;
  let toComma = false;
  tokens.forEach((t, i) => {
    const kind = opener.get(i);
    if (kind === 'boundary' && !start) {
      clause++;
      start = true;
    }
    if (kind && start && !strong) {
      toComma = true;
      if (kind === 'condition') conditional.add(clause);
    }
    of.push(clause);
    if (t.punct && (t.word === ';' || t.word === ':' || (t.word === ',' && toComma && !inTerm.has(i)))) {
      clause++;
      start = true;
      toComma = false;
    } else start = false;
  });
  return { of, conditional };
}

const SCOPE_END = new Set([',', ';', ':', '.', '(', ')']);
const AUXILIARIES = new Set(['do', 'does', 'did', 'are', 'is', 'were', 'was', 'have', 'has', 'had', 'can', 'could', 'may', 'might', 'will', 'would']);

/** "children who do not have a plan": a negation that picks out whom the sentence is about, not a failing. */
function describesPeople(tokens: Token[], at: number): boolean {
  let i = at - 1;
  if (i >= 0 && AUXILIARIES.has(tokens[i]!.word)) i--;
  return i >= 0 && tokens[i]!.word === 'who';
}

/**
 * Reads a sentence's cues and their scopes. `terms` are the rule-term matches: a comma inside one ("education,
 * health and care plans") does not end a clause.
 */
export function analyse(tokens: Token[], cueMatches: PhraseMatch<Cue>[], terms: { from: number; to: number }[] = []): SentenceAnalysis {
  const cues = resolve(cueMatches);
  const inTerm = new Set<number>();
  for (const t of terms) for (let i = t.from + 1; i < t.to; i++) inTerm.add(i);
  const { of: clauseOf, conditional } = clauses(tokens, cues, false, inTerm);
  // An intention, purpose or recommendation reaches over subordinate clauses ("should ensure that, if ..., X").
  const strongOf = clauses(tokens, cues, true, inTerm).of;
  const clauseEnd = (i: number) => {
    let j = i;
    while (j < tokens.length && strongOf[j] === strongOf[i]) j++;
    return j;
  };
  const moods = cues
    .filter((c) => MOODS.has(c.phrase.payload.kind))
    .map((c) => ({ kind: c.phrase.payload.kind as Mood, from: c.from, to: clauseEnd(c.from) }));
  const inMood = (i: number, kinds: Mood[]) => moods.some((m) => kinds.includes(m.kind) && i >= m.from && i < m.to);
  const voided = (i: number) => conditional.has(clauseOf[i]!) || inMood(i, ['intention', 'purpose', 'recommendation']);
  const items: Item[] = cues
    .filter((c) => POLAR.has(c.phrase.payload.kind))
    .map((c) => ({
      kind: c.phrase.payload.kind,
      weight: c.phrase.payload.weight,
      from: c.from,
      to: c.to,
      clause: clauseOf[c.from]!,
      negated: false,
      void: voided(c.from),
    }));
  const bare: SentenceAnalysis['bare'] = [];
  for (const neg of cues.filter((c) => c.phrase.payload.kind === 'negation' && !describesPeople(tokens, c.from))) {
    let end = neg.to;
    while (end < tokens.length && clauseOf[end] === clauseOf[neg.from] && !(tokens[end]!.punct && SCOPE_END.has(tokens[end]!.word))) end++;
    const inScope = items.filter((it) => it.from >= neg.to && it.from < end);
    for (const it of inScope) it.negated = !it.negated;
    if (inScope.length === 0) bare.push({ at: neg.from, clause: clauseOf[neg.from]!, void: voided(neg.from) });
  }
  const last = tokens.at(-1);
  return { clauseOf, items, bare, moods, question: last?.word === '?' };
}

export interface PolarityInput {
  /** Token index of the topic (the match of the rule's first term group). */
  anchor: number;
  /** The topic itself is adverse (more of it is worse). */
  adverse: boolean;
  /** What the section says: every finding a concern, or which way a tie of cues (and a sentence with none) leans. */
  section: SectionBearing;
  /** The rule's own default for a sentence with no cue, after the section's. */
  fallback: Polarity | null;
}

interface Tally {
  concern: number;
  strength: number;
}

function tally(a: SentenceAnalysis, adverse: boolean, clause: number | null): Tally {
  const t: Tally = { concern: 0, strength: 0 };
  const live = a.items.filter((it) => !it.void && (clause === null || it.clause === clause));
  const trend = (it: Item) => it.kind === 'increase' || it.kind === 'decrease';
  // A comparative right before a cue grades it ("more positive", "less effective") rather than marking a trend.
  const graded = new Map<Item, Item>();
  for (const it of live) {
    const cue = trend(it) && live.find((o) => o.from === it.to && (o.kind === 'concern' || o.kind === 'strength'));
    if (cue) graded.set(it, cue);
  }
  const lowered = new Set([...graded].filter(([by]) => by.kind === 'decrease').map(([, cue]) => cue));
  const objects = new Set<Item>();
  for (const it of live) {
    if (!trend(it) || graded.has(it)) continue;
    // What goes up or down: the nearest adverse cue in the clause, else the topic's own nature.
    const object = live
      .filter((o) => o.kind === 'adverse' && o.clause === it.clause)
      .sort((x, y) => Math.abs(x.from - it.from) - Math.abs(y.from - it.from))[0];
    if (object) objects.add(object);
    const worse = (it.kind === 'increase') === (object ? true : adverse);
    t[worse !== it.negated ? 'concern' : 'strength'] += it.weight;
  }
  for (const it of live) {
    if (trend(it) || objects.has(it)) continue;
    const flipped = it.negated !== lowered.has(it);
    const concern = (it.kind === 'concern' || it.kind === 'adverse') !== flipped;
    t[concern ? 'concern' : 'strength'] += it.kind === 'strength' && flipped ? it.weight * DENIED_GOOD : it.weight;
  }
  for (const b of a.bare) if (!b.void && (clause === null || b.clause === clause)) t.concern += BARE_NEGATION;
  return t;
}

export function polarityAt(a: SentenceAnalysis, input: PolarityInput): Polarity {
  if (a.question) return 'mention';
  if (input.section === 'recommendation') return 'concern';
  const { tie, uncued } = input.section;
  const covering = a.moods.filter((m) => input.anchor >= m.from && input.anchor < m.to);
  if (covering.some((m) => m.kind === 'recommendation')) return 'concern';
  for (const clause of [a.clauseOf[input.anchor] ?? 0, null]) {
    const t = tally(a, input.adverse, clause);
    if (t.concern > t.strength) return 'concern';
    if (t.strength > t.concern) return 'strength';
    if (t.concern > 0) return tie ?? 'mention';
  }
  if (covering.some((m) => m.kind === 'intention')) return 'mention';
  return uncued ?? input.fallback ?? 'mention';
}
