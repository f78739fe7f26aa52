// Which blocks are headings: short stand-alone lines set larger or bolder than the body, that read as a title (a
// capital first, no sentence or clause punctuation last; a question mark is fine: "What is it like to be ...?").
import type { Block } from './pdf-blocks.js';
import type { BodyStyle } from './pdf-style.js';

const MAX_LINES = 3;
const MAX_WORDS = 25;

export function isHeading(block: Block, text: string, style: BodyStyle): boolean {
  if (block.bullet || block.inRow || block.lines.length > MAX_LINES) return false;
  if (block.size < style.size - 0.5 || !(block.bold || block.size >= style.size + 1)) return false;
  return /^[\p{Lu}\p{N}]/u.test(text) && !/[.,;:]$/.test(text) && text.split(' ').length <= MAX_WORDS;
}
