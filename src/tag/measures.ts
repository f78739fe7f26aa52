// The figures a finding states about a wait or timeliness, each with what it measures: durations ("waiting over 12
// months": a wait of 52 weeks, over) and shares ("40% within 20 weeks": the share on time; "nearly half"). A number
// is kept only where the words around it say it is a wait, a time taken, a time limit or a share on time, late or
// waiting; ages ("aged 16 to 25 years", "16-year-olds"), year groups, "post-16", periods ("over the past two years",
// "a three-year strategy") and any other number are not measures. Bounded regex passes over the quote; offsets
// are into the document text.
import type { Measure } from '../records.js';

type Qualifier = Measure['qualifier'];
type Measured = Measure['of'];

const UNITS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, ...UNITS, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
};
const WEEKS_PER: Record<string, number> = { day: 1 / 7, week: 1, month: 52 / 12, year: 52 };
const FRACTIONS: Record<string, number> = {
  half: 50, 'a third': 33.3, 'one third': 33.3, 'two thirds': 66.7, 'two-thirds': 66.7, 'a quarter': 25,
  'one quarter': 25, 'three quarters': 75, 'three-quarters': 75,
};

const WORD = String.raw`(?:(?:twenty|thirty|forty|fifty|sixty)(?:[ -](?:${Object.keys(UNITS).join('|')}))?|${Object.keys(NUMBER_WORDS).join('|')})`;
const NUMBER = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|${WORD})`;
/** "18 months", "20-week", "35 working days", "a year and a half", "12 to 18 months" (the range's first number kept). */
const DURATION = new RegExp(
  String.raw`\b(?:(\d+(?:\.\d+)?)\s?[-–]\s?|(${NUMBER})\s(?:to|and)\s)?(${NUMBER})(?:[ -](?:and a half[ -])?(?:working |school |calendar )?(day|week|month|year)s?\b(?: and a half\b)?)`,
  'gi',
);
const PERCENT = new RegExp(
  String.raw`\b(\d+(?:\.\d+)?)\s?(?:%|per cent\b|percent\b)|\b(${Object.keys(FRACTIONS).join('|')})\s+(?:of|the)\b`,
  'gi',
);

/** Qualifier phrases as they end the text before the number (lower case, single spaces, articles dropped). */
const QUALIFIERS: [RegExp, Qualifier][] = [
  [/(?:up to|as long as|as much as|no more than|not more than|within|at most|maximum of|inside)$/, 'up-to'],
  [/(?:over|more than|longer than|in excess of|upwards of|exceeding|at least|minimum of|beyond|greater than|outside)$/, 'over'],
  [/(?:about|around|approximately|nearly|almost|roughly|some|circa|close to|just under|just over)$/, 'about'],
  [/(?:average|averages|averaged|on average|mean|median)(?: wait| waiting time| waits| time| of)?(?: is| was| of)?$/, 'average'],
];

/** Ages, not waits: "aged 16 years", "16 years old", "16-year-olds", "from birth to 25 years". */
const AGE_BEFORE = /\b(?:aged?|ages|age of|birth to|from birth)\s*(?:\S+\s*(?:-|–|to|and)\s*)?$/;
const AGE_AFTER = /^(?:[ -]?olds?\b|\s+of age\b)/;
/** Periods of the area's history or plans: "over the past two years", "a three-year strategy", "two years ago". */
const PERIOD_BEFORE = /\b(?:past|last|previous|next|recent|coming|following|first|final|each|every|per|this|these)\s*$/;
const PERIOD_AFTER = /^(?:\s+(?:ago|earlier|later|on)\b|[ -](?:long\s+)?(?:plan|strategy|programme|contract|pilot|project|period|cycle)s?\b)/;

/** What a duration measures, read from the words just before and after it. */
const LIMIT_BEFORE = /\b(?:within|inside|outside|beyond|exceed(?:s|ed|ing)?|in under|under)\s+(?:the\s+|a\s+)?(?:statutory\s+)?$/;
const LIMIT_AFTER = /^[\s-]*(?:statutory\s+)?(?:time ?scales?|time ?frames?|deadlines?|limits?|targets?|standard)\b/;
/** Deadlines of the inspection process itself ("submitted to Ofsted within 70 days"), not of services. */
const ADMINISTRATIVE = /\b(?:submit(?:s|ted|ting)?|publish(?:es|ed|ing)?|of receiving|inspection report)\b/;
const WAIT = /\b(?:wait(?:s|ed|ing)?|await(?:s|ed|ing)?|delay(?:s|ed)?|backlogs?|overdue|queues?)\b/;
const TAKEN = /\b(?:takes?|took|taken|taking|length of time|time taken|after)\b/;

/**
 * What a share measures, read in its clause: people waiting ("45% waited longer than 18 weeks"), else done late
 * ("exceeded the 20-week timescale"), else done on time ("40% within 20 weeks").
 */
const SHARE_LATE =
  /\b(?:late|overdue|delayed|outside|beyond|exceed(?:s|ed|ing)?|took longer|(?:more|longer) than \S+ (?:weeks|months)|not (?:\w+ ){0,3}(?:within|on time)|fail(?:s|ed)? to meet|missed)\b/;
const SHARE_ON_TIME = /\b(?:within|on time|in time|timely|timeliness|time ?scales?|time ?frames?|deadlines?|time limits?)\b/;
const SHARE_WAITING = /\b(?:wait(?:s|ed|ing)?|await(?:s|ed|ing)?)\b/;

function numberValue(raw: string): number {
  const lower = raw.toLowerCase().replace(/\s+/g, ' ');
  if (lower in NUMBER_WORDS) return NUMBER_WORDS[lower]!;
  const [tens, unit] = lower.split(/[ -]/);
  if (unit !== undefined) return NUMBER_WORDS[tens!]! + UNITS[unit]!;
  return Number(lower.replace(/,/g, ''));
}

const normalised = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

function qualifierBefore(before: string): Qualifier {
  const tail = before.trim().replace(/ (?:the|a|an)$/, '');
  for (const [pattern, q] of QUALIFIERS) if (pattern.test(tail)) return q;
  return 'exactly';
}

/** What a duration measures, or null when it is an age, a period or no wait at all. */
function durationOf(before: string, after: string, unit: string, range: [number, number] | null): Measured | null {
  // "0 to 25 years", "16-19 years": the SEND age ranges.
  if (unit === 'year' && range && range[1] <= 25 && range[0] < range[1]) return null;
  if (AGE_BEFORE.test(before) || AGE_AFTER.test(after)) return null;
  if (PERIOD_BEFORE.test(before.replace(/\s*(?:the|a|an)\s*$/, ' ').trimEnd()) || PERIOD_AFTER.test(after)) return null;
  if (LIMIT_BEFORE.test(before) || LIMIT_AFTER.test(after)) return ADMINISTRATIVE.test(`${before} ${after}`) ? null : 'time-limit';
  const near = `${before.slice(-50)} ${after.slice(0, 40)}`;
  if (WAIT.test(near)) return 'wait';
  if (TAKEN.test(before.slice(-40))) return 'time-taken';
  return null;
}

/** The clause a share stands in: from the previous semicolon or share to the next semicolon. */
function shareOf(quote: string, from: number, to: number): Measured | null {
  const start = Math.max(quote.lastIndexOf(';', from), from - 100, 0);
  const endAt = quote.indexOf(';', to);
  const clause = normalised(quote.slice(start, Math.min(endAt < 0 ? quote.length : endAt, to + 100)));
  if (SHARE_WAITING.test(clause)) return 'waiting';
  if (SHARE_LATE.test(clause)) return 'late';
  if (SHARE_ON_TIME.test(clause)) return 'on-time';
  return null;
}

export function findMeasures(text: string, start: number, end: number): Measure[] {
  const quote = text.slice(start, end);
  const out: Measure[] = [];
  const at = (from: number, whole: string) => ({ text: whole, start: start + from, end: start + from + whole.length });
  DURATION.lastIndex = 0;
  for (let m = DURATION.exec(quote); m; m = DURATION.exec(quote)) {
    const [whole, lowDigits, lowWords, raw, unitWord] = m as unknown as [string, string | undefined, string | undefined, string, string];
    const low = lowDigits ?? lowWords;
    const unit = unitWord.toLowerCase();
    const before = normalised(quote.slice(Math.max(0, m.index - 80), m.index));
    const after = normalised(quote.slice(m.index + whole.length, m.index + whole.length + 60));
    const value = numberValue(raw) + (/and a half/i.test(whole) ? 0.5 : 0);
    const range: [number, number] | null = low === undefined ? null : [numberValue(low), value];
    const of = durationOf(before, after, unit, range);
    if (of === null) continue;
    // A range's upper end is what children may wait: "12 to 18 months" is up to 18 months.
    const qualifier = range ? 'up-to' : qualifierBefore(before);
    out.push({ kind: 'duration', value, unit: `${unit}s`, weeks: Math.round(value * WEEKS_PER[unit]! * 10) / 10, qualifier, of, ...at(m.index, whole) });
  }
  PERCENT.lastIndex = 0;
  for (let m = PERCENT.exec(quote); m; m = PERCENT.exec(quote)) {
    const [whole, digits, fraction] = m as unknown as [string, string | undefined, string | undefined];
    const shown = fraction ?? whole;
    const of = shareOf(quote, m.index, m.index + whole.length);
    if (of === null) continue;
    const value = fraction ? FRACTIONS[fraction.toLowerCase().replace(/\s+/g, ' ')]! : Number(digits);
    const before = normalised(quote.slice(Math.max(0, m.index - 40), m.index));
    out.push({ kind: 'percent', value, unit: '%', weeks: null, qualifier: qualifierBefore(before), of, ...at(m.index, shown) });
  }
  return out.sort((a, b) => a.start - b.start);
}
