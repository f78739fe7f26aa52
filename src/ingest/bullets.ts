// List bullets, whatever glyph the source used (■ ◼ ▪ • ● ◦ ➢ ✓ · Wingdings' private-use bullets), or a dash or
// asterisk followed by a space. In the clean text every bullet item starts with one "• ".

const GLYPHS = '\u25A0-\u25FF\u2022\u2023\u2043\u2219\u27A2\u27A4\u2794\u2713\u2714\u00B7\uF0A7\uF0B7';

/** A bullet mark on its own (a PDF often sets it apart from the item's words). */
export const BULLET_MARK_RE = new RegExp(`^(?:[${GLYPHS}]|[-\u2013*])$`);
/** A line starting with a bullet. */
export const BULLET_START_RE = new RegExp(`^\\s*(?:[${GLYPHS}]|[-\u2013*](?=\\s))\\s*`);
/** A line starting with a dash or asterisk and a space: a bullet, or (in a PDF) maybe a sentence going on. */
export const DASH_START_RE = /^\s*[-\u2013*]\s/;

const BULLET = '\u2022 ';

/** The line with its bullet, if it has one, written "• "; a bullet with no words after it gives ''. */
export function normaliseBullet(line: string): string {
  const mark = BULLET_START_RE.exec(line);
  if (!mark) return line;
  const words = line.slice(mark[0].length);
  return words ? BULLET + words : '';
}

// Bullets inside a line: a glyph, or a dash between spaces (a dash in prose comes alone or in a pair).
const INLINE_GLYPH_RE = new RegExp(`\\s[${GLYPHS}]\\s`, 'g');
const INLINE_DASH_RE = /\s[-\u2013\u2014]\s/g;

/**
 * A list written on one line ("The report found: - long waits - poor plans - no oversight", "• one • two") → its
 * lead-in and one "• " line per item, so no item runs into the next as one long sentence. Two glyph bullets split
 * (or one after a leading bullet). Dashes split after a lead-in's colon or a leading dash when there are two or
 * more; with neither, only an odd number of three or more does: asides in prose come in pairs ("The report –
 * published on Tuesday – found that waits – some of over a year – were too long").
 */
export function splitInlineList(line: string): string[] {
  const lead = BULLET_START_RE.exec(line);
  const body = lead ? line.slice(lead[0].length) : line;
  const glyphs = body.match(INLINE_GLYPH_RE)?.length ?? 0;
  const dashes = body.match(INLINE_DASH_RE)?.length ?? 0;
  const firstDash = body.search(INLINE_DASH_RE);
  const afterColon = firstDash > 0 && body.slice(0, firstDash).trimEnd().endsWith(':');
  const marker =
    glyphs >= 2 || (glyphs === 1 && lead) ? INLINE_GLYPH_RE
    : (dashes >= 2 && (afterColon || lead)) || (dashes >= 3 && dashes % 2 === 1) ? INLINE_DASH_RE
    : null;
  if (!marker) return [line];
  const parts = body.split(marker).map((p) => p.trim()).filter(Boolean);
  // The text before the first mark is the lead-in, unless the line itself opened with a bullet.
  const leadIn = !lead && body.search(marker) > 0 ? [parts.shift()!] : [];
  return [...leadIn, ...parts.map((p) => BULLET + p)];
}
