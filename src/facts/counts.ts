// How many areas for priority action and areas for improvement a document gives.
// A 2023-framework report lists them under headings: areas for improvement as recommendations (see items.ts);
// areas for priority action in a table with one row per area, each row's first cell naming the responsible body
// ("X Council and NHS Y ICB"). Reports with no priority section have 0. Other documents count only when they state
// the number ("two areas for priority action").
import { countRecommendations } from './items.js';
import { sectionSpan } from './sections.js';
import { COUNT_PATTERN, flatten, parseCount, type Sentence } from './text.js';

export interface RecommendationCounts {
  priority_actions: number | null;
  improvement_areas: number | null;
}

const TABLE_HEADER = /^\s*(?:Responsible bod(?:y|ies)\s*)?(?:Areas? for priority action\s*)?/i;
// A run of name words: capitalised words and the small words inside names, commas between.
const NAME_RUN = /(?:St\.|[A-Z][\p{L}'-]*|\(ICB\))(?:,?\s+(?:St\.|[A-Z][\p{L}'-]*|and|of|the|upon|&|\(ICB\)))*/gu;
const ORG_WORD = /^(?:Council|NHS|ICB|\(ICB\)|Care|Board|Trust|Commissioning|CCG|Group)$/;
const ORG_END = /^(?:Council|ICB|\(ICB\)|Board|Trust|CCG|Group)$/;

/** Rows of a priority-action table: runs of body names that start a sentence (the row's first cell), contain an
 *  organisation word and go on to a capitalised word (the action's first word, or a further name). A sentence that
 *  merely starts with a body ("The ICB should ...") has nothing capitalised after the organisation word. Where
 *  cells of several rows run together, each repeat of the cell's opening words after a body's name is a row. */
function tableRows(section: string): number {
  const flat = flatten(section).replace(TABLE_HEADER, '');
  let rows = 0;
  for (const m of flat.matchAll(NAME_RUN)) {
    const before = flat.slice(0, m.index).trimEnd();
    if (before && !/[.:;!?]["')]?$/.test(before)) continue;
    const words = m[0].split(/,?\s+/);
    const org = words.findIndex((w) => ORG_WORD.test(w));
    if (org < 0 || !words.slice(org + 1).some((w) => /^[A-Z]/.test(w) && !ORG_WORD.test(w))) continue;
    const repeats = words.filter(
      (w, i) => i > 1 && ORG_END.test(words[i - 1]!) && w === words[0] && words[i + 1] === words[1],
    ).length;
    rows += 1 + repeats;
  }
  return rows;
}

/** A count the text states: "two areas for priority action", "there are 4 areas for improvement". */
function statedCount(flat: string, noun: string): number | null {
  const m = new RegExp(`\\b(${COUNT_PATTERN})\\s+(?:${noun})\\b`, 'i').exec(flat);
  return m ? parseCount(m[1]!) : null;
}

const PRIORITY_NOUN = 'areas? (?:for|of) priority action|priority areas(?: for action)?|priority actions';
const IMPROVEMENT_NOUN = 'areas? for improvement';

/** The counts, from the text and its sentences (flattened). */
export function recommendationCounts(text: string, sentences: Sentence[]): RecommendationCounts {
  const priority = sectionSpan(text, 'Areas for priority action');
  const improvement = sectionSpan(text, 'Areas for improvement');
  if (priority === null && improvement === null) {
    const flat = flatten(text);
    return { priority_actions: statedCount(flat, PRIORITY_NOUN), improvement_areas: statedCount(flat, IMPROVEMENT_NOUN) };
  }
  return {
    priority_actions:
      priority === null ? 0 : tableRows(text.slice(priority.start, priority.end)) || countRecommendations(text, priority, sentences),
    improvement_areas: improvement === null ? null : countRecommendations(text, improvement, sentences),
  };
}
