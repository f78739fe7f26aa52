// Which inspection framework a document is about, and the outcome it reports (see taxonomy.md, "Document facts").
// 2023 framework (area SEND inspections from January 2023): three outcomes, each with a fixed wording.
// 2016 framework (joint local area SEND inspections, 2016-22): a letter; the outcome is whether a written statement
// of action (WSOA) is required. News and minutes give the same cues in looser words.
import type { DocumentFacts, Kind } from '../records.js';
import { sentenceSpans } from './text.js';

type Framework = NonNullable<DocumentFacts['framework']>;
type Outcome = NonNullable<DocumentFacts['outcome']>;

const OUTCOMES_2023: [Outcome, RegExp][] = [
  ['positive', /\bpositive experiences and outcomes\b/i],
  ['inconsistent', /\binconsistent experiences and outcomes\b/i],
  ['systemic-failings', /\bwidespread (?:and\/or |and |or )?(?:systemic )?failings\b|\bsystemic failings\b/i],
];
// The same outcomes in news wording; read only once the framework is known to be 2023 ("inconsistent outcomes" also
// turns up in 2016-22 letters as a finding, not a verdict).
const PARAPHRASES_2023: [Outcome, RegExp][] = [
  ['positive', /\btypically (?:leads? to|led to|lead to) positive\b/i],
  ['inconsistent', /\binconsistent (?:experiences (?:and|&) )?outcomes\b|\bexperiences and outcomes (?:are|were|are often|were often) inconsistent\b/i],
];

// Cues that name the 2023 framework itself, then cues that belong only to the 2016 one, then weaker 2023 cues.
const CUES_2023 = /\blocal area partnership\b|\bpriority action plan\b|\bareas? for priority action\b/i;
const CUES_2016 =
  /\bwritten statement of action\b|\bWSOA\b|\bjoint local area SEND inspection\b|\bjoint inspection of the local area\b|\bimplementing the (?:disability and special educational needs|SEND) reforms\b|\bClinical Commissioning Groups?\b|\bCCGs?\b|\bSEND re-?visit\b|\bre-?visited the (?:local )?area\b/i;
// Health commissioning passed from CCGs to integrated care boards on 1 July 2022; "area SEND inspection" without
// "local" before it is the 2023 framework's name.
const WEAK_2023 = /\bIntegrated Care Boards?\b|\bICBs?\b|(?<!local )\barea SEND inspections?\b/i;

const INSPECTION_OUTCOME_HEADING = /\bInspection outcome\b/;

/** The earliest of the given outcome wordings, read from the "Inspection outcome" heading on when there is one. */
function firstOutcome(flat: string, wordings: [Outcome, RegExp][]): Outcome | null {
  const heading = INSPECTION_OUTCOME_HEADING.exec(flat);
  const from = heading ? flat.slice(heading.index) : flat;
  let found: { outcome: Outcome; at: number } | null = null;
  for (const [outcome, pattern] of wordings) {
    const m = pattern.exec(from);
    if (m && (!found || m.index < found.at)) found = { outcome, at: m.index };
  }
  return found?.outcome ?? null;
}

/** The official 2023-framework outcome wording, where the text uses it. */
export const officialOutcome2023 = (flat: string) => firstOutcome(flat, OUTCOMES_2023);

// The parts of a 2023-framework report's own layout.
const REPORT_2023 = /\bArea SEND inspection of\b|\bLocal area partnership details\b|\bInspection outcome\b/i;

/** A 2023-framework report, or a text quoting its outcome: what it says of a revisit is about an earlier one. */
export const is2023Report = (flat: string) => officialOutcome2023(flat) !== null || REPORT_2023.test(flat);

// A sentence about the inspection itself, not an earlier one: the years it names date the story.
const INSPECTION_SENTENCE = /\b(?:inspect\w*|re-?visit\w*|Ofsted)\b/i;
const EARLIER = /\b(?:previous(?:ly)?|earlier|prior|last|former|original)\b/i;
// A story's own date line: one published before 2023 cannot be about the 2023 framework.
const PUBLISHED = /\b(?:Published|Posted|First published|Date)\s*:?\s*(?:on\s+)?(?:[A-Z][a-z]+day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Z][a-z]+,?\s+(20[12]\d)\b/;

/** The framework the story's dates point to: published before 2023, or naming only years before 2023 (or only
 *  from 2023 on) in its sentences about the inspection; null when they say nothing or straddle January 2023. */
