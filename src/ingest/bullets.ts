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
