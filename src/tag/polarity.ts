// Polarity of a topic in a sentence, ConText/NegEx style: cues found by the lexicon (rules/_cues.yaml), each with
// a scope.
//  - Clauses: a contrast ("but", "however") or ";" splits a sentence, and an opening "Although ..., " or "When ..., "
//    ends at its comma; the topic's own clause speaks first, then the whole sentence, then the section's lean.
//  - Negation flips the cues in its scope: a predicate's ("not completed in a timely manner") to the end of its
//    clause, a noun phrase's ("no children waiting") a few words. A negation with nothing to flip is itself a
//    concern ("social workers do not contribute").
//  - Trends and levels ("reduced", "rising", "high") are a concern or a strength by what they measure: more of an
//    adverse thing (waits, exclusions) is a concern, more of anything else a strength.
//  - Intentions, purposes and conditions ("plan to", "to ensure", "When ...,") void the cues in their scope; a topic
//    inside an intention is a mention. A recommendation ("should", "need to") over the topic is a concern.
//  - A cue in the predicate outweighs one in the subject ("opportunities for effective work are missed").
import type { Polarity } from '../records.js';
import type { SectionBearing } from './context.js';
import type { Cue, CueKind } from './cues.js';
import type { PhraseMatch } from './phrases.js';
import type { Token } from './tokens.js';

/** A negation with no cue in scope still says something is not done. */
const BARE_NEGATION = 1;
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
  /** The last negation that flipped it (token range), for the reasons a finding gives. */
  negatedBy: { from: number; to: number } | null;
  /** Inside an intention or purpose: says nothing about what is so. */
  void: boolean;
}

