// Loads and validates the rule folder: one YAML file per category (the file name is the category id), plus files
// starting with "_" that hold shared data (the cue lexicon). A researcher adds a category by adding a file.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { POLARITIES, type Polarity } from '../records.js';
import { compileCues, CuesSchema, type Cues } from './cues.js';
import { PhraseSet } from './phrases.js';

const term = z.string().regex(/[\p{L}\p{N}]/u, 'expected a term with at least one word');

const RuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected a lower-case id of letters, digits and hyphens'),
  /** Groups of terms that must all occur in the sentence; any one term of a group will do. */
  terms: z.array(z.array(term).min(1)).min(1),
  /**
   * Terms that stand for the first group (the topic) only in a paragraph that has already named the topic by one of
   * its own terms: "needs assessments take too long" is about EHC plans where the paragraph is about them.
   */
  paragraph: z.array(term).optional(),
  /** The groups must match within this many words of each other (default: anywhere in the sentence). */
  window: z.number().int().positive().optional(),
  /** Phrases that stop this rule from firing in the sentence. */
  unless: z.array(term).optional(),
  /** The polarities this rule may report; a sentence whose polarity is not listed gives no finding. */
  polarity: z.array(z.enum(POLARITIES)).min(1).optional(),
  /** Polarity when no cue decides and the section gives no lean. */
  default: z.enum(POLARITIES).optional(),
});

const sentence = z.string().regex(/[\p{L}\p{N}]/u, 'expected a sentence');
/** A sentence on its own, or with the title of the section it stands in ("Areas for improvement"). */
const ExampleSchema = z.union([sentence, z.strictObject({ text: sentence, section: z.string().min(1) })]);

/**
 * Sentences written for the category (never real report sentences) that the tests run through the engine: under
 * `concern` or `strength`, the sentence cites the category with that polarity (not the opposite one); under
 * `mention`, only as a mention; under `none`, as neither a concern nor a strength.
 */
const ExamplesSchema = z.strictObject({
  concern: z.array(ExampleSchema).optional(),
  strength: z.array(ExampleSchema).optional(),
  mention: z.array(ExampleSchema).optional(),
  none: z.array(ExampleSchema).optional(),
});

const CategorySchema = z.strictObject({
  description: z.string().min(1),
  /** The topic is a thing that is bad to have more of (waits, exclusions): a fall is a strength, a rise a concern. */
  adverse: z.boolean().default(false),
  /** Phrases that stop every rule of the category (the neighbouring category's ground). */
  unless: z.array(term).default([]),
  rules: z.array(RuleSchema).min(1),
  examples: ExamplesSchema.optional(),
});

export const EXPECTATIONS = [...POLARITIES, 'none'] as const;

/** One example of a category file: the sentence, the section it stands in, and what the engine must make of it. */
export interface Example {
  file: string;
  category: string;
  expect: (typeof EXPECTATIONS)[number];
  text: string;
  section: string | null;
}

export interface Rule {
  id: string;
  category: string;
  groups: number;
  window: number | null;
  allowed: Set<Polarity> | null;
  fallback: Polarity | null;
  adverse: boolean;
}

export interface TermHit {
  rule: number;
  group: number;
  /** A paragraph term: the topic only where the paragraph has named it. */
  paragraph?: true;
}

export interface RuleSet {
  rules: Rule[];
  /** Every term of every rule in one index: one scan of a sentence finds all candidate rules. */
  terms: PhraseSet<TermHit>;
  /** Veto phrases, each naming the rule it stops. */
  vetoes: PhraseSet<number>;
  cues: Cues;
  categories: string[];
  examples: Example[];
}

export class RuleError extends Error {
  override name = 'RuleError';
}

const CUES_FILE = '_cues.yaml';

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** "rule wcw-3: terms.1: expected array, received string" from a zod issue path inside a category file. */
function describeIssue(data: unknown, issue: z.core.$ZodIssue): string {
  const path = [...issue.path];
  const message = issue.message.replace(/^Invalid input: /, '');
  if (path[0] === 'rules' && typeof path[1] === 'number') {
    const rule = (data as { rules?: { id?: unknown }[] }).rules?.[path[1]];
    const name = typeof rule?.id === 'string' ? rule.id : `#${path[1] + 1}`;
    const field = path.slice(2).join('.');
    return `rule ${name}: ${field ? `${field}: ` : ''}${message}`;
  }
  return `${path.length ? `${path.join('.')}: ` : ''}${message}`;
}

function readYaml(path: string): unknown {
  try {
    return parseYaml(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new RuleError(`${displayPath(path)}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}

function validate<T>(schema: z.ZodType<T>, data: unknown, path: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new RuleError(`${displayPath(path)}: ${describeIssue(data, result.error.issues[0]!)}`);
}

function ruleFileNames(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (e) {
    throw new RuleError(`${displayPath(dir)}: cannot read the rules folder: ${(e as Error).message}`);
  }
}

/** A stable hash of the rule files' names and content, without parsing them: cheap enough for every incremental run. */
export function ruleDirFingerprint(dir: string): string {
  const hash = createHash('sha256');
  for (const name of ruleFileNames(dir)) hash.update(name).update('\0').update(readFileSync(join(dir, name))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

export function loadRuleDir(dir: string): RuleSet {
  const names = ruleFileNames(dir);
  if (!names.includes(CUES_FILE)) throw new RuleError(`${displayPath(join(dir, CUES_FILE))}: missing (the cue lexicon)`);
  const rules: Rule[] = [];
  const termEntries: [string, TermHit][] = [];
  const vetoEntries: [string, number][] = [];
  const categories: string[] = [];
  const examples: Example[] = [];
  const seen = new Map<string, string>();
  let cues: Cues | undefined;
  for (const name of names) {
    const path = join(dir, name);
    if (name === CUES_FILE) {
      cues = compileCues(validate(CuesSchema, readYaml(path), path));
      continue;
    }
    if (name.startsWith('_')) continue;
    const category = name.replace(/\.ya?ml$/, '');
    const file = validate(CategorySchema, readYaml(path), path);
    categories.push(category);
    for (const expect of EXPECTATIONS) {
      for (const e of file.examples?.[expect] ?? []) {
        examples.push({ file: displayPath(path), category, expect, ...(typeof e === 'string' ? { text: e, section: null } : e) });
      }
    }
    for (const r of file.rules) {
      const other = seen.get(r.id);
      if (other) throw new RuleError(`${displayPath(path)}: rule ${r.id}: id: already used in ${other}`);
      seen.set(r.id, name);
      const index = rules.length;
      rules.push({
        id: r.id,
        category,
        groups: r.terms.length,
        window: r.window ?? null,
        allowed: r.polarity ? new Set(r.polarity) : null,
        fallback: r.default ?? null,
        adverse: file.adverse,
      });
      r.terms.forEach((group, g) => group.forEach((t) => termEntries.push([t, { rule: index, group: g }])));
      for (const t of r.paragraph ?? []) termEntries.push([t, { rule: index, group: 0, paragraph: true }]);
      for (const t of [...file.unless, ...(r.unless ?? [])]) vetoEntries.push([t, index]);
    }
  }
  return {
    rules,
    terms: new PhraseSet(termEntries),
    vetoes: new PhraseSet(vetoEntries),
    cues: cues!,
    categories,
    examples,
  };
}
