// Which blocks are headings: short stand-alone lines set larger or bolder than the body, that read as a title (a
// capital first, no sentence or clause punctuation last; a question mark is fine: "What is it like to be ...?"), and
// the known section titles of Ofsted's letters whatever their type.
import type { Block } from './pdf-blocks.js';
import type { BodyStyle } from './pdf-style.js';

const MAX_LINES = 3;
const MAX_WORDS = 25;
// The section titles of Ofsted's 2016-22 letters (and the recommendation headings of 2023 reports): a block that is
// exactly one of them is a heading even when set in the body face, as some letters set them.
const TEMPLATE_TITLES =
  /^(?:Main findings|Strengths|Areas for development|Areas? for improvement|Areas? for priority action|The effectiveness of the local area in (?:identifying|meeting|improving)\b[^.;:]*)$/i;

export function isHeading(block: Block, text: string, style: BodyStyle): boolean {
  if (block.bullet || block.inRow || block.lines.length > MAX_LINES) return false;
  if (TEMPLATE_TITLES.test(text)) return true;
  if (block.size < style.size - 0.5 || !(block.bold || block.size >= style.size + 1)) return false;
  return /^[\p{Lu}\p{N}]/u.test(text) && !/[.,;:]$/.test(text) && text.split(' ').length <= MAX_WORDS;
}