export interface SentenceAnalysis {
  tokens: Token[];
  clauseOf: number[];
  items: Item[];
  /** Bare negations (no cue in scope), as concern evidence at their position. */
  bare: { clause: number; void: boolean; weight: number; from: number; to: number }[];
  /** Token positions that describe whom a sentence is about ("children who are waiting"). */
  described: Set<number>;
  /** Token positions right after a placement ("placed in AP", "who attend a special school"): where people are served. */
  placed: Set<number>;
  /** Clauses that answer the one before about the same subject ("the offer looks good, but it is out of date"). */
  retorts: Set<number>;
  /** `denied`: a plan or aim said not to exist ("there is no plan to ..."), which hedges nothing. */
  moods: { kind: Mood; from: number; to: number; cue: { from: number; to: number }; denied: boolean }[];
  /** Activity and new structures ("have developed"), by clause: a strength there is not a result. */
  activities: { from: number; to: number; clause: number }[];
  /** Minority shares ("less than half", "40%"): a strength cue after one in its clause says most are not so. */
  minorities: { from: number; to: number; clause: number }[];
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

/** Positions (first tokens) of the cues of some kinds. */
const positions = (cues: PhraseMatch<Cue>[], ...kinds: CueKind[]) =>
  new Set(cues.filter((c) => kinds.includes(c.phrase.payload.kind)).map((c) => c.from));

interface Clauses {
  of: number[];
  /** Clauses opened by a condition ("When ..., ", "If ..., "): they state no fact. */
  conditional: Set<number>;
  /** Clauses opened mid-sentence by a contrast whose subject points back ("..., but it does not ..."). */
  retorts: Set<number>;
  /** Clauses opened at their start by a contrast: a concession ("While some advice is useful, ..."). */
  concessions: Set<number>;
}

/**
 * Clause ids per token. A contrast ("but", "however", "although") or a coordinated predicate ("and are") opens a
 * clause anywhere; at the start of a clause, any opener ("Although", "When", "Because") governs up to the next
 * comma. Strong clauses split only at contrasts and ";" ":". A comma inside a rule term ("education, health and
 * care") ends nothing.
 */
function clauses(tokens: Token[], cues: PhraseMatch<Cue>[], strong: boolean, inTerm: Set<number>): Clauses {
  const opener = new Map<number, CueKind>();
  for (const c of cues) if (OPENERS.has(c.phrase.payload.kind)) opener.set(c.from, c.phrase.payload.kind);
  const of: number[] = [];
  const conditional = new Set<number>();
  const retorts = new Set<number>();
  const concessions = new Set<number>();
  const backRef = positions(cues, 'reference');
  // "there is a shortage of places and are commissioning more": a coordinated predicate is a clause of its own.
  const coordination = positions(cues, 'coordination');
  const predicates = positions(cues, 'predicate');
  let clause = 0;
  let start = true;
  let toComma = false;
  tokens.forEach((t, i) => {
    const kind = opener.get(i);
    if ((kind === 'boundary' || (!strong && coordination.has(i) && predicates.has(i + 1))) && !start) {
      clause++;
      start = true;
      if (kind === 'boundary' && backRef.has(i + 1)) retorts.add(clause);
    }
    // ", particularly when ...": a condition after a comma opens a clause of its own, to the next comma.
    if (kind === 'condition' && !start && !strong && (tokens[i - 1]?.word === ',' || tokens[i - 2]?.word === ',')) {
      clause++;
      start = true;
    }
    if (kind && start && !strong) {
      toComma = true;
      if (kind === 'boundary') concessions.add(clause);
      if (kind === 'condition') conditional.add(clause);
    }
    of.push(clause);
    if (t.punct && (t.word === ';' || t.word === ':' || (t.word === ',' && toComma && !inTerm.has(i)))) {
      clause++;
      start = true;
      toComma = false;
    } else start = false;
  });
  return { of, conditional, retorts, concessions };
}

/** How many words after a predicate's negation an adverse thing is still what it denies ("do not become isolated"). */
const ADVERSE_REACH = 3;
const wordsBetween = (tokens: Token[], from: number, to: number) => tokens.slice(from, to).filter((t) => !t.punct).length;
/** How many words after a negation a plan or aim is the thing denied ("no joint strategy to"). */
const DENIED_PLAN_REACH = 2;
/** How many words a noun phrase's negation ("lack of", "no") reaches. */
const LACK_REACH = 3;
/** A noun phrase's negation stops at any punctuation; a predicate's reaches over commas ("not a strategic, shared"). */
const LACK_END = new Set([',', ';', ':', '.', '(', ')']);
const PREDICATE_END = new Set([';', ':', '.']);
/** How far after ", and" a predicate makes it a new clause rather than the next item of a list. */
const COORDINATED_REACH = 8;
const CLAUSE_WORDS = new Set<CueKind>(['continuation', 'boundary', 'subordinate', 'condition', 'relative']);
/** A cue in the predicate (after the clause's first auxiliary or copula) outweighs one in the subject. */
const PREDICATE_WEIGHT = 1.5;
/** How many words into the clause after a concession its subject may name the topic's head again. */
const RETORT_REACH = 4;
/** How many words after "who" still describe whom the sentence is about ("children who are waiting for ..."). */
const RELATIVE_REACH = 4;

/** How many words before "who" a measure ("the proportion of young people who ...") makes the clause define it. */
const MEASURE_REACH = 10;

/**
 * Token positions inside the first words of relative clauses: they pick out people, they do not judge. After a
 * measure ("the proportion of young people who are not in education") the clause says what is measured instead.
 */
function describing(tokens: Token[], cues: PhraseMatch<Cue>[]): Set<number> {
  const out = new Set<number>();
  const measures = [...positions(cues, 'measure')];
  for (const c of cues) {
    if (c.phrase.payload.kind !== 'relative') continue;
    if (measures.some((m) => m < c.from && wordsBetween(tokens, m, c.from) <= MEASURE_REACH)) continue;
    for (let i = c.to, words = 0; i < tokens.length && words < RELATIVE_REACH && !tokens[i]!.punct; i++, words++) out.add(i);
  }
  return out;
}

/** Where the words that bound a negation's scope stand in the sentence. */
interface Landmarks {
  clauseWords: Set<number>;
  coordination: Set<number>;
  negations: Set<number>;
  predicates: Set<number>;
}

/**
 * Where a negation's scope ends. A noun phrase's ("lack of", "no") covers a few words up to any punctuation; a
 * predicate's ("not", "fail to") runs to the end of its clause, over commas inside a phrase ("not a strategic,
 * shared understanding") but not into a new clause (", which ...", ", and has ...") or past a second negation.
 */
function negationEnd(tokens: Token[], at: Landmarks, neg: PhraseMatch<Cue>, clauseOf: number[]): number {
  const lack = neg.phrase.payload.kind === 'lack';
  const { clauseWords, coordination, negations, predicates } = at;
  const predicateAhead = (from: number) => {
    for (let j = from; j < tokens.length && j < from + COORDINATED_REACH; j++) {
      if (predicates.has(j)) return true;
      if (tokens[j]!.punct && PREDICATE_END.has(tokens[j]!.word)) return false;
    }
    return false;
  };
  const stops = (i: number) => {
    const t = tokens[i]!;
    // "... and are", "... and instead are": a coordinated predicate (an adverb may come between) is a new claim.
    if (!lack && ((coordination.has(i) && (predicates.has(i + 1) || predicates.has(i + 2))) || negations.has(i))) return true;
    if (!t.punct) return false;
    if ((lack ? LACK_END : PREDICATE_END).has(t.word)) return true;
    return t.word === ',' && (clauseWords.has(i + 1) || (coordination.has(i + 1) && predicateAhead(i + 2)));
  };
  let end = neg.to;
  for (let words = 0; end < tokens.length && words < (lack ? LACK_REACH : Infinity) && clauseOf[end] === clauseOf[neg.from] && !stops(end); end++) {
    if (!tokens[end]!.punct) words++;
  }
  return end;
}

/**
 * Reads a sentence's cues and their scopes. `terms` are the rule-term matches: a comma inside one ("education,
 * health and care plans") does not end a clause.
 */
export function analyse(tokens: Token[], cueMatches: PhraseMatch<Cue>[], terms: { from: number; to: number }[] = []): SentenceAnalysis {
  const cues = resolve(cueMatches);
  const inTerm = new Set<number>();
  for (const t of terms) for (let i = t.from + 1; i < t.to; i++) inTerm.add(i);
  const { of: clauseOf, conditional, retorts, concessions } = clauses(tokens, cues, false, inTerm);
  // "While some advice is useful, too much advice is not": the clause after a concession that names the topic's
  // head again speaks of the same thing, and has the last word.
  for (const t of terms) {
    const clause = clauseOf[t.from]!;
    if (!concessions.has(clause)) continue;
    const head = tokens[t.to - 1]!.stem;
    const next = tokens.map((_, i) => i).filter((i) => clauseOf[i] === clause + 1 && !tokens[i]!.punct).slice(0, RETORT_REACH);
    if (next.some((i) => tokens[i]!.stem === head)) retorts.add(clause + 1);
  }
  // An intention, purpose or recommendation reaches over subordinate clauses ("should ensure that, if ..., X").
  const strongOf = clauses(tokens, cues, true, inTerm).of;
  // A cue may be a predicate too ("... need improvement"), where an open purpose before it ends.
  const won = (m: PhraseMatch<Cue>) => cues.some((c) => c.from === m.from && c.to === m.to);
  const predicates = new Set([...positions(cues, 'predicate'), ...cueMatches.filter((c) => c.phrase.payload.kind === 'predicate' && won(c)).map((c) => c.from)]);
  /** A mood reaches to the end of its strong clause; a purpose without "that" stops where the main verb resumes. */
  const moodEnd = (c: PhraseMatch<Cue>) => {
    const open = c.phrase.payload.kind === 'purpose' && tokens[c.to - 1]!.word !== 'that';
    let j = c.to;
    while (j < tokens.length && strongOf[j] === strongOf[c.from] && !(open && predicates.has(j))) j++;
    return j;
  };
  const moods = cues
    .filter((c) => MOODS.has(c.phrase.payload.kind))
    .map((c) => ({ kind: c.phrase.payload.kind as Mood, from: c.from, to: moodEnd(c), cue: { from: c.from, to: c.to }, denied: false }));
  const described = describing(tokens, cues);
  const voided = (i: number) => described.has(i) || conditional.has(clauseOf[i]!) || moods.some((m) => i >= m.from && i < m.to);
  const firstPredicate = new Map<number, number>();
  for (const p of [...predicates].sort((x, y) => x - y)) if (!firstPredicate.has(clauseOf[p]!)) firstPredicate.set(clauseOf[p]!, p);
  const weightAt = (i: number) => (i > (firstPredicate.get(clauseOf[i]!) ?? Infinity) ? PREDICATE_WEIGHT : 1);
  const items: Item[] = cues
    .filter((c) => POLAR.has(c.phrase.payload.kind))
    .map((c) => ({
      kind: c.phrase.payload.kind,
      weight: c.phrase.payload.weight * weightAt(c.from),
      from: c.from,
      to: c.to,
      clause: clauseOf[c.from]!,
      negated: false,
      negatedBy: null,
      void: voided(c.from),
    }));
  const bare: SentenceAnalysis['bare'] = [];
  const landmarks: Landmarks = {
    clauseWords: positions(cues, ...CLAUSE_WORDS),
    coordination: positions(cues, 'coordination'),
    negations: positions(cues, 'negation', 'lack'),
    predicates,
  };
  for (const neg of cues.filter((c) => (c.phrase.payload.kind === 'negation' || c.phrase.payload.kind === 'lack') && !described.has(c.from))) {
    const end = negationEnd(tokens, landmarks, neg, clauseOf);
    // "no children waiting" and "are not excluded" deny the adverse thing; "do not have oversight of how long
    // children wait" does not: a predicate's negation denies an adverse thing only right after it.
    const denies = (it: Item) => neg.phrase.payload.kind === 'lack' || it.kind !== 'adverse' || wordsBetween(tokens, neg.to, it.from) < ADVERSE_REACH;
    const inScope = items.filter((it) => it.from >= neg.to && it.from < end && denies(it));
    // "there is no joint strategy to ...", "no plan to ...": the missing plan is the claim, not a hedge.
    for (const m of moods) if (m.kind === 'intention' && m.cue.from >= neg.to && m.cue.from < end && wordsBetween(tokens, neg.to, m.cue.from) <= DENIED_PLAN_REACH) m.denied = true;
    for (const it of inScope) {
      it.negated = !it.negated;
      it.negatedBy = { from: neg.from, to: neg.to };
    }
    if (inScope.every((it) => it.void)) {
      bare.push({ clause: clauseOf[neg.from]!, void: voided(neg.from), weight: BARE_NEGATION * weightAt(neg.from), from: neg.from, to: neg.to });
    }
  }
  // A phrase may be both a concern cue and a minority ("too few"): the minority is kept wherever the phrase won.
  const minorities = [...cueMatches.filter((c) => c.phrase.payload.kind === 'minority' && won(c)), ...minorPercentages(tokens)]
    .filter((m) => !voided(m.from))
    .map((m) => ({ from: m.from, to: m.to, clause: clauseOf[m.from]! }));
  const activities = cues.filter((c) => c.phrase.payload.kind === 'activity').map((c) => ({ from: c.from, to: c.to, clause: clauseOf[c.from]! }));
  const placed = new Set(cues.filter((c) => c.phrase.payload.kind === 'placement').flatMap((c) => [c.to, c.to + 1]));
  return { tokens, clauseOf, items, bare, moods, minorities, activities, described, placed, retorts, question: tokens.at(-1)?.word === '?' };
}

/** Under this share, a percentage is a minority. */
const MINORITY_PERCENT = 50;

/** Percentages under half ("40%", "35 per cent"), or any share that "only" belittles ("only 60%"), as token ranges. */
function minorPercentages(tokens: Token[]): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  tokens.forEach((t, i) => {
    if (!/^\d+(?:\.\d+)?$/.test(t.word)) return;
    if (Number(t.word) >= MINORITY_PERCENT && tokens[i - 1]?.word !== 'only') return;
    if (tokens[i + 1]?.word === '%') out.push({ from: i, to: i + 2 });
    else if (tokens[i + 1]?.word === 'per' && tokens[i + 2]?.word === 'cent') out.push({ from: i, to: i + 3 });
  });
  return out;
}

