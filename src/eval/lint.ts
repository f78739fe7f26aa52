// Checks a rules folder for what a rule writer cannot see by reading it: ids used twice; terms of a group that match
// the same words; terms whose Porter stems are the same while their words mean different things ("accessible" and
// "access"); terms that match corpus words of another sense ("governance" matches "government", "timely" "time");
// terms that never match the corpus. Terms are matched exactly as the engine matches them (PhraseSet); what a term's
// words were written as is compared with the words it matched.
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Document } from '../records.js';
import { parseTerm, PhraseSet } from '../tag/phrases.js';
import { loadRuleDir, RuleError } from '../tag/rules.js';
import { tokenize } from '../tag/tokens.js';

export type LintKind = 'invalid' | 'duplicate-id' | 'stem-collision' | 'unrelated-match' | 'redundant' | 'never-matches';

/** One problem, located as a person would look for it: the file, the rule, the field ("terms.1.4", "unless.0"). */
export interface LintProblem {
  kind: LintKind;
  file: string;
  rule: string | null;
  field: string | null;
  term: string | null;
  message: string;
}

/** A term where it stands in a rule file. */
interface TermSite {
  file: string;
  rule: string | null;
  field: string;
  /** Rule and group: terms that stand in one group are alternatives of each other. */
  group: string;
  term: string;
}

interface RawCategory {
  unless?: unknown;
  rules?: { id?: unknown; terms?: unknown; unless?: unknown }[];
}

