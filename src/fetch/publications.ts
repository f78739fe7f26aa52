// What a publication link on a provider page is: its type, its publication date, and whether it is an area SEND report.
// Link texts read like "Area SEND full inspection, PDF - 15 July 2024" or "Children's services focused visit, PDF - ...".

export interface PublicationLabel {
  /** The report type as Ofsted names it, e.g. "Area SEND full inspection". */
  type: string;
  /** Publication date (ISO), from the text after the last " - ". */
  published: string | null;
  /** An area SEND report of any kind: 2023-framework full or monitoring inspections, older outcome letters, revisits. */
  send: boolean;
}

export const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

// "SEND" in capitals is the acronym wherever it appears; in any case, "area send" is the report family's name
// (the site has lower-cased it before). Spelled out, it is "special educational needs".
const SEND_PATTERNS = [/\bSEND\b/, /\barea\s+send\b/i, /\bspecial\s+educational\s+needs\b/i];

export function isSendType(type: string): boolean {
  return SEND_PATTERNS.some((pattern) => pattern.test(type));
}

/** "15 July 2024" (or "5 Jul 2024") → "2024-07-15"; null if it is not a real date. */
export function parseDayMonthYear(text: string): string | null {
  const match = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(text);
  if (!match) return null;
  const [, dayText, monthText, yearText] = match;
  const month = MONTHS.findIndex((name) => name.startsWith(monthText.toLowerCase()));
  const day = Number(dayText);
  const year = Number(yearText);
  if (month < 0) return null;
  const date = new Date(Date.UTC(year, month, day));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month) return null;
  return date.toISOString().slice(0, 10);
}

export function describePublication(label: string): PublicationLabel {
  const text = label.replace(/\s+/g, ' ').trim();
  const dash = text.lastIndexOf(' - ');
  const head = dash >= 0 ? text.slice(0, dash) : text;
  const published = dash >= 0 ? parseDayMonthYear(text.slice(dash + 3)) : null;
  // The format ("PDF") follows the type after a comma; drop it however it is cased.
  const type = head.replace(/,\s*pdf\s*$/i, '').trim();
  return { type, published, send: isSendType(type) };
}

/** The file id in a files.ofsted.gov.uk link (`/v1/file/<id>`): unique per file, so an amended report gets a new one. */
export function fileIdOf(href: string): string | null {
  const match = /\/file\/([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/.exec(href);
  return match ? match[1] : null;
}
