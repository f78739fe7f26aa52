// Inspection dates. Reports label them ("Inspection dates: 11 to 15 March 2024", "Dates of previous inspection:
// 30 January 2023 to 3 February 2023") or give the previous one in prose ("The previous full inspection was on
// 6 March 2017."); 2016-framework letters say "Between 12 March 2018 and 16 March 2018, Ofsted and the Care Quality
// Commission (CQC) conducted a joint inspection"; news and minutes say when the inspection or revisit took place
// ("The re-visit took place between January 2022 and 1 February 2022"). A range whose start has no day gives only its
// end: the start is not guessed.
import { isoDate, monthNumber } from '../calendar.js';
import { aboutThisInspection, type Sentence } from './text.js';

const MONTH = '(January|February|March|April|May|June|July|August|September|Sept|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const DAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';

// "11 to 15 March 2024", "23 September to 27 September 2024", "30 January 2023 to 3 February 2023",
// "between 12 and 16 March 2018", "11-15 March 2024", or one date.
const RANGE = new RegExp(
  `^(?:between\\s+|from\\s+)?${DAY}(?:\\s+${MONTH})?(?:,?\\s+${YEAR})?\\s*(?:to|until|and|-)\\s*${DAY}\\s+${MONTH},?\\s+${YEAR}`,
  'i',
);
const SINGLE = new RegExp(`^(?:on\\s+)?${DAY}\\s+${MONTH},?\\s+${YEAR}`, 'i');
// "between January 2022 and 1 February 2022": the start's day is not given.
const MONTH_TO_DAY = new RegExp(
  `^(?:between\\s+|from\\s+)?${MONTH}(?:\\s+${YEAR})?\\s*(?:to|until|and|-)\\s*${DAY}\\s+${MONTH},?\\s+${YEAR}`,
  'i',
);

export interface DateRange {
  /** null when the text gives the start without its day. */
  start: string | null;
  end: string;
}

/** The date range (or single date) at the start of the text, as ISO dates; null if it does not start with one. */
export function parseDateRange(text: string): DateRange | null {
  const range = RANGE.exec(text);
  if (range) {
    const [, d1, m1, y1, d2, m2, y2] = range;
    const endMonth = monthNumber(m2!);
    const endYear = Number(y2);
    const startMonth = m1 ? monthNumber(m1) : endMonth;
    // "28 December to 3 January 2024" runs over the new year.
    const startYear = y1 ? Number(y1) : startMonth > endMonth ? endYear - 1 : endYear;
    const start = isoDate(startYear, startMonth, Number(d1));
    const end = isoDate(endYear, endMonth, Number(d2));
    return start && end && start <= end ? { start, end } : null;
  }
  const partial = MONTH_TO_DAY.exec(text);
  if (partial) {
    const [, m1, y1, d2, m2, y2] = partial;
    const end = isoDate(Number(y2), monthNumber(m2!), Number(d2));
    const startMonth = `${y1 ?? y2}-${String(monthNumber(m1!)).padStart(2, '0')}`;
    return end && startMonth <= end.slice(0, 7) ? { start: null, end } : null;
  }
  const single = SINGLE.exec(text);
  if (single) {
    const date = isoDate(Number(single[3]), monthNumber(single[2]!), Number(single[1]));
    return date ? { start: date, end: date } : null;
  }
  return null;
}

/** The dates after the first occurrence of a label (e.g. "Inspection dates:") that is followed by dates. */
function labelled(flat: string, label: RegExp): DateRange | null {
  for (const m of flat.matchAll(label)) {
    const range = parseDateRange(flat.slice(m.index + m[0].length));
    if (range) return range;
  }
  return null;
}

const INSPECTION_LABEL = /\bInspection dates?\s*:?\s*/gi;
// "Dates of previous inspection:", "Dates of previous inspections:" (the full inspection is listed first, then any
// revisit), "The previous full inspection was on ...".
const PREVIOUS_LABEL =
  /\b(?:previous|last) (?:full )?(?:area SEND |local area SEND )?inspection (?:was|took place|was carried out)(?: on)?\s*|\b(?:Dates? of (?:the )?)?(?:previous|last) (?:full )?(?:area SEND |local area SEND )?inspections?\s*:?\s*(?:(?:full |local area SEND |joint )?inspection\s*:?\s*)?/gi;
// The 2016-framework letter's opening sentence.
const LETTER_VISIT = /\b(?:conducted|carried out) a joint (?:inspection|revisit)\b|\bre-?visited the (?:local )?area\b/i;

/** The inspection visit's dates: the labelled dates, else a range in a letter's opening sentence or in a sentence
 *  about this inspection ("The re-visit took place between ..."). */
export function inspectionDates(flat: string, sentences: Sentence[]): DateRange | null {
  const found = labelled(flat, INSPECTION_LABEL);
  if (found) return found;
  for (const { flat: sentence } of sentences) {
    // News and minutes: a sentence about when this inspection or revisit happened.
    if (!LETTER_VISIT.test(sentence) && !aboutThisInspection(sentence)) continue;
    for (const m of sentence.matchAll(/\b(?:[Bb]etween|[Ff]rom)\s+(?=[\dA-Z])/g)) {
      const range = parseDateRange(sentence.slice(m.index));
      if (range) return range;
    }
  }
  return null;
}

/** The start date of the previous inspection, where the report gives it ("Not previously inspected": null); with a
 *  revisit after it, the full inspection's. */
export function previousInspection(flat: string): string | null {
  return labelled(flat, PREVIOUS_LABEL)?.start ?? null;
}

// When the document itself was written: a labelled date near the top ("Published: 14 March 2019", "Minutes of the
// meeting held on Tuesday 12 March 2019"), or a line near the top that is only a date (a byline's or a letter's).
const ANY_DATE = `(?:(?:[A-Z][a-z]+day),?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+|\\d{1,2}/\\d{1,2}/)(20[12]\\d)\\b`;
const PUBLISHED = new RegExp(
  `\\b(?:Published|Posted|First published|Updated|Last updated|Date|held on)\\s*:?\\s*(?:on\\s+)?${ANY_DATE}`,
  'i',
);
const DATE_LINE = new RegExp(`^[^\\p{L}\\d]*(?:[A-Z][a-z]+\\s+){0,4}${ANY_DATE}[^\\p{L}]*(?:[aApP]\\.?[mM]\\.?|BST|GMT)?[^\\p{L}]*$`, 'u');
const TOP_LINES = 15;
// A date line belongs to the page's head; "updated on 5 March 2019" deep in a story is about something else.
const HEAD_CHARS = 1500;

/** The year the document was written or published, where its head says; null otherwise. */
export function publicationYear(text: string): number | null {
  const labelled = PUBLISHED.exec(text.slice(0, HEAD_CHARS));
  const year = (m: RegExpExecArray) => Number(m.findLast((g) => g !== undefined && /^20[12]\d$/.test(g)));
  if (labelled) return year(labelled);
  for (const line of text.split('\n').slice(0, TOP_LINES)) {
    const m = DATE_LINE.exec(line.trim());
    if (m) return year(m);
  }
  return null;
}
