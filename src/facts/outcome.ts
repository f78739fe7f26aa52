// Which inspection framework a document is about, and the outcome it reports (see taxonomy.md, "Document facts").
// 2023 framework (area SEND inspections from January 2023): three outcomes, each with a fixed wording.
// 2016 framework (joint local area SEND inspections, 2016-22): a letter; the outcome is whether a written statement
// of action (WSOA) is required. News and minutes give the same cues in looser words.
import type { DocumentFacts, Kind } from '../records.js';
import { aboutThisInspection, EARLIER, INSPECTION_WORD, type Sentence } from './text.js';

type Framework = NonNullable<DocumentFacts['framework']>;
type Outcome = NonNullable<DocumentFacts['outcome']>;

const OUTCOMES_2023: [Outcome, RegExp][] = [
  ['positive', /\bpositive experiences and outcomes\b/i],
  ['inconsistent', /\binconsistent experiences and outcomes\b/i],
  ['systemic-failings', /\bwidespread (?:and\/or |and |or )?(?:systemic )?failings\b|\bsystemic failings\b/i],
];
// The same outcomes in news wording; read only once the framework is known to be 2023 ("inconsistent outcomes" also
// turns up in 2016-22 letters as a finding, not a verdict).
// Where the outcome is ranked ("the lowest of three possible outcomes"), the sentence must be about the inspection.
const RANK = (words: string) =>
  new RegExp(`\\b(?:${words}) (?:of (?:the )?three )?(?:possible )?(?:inspection )?(?:outcome|rating|judgement|grade)s?\\b`, 'i');
const PARAPHRASES_2023: [Outcome, RegExp][] = [
  ['positive', /\btypically (?:leads? to|led to|lead to) positive\b/i],
  ['positive', RANK('highest|best|top|most positive')],
  ['inconsistent', /\binconsistent (?:experiences (?:and|&) )?outcomes\b|\binconsistent experiences\b|\bexperiences and outcomes (?:are|were|are often|were often) inconsistent\b/i],
  ['inconsistent', RANK('middle|second|second-highest|second highest')],
  ['systemic-failings', RANK('lowest|worst|most serious|poorest|bottom')],
];

// Cues that name the 2023 framework itself, then cues that belong only to the 2016 one, then weaker 2023 cues.
const CUES_2023 = /\blocal area partnership\b|\bpriority action plan\b|\bareas? for priority action\b/i;
const CUES_2016 =
  /\bwritten statement of action\b|\bWSOA\b|\bjoint local area SEND inspection\b|\bjoint inspection of the local area\b|\bimplementing the (?:disability and special educational needs|SEND) reforms\b|\bClinical Commissioning Groups?\b|\bCCGs?\b|\bSEND\)?\s+(?:inspection\s+)?re-?visit\b|\bre-?visited the (?:local )?area\b|\baccelerated progress plan\b/i;
// Health commissioning passed from CCGs to integrated care boards on 1 July 2022; "area SEND inspection" without
// "local" before it is the 2023 framework's name.
const WEAK_2023 = /\bIntegrated Care Boards?\b|\bICBs?\b|(?<!local )\barea SEND inspections?\b/i;
// The 2016 framework's name without "joint"; news about later inspections sometimes uses it too.
const WEAK_2016 = /\blocal area SEND inspections?\b/i;

const INSPECTION_OUTCOME_HEADING = /\bInspection outcome\b/;

/** The outcome the official wordings name, read from the "Inspection outcome" heading on when there is one. A text
 *  that names all three sets out the possible outcomes: the first mention of each is that list, and a later mention
 *  says which one this area got. */
function officialOutcome(flat: string): Outcome | null {
  const heading = INSPECTION_OUTCOME_HEADING.exec(flat);
  if (heading) return occurrences(flat.slice(heading.index), OUTCOMES_2023)[0]?.outcome ?? null;
  const found = occurrences(flat, OUTCOMES_2023);
  if (new Set(found.map((f) => f.outcome)).size < OUTCOMES_2023.length) return found[0]?.outcome ?? null;
  const seen = new Set<Outcome>();
  const repeated = found.filter((f) => {
    const again = seen.has(f.outcome);
    seen.add(f.outcome);
    return again;
  });
  return repeated[0]?.outcome ?? null;
}

