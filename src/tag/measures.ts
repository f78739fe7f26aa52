// Numbers a finding states: durations (as weeks, with a qualifier: "over two years" is 104 weeks, over),
// percentages and counts. One bounded regex pass over the quote; offsets are into the document text.
import type { Measure } from '../records.js';

type Qualifier = Measure['qualifier'];

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, hundred: 100,
};

const WEEKS_PER: Record<string, number> = { day: 1 / 7, week: 1, month: 52 / 12, year: 52 };

/** Qualifier phrases as they end the text before the number (lower case, single spaces, articles dropped). */
const QUALIFIERS: [RegExp, Qualifier][] = [
  [/(?:up to|as long as|as much as|no more than|not more than|within|at most|maximum of)$/, 'up-to'],
  [/(?:over|more than|longer than|in excess of|upwards of|exceeding|at least|minimum of|beyond|greater than)$/, 'over'],
  [/(?:about|around|approximately|nearly|almost|roughly|some|circa|close to|just under|just over)$/, 'about'],
  [/(?:average|averages|averaged|on average|mean|median)(?: wait| waiting time| waits)?(?: is| was| of)?$/, 'average'],
];

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|${Object.keys(NUMBER_WORDS).join('|')}`;
/** A number, then a time unit ("18 months", "20-week"), a percent, or the word it counts. */
const MEASURE = new RegExp(
  String.raw`\b(${NUMBER})(?:[ -](?:and a half )?(day|week|month|year)s?\b|\s?(%|per cent\b|percent\b)|\s([a-z][a-z-]{2,30}))`,
  'gi',
);

/** Words after a number that are not what it counts. */
const NOT_COUNTED = /^(?:and|or|to|of|the|in|at|for|on|by|from|with|per|other|more|less|than|january|february|march|april|may|june|july|august|september|october|november|december)$/i;

function qualifierBefore(text: string, at: number): Qualifier {
  const before = text
    .slice(Math.max(0, at - 40), at)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ (?:the|a|an)$/, '');
  for (const [pattern, q] of QUALIFIERS) if (pattern.test(before)) return q;
  return 'exactly';
}

export function findMeasures(text: string, start: number, end: number): Measure[] {
  const quote = text.slice(start, end);
  const out: Measure[] = [];
  MEASURE.lastIndex = 0;
  for (let m = MEASURE.exec(quote); m; m = MEASURE.exec(quote)) {
    const [whole, raw, unit, percent, counted] = m as unknown as [string, string, string?, string?, string?];
    const word = NUMBER_WORDS[raw.toLowerCase()];
    // Counts and percentages need digits ("a few children" counts nothing); years and dates are not counts.
    if (unit === undefined && (word !== undefined || (counted !== undefined && (NOT_COUNTED.test(counted) || /^(?:19|20)\d\d$/.test(raw))))) {
      MEASURE.lastIndex = m.index + raw.length;
      continue;
    }
    const value = (word ?? Number(raw.replace(/,/g, ''))) + (/and a half/i.test(whole) ? 0.5 : 0);
    const at = { text: whole, start: start + m.index, end: start + m.index + whole.length, qualifier: qualifierBefore(quote, m.index) };
    if (unit !== undefined) {
      const base = unit.toLowerCase();
      out.push({ kind: 'duration', value, unit: `${base}s`, weeks: Math.round(value * WEEKS_PER[base]! * 10) / 10, ...at });
    } else if (percent !== undefined) out.push({ kind: 'percent', value, unit: '%', weeks: null, ...at });
    else out.push({ kind: 'count', value, unit: counted!.toLowerCase(), weeks: null, ...at });
  }
  return out;
}
