// Which local area a document is ABOUT, not every place it names. Evidence, strongest first:
//   1. the inspection's own title: "Area SEND inspection of X Local Area Partnership", "SEND inspection in X",
//      "the local area of X", "revisited the area of X", "X Local Area Partnership", "the re-visit of X";
//   2. the statement of who is responsible: "X Council and NHS ... ICB are (jointly) responsible ...";
//   3. how often each area is named, used only when one area clearly dominates;
//   4. an area named once as the story's subject: "X's SEND services", "the X local area" (a story about one area
//      may compare it with another's, so this comes after frequency);
//   5. the only area the text names, when it opens the text (a headline's subject: "Rutland has made ...").
// Place names inside health bodies ("NHS Derby and Derbyshire ICB") are masked first: they never count.
import type { Area } from '../records.js';
import { findBodies, type Body } from './bodies.js';
import { findAreaMentions, type AreaMention } from '../gazetteer/index.js';
import { responsibilitySentences, type Sentence } from './text.js';

const TITLE_BEFORE =
  /(?:SEND (?:inspection|re-?visit|re-inspection|monitoring inspection) (?:of|in)|\bre-?visit (?:of|to|in)|local area of|\b(?:re-?visited|inspected) the area of|inspection report:)\s+(?:the\s+)?$/i;
const TITLE_AFTER = /^\s+local area partnership\b/i;
const SUBJECT_AFTER = /^(?:'s)?\s+(?:SEND\s+)?local area\b|^'s\s+(?:SEND|special educational needs|services for children)\b/i;
const COUNCIL_AFTER = /^(?:'s)?\s+(?:(?:Metropolitan\s+)?(?:County|City|Borough|District)\s+)*Council\b/;

type Found = AreaMention & { area: Area };

const inside = (m: AreaMention, bodies: Body[]) => bodies.some((b) => m.start >= b.start && m.end <= b.end);

/** Picks the area with the most hits; null when there are none or the best is tied with another area. */
function best(hits: Found[]): Area | null {
  const counts = tally(hits);
  if (counts.length === 0) return null;
  if (counts.length > 1 && counts[1]!.n === counts[0]!.n) return null;
  return counts[0]!.area;
}

function tally(hits: Found[]): { area: Area; n: number }[] {
  const counts = new Map<string, { area: Area; n: number }>();
  for (const h of hits) {
    const c = counts.get(h.area.la_code) ?? { area: h.area, n: 0 };
    c.n++;
    counts.set(h.area.la_code, c);
  }
  return [...counts.values()].sort((a, b) => b.n - a.n);
}

/** The areas named in flattened text, outside the bodies named in it. */
const areasNamed = (flat: string, bodies: Body[]): Found[] =>
  findAreaMentions(flat).filter((m): m is Found => m.area !== null && !inside(m, bodies));

/** The area a document (as flattened text and sentences, with its named bodies) is about; null when it names none or
 *  none clearly. */
export function documentArea(flat: string, sentences: Sentence[], bodies: Body[]): Area | null {
  const mentions = areasNamed(flat, bodies);
  if (mentions.length === 0) return null;

  const titled = mentions.filter(
    (m) => TITLE_BEFORE.test(flat.slice(Math.max(0, m.start - 60), m.start)) || TITLE_AFTER.test(flat.slice(m.end, m.end + 30)),
  );
  if (titled.length) return best(titled) ?? titled[0]!.area;

  const responsible = responsibilitySentences(sentences).flatMap((s) => areasNamed(s.flat, findBodies(s.flat)).slice(0, 1));
  const byResponsibility = best(responsible);
  if (byResponsibility) return byResponsibility;

  // Frequency fallback: a council named as such counts double; the leader must have at least twice the runner-up.
  const weighted = mentions.flatMap((m) => (COUNCIL_AFTER.test(flat.slice(m.end, m.end + 40)) ? [m, m] : [m]));
  const [first, second] = tally(weighted);
  if (first && first.n >= 2 && first.n >= 2 * (second?.n ?? 0)) return first.area;
  const bySubject = best(mentions.filter((m) => SUBJECT_AFTER.test(flat.slice(m.end, m.end + 40))));
  if (bySubject) return bySubject;
  if (first && !second && /^(?:the\s+)?$/i.test(flat.slice(0, mentions[0]!.start))) return first.area;
  return null;
}
