// The polarity and context lexicon (rules/_cues.yaml): which words say a failing exists, which say the opposite,
// which negate, hedge, recommend or mark a trend, and which sections and phrases are not findings. Data, not code.
import { z } from 'zod';
import { PhraseSet } from './phrases.js';

const weighted = z.union([z.string().min(1), z.object({ term: z.string().min(1), weight: z.number().positive() })]);
const terms = z.array(z.string().min(1));

export const CuesSchema = z.strictObject({
  /** Say a failing exists ("too long", "lack of", "poor"). */
  concern: z.array(weighted),
  /** Say the opposite holds ("effective", "within the statutory timescale"). */
  strength: z.array(weighted),
  /** Negate a predicate: flip the cues after them up to the end of the clause ("not", "never", "fail to"). */
  negation: terms,
  /** Negate a noun phrase: flip the cues in the few words after them ("lack of", "no", "without"). */
  lack: terms,
  /** After a comma these open a new clause, where a predicate's negation stops (so do clause openers). */
  continuation: terms,
  /** Coordinate two predicates ("... and has led to ..."): a predicate's negation stops before the second. */
  coordination: terms,
  /** Contain cue words but are not cues ("as well as", "well-being", "not only"). */
  pseudo: terms,
  /** Plans and hopes: what follows is not yet so ("plan to", "will", "are developing"). */
  intention: terms,
  /** Purposes: what follows is aimed at, not stated ("to ensure", "so that"). */
  purpose: terms,
  /** Auxiliaries and copulas: a purpose not followed by "that" ends at the next one ("work to improve X is slow"). */
  predicate: terms,
  /** Recommendations: what follows is needed, so the problem exists ("should", "need to"). */
  recommendation: terms,
  /** Trends and levels up or down; their polarity depends on whether the thing measured is adverse. */
  increase: terms,
  decrease: terms,
  /** Things that are bad to have more of: waits, delays, exclusions, complaints. A weak concern on their own. */
  adverse: terms,
  /**
   * Activity and new structures ("have developed", "has been established", "are establishing"): not a result, so a
   * strength of the clause they stand in is no finding (taxonomy: a sentence saying that the work succeeds is).
   */
  activity: terms,
  /** A minority share ("less than half", "a third of"): a strength cue after one says most are not so. */
  minority: terms,
  /** Measures ("the proportion of", "the number of"): a relative clause after one says what is measured. */
  measure: terms,
  /** Open a relative clause that picks out people ("children who are waiting"): its first words describe, not judge. */
  relative: terms,
  /**
   * Place people in a provision ("placed in", "who attend"): a topic right after one, inside a relative clause, is
   * where they are served, so a judgement of how they are served in the main clause is the provision's.
   */
  placement: terms,
  /** Pronouns that point back: a contrast clause they open speaks of the clause before ("..., but it is not"). */
  reference: terms,
  /** Words that open a new clause ("but", "however", "although"). */
  boundary: terms,
  /** Subordinators: at the start of a clause they open one that ends at the next comma ("because", "as a result of"). */
  subordinate: terms,
  /** Conditions: the same, and the clause they open states no fact ("When children are out of school, ..."). */
  condition: terms,
  /** Mark a statement as the past (previous inspection) ... */
  history: terms,
  /** ... unless it also says it holds now ("still", "remains", "has"). */
  current: terms,
  /** Words that make a place name an institution's ("Westminster School"), not a mention of another area. */
  institutions: terms,
  /** Stock phrases of the framework that are not evidence about an area. */
  stock: terms,
  /**
   * Open a sentence that points back to the one before ("This means", "These delays", "As a result"): with no topic
   * of its own, it carries the concerns the sentence before found when its own cues say the same.
   */
  followon: terms,
  /**
   * Words right after a wait that name what is waited for ("wait too long to receive support from ..."): a wait with
   * its own object is not the paragraph's topic carried on, since that topic named there would have matched.
   */
  waitobject: terms,
  /**
   * Section titles (substrings, any case): recommendation sections (every finding in them is a concern), sections
   * whose lean decides a tie of cues, and sections that hold no findings at all.
   */
  sections: z.strictObject({ recommendation: terms, strength: terms, concern: terms, skip: terms }),
});
export type CuesFile = z.infer<typeof CuesSchema>;

/** The lists that go into the one phrase index, besides the weighted concern and strength cues. */
const KINDS = [
  'negation', 'lack', 'continuation', 'coordination', 'predicate', 'pseudo', 'intention', 'purpose', 'recommendation',
  'increase', 'decrease', 'adverse', 'minority', 'activity', 'boundary', 'subordinate', 'condition', 'relative', 'placement', 'reference', 'measure',
] as const;
export type CueKind = 'concern' | 'strength' | (typeof KINDS)[number];

/** An adverse thing named alone ("children wait for ...") is weaker evidence than an evaluative cue. */
const ADVERSE_WEIGHT = 0.5;

export interface Cue {
  kind: CueKind;
  weight: number;
}

export interface Cues {
  /** Every polarity cue in one index, so a sentence is scanned once. */
  phrases: PhraseSet<Cue>;
  history: PhraseSet<true>;
  current: PhraseSet<true>;
  stock: PhraseSet<true>;
  followOn: PhraseSet<true>;
  waitObject: PhraseSet<true>;
  institutions: Set<string>;
  sections: CuesFile['sections'];
}

export function compileCues(file: CuesFile): Cues {
  const entries: [string, Cue][] = [];
  for (const kind of ['concern', 'strength'] as const) {
    for (const w of file[kind]) entries.push(typeof w === 'string' ? [w, { kind, weight: 1 }] : [w.term, { kind, weight: w.weight }]);
  }
  for (const kind of KINDS) for (const term of file[kind]) entries.push([term, { kind, weight: kind === 'adverse' ? ADVERSE_WEIGHT : 1 }]);
  const set = (list: string[]) => new PhraseSet<true>(list.map((t) => [t, true]));
  const lower = (list: string[]) => list.map((s) => s.toLowerCase());
  return {
    phrases: new PhraseSet(entries),
    history: set(file.history),
    current: set(file.current),
    stock: set(file.stock),
    followOn: set(file.followon),
    waitObject: set(file.waitobject),
    institutions: new Set(lower(file.institutions)),
    sections: {
      recommendation: lower(file.sections.recommendation),
      strength: lower(file.sections.strength),
      concern: lower(file.sections.concern),
      skip: lower(file.sections.skip),
    },
  };
}
