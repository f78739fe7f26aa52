// The gazetteer: every English local authority with SEND duties, from our own data file areas.json (names, variants,
// DfE LA code, GSS code, region, Ofsted URN). Resolves a name or code to an Area, and finds area names in text. Its own
// module: facts, tag, aggregate, query and fetch all use it.
import { z } from 'zod';
import data from './areas.json' with { type: 'json' };
import { AreaSchema, type Area } from '../records.js';

const EntrySchema = AreaSchema.extend({
  variants: z.array(z.string().min(1)),
  /** Authorities merged away (Poole, Cumbria, ...): still resolvable, since older documents name them. */
  abolished: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
type Entry = z.infer<typeof EntrySchema>;

const FileSchema = z.object({ areas: z.array(EntrySchema).min(1), not_areas: z.array(z.string().min(1)) });

function load(): z.infer<typeof FileSchema> {
  const parsed = FileSchema.safeParse(data);
  if (!parsed.success) throw new Error(`src/gazetteer/areas.json is malformed:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const { areas: entries, not_areas: notAreas } = load();

const toArea = ({ name, la_code, gss, region, urn }: Entry): Area => ({ name, la_code, gss, region, urn });

/** Comparison key for names: case, '&'/'and', full stops, commas, apostrophes and hyphens do not matter. */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.,'\u2019-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Key -> area; null marks a place name that contains an area name but is not that area ("Greater Manchester").
const byKey = new Map<string, Area | null>();
const byCode = new Map<string, Area>();
for (const entry of entries) {
  const area = toArea(entry);
  for (const name of [entry.name, ...entry.variants]) {
    const key = nameKey(name);
    const seen = byKey.get(key);
    if (seen && seen.la_code !== area.la_code) {
      throw new Error(`src/gazetteer/areas.json: "${name}" names both ${seen.name} and ${area.name}`);
    }
    byKey.set(key, area);
  }
  byCode.set(area.la_code, area);
  byCode.set(area.gss, area);
}
for (const name of notAreas) byKey.set(nameKey(name), null);

const current = entries.filter((e) => !e.abolished).map(toArea);

/** The 153 current English local authorities with SEND duties, in name order. */
export function allAreas(): Area[] {
  return current.map((a) => ({ ...a }));
}

// Words around a name that a user may type but that do not change which area it is.
const ORG_WORDS =
  /^(?:the |london borough of |royal borough of |city of |county of )|(?: (?:metropolitan borough|metropolitan district|county|city|borough|district))? council$| local area(?: partnership)?$/;

/** An area by name or variant (any case, '&' or 'and'), DfE 3-digit LA code or 9-character GSS code; null if none. */
export function resolveArea(nameOrCode: string): Area | null {
  const query = nameOrCode.trim();
  if (/^\d{3}$/.test(query) || /^E\d{8}$/i.test(query)) {
    const area = byCode.get(query.toUpperCase());
    return area ? { ...area } : null;
  }
  let key = nameKey(query);
  for (let i = 0; i < 3 && !byKey.get(key); i++) key = key.replace(ORG_WORDS, '').trim();
  const area = byKey.get(key);
  return area ? { ...area } : null;
}

/** One place where the text names an area. area is null for a listed non-area place ("Greater Manchester"). */
export interface AreaMention {
  area: Area | null;
  start: number;
  end: number;
}

/** Regex source matching one name as documents write it: any whitespace between words, '&' for 'and', optional
 *  full stops, hyphen or space. Matched case-sensitively (so "Reading" the town, not "reading"), or in capitals. */
function namePattern(name: string): string {
  return name
    .split(/\s+/)
    .map((word) =>
      /^(?:and|AND|&)$/.test(word)
        ? '(?:and|AND|&)'
        : word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\\\./g, '\\.?').replace(/-/g, '[-\\s]'),
    )
    .join('\\s+');
}

const mentionPattern = (() => {
  const names = [...entries.flatMap((e) => [e.name, ...e.variants]), ...notAreas];
  const forms = [...new Set(names.flatMap((n) => [n, n.toUpperCase()]))].sort((a, b) => b.length - a.length);
  // Longest name first, so "North East Lincolnshire" wins over "Lincolnshire" and "Derbyshire" never reads as
  // "Derby"; a name must not continue a longer word. Hyphenated places ("Newcastle-under-Lyme") are in not_areas.
  return new RegExp(`(?<![\\p{L}\\p{N}-])(?:${forms.map(namePattern).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
})();

/** Every area name in the text, longest match first, in order of position. */
export function findAreaMentions(text: string): AreaMention[] {
  return [...text.matchAll(mentionPattern)].map((m) => {
    const area = byKey.get(nameKey(m[0]));
    if (area === undefined) throw new Error(`gazetteer: matched "${m[0]}" but it has no entry`);
    return { area, start: m.index, end: m.index + m[0].length };
  });
}
