// Where the text under a report heading ("Areas for priority action", "Areas for improvement") lies, up to the next
// heading.
// A heading is a line of its own, in ingest's clean text as in raw PDF text; the same words inside a sentence
// ("to address the identified areas for priority action") are not a heading.
import type { Span } from '../records.js';
import { normaliseChars } from './text.js';

// Headings that follow the recommendation sections of a 2023-framework report.
const HEADINGS = [
  'Areas for priority action',
  'Areas for improvement',
  'Local area partnership details',
  'Information about this inspection',
  'Inspection team',
];

// A report with one recommendation heads it in the singular ("Area for improvement").
const headingKey = (line: string) => line.trim().toLowerCase().replace(/^area for /, 'areas for ');
const isHeading = (line: string, heading: string) => headingKey(line) === headingKey(heading);

/** The text's lines: each line's span (line break left out) and its characters normalised. */
function linesOf(text: string): (Span & { line: string })[] {
  let start = 0;
  return text.split('\n').map((raw) => {
    const line = { start, end: start + raw.length, line: normaliseChars(raw) };
    start = line.end + 1;
    return line;
  });
}

/** The section's body, as a span of the text (empty when nothing follows the heading); null when absent. A table
 *  under the heading may repeat it: the body starts after the repeats and ends at the next heading line that is not
 *  its own. */
export function sectionSpan(text: string, heading: string): Span | null {
  const lines = linesOf(text);
  const first = lines.findIndex(({ line }) => isHeading(line, heading));
  if (first < 0) return null;
  const others = HEADINGS.filter((h) => headingKey(h) !== headingKey(heading));
  let start = first + 1;
  while (start < lines.length && isHeading(lines[start]!.line, heading)) start++;
  const rest = lines.slice(start);
  const end = rest.findIndex(({ line }) => others.some((h) => isHeading(line, h)));
  const body = rest.slice(0, end < 0 ? undefined : end);
  if (body.length === 0) return { start: text.length, end: text.length };
  return { start: body[0]!.start, end: body.at(-1)!.end };
}