const rulesOf = (data: RawCategory) => (Array.isArray(data.rules) ? data.rules : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** Every term and `unless` phrase of the category files, where it stands. */
function termSites(raw: Map<string, RawCategory>): TermSite[] {
  const sites: TermSite[] = [];
  for (const [file, data] of raw) {
    strings(data.unless).forEach((term, i) => sites.push({ file, rule: null, field: `unless.${i}`, group: 'unless', term }));
    for (const rule of rulesOf(data)) {
      const id = String(rule.id);
      (Array.isArray(rule.terms) ? rule.terms : []).forEach((group: unknown, g: number) =>
        strings(group).forEach((term, t) => sites.push({ file, rule: id, field: `terms.${g}.${t}`, group: `${id}/${g}`, term })),
      );
      strings(rule.unless).forEach((term, i) => sites.push({ file, rule: id, field: `unless.${i}`, group: `${id}/unless`, term }));
    }
  }
  return sites;
}

/** The base forms a word may be an inflection of: "waiting" → wait; "planned" → plan; "studies" → study. */
function bases(word: string): Set<string> {
  const out = new Set([word]);
  for (const [suffix, ...replacements] of [['s', ''], ['es', ''], ['ies', 'y'], ['ied', 'y'], ['ed', '', 'e'], ['d', ''], ['ing', '', 'e'], ["'s", '']]) {
    if (!word.endsWith(suffix!) || word.length < suffix!.length + 2) continue;
    const stem = word.slice(0, -suffix!.length);
    for (const r of replacements) out.add(stem + r);
    if (/([b-df-hj-np-tv-z])\1$/.test(stem)) out.add(stem.slice(0, -1)); // planned → plan
  }
  return out;
}

/** Two spellings of one word: an inflection of the other, or both inflections of one base. */
function inflectionsOfOneWord(a: string, b: string): boolean {
  const ba = bases(a);
  for (const x of bases(b)) if (ba.has(x)) return true;
  return false;
}

/**
 * Endings that keep a word's sense, in families: "prepare", "prepared", "preparation" are one thing; "attend" and
 * "attendance", "govern"ment and "govern"ance, "time" and "timely", "person" and "personal" are not.
 */
const SAME_SENSE = [
  ['', 'e', 's', 'es', 'ed', 'd', 'ing', 'y', 'ies', 'ied', 'ion', 'ions', 'ation', 'ations', 'ition', 'itions', 'ment', 'ments', 'ement', 'ements'],
  ['ent', 'ence', 'ences', 'ency', 'ant', 'ance', 'ances', 'ancy'],
  ['able', 'ably', 'ability', 'abilities', 'ible', 'ibly', 'ibility'],
  ['', 'ity', 'ities', 'ness'],
].map((family) => new Set(family));

/** "accurately" → "accurate": the adverb of an adjective is the adjective ("timely" is not "time"). */
const ADJECTIVE = /(?:ate|ive|ful|ous|al|ent|ant|ic|ible|able|ise|ct|ear|ure|ete|ose|ain|ong|ar)$/;
const adverbless = (w: string) =>
  w.endsWith('ically') ? w.slice(0, -4) : w.endsWith('ly') && ADJECTIVE.test(w.slice(0, -2)) ? w.slice(0, -2) : w;

/** Two words of one sense: inflections of one word, or one stem with endings of one family. */
export function sameSense(a: string, b: string): boolean {
  if (inflectionsOfOneWord(a, b)) return true;
  const [x, y] = [adverbless(a), adverbless(b)];
  let common = 0;
  while (common < Math.min(x.length, y.length) && x[common] === y[common]) common++;
  for (let p = common; p >= 3; p--) {
    const [sx, sy] = [x.slice(p), y.slice(p)];
    if (SAME_SENSE.some((family) => family.has(sx) && family.has(sy))) return true;
  }
  return false;
}

/** What each word of a term was written as, aligned with parseTerm's words; null where it is exact or a prefix. */
function spelled(term: string): (string | null)[] {
  return term
    .split(/[\s-]+/)
    .filter(Boolean)
    .flatMap((piece) => {
      const words = tokenize(piece.replace(/^=|\*$/g, '')).filter((t) => !t.punct);
      return words.map((t) => (piece.startsWith('=') || piece.endsWith('*') ? null : t.word));
    });
}

const stemKey = (term: string) => parseTerm(term).map((w) => `${w.kind}:${w.value}`).join(' ');
const quote = (s: string) => `'${s}'`;
const stemsOf = (term: string) => parseTerm(term).map((w) => w.value + (w.kind === 'prefix' ? '*' : '')).join(' ');

export interface LintOptions {
  /** Documents to match the terms against (no corpus checks when absent). */
  documents?: Document[];
  /** How many unrelated words to name per term. */
  examples?: number;
}

export function lintRules(dir: string, options: LintOptions = {}): LintProblem[] {
  const files = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n) && !n.startsWith('_')).sort();
  const problems: LintProblem[] = [];
  const problem = (kind: LintKind, site: Pick<TermSite, 'file' | 'rule'> & { field?: string | null; term?: string | null }, message: string) =>
    problems.push({ kind, file: join(dir, site.file), rule: site.rule, field: site.field ?? null, term: site.term ?? null, message });

  // Every id used twice, not only the first the loader stops at: read raw, so a file the schema rejects shows its ids.
  const raw = new Map<string, RawCategory>();
  for (const file of files) {
    try {
      raw.set(file, (parseYaml(readFileSync(join(dir, file), 'utf8')) ?? {}) as RawCategory);
    } catch {
      raw.set(file, {}); // the loader below names the YAML error
    }
  }
  const ids = new Map<string, string[]>();
  for (const [file, data] of raw) {
    for (const rule of rulesOf(data)) if (typeof rule?.id === 'string') ids.set(rule.id, [...(ids.get(rule.id) ?? []), file]);
  }
  for (const [id, where] of ids) {
    if (where.length > 1) problem('duplicate-id', { file: where[1]!, rule: id, field: 'id' }, `id already used in ${where[0]}${where.length > 2 ? ` (and ${where.length - 2} more)` : ''}`);
  }
  try {
    loadRuleDir(dir);
  } catch (e) {
    if (!(e instanceof RuleError)) throw e;
    // Unreadable rules: the term checks below cannot run. A duplicate id is already listed, with every other one.
    if (!/: id: already used in /.test(e.message)) problems.push({ kind: 'invalid', file: dir, rule: null, field: null, term: null, message: e.message });
    return problems;
  }

  const sites = termSites(raw);
  const terms = [...new Set(sites.map((s) => s.term))];
  const keys = new Map(terms.map((t) => [t, stemKey(t)]));

  // Terms of one group that match the same words: one of them is enough.
  const byGroupKey = new Map<string, TermSite[]>();
  for (const s of sites) {
    const k = `${s.file}\0${s.group}\0${keys.get(s.term)}`;
    byGroupKey.set(k, [...(byGroupKey.get(k) ?? []), s]);
  }
  const told = new Set<string>();
  for (const same of byGroupKey.values()) {
    const distinct = [...new Map(same.map((s) => [s.term, s])).values()];
    // Once per file: a group repeated by a YAML alias repeats its terms.
    const said = `${distinct[0]!.file}\0${distinct.map((s) => s.term).join('\0')}`;
    if (distinct.length < 2 || told.has(said)) continue;
    told.add(said);
    const fields = distinct.map((s) => s.field.split('.').pop()).join(', ');
    problem('redundant', { ...distinct[0]!, field: distinct[0]!.field.replace(/\.\d+$/, '') },
      `${distinct.map((s) => quote(s.term)).join(', ')} (${fields}) match the same words (stems ${quote(stemsOf(distinct[0]!.term))}): one is enough`);
  }

  // Terms of other groups, rules or categories whose stems are the same while their words mean different things:
  // each matches what the other was written for.
  const byKey = new Map<string, TermSite[]>();
  for (const s of sites) byKey.set(keys.get(s.term)!, [...(byKey.get(keys.get(s.term)!) ?? []), s]);
  const pairs = new Set<string>();
  for (const same of byKey.values()) {
    for (const [i, a] of same.entries()) {
      for (const b of same.slice(0, i)) {
        if (a.term === b.term || (a.file === b.file && a.group === b.group) || pairs.has(`${a.term}\0${b.term}`)) continue;
        const wa = spelled(a.term), wb = spelled(b.term);
        if (wa.every((w, k) => w === null || wb[k] == null || sameSense(w, wb[k]!))) continue;
        pairs.add(`${a.term}\0${b.term}`).add(`${b.term}\0${a.term}`);
        const where = a.file === b.file ? `${b.rule ? `rule ${b.rule} ` : ''}${b.field}` : `${b.file}${b.rule ? ` rule ${b.rule}` : ''} ${b.field}`;
        problem('stem-collision', a, `${quote(a.term)} and ${quote(b.term)} (${where}) reduce to the same stems (${quote(stemsOf(a.term))}): each matches the other; write =word for the exact word`);
      }
    }
  }

  if (options.documents) lintAgainstCorpus(sites, terms, options.documents, options.examples ?? 3, problem);
  // File by file, as a writer works through them (the sort is stable: each file's problems keep the checks' order).
  return problems.sort((a, b) => a.file.localeCompare(b.file));
}