/** The outcome in news wording, from the sentences about the inspection; none when they rank several outcomes (an
 *  explainer of the framework). */
function paraphrasedOutcome(sentences: string[]): Outcome | null {
  const about = sentences.filter((s) => INSPECTION_WORD.test(s) || /\b(?:SEND|outcomes?)\b/.test(s));
  const found = occurrences(about.join(' '), PARAPHRASES_2023);
  return new Set(found.map((f) => f.outcome)).size === 1 ? found[0]!.outcome : null;
}

/** Every place the wordings occur, in order. */
function occurrences(text: string, wordings: [Outcome, RegExp][]): { outcome: Outcome; at: number }[] {
  return wordings
    .flatMap(([outcome, pattern]) => [...text.matchAll(new RegExp(pattern.source, 'gi'))].map((m) => ({ outcome, at: m.index })))
    .sort((a, b) => a.at - b.at);
}

/** Whether the text uses any of the official 2023-framework outcome wordings (even to list them). */
const namesOutcome2023 = (flat: string) => OUTCOMES_2023.some(([, pattern]) => pattern.test(flat));

// The parts of a 2023-framework report's own layout.
const REPORT_2023 = /\bArea SEND inspection of\b|\bLocal area partnership details\b|\bInspection outcome\b/i;

/** A 2023-framework report, or a text quoting its outcome: what it says of a revisit is about an earlier one. */
export const is2023Report = (flat: string) => namesOutcome2023(flat) || REPORT_2023.test(flat);

const NAMED_FRAMEWORK = /\b(2016|2023)(?:\s*(?:-|to)\s*(?:20)?2[12])?\s+(?:(?:area|local area|SEND|inspection)\s+){0,3}framework\b/gi;

/** The framework the story names by its year, else the one its years point to: only years before 2023 (or only
 *  from 2023 on) in its sentences about the inspection; null when they name none or straddle January 2023. */
function storyFramework(sentences: string[]): Framework | null {
  // A framework named by its year ("under the 2023 framework", "the 2016-22 inspection framework").
  const named = new Set(sentences.filter((s) => !EARLIER.test(s)).flatMap((s) => [...s.matchAll(NAMED_FRAMEWORK)].map((m) => (m[1] === '2016' ? '2016' : '2023'))));
  if (named.size === 1) return [...named][0]!;
  const years = sentences
    .filter(aboutThisInspection)
    .flatMap((s) => [...s.matchAll(/\b(20[12]\d)\b/g)].map((m) => Number(m[1])));
  if (!years.length) return null;
  if (years.every((y) => y < 2023)) return '2016';
  if (years.every((y) => y >= 2023)) return '2023';
  return null;
}

export interface FrameworkEvidence {
  /** The year of the inspection's own dates. */
  inspectionYear: number | null;
  /** The year the document was written: one written before 2023 cannot be about the 2023 framework. */
  writtenYear: number | null;
  revisit: boolean;
}

/**
 * The framework, from the strongest evidence the text gives: a revisit (only the 2016 framework had them); the
 * inspection's own dates; the 2023 outcome wording; a date of writing before 2023; a framework named by its year or
 * the years of the story; then vocabulary, the 2023 framework's own names first ("local area partnership"), then the
 * 2016 one's (WSOA, CCG, "joint local area SEND inspection"), then the weak 2023 cues (ICB, "area SEND inspection",
 * the outcome in news wording), then "local area SEND inspection".
 */