export interface PolarityInput {
  /** Token index of the topic (the match of the rule's first term group). */
  anchor: number;
  /** The topic itself is adverse (more of it is worse). */
  adverse: boolean;
  /** What the section says: every finding a concern, or which way a tie of cues leans. */
  section: SectionBearing;
  /** The section's title, for the reasons. */
  sectionTitle: string | null;
  /** The rule's own polarity for a sentence with no cue (a topic that is a failing wherever it is named). */
  fallback: Polarity | null;
}

/** A sentence's words from one token to another, as they stand (for reasons a person reads). */
const words = (tokens: Token[], r: { from: number; to: number }) =>
  tokens.slice(r.from, r.to).filter((t) => !t.punct).map((t) => t.word).join(' ');

/** One piece of evidence in a tally: which side it weighs on and how a person would read it. */
interface Evidence {
  side: Polarity;
  weight: number;
  /** Builds the reason only when one is asked for (a finding's `why`, the trace). */
  reason: () => string;
}

interface Tally {
  concern: number;
  strength: number;
  evidence: Evidence[];
}

function tally(a: SentenceAnalysis, adverse: boolean, clause: number | null): Tally {
  const t: Tally = { concern: 0, strength: 0, evidence: [] };
  const add = (side: 'concern' | 'strength', weight: number, reason: () => string) => {
    t[side] += weight;
    t.evidence.push({ side, weight, reason });
  };
  const said = (r: { from: number; to: number }) => `'${words(a.tokens, r)}'`;
  const negation = (it: Item) => (it.negated && it.negatedBy ? `, negated by ${said(it.negatedBy)}` : '');
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
    const side = worse !== it.negated ? 'concern' : 'strength';
    add(side, it.weight, () =>
      `${it.kind === 'increase' ? 'rise' : 'fall'} ${said(it)} of ${object ? `adverse ${said(object)}` : adverse ? 'an adverse topic' : 'a benign topic'}${negation(it)} → ${side}`);
  }
  for (const it of live) {
    if (trend(it) || objects.has(it)) continue;
    // "only 40% of plans are issued within 20 weeks": a strength said of a minority is a concern about the rest.
    const minority = it.kind === 'strength' && a.minorities.find((m) => m.clause === it.clause && m.to <= it.from);
    const flipped = it.negated !== lowered.has(it) !== Boolean(minority);
    const concern = (it.kind === 'concern' || it.kind === 'adverse') !== flipped;
    const side = concern ? 'concern' : 'strength';
    const kind = it.kind === 'adverse' ? 'adverse' : `${it.kind} cue`;
    add(side, it.kind === 'strength' && flipped ? it.weight * DENIED_GOOD : it.weight, () =>
      `${kind} ${said(it)}${negation(it)}${lowered.has(it) ? ', graded down' : ''}${minority ? `, of a minority ${said(minority)}` : ''}${flipped ? ` → ${side}` : ''}`);
  }
  for (const b of a.bare) {
    if (!b.void && (clause === null || b.clause === clause)) add('concern', b.weight, () => `negation ${said(b)} with nothing to flip → concern`);
  }
  return t;
}

