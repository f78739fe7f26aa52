// Document text reaches the report as HTML text, attribute values and embedded JSON: each has its own escaping.

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Safe inside element text and inside quoted attribute values. */
export function escapeHtml(value: string | number | null): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!);
}

/**
 * JSON safe to place inside <script type="application/json">: with "<" written as \u003c no text can close the
 * element ("</script>") or open a comment ("<!--"); ">", "&" and the JavaScript line separators are escaped too.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
