// Health and other bodies named after places ("NHS Derby and Derbyshire Integrated Care Board", "Cornwall and the
// Isles of Scilly ICB", "Sandwell Children's Trust"). Their place names are not the area a document is about, so the
// area resolver masks them; the ICB named as responsible is also a document fact.
import type { Span } from '../records.js';
import { responsibilitySentences, type Sentence } from './text.js';

export interface Body extends Span {
  /** The body's name as written, whitespace normalised. */
  name: string;
  icb: boolean;
}

const SUFFIX =
  /\b(?:Integrated Care Board|Integrated Care System|Integrated Care Partnership|ICB|ICS|Clinical Commissioning Groups?|CCGs?|(?:NHS )?(?:Foundation )?Trust|Health and Care Partnership)\b(?: \((?:ICB|ICS|CCG)\))?/g;
// A word that can be part of a body's name: capitalised, or a joining word inside a name.
// Commas may sit inside a name ("NHS Shropshire, Telford and Wrekin ICB"). A word ending in a full stop ends a
// sentence, so it stops the name (except "St.").
const NAME_WORD = /^(?:St\.|[A-Z][\p{L}'-]*,?|and|of|the|upon|on|&)$/u;
// The name of the first of two bodies listed together ends at one of these ("X Council and Y ICB", "X Council, Y ICB").
const ORG_END = /^(?:Council|Authority|Trust|Board|ICB|Partnership|Group|CCG),?$/;
const LEADING_FILLER = /^(?:and|of|the|The|upon|on|&)$/;

/** Named bodies in flattened text, in order. A body's name starts at its last "NHS", else after an earlier body. */
export function findBodies(flat: string): Body[] {
  const bodies: Body[] = [];
  for (const m of flat.matchAll(SUFFIX)) {
    // Walk back over name words before the suffix (a name is never longer than a few hundred characters).
    const from = Math.max(0, m.index - 300);
    const words = [...flat.slice(from, m.index).matchAll(/\S+/g)];
    let first = words.length;
    while (first > 0 && NAME_WORD.test(words[first - 1]![0])) first--;
    let name = words.slice(first);
    const nhs = name.findLastIndex((w) => w[0] === 'NHS');
    if (nhs >= 0) name = name.slice(nhs);
    else {
      const end = name.findLastIndex((w) => ORG_END.test(w[0]));
      if (end >= 0) name = name.slice(end + 1);
    }
    while (name.length && LEADING_FILLER.test(name[0]![0])) name = name.slice(1);
    if (!name.length) continue; // "the ICB": no name of its own
    const start = from + name[0]!.index;
    const end = m.index + m[0].length;
    const isIcb = /^(?:Integrated Care Board|ICB)\b/.test(m[0]);
    bodies.push({ start, end, name: flat.slice(start, end), icb: isIcb });
  }
  return bodies;
}

/** An ICB's name in full: "NHS Dorset ICB" and "NHS Dorset Integrated Care Board (ICB)" both give
 *  "NHS Dorset Integrated Care Board". */
function icbName(body: Body): string {
  return body.name.replace(/ \(ICB\)$/, '').replace(/\bICB$/, 'Integrated Care Board');
}

/** The ICB(s) named as responsible for the area ("; "-joined when several are); else the first ICB named (of the
 *  bodies the whole text names); else null. */
export function responsibleIcb(sentences: Sentence[], bodies: Body[]): string | null {
  const isIcb = (b: Body) => b.icb;
  const named = responsibilitySentences(sentences)
    .map((s) => findBodies(s.flat).filter(isIcb))
    .find((found) => found.length > 0) ?? bodies.filter(isIcb).slice(0, 1);
  return named.length ? [...new Set(named.map(icbName))].join('; ') : null;
}