/** Terms that never match the documents, and words a term matches only because their stem is its stem. */
function lintAgainstCorpus(
  sites: TermSite[],
  terms: string[],
  documents: Document[],
  examples: number,
  problem: (kind: LintKind, site: TermSite, message: string) => void,
): void {
  const set = new PhraseSet(terms.map((t, i) => [t, i] as [string, number]));
  const matched = new Uint32Array(terms.length);
  const unrelated = terms.map(() => new Map<string, number>());
  const written = terms.map(spelled);
  for (const doc of documents) {
    const tokens = tokenize(doc.text);
    for (const m of set.find(tokens)) {
      const i = m.phrase.payload;
      matched[i]!++;
      const words = written[i]!;
      // A match that stepped over an aside does not align word for word; it is only counted.
      if (m.to - m.from !== words.length) continue;
      const surface = tokens.slice(m.from, m.to).map((t) => t.word);
      if (words.some((w, k) => w !== null && !sameSense(w, surface[k]!))) {
        const text = surface.join(' ');
        unrelated[i]!.set(text, (unrelated[i]!.get(text) ?? 0) + 1);
      }
    }
  }
  const docs = `${documents.length} document${documents.length === 1 ? '' : 's'}`;
  const reported = new Set<string>();
  for (const s of sites) {
    // Each term once, where it first stands: the same term elsewhere (a YAML alias) matches the same words.
    if (reported.has(s.term)) continue;
    reported.add(s.term);
    const i = terms.indexOf(s.term);
    const elsewhere = sites.filter((o) => o.term === s.term).length - 1;
    const also = elsewhere > 0 ? ` (it stands in ${elsewhere + 1} places)` : '';
    if (matched[i] === 0) problem('never-matches', s, `${quote(s.term)} never matches the ${docs}${also}`);
    if (unrelated[i]!.size > 0) {
      const top = [...unrelated[i]!].sort((a, b) => b[1] - a[1]);
      const list = top.slice(0, examples).map(([w, n]) => `${quote(w)} ×${n}`).join(', ') + (top.length > examples ? `, ${top.length - examples} more` : '');
      problem('unrelated-match', s, `${quote(s.term)} also matches words of another sense with its stems in the ${docs}: ${list}: write =word for the exact word`);
    }
  }
}

/** "rules/x.yaml: rule eht-1: terms.1.4: message", as the loader names a bad field. */
export function formatProblem(p: LintProblem): string {
  if (p.kind === 'invalid') return p.message; // the loader's message names the file, rule and field
  const rel = relative(process.cwd(), p.file);
  const file = rel.startsWith('..') || isAbsolute(rel) ? p.file : rel;
  return [file, p.rule && `rule ${p.rule}`, p.field, p.message].filter(Boolean).join(': ');
}
