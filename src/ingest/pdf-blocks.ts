// Segments → blocks: the units of clean text. A block is a paragraph, a bullet item, a heading or a table cell; its
// lines are the layout's line breaks, to be joined into one line of clean text. A segment continues a block when it
// sits one line pitch below the block's last line, in the same column, size and weight; a paragraph cut by a page
// break continues at the top of the next page.
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

// A bullet glyph, or a dash used as one (unless it goes on with an unfinished sentence), then the item's words.
export const BULLET_RE = /^\s*(?:[\u25A0-\u25FF\u2022\u2023\u2043\u2219\u25CF\u27A2\u27A4\u2794\u2713\u2714\u00B7\uF0A7\uF0B7]|[-\u2013](?=\s))\s*/;
const DASH_RE = /^\s*[-\u2013]\s/;
// Ends a sentence or clause: nothing after it continues on the next line.
const TERMINATED_RE = /[.!?:;]["'\u2019\u201D)\]]*\s*$/;
// A paragraph's next line lies within this many pitches below; blank space beyond it separates blocks. An unfinished
// sentence goes on over a wider gap when the next line starts in lower case (some lists space their lines out).
const PITCH_TOLERANCE = 1.3;
const LOWER_CASE_TOLERANCE = 2.5;
// A lower-case word (not a web address such as "www.example.org").
const LOWER_CASE_WORD_RE = /^\s*\p{Ll}[\p{Ll}'-]*([\s,;:!?)]|\.(?!\S)|$)/u;
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
    const open: Block[] = [];
    const rows = rowMembers(page.segments, style);
    const top = Math.max(...page.segments.map((s) => s.y));
    for (const seg of page.segments) {
      const bold = isBold(seg, style);
      const line = { text: seg.text, page: page.n };
      const atTop = top - seg.y < style.pitch * seg.size * PITCH_TOLERANCE;
      const glyphBullet = BULLET_RE.test(seg.text) && !DASH_RE.test(seg.text);
      let block = glyphBullet
        ? undefined
        : (open.findLast((b) => continues(b, seg, bold, style)) ??
          (atTop ? carried.find((b) => continuesOverPage(b, seg, bold)) : undefined));
      if (block && DASH_RE.test(seg.text) && (block.bullet || finished(block))) block = undefined;
      if (block) {
        block.lines.push(line);
        block.contX ??= seg.x0;
        block.lastY = seg.y;
        block.lastX1 = seg.x1;
        block.maxX1 = Math.max(block.maxX1, seg.x1);
        if (!open.includes(block)) open.push(block);
        continue;
      }
      const fresh: Block = {
        lines: [line],
        size: seg.size,
        bold,
        bullet: BULLET_RE.test(seg.text),
        inRow: rows.has(seg),
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
    carried = reachingPageFoot(open, page, style);
  }
  return blocks;
}

function continues(b: Block, seg: Segment, bold: boolean, style: BodyStyle): boolean {
  if (!sameStyle(b, seg, bold) || !sameColumn(b, seg, SAME_X)) return false;
  const drop = b.lastY - seg.y;
  const tolerance = !finished(b) && LOWER_CASE_WORD_RE.test(seg.text) ? LOWER_CASE_TOLERANCE : PITCH_TOLERANCE;
  return drop > 0 && drop < style.pitch * seg.size * tolerance;
}

// Page templates shift a little from page to page, so the column test is looser over a page break.
function continuesOverPage(b: Block, seg: Segment, bold: boolean): boolean {
  return sameStyle(b, seg, bold) && sameColumn(b, seg, seg.size);
}

const sameStyle = (b: Block, seg: Segment, bold: boolean) => Math.abs(b.size - seg.size) <= 0.5 && b.bold === bold;

function sameColumn(b: Block, seg: Segment, tolerance: number): boolean {
  if (b.contX !== undefined) return Math.abs(seg.x0 - b.contX) <= tolerance;
  return seg.x0 >= b.x0 - INDENT * seg.size && seg.x0 <= b.textX + tolerance;
}

/**
 * Blocks that may go on at the top of the next page: unfinished, with their last line at the foot of the page and
 * about as wide as the block's widest line (for a one-line block, the page's), as a line cut by the page break is.
 * A list of names whose last line stops well short is complete.
 */
function reachingPageFoot(open: Block[], page: PdfPage, style: BodyStyle): Block[] {
  const foot = Math.min(...page.segments.map((s) => s.y));
  const right = Math.max(...page.segments.map((s) => s.x1));
  return open.filter((b) => {
    const full = b.lastX1 - b.x0 >= FULL_LINE * ((b.lines.length > 1 ? b.maxX1 : right) - b.x0);
    return full && b.lastY - foot < style.pitch * b.size * PITCH_TOLERANCE && !finished(b);
  });
}

const finished = (b: Block) => TERMINATED_RE.test(b.lines[b.lines.length - 1]!.text);

/** Segments sharing a baseline with another segment of the same size and weight (cells of one table row). */
function rowMembers(segments: Segment[], style: BodyStyle): Set<Segment> {
  const members = new Set<Segment>();
  const byY = [...segments].sort((a, b) => a.y - b.y);
  for (let i = 1; i < byY.length; i++) {
    const [a, b] = [byY[i - 1]!, byY[i]!];
    if (Math.abs(a.y - b.y) < 0.5 * a.size && Math.abs(a.size - b.size) <= 0.5 && isBold(a, style) === isBold(b, style)) {
      members.add(a);
      members.add(b);
    }
  }
  return members;
}