function storyFramework(flat: string): Framework | null {
  const published = PUBLISHED.exec(flat);
  if (published && Number(published[1]) < 2023) return '2016';
  const years = sentenceSpans(flat)
    .map((s) => flat.slice(s.start, s.end))
    .filter((s) => INSPECTION_SENTENCE.test(s) && !EARLIER.test(s))
    .flatMap((s) => [...s.matchAll(/\b(20[12]\d)\b/g)].map((m) => Number(m[1])));
  if (!years.length) return null;
  if (years.every((y) => y < 2023)) return '2016';
  if (years.every((y) => y >= 2023)) return '2023';
  return null;
}

/**
 * The framework, from the strongest evidence the text gives: a revisit (only the 2016 framework had them); the
 * inspection's own dates; the 2023 outcome wording; the years of the story; then vocabulary, the 2023 framework's
 * own names first ("local area partnership"), then the 2016 one's (WSOA, CCG, "joint local area SEND inspection"),
 * then the weak 2023 cues (ICB, "area SEND inspection", the outcome in news wording).
 */
export function framework(flat: string, inspectionYear: number | null, revisit: boolean): Framework | null {
  if (revisit) return '2016';
  if (inspectionYear !== null) return inspectionYear >= 2023 ? '2023' : '2016';
  if (officialOutcome2023(flat)) return '2023';
  const story = storyFramework(flat);
  if (story) return story;
  if (CUES_2023.test(flat)) return '2023';
  if (CUES_2016.test(flat)) return '2016';
  if (WEAK_2023.test(flat) || firstOutcome(flat, PARAPHRASES_2023)) return '2023';
  return null;
}

const WSOA = /\b(?:written statement of action|WSOA|statement of action)\b/i;
const WSOA_NEGATED =
  /(?:\b(?:not|no|without|avoid(?:ed|s)?)|n't)\b(?:\s+\S+){0,6}?\s+(?:a\s+)?(?:written statement of action|WSOA)\b|\b(?:written statement of action|WSOA)\b(?:\s+\S+){0,4}?\s+(?:is|was|has|had|were)\s+not\b/i;
// A sentence about how the system works, not about this area: "where inspectors have significant concerns a WSOA is
// issued", "59 areas have been required to produce a WSOA", "inspectors can require ...".
const WSOA_GENERAL =
  /\b(?:where|when|whenever|if|unless)\s+(?:there\s+(?:are|is|were|was)|inspectors|an?\s|the\s+inspection|significant|serious)|\b(?:may|can|could|might)\s+(?:be\s+)?(?:require|issue|ask|order)|\blocal areas\b|\b\d+\s+(?:local\s+)?areas\b|\b(?:councils|authorities)\b/i;
// Before the WSOA had its name in the news: an action plan the area is required or ordered to produce or submit.
const ACTION_PLAN_REQUIRED =
  /\baction plan\b[^.]*\b(?:submit|submitted|required|must|has to|have to|needed to|needs to|ordered)\b|\b(?:ordered|required|must|has to|have to|needed to|needs to)\b[^.]*\b(?:produce|submit|prepare|write|develop)\b[^.]*\baction plan\b/i;

/** wsoa or no-wsoa from the sentences that name a written statement of action: a specific denial ("no written
 *  statement of action was issued") stands unless another specific sentence affirms one; sentences about the
 *  system in general count for neither. */
function outcome2016(flat: string, kind: Kind, revisit: boolean): Outcome | null {
  // A revisit judges progress against the WSOA an earlier inspection required.
  if (revisit) return 'wsoa';
  const sentences = sentenceSpans(flat).map((s) => flat.slice(s.start, s.end));
  const wsoa = sentences.filter((s) => WSOA.test(s));
  const denied = wsoa.filter((s) => WSOA_NEGATED.test(s));
  const affirmed = wsoa.filter((s) => !WSOA_NEGATED.test(s) && !WSOA_GENERAL.test(s));
  if (affirmed.length) return 'wsoa';
  if (denied.length) return 'no-wsoa';
  // The letter itself always names the WSOA when one is required, so its silence means none is.
  if (kind === 'report') return 'no-wsoa';
  return sentences.some((s) => ACTION_PLAN_REQUIRED.test(s)) ? 'wsoa' : null;
}

export function outcome(flat: string, fw: Framework | null, kind: Kind, revisit: boolean): Outcome | null {
  if (fw === '2023') return firstOutcome(flat, OUTCOMES_2023) ?? firstOutcome(flat, PARAPHRASES_2023);
  if (fw === '2016') return outcome2016(flat, kind, revisit);
  return null;
}
