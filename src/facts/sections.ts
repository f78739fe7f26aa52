// The text under a report heading ("Areas for priority action", "Areas for improvement"), up to the next heading.
// A heading is a line of its own, in ingest's clean text as in raw PDF text; the same words inside a sentence
// ("to address the identified areas for priority action") are not a heading.
import { normaliseChars } from './text.js';

// Headings that follow the recommendation sections of a 2023-framework report.
const HEADINGS = [
  'Areas for priority action',
  'Areas for improvement',
  'Local area partnership details',
  'Information about this inspection',
  'Inspection team',
];

const isHeading = (line: string, heading: string) => line.trim().toLowerCase() === heading.toLowerCase();

/** The section's body (heading line excluded), characters normalised, line breaks kept; null when absent.
 *  It ends at the next heading line that is not its own (a table under the heading may repeat it). */
export function sectionText(text: string, heading: string): string | null {
  const lines = normaliseChars(text).split('\n');
  const first = lines.findIndex((line) => isHeading(line, heading));
  if (first < 0) return null;
  const others = HEADINGS.filter((h) => h.toLowerCase() !== heading.toLowerCase());
  const rest = lines.slice(first + 1);
  const end = rest.findIndex((line) => others.some((h) => isHeading(line, h)));
  return rest.slice(0, end < 0 ? undefined : end).join('\n');
}
