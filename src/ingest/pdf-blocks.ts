// Segments → blocks: the units of clean text. A block is a paragraph, a bullet item, a heading or a table cell; its
// lines are the layout's line breaks, to be joined into one line of clean text. A segment continues a block when it
// sits one line pitch below the block's last line, in the same column, size and weight; a paragraph cut by a page
// break continues at the top of the next page.
import { BULLET_START_RE, DASH_START_RE } from './bullets.js';
import { LINKING_WORD_RE, TERMINATED_RE } from './line-ends.js';
import type { PdfPage, Segment } from './pdf-extract.js';
import { isBold, type BodyStyle } from './pdf-style.js';

export interface BlockLine {
  text: string;
  page: number;
}

export interface Block {
  lines: BlockLine[];
  size: number;
  bold: boolean;
  bullet: boolean;
  /** Shares its baseline with another segment of the same style: a table row, such as a column-header row. */
  inRow: boolean;
  x0: number;
  /** Left edge of the words on the first line (after a bullet glyph). */
  textX: number;
  /** Left edge of continuation lines, fixed by the second line. */
  contX: number | undefined;
  lastY: number;
  /** Right edge of the last line, and the widest right edge so far: a paragraph cut by a page break ends full. */
  lastX1: number;
  maxX1: number;
}

