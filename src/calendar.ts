// Calendar dates as reports and news pages write them, shared by ingest (a page's publication date) and facts
// (inspection dates): one reading of month names and one check that a day exists.
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** 1-12 for a month's name or its abbreviation ("Sept", "march"); 0 if it is not one. */
export const monthNumber = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** The ISO date (YYYY-MM-DD), or null for a day that does not exist (31 June, 29 February 2023, month 13). */
export function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}
