// An HTML page → the lines of its main content: @mozilla/readability picks the article out of the page (on a
// linkedom DOM), then each block element (paragraph, list item, heading, table cell...) becomes one line.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface WebLine {
  text: string;
  heading: boolean;
}

const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const BLOCK_TAGS = new Set([
  ...HEADING_TAGS,
  'P', 'DIV', 'LI', 'BLOCKQUOTE', 'PRE', 'TR', 'TD', 'TH', 'DT', 'DD', 'FIGCAPTION', 'SECTION', 'ARTICLE', 'HEADER',
  'FOOTER', 'ASIDE', 'UL', 'OL', 'DL', 'TABLE', 'CAPTION', 'ADDRESS', 'MAIN', 'NAV', 'FORM', 'HR',
]);
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME']);

export interface HtmlPage {
  /** Raw (not yet normalised) lines of the page's main content, one per block, the title first. */
  lines: WebLine[];
  /** The author and publication time as the page's metadata gives them, when it does. */
  byline: string | null;
  published: string | null;
}

export function htmlPage(html: string): HtmlPage {
  const { document } = parseHTML(html);
  const article = new Readability<Node>(document as unknown as Document, { serializer: (node) => node }).parse();
  const root = article?.content ?? (document.body as unknown as Node | null);
  const lines: WebLine[] = [];
  const title = article?.title?.trim();
  if (title) lines.push({ text: title, heading: true });
  if (root) collect(root, lines);
  // Readability often keeps the title as the content's first heading too.
  if (title && lines[1]?.text.trim() === title) lines.splice(1, 1);
  return { lines, byline: article?.byline?.trim() || null, published: article?.publishedTime?.trim() || null };
}

function collect(root: Node, lines: WebLine[]): void {
  let buffer = '';
  let heading = false;
  const flush = () => {
    if (buffer.trim()) lines.push({ text: buffer, heading });
    buffer = '';
    heading = false;
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      buffer += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'BR') return flush();
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    if (HEADING_TAGS.has(tag)) heading = true;
    if (tag === 'LI') buffer += '\u2022 ';
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
}
