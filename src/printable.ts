// Text from outside (file names, document text) made safe to print on a terminal: control characters (C0, DEL, C1)
// and the invisible bidirectional overrides are shown as escapes (\n, \t, \x1B, \u202E), so a file name cannot break
// a one-line message or a table, and a document cannot move the cursor, recolour or reorder what follows.
const UNPRINTABLE_RE = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const hex = (c: string, digits: number) => c.charCodeAt(0).toString(16).toUpperCase().padStart(digits, '0');

export function printable(text: string): string {
  return text.replace(UNPRINTABLE_RE, (c) => NAMED[c] ?? (c <= '\u00FF' ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}