export function framework(flat: string, sentences: Sentence[], { inspectionYear, writtenYear, revisit }: FrameworkEvidence): Framework | null {
  const texts = sentences.map((s) => s.flat);
  if (revisit) return '2016';
  if (inspectionYear !== null) return inspectionYear >= 2023 ? '2023' : '2016';
  if (namesOutcome2023(flat)) return '2023';
  if (writtenYear !== null && writtenYear < 2023) return '2016';
  const story = storyFramework(texts);
  if (story) return story;
  if (CUES_2023.test(flat)) return '2023';
  if (CUES_2016.test(flat)) return '2016';
  if (WEAK_2023.test(flat) || paraphrasedOutcome(texts)) return '2023';
  if (WEAK_2016.test(flat)) return '2016';
  return null;
}

const WSOA = /\b(?:written statement of action|WSOA|statement of action)\b/i;
const WSOA_NEGATED =
  /(?:\b(?:not|no|without|avoid(?:ed|s)?)|n't)\b(?:\s+\S+){0,6}?\s+(?:a\s+)?(?:written statement of action|WSOA)\b|\b(?:written statement of action|WSOA)\b(?:\s+\S+){0,4}?\s+(?:is|was|has|had|were)\s+not\b/i;
// A sentence about how the system works, not about this area: "where inspectors have significant concerns a WSOA is
// issued", "59 areas have been required to produce a WSOA", "inspectors can require ...".
const WSOA_GENERAL =
  /\b(?:where|when|whenever|if|unless)\s+(?:there\s+(?:are|is|were|was)|inspectors|an?\s|the\s+inspection|significant|serious)|\b(?:may|can|could|might)\s+(?:be\s+)?(?:require|issue|ask|order)|\blocal areas\b|\b(?:\d+|half|most|many|some|a third|two thirds)\s+(?:of\s+(?:the|these|those)\s+(?:\d+\s+)?)?(?:local\s+)?(?:areas|councils|authorities|inspections|of them)\b|\b\d+\s+have been\b|\b(?:councils|authorities)\b/i;
// An outcome letter's title and opening sentence.
const LETTER_OPENING = /\bJoint local area SEND inspection in\b|\bconducted a joint inspection of the local area of\b/i;
// Before the WSOA had its name in the news: an action plan the area is required or ordered to produce or submit.
const ACTION_PLAN_REQUIRED =
  /\baction plan\b[^.]*\b(?:submit|submitted|required|must|has to|have to|needed to|needs to|ordered)\b|\b(?:ordered|required|must|has to|have to|needed to|needs to)\b[^.]*\b(?:produce|submit|prepare|write|develop)\b[^.]*\baction plan\b/i;

/** wsoa or no-wsoa from the sentences that name a written statement of action: a specific denial ("no written
 *  statement of action was issued") stands unless another specific sentence affirms one; sentences about the
 *  system in general count for neither. */
function outcome2016(flat: string, sentences: string[], kind: Kind, revisit: boolean): Outcome | null {
  // A revisit judges progress against the WSOA an earlier inspection required.
  if (revisit) return 'wsoa';
  const wsoa = sentences.filter((s) => WSOA.test(s));
  const denied = wsoa.filter((s) => WSOA_NEGATED.test(s));
  const affirmed = wsoa.filter((s) => !WSOA_NEGATED.test(s) && !WSOA_GENERAL.test(s));
  if (affirmed.length) return 'wsoa';
  if (denied.length) return 'no-wsoa';
  // The letter itself always names the WSOA when one is required, so its silence means none is (also when a web
  // page carries the letter's text).
  if (kind === 'report' || LETTER_OPENING.test(flat)) return 'no-wsoa';
  return sentences.some((s) => ACTION_PLAN_REQUIRED.test(s)) ? 'wsoa' : null;
}

export function outcome(flat: string, sentences: Sentence[], fw: Framework | null, kind: Kind, revisit: boolean): Outcome | null {
  const texts = sentences.map((s) => s.flat);
  if (fw === '2023') return officialOutcome(flat) ?? paraphrasedOutcome(texts);
  if (fw === '2016') return outcome2016(flat, texts, kind, revisit);
  return null;
}