/** A polarity and the reasons for it, each a phrase a person reads ("concern cue 'too long'"). */
export interface Verdict {
  polarity: Polarity;
  /** The reasons, built only when asked for (a finding's `why`, the trace): most verdicts are never shown. */
  why: () => string[];
}

/** The section's bearing in words, for a reason. */
const sectionReason = (input: PolarityInput, to: Polarity) => `section '${input.sectionTitle ?? ''}' → ${to}`;

export function polarityAt(a: SentenceAnalysis, input: PolarityInput): Verdict {
  if (a.question) return { polarity: 'mention', why: () => ['a question'] };
  const section = input.section;
  if (section === 'recommendation') return { polarity: 'concern', why: () => [sectionReason(input, 'concern')] };
  const covering = a.moods.filter((m) => input.anchor >= m.from && input.anchor < m.to);
  // A recommendation inside a hedge or counterfactual ("could have prevented the need for") recommends nothing.
  const hedge = covering.find((m) => m.kind === 'intention' && !m.denied);
  const recommended = covering.find((m) => m.kind === 'recommendation' && !(hedge && hedge.from < m.from));
  if (recommended) return { polarity: 'concern', why: () => [`recommendation '${words(a.tokens, recommended.cue)}' → concern`] };
  if (hedge) return { polarity: 'mention', why: () => [`intention or hedge '${words(a.tokens, hedge.cue)}' → mention`] };
  // Activity or a new structure ("have developed", "has been established") speaks for its own clause only: what the
  // rest of the sentence says is about something else ("Following feedback that it was hard to use, they have
  // co-produced a new website").
  const activity = a.activities.find((x) => x.clause === a.clauseOf[input.anchor]);
  const verdict = judge(a, input, Boolean(activity));
  // A topic that is only an aim ("work to do to ensure timely reviews", "programmes to reduce exclusions") or only
  // picks out people ("pupils who have been excluded are supported well"): a concern of the sentence shows the
  // failing exists, but a strength of the sentence is not the topic's.
  if (verdict.polarity === 'strength' && covering.length > 0) {
    return { polarity: 'mention', why: () => [`the topic is only an aim ('${words(a.tokens, covering[0]!.cue)}'): its strength is not the topic's`] };
  }
  if (activity && verdict.polarity !== 'concern') return { polarity: 'mention', why: () => [`activity or a new structure '${words(a.tokens, activity)}' is not a result`] };
  // People placed in the topic ("those placed in AP have their needs met well") are the provision's to serve.
  if (verdict.polarity === 'strength' && a.described.has(input.anchor) && !a.placed.has(input.anchor)) {
    return { polarity: 'mention', why: () => ['the topic only picks out whom the sentence is about'] };
  }
  return verdict;
}

