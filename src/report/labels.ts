// Words a reader understands for the dataset's ids.

const ACRONYMS = new Set(['ap', 'adhd', 'asd', 'camhs', 'ehc', 'ehcp', 'icb', 'send', 'sen']);

/** "ehcp-timeliness" → "EHCP timeliness". */
export function categoryLabel(id: string): string {
  const words = id.split('-').map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w));
  return words.join(' ').replace(/^./, (c) => c.toUpperCase());
}

const OUTCOMES: Record<string, { long: string; short: string }> = {
  positive: { long: 'Positive experiences and outcomes', short: 'Positive' },
  inconsistent: { long: 'Inconsistent experiences and outcomes', short: 'Inconsistent' },
  'systemic-failings': { long: 'Widespread or systemic failings', short: 'Systemic failings' },
  wsoa: { long: 'Written statement of action required (2016 framework)', short: 'WSoA (2016)' },
  'no-wsoa': { long: 'No written statement of action (2016 framework)', short: 'No WSoA (2016)' },
};

export function outcomeLabel(outcome: string | null, length: 'long' | 'short' = 'long'): string {
  if (outcome === null) return length === 'long' ? 'Outcome not stated' : 'Not stated';
  return OUTCOMES[outcome]?.[length] ?? outcome;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-09-23" → "Sep 2024"; null → "undated". */
export function monthLabel(date: string | null): string {
  return date === null ? 'undated' : `${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

const REVISITS: Record<string, { long: string; short: string }> = {
  'sufficient-progress': { long: 'Sufficient progress on all weaknesses', short: 'All progressed' },
  'partial-progress': { long: 'Sufficient progress on some weaknesses', short: 'Some progressed' },
  'insufficient-progress': { long: 'Sufficient progress on none', short: 'None progressed' },
  'not-revisited-yet': { long: 'Not revisited yet', short: 'Not yet' },
};

/** "Sufficient progress on some weaknesses (3 of 5), Jan 2022" ("Some progressed (3 of 5), Jan 2022"); the counts
 * and date when given. */
export function revisitLabel(
  result: string, start: string | null, progressed: number | null, weaknesses: number | null, length: 'long' | 'short' = 'long',
): string {
  const counts = result === 'partial-progress' && progressed !== null && weaknesses !== null ? ` (${progressed} of ${weaknesses})` : '';
  return `${REVISITS[result]?.[length] ?? result}${counts}${start ? `, ${monthLabel(start)}` : ''}`;
}
