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

// Cues that name the 2023 framework itself, then cues that belong only to the 2016 one.
const CUES_2023 = /\blocal area partnership\b|\bpriority action plan\b|\bareas? for priority action\b/i;
const CUES_2016 =
  /\bwritten statement of action\b|\bWSOA\b|\bjoint local area SEND inspection\b|\bjoint inspection of the local area\b|\bimplementing the (?:disability and special educational needs|SEND) reforms\b|\bClinical Commissioning Groups?\b|\bSEND revisit\b/i;
// Weaker: health commissioning passed from CCGs to integrated care boards on 1 July 2022.
const WEAK_2023 = /\bIntegrated Care Board\b|\bICB\b/;

const INSPECTION_OUTCOME_HEADING = /\bInspection outcome\b/;

/** The earliest 2023-framework outcome wording, read from the "Inspection outcome" heading on when there is one. */
function outcome2023(flat: string): Outcome | null {
  const heading = INSPECTION_OUTCOME_HEADING.exec(flat);
  const from = heading ? flat.slice(heading.index) : flat;
  let found: { outcome: Outcome; at: number } | null = null;
  for (const [outcome, pattern] of OUTCOMES_2023) {
    const m = pattern.exec(from);
    if (m && (!found || m.index < found.at)) found = { outcome, at: m.index };
  }
  return found?.outcome ?? null;
}

export function framework(flat: string, inspectionYear: number | null): Framework | null {
  if (outcome2023(flat) || CUES_2023.test(flat)) return '2023';
  if (CUES_2016.test(flat)) return '2016';
  if (WEAK_2023.test(flat)) return '2023';
  if (inspectionYear !== null) return inspectionYear >= 2023 ? '2023' : '2016';
  return null;
}

const WSOA = /\b(?:written statement of action|WSOA|statement of action)\b/i;
const WSOA_NEGATED =
  /\b(?:not|no|without)\b(?:\s+\S+){0,6}?\s+(?:a\s+)?(?:written statement of action|WSOA)\b|\b(?:written statement of action|WSOA)\b(?:\s+\S+){0,4}?\s+(?:is|was|has|had)\s+not\b/i;
// Before the WSOA had its name in the news: an action plan the area is required or ordered to produce or submit.
const ACTION_PLAN_REQUIRED =
  /\baction plan\b[^.]*\b(?:submit|submitted|required|must|has to|have to|needed to|needs to|ordered)\b|\b(?:ordered|required|must|has to|have to|needed to|needs to)\b[^.]*\b(?:produce|submit|prepare|write|develop)\b[^.]*\baction plan\b/i;
const REVISIT = /\bSEND revisit\b|\brevisited the (?:local )?area\b/i;

function outcome2016(flat: string, kind: Kind): Outcome | null {
  // A revisit letter judges progress against an earlier WSOA, not whether one is needed.
  if (kind === 'report' && REVISIT.test(flat)) return null;
  const sentences = sentenceSpans(flat).map((s) => flat.slice(s.start, s.end));
  const wsoa = sentences.filter((s) => WSOA.test(s));
  if (wsoa.length) return wsoa.some((s) => WSOA_NEGATED.test(s)) && !wsoa.some((s) => !WSOA_NEGATED.test(s)) ? 'no-wsoa' : 'wsoa';
  // The letter itself always names the WSOA when one is required, so its silence means none is.
  if (kind === 'report') return 'no-wsoa';
  return sentences.some((s) => ACTION_PLAN_REQUIRED.test(s)) ? 'wsoa' : null;
}

export function outcome(flat: string, fw: Framework | null, kind: Kind): Outcome | null {
  if (fw === '2023') return outcome2023(flat);
  if (fw === '2016') return outcome2016(flat, kind);
  return null;
}