/** The cues of the topic's clause decide, else those of the whole sentence; the section breaks a tie; else the rule. */
function judge(a: SentenceAnalysis, input: PolarityInput, ownClauseOnly: boolean): Verdict {
  const own = a.clauseOf[input.anchor] ?? 0;
  // "X looks good, but it does not ...": a contrast about the same subject has the last word.
  const clauses = ownClauseOnly ? [own] : a.retorts.has(own + 1) ? [own + 1, own, null] : [own, null];
  for (const clause of clauses) {
    const t = tally(a, input.adverse, clause);
    const scope = clause === null ? 'the sentence' : clause === own ? "the topic's clause" : 'the contrast that follows';
    const reasons = (side: Polarity) => [
      ...t.evidence.filter((e) => e.side === side).map((e) => e.reason()),
      ...(clause === own ? [] : [`decided in ${scope}`]),
    ];
    if (t.concern > t.strength) return { polarity: 'concern', why: () => reasons('concern') };
    if (t.strength > t.concern) return { polarity: 'strength', why: () => reasons('strength') };
    if (t.concern > 0) {
      const lean = input.section as Polarity | null;
      return lean
        ? { polarity: lean, why: () => [...t.evidence.map((e) => e.reason()), `cues tie; ${sectionReason(input, lean)}`] }
        : { polarity: 'mention', why: () => [...t.evidence.map((e) => e.reason()), 'cues tie → mention'] };
    }
  }
  return input.fallback ? { polarity: input.fallback, why: () => [`no cue; rule default ${input.fallback}`] } : { polarity: 'mention', why: () => ['no cue → mention'] };
}