// A paragraph's next line lies within this many pitches below; blank space beyond it separates blocks. An unfinished
// sentence goes on over a wider gap when the next line starts in lower case (some lists space their lines out).
const PITCH_TOLERANCE = 1.3;
const LOWER_CASE_TOLERANCE = 2.5;
// A lower-case word (not a web address such as "www.example.org" or "https://example.org").
const LOWER_CASE_WORD_RE = /^\s*\p{Ll}[\p{Ll}'-]*([\s,;!?)]|\.(?!\S)|$)/u;
// A second line may start this many font sizes left of the first (a first-line indent or a hanging bullet).
const INDENT = 4;
const SAME_X = 2;
// A line at least this share of the column's width is a full line (ragged-right text falls short by a word or two).
const FULL_LINE = 0.7;
// Only the most recent blocks of a page can still be continued (keeps the search short on dense pages).
const OPEN_BLOCKS = 12;

export function buildBlocks(pages: PdfPage[], style: BodyStyle): Block[] {
  const blocks: Block[] = [];
  let carried: Block[] = [];
  for (const page of pages) {
    const layout = pageLayout(page, style);
    const open: Block[] = [];
    for (const seg of page.segments) {
      const block = blockToContinue(seg, open, carried, layout, style);
      if (block) {
        block.lines.push({ text: seg.text, page: page.n });
        block.contX ??= seg.x0;
        block.lastY = seg.y;
        block.lastX1 = seg.x1;
        block.maxX1 = Math.max(block.maxX1, seg.x1);
        if (!open.includes(block)) open.push(block);
        continue;
      }
      const fresh: Block = {
        lines: [{ text: seg.text, page: page.n }],
        size: seg.size,
        bold: layout.bold.get(seg)!,
        bullet: BULLET_START_RE.test(seg.text),
        inRow: layout.peers.has(seg),
        x0: seg.x0,
        textX: seg.textX,
        contX: undefined,
        lastY: seg.y,
        lastX1: seg.x1,
        maxX1: seg.x1,
      };
      blocks.push(fresh);
      open.push(fresh);
      if (open.length > OPEN_BLOCKS) open.shift();
    }
    carried = reachingPageFoot(open, page);
  }
  return blocks;
}

interface PageLayout {
  bold: Map<Segment, boolean>;
  /** Other segments on the same baseline in the same style (the other cells of a table row). */
  peers: Map<Segment, Segment[]>;
  /** Segments on a baseline where some column starts afresh: a table row's first line. */
  rowStarts: Set<Segment>;
  top: number;
}

function pageLayout(page: PdfPage, style: BodyStyle): PageLayout {
  const segments = page.segments;
  const bold = new Map(segments.map((seg) => [seg, isBold(seg, style)] as const));
  const peers = new Map<Segment, Segment[]>();
  for (const seg of segments) {
    const same = segments.filter(
      (other) =>
        other !== seg &&
        Math.abs(other.y - seg.y) < 0.5 * seg.size &&
        Math.abs(other.size - seg.size) <= 0.5 &&
        bold.get(other) === bold.get(seg) &&
        (other.x0 >= seg.x1 || other.x1 <= seg.x0),
    );
    if (same.length) peers.set(seg, same);
  }
  // A column starts afresh where nothing in it lies within a line pitch above.
  const startsColumn = (seg: Segment) =>
    !segments.some(
      (above) =>
        above.y > seg.y &&
        above.y - seg.y < style.pitch * seg.size * PITCH_TOLERANCE &&
        above.x0 < seg.x1 &&
        above.x1 > seg.x0,
    );
  const rowStarts = new Set<Segment>();
  for (const [seg, others] of peers) if ([seg, ...others].some(startsColumn)) rowStarts.add(seg);
  return { bold, peers, rowStarts, top: Math.max(...segments.map((s) => s.y)) };
}

function blockToContinue(
  seg: Segment,
  open: Block[],
  carried: Block[],
  layout: PageLayout,
  style: BodyStyle,
): Block | undefined {
  // A bullet glyph always starts an item; a dash may instead go on with an unfinished sentence.
  const isDash = DASH_START_RE.test(seg.text);
  if (BULLET_START_RE.test(seg.text) && !isDash) return undefined;
  const bold = layout.bold.get(seg)!;
  const atTop = layout.top - seg.y < style.pitch * seg.size * PITCH_TOLERANCE;
  const block =
    open.findLast((b) => continues(b, seg, bold, style)) ??
    (atTop ? carried.find((b) => sameStyle(b, seg, bold) && sameColumn(b, seg, seg.size)) : undefined);
  if (!block) return undefined;
  // A dash after a finished line or item is a bullet of its own.
  if (isDash && (block.bullet || finished(block))) return undefined;
  // A new table row, though set as close as a paragraph's lines, starts a new cell after a finished one.
  if (layout.rowStarts.has(seg) && finished(block)) return undefined;
  return block;
}

function continues(b: Block, seg: Segment, bold: boolean, style: BodyStyle): boolean {
  if (!sameStyle(b, seg, bold) || !sameColumn(b, seg, SAME_X)) return false;
  const drop = b.lastY - seg.y;
  const tolerance = !finished(b) && LOWER_CASE_WORD_RE.test(seg.text) ? LOWER_CASE_TOLERANCE : PITCH_TOLERANCE;
  return drop > 0 && drop < style.pitch * seg.size * tolerance;
}

const sameStyle = (b: Block, seg: Segment, bold: boolean) => Math.abs(b.size - seg.size) <= 0.5 && b.bold === bold;

// The tolerance is looser over a page break: page templates shift a little from page to page.
function sameColumn(b: Block, seg: Segment, tolerance: number): boolean {
  if (b.contX !== undefined) return Math.abs(seg.x0 - b.contX) <= tolerance;
  return seg.x0 >= b.x0 - INDENT * seg.size && seg.x0 <= b.textX + tolerance;
}

const finished = (b: Block) => TERMINATED_RE.test(b.lines[b.lines.length - 1]!.text);

/**
 * Blocks that may go on at the top of the next page: unfinished, with nothing below them in their column, and a last
 * line about as wide as the block's widest (for a one-line block, the page's widest), as a line cut by the page
 * break is, or ending on a word that needs more ("and", "of"). A list of names whose last line stops short is complete.
 */
function reachingPageFoot(open: Block[], page: PdfPage): Block[] {
  const right = Math.max(...page.segments.map((s) => s.x1));
  return open.filter((b) => {
    const last = b.lines[b.lines.length - 1]!.text;
    const width = (b.lines.length > 1 ? b.maxX1 : right) - b.x0;
    const full = b.lastX1 - b.x0 >= FULL_LINE * width || LINKING_WORD_RE.test(last);
    const below = page.segments.some((s) => s.y < b.lastY - 1 && s.x0 < b.maxX1 && s.x1 > b.x0);
    return full && !below && !finished(b);
  });
}
