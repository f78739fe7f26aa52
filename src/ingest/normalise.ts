// One normal form for all clean text, so downstream rules and quotes match whatever the source used:
// compatibility forms folded (ligatures, non-breaking and thin spaces, ellipsis), curly quotes made straight,
// hyphen look-alikes made '-' (en and em dashes stay: they are punctuation), invisible characters and control
// characters dropped (a document must not carry terminal escapes into findings) and runs of white space made one space.

const SINGLE_QUOTES_RE = /[\u2018\u2019\u201A\u201B\u2032]/g;
const DOUBLE_QUOTES_RE = /[\u201C\u201D\u201E\u201F\u2033]/g;
const HYPHENS_RE = /[\u2010\u2011\u2212]/g;
// Zero-width characters, soft hyphens and byte-order marks carry no text.
const INVISIBLE_RE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// Terminal escape sequences (CSI such as ESC[31m, OSC such as a window title) go whole, not just their ESC.
const ESCAPE_SEQUENCE_RE = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)?/g;
// Control characters (C0 but tab, line breaks, vertical tab and form feed, which are white space below; DEL; C1) and
// the bidirectional overrides that reorder what a terminal shows.
const CONTROL_RE = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
// Whatever NFKC leaves as space-like (tabs, line breaks, ideographic space...) becomes one plain space.
const SPACES_RE = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

/** Normalises a run of text to one line: line breaks, like all white space, become single spaces. */
export function normaliseLine(text: string): string {
  return text
    .normalize('NFKC')
    .replace(ESCAPE_SEQUENCE_RE, '')
    .replace(CONTROL_RE, '')
    .replace(INVISIBLE_RE, '')
    .replace(SINGLE_QUOTES_RE, "'")
    .replace(DOUBLE_QUOTES_RE, '"')
    .replace(HYPHENS_RE, '-')
    .replace(SPACES_RE, ' ')
    .trim();
}
