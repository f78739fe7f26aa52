// Numbers a finding states: durations (as weeks, with a qualifier: "over two years" is 104 weeks, over),
// percentages and counts. One bounded regex pass over the quote; offsets are into the document text.
import type { Measure } from '../records.js';

type Qualifier = Measure['qualifier'];

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, hundred: 100, half: 0.5,
};

const WEEKS_PER: Record<string, number> = { day: 1 / 7, week: 1, month: 52 / 12, year: 52 };

/** Qualifier phrases as they stand before the number (lower-case, single spaces). */
const QUALIFIERS: [RegExp, Qualifier][] = [
  [/(?:up to|as long as|as much as|no more than|not more than|within|at most|a maximum of|maximum of)$/, 'up-to'],
  [/(?:over|more than|longer than|in excess of|upwards of|exceeding|at least|a minimum of|beyond|greater than)$/, 'over'],
  [/(?:about|around|approximately|nearly|almost|roughly|some|circa|close to|just under|just over)$/, 'about'],
  [/(?:average|averages|averaged|average of|an average of|on average|average wait of|mean|median)$/, 'average'],
];

const NUM = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|${Object.keys(NUMBER_WORDS).join('|')})`;
/** A number and what follows it: a time unit, a percent sign, or a counted word. Each part is a bounded token. */
const MEASURE = new RegExp(String.raw`\b${NUM}(?:[ -](?:and a half[ -])?)?(?:(days?|weeks?|months?|years?)\b|\s?(%|per cent\b|percent\b)|\s([a-z][a-z-]{2,30}))`, 'gi');

/** Words after a number that are not what it counts. */
const NOT_COUNTED = new Set(['and', 'or', 'to', 'of', 'the', 'in', 'at', 'for', 'on', 'by', 'from', 'with', 'per', 'other', 'more', 'less', 'than']);
const MONTHS = /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/i;

function qualifierBefore(text: string, at: number): Qualifier {
  const before = text.slice(Math.max(0, at - 30), at).toLowerCase().replace(/\s+/g, ' ').trimEnd();
  for (const [pattern, q] of QUALIFIERS) if (pattern.test(before)) return q;
  return 'exactly';
}

function toNumber(raw: string): number {
  const word = NUMBER_WORDS[raw.toLowerCase()];
  return word ?? Number(raw.replace(/,/g, ''));
}

export function findMeasures(text: string, start: number, end: number): Measure[] {
  const quote = text.slice(start, end);
  const out: Measure[] = [];
  MEASURE.lastIndex = 0;
  for (let m = MEASURE.exec(quote); m; m = MEASURE.exec(quote)) {
    const [whole, rawNumber, unit, percent, counted] = m;
    const isWord = /^[a-z]/i.test(rawNumber!);
    let value = toNumber(rawNumber!);
    let text_ = whole;
    if (counted !== undefined) {
      // Counts: digits only ("a few children" is not a count), and not years or dates.
      if (isWord || NOT_COUNTED.has(counted.toLowerCase()) || MONTHS.test(counted) || /^(19|20)\d\d$/.test(rawNumber!)) {
        MEASURE.lastIndex = m.index + rawNumber!.length;
        continue;
      }
    }
    if (unit === undefined && percent === undefined && counted === undefined) continue;
    if (isWord && unit === undefined) {
      MEASURE.lastIndex = m.index + rawNumber!.length;
      continue;
    }
    if (/and a half/i.test(whole)) value += 0.5;
    const qualifier = qualifierBefore(quote, m.index);
    const from = start + m.index;
    if (unit !== undefined) {
      const base = unit.toLowerCase().replace(/s$/, '');
      out.push({ kind: 'duration', value, unit: base + 's', weeks: Math.round(value * WEEKS_PER[base]! * 10) / 10, qualifier, text: text_, start: from, end: from + whole.length });
    } else if (percent !== undefined) {
      out.push({ kind: 'percent', value, unit: '%', weeks: null, qualifier, text: text_, start: from, end: from + whole.length });
    } else {
      text_ = whole;
      out.push({ kind: 'count', value, unit: counted!.toLowerCase(), weeks: null, qualifier, text: text_, start: from, end: from + whole.length });
    }
  }
  return out;
}
