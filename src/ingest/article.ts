// A news page's furniture near its top: the byline ("By Sam Reporter, Education Correspondent", or a name with a
// reporter's title) and the publication date ("Published 3 May 2024, 10:02 BST"). Lifted off the text into
// Document.article, so they are neither findings nor sentences; the headline and standfirst stay in the text.
import { isoDate, monthNumber } from '../calendar.js';

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'i');
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const NUMERIC = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})(?!\d)/;
// What a date line may hold besides the date: labels, weekdays, times and zones, separators.
const DATE_LINE_WORDS =
  /\b(published|updated|last updated|posted|first published|on|at|date|(mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun|am|pm|bst|gmt|utc)\b|\d{1,2}[:.]\d{2}|[,|:\-–—•]/gi;

/** The date a line gives, as an ISO date, or null. Numeric dates are read day first (British usage). */
export function parseDate(line: string): string | null {
  let m = DAY_MONTH_YEAR.exec(line);
  if (m) return isoDate(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  m = MONTH_DAY_YEAR.exec(line);
  if (m) return isoDate(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  m = NUMERIC.exec(line);
  if (m?.[4]) return isoDate(Number(m[4]), Number(m[5]), Number(m[6]));
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** A line that is only a date (with its label, weekday and time): its ISO date, or null. */
export function dateLine(line: string): string | null {
  const date = parseDate(line);
  if (!date || line.split(' ').length > 10) return null;
  const rest = line
    .replace(DAY_MONTH_YEAR, '')
    .replace(MONTH_DAY_YEAR, '')
    .replace(NUMERIC, '')
    .replace(DATE_LINE_WORDS, ' ')
    .trim();
  return rest === '' ? date : null;
}

const BY = /^(?:[Bb]y|BY|[Ww]ritten by|[Ww]ords by|[Rr]eporting by|[Pp]osted by)\s+(\p{Lu}[\p{L}'.-]*(?:\s+\p{Lu}[\p{L}'.-]*)+.*)$/u;
const REPORTER_TITLE =
  /\b(reporter|correspondent|journalist|editor|writer|columnist|staff|news desk|newsdesk|democracy reporting service)\b/i;
const NAME_THEN_TITLE = /^(\p{Lu}[\p{L}'.-]+(?:\s+\p{Lu}[\p{L}'.-]+){1,3}),\s+(.*)$/u;
const BYLINE_WORDS = 14;

/** A byline: "By Sam Reporter[, Education Correspondent][ | 3 May 2024]" or "Sam Reporter, Local Democracy Reporter". */
export function bylineOf(line: string): string | null {
  if (line.split(' ').length > BYLINE_WORDS || /[.!?]$/.test(line) && !/\b[A-Z]\.$/.test(line)) return null;
  const author = (s: string) => s.split(/\s+[|•]\s+|\s+-\s+(?=\d)/)[0]!.trim();
  const by = BY.exec(line);
  if (by) return author(by[1]!);
  const named = NAME_THEN_TITLE.exec(line);
  return named && REPORTER_TITLE.test(named[2]!) ? author(line) : null;
}
