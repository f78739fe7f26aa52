// Whose words a finding reports: the inspectors', the council's (or the NHS board's), or others' (parents,
// campaigners, MPs, journalists). A report is the inspectors' own text. In a web page each sentence is attributed
// once, in reading order, from its reporting verb's subject or the speaker of the quotation it stands in; the cue
// lists are data (rules/_voice.yaml, which explains the reading).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { packageRoot } from '../pipeline/root.js';
import { VOICES, type Document, type Finding, type Kind, type Quote, type Voice } from '../records.js';
import { PhraseSet } from './phrases.js';
import { RuleError } from './rules.js';
import type { Span } from '../records.js';
import { tokenize, type Token } from './tokens.js';

const terms = z.array(z.string().regex(/[\p{L}\p{N}]/u, 'expected a term with at least one word')).min(1);
const voice = z.enum(VOICES);

const VoiceCuesSchema = z.strictObject({
  reporting: terms,
  according: terms,
  passive: terms,
  pronouns: terms,
  openers: terms,
  adverbial: terms,
  addressed: terms,
  voices: z.strictObject({ inspectors: terms, council: terms, others: terms }),
  defaults: z.strictObject({ report: voice, minutes: voice, article: voice, blog: voice }),
});

export interface VoiceCues {
  reporting: PhraseSet<true>;
  according: PhraseSet<true>;
  passive: PhraseSet<true>;
  pronouns: PhraseSet<true>;
  openers: PhraseSet<true>;
  adverbial: PhraseSet<true>;
  addressed: PhraseSet<true>;
  voices: PhraseSet<Voice>;
  defaults: Record<Kind, Voice>;
}

const set = (list: string[]) => new PhraseSet(list.map((t): [string, true] => [t, true]));

/** Reads and validates a voice cue file; a bad file is a RuleError naming the file and the field. */
export function loadVoiceCues(path: string): VoiceCues {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new RuleError(`${path}: cannot read the voice cues: ${(e as Error).message.split('\n')[0]}`);
  }
  const result = VoiceCuesSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new RuleError(`${path}: ${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message.replace(/^Invalid input: /, '')}`);
  }
  const c = result.data;
  const voices = VOICES.flatMap((v) => c.voices[v].map((t): [string, Voice] => [t, v]));
  return {
    reporting: set(c.reporting),
    according: set(c.according),
    passive: set(c.passive),
    pronouns: set(c.pronouns),
    openers: set(c.openers),
    adverbial: set(c.adverbial),
    addressed: set(c.addressed),
    voices: new PhraseSet(voices),
    defaults: c.defaults,
  };
}

let packageCues: VoiceCues | undefined;
/** The package's rules/_voice.yaml, loaded once per thread. */
const voiceCues = () => (packageCues ??= loadVoiceCues(join(packageRoot, 'rules', '_voice.yaml')));

/** Sets each finding's voice. Findings cite whole sentences, so a finding's start is its sentence's start. */
export function assignVoices(doc: Document, findings: Finding[], cues: VoiceCues = voiceCues()): Finding[] {
  if (findings.length === 0) return findings;
  const fallback = cues.defaults[doc.kind];
  const voices = doc.kind === 'report' ? new Map<number, Voice>() : sentenceVoices(doc, cues);
  for (const f of findings) f.voice = voices.get(f.start) ?? fallback;
  return findings;
}

/** An attribution: where its reporting verb stands, and the voice it gives. */
interface Attribution {
  at: number;
  voice: Voice;
}

/** What the reading carries from sentence to sentence: the last speaker, and names with the voice they came with. */
interface Reading {
  last: Voice | null;
  names: Map<string, Voice>;
}

/** The voice of every sentence of a web page, by the sentence's start offset. Linear in the text's length. */
export function sentenceVoices(doc: Document, cues: VoiceCues): Map<number, Voice> {
  const { text } = doc;
  const quotes = doc.quotes ?? [];
  const fallback = cues.defaults[doc.kind];
  const { sentences } = doc;
  const out = new Map<number, Voice>();
  const reading: Reading = { last: null, names: new Map() };
  let previousQuote: Voice | null = null;
  let leadIn: Voice | null = null;
  let previousLine = '';
  let previousWasQuote = false;
  let s = 0;
  let q = 0;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const lineEnd = lineStart + line.length;
    const firstQuote = q;
    while (q < quotes.length && quotes[q]!.start < lineEnd) q++;
    const lineQuotes = quotes.slice(firstQuote, q);
    const attributions = attribute(text, lineStart, lineEnd, lineQuotes, cues, reading);
    const quoteVoices: (Voice | null)[] = [];
    for (const quote of lineQuotes) {
      const inherited: Voice | null =
        quote.continued || previousWasQuote ? previousQuote : previousLine.endsWith(':') ? leadIn : null;
      const v: Voice | null = nearestTo(attributions, quote)?.voice ?? inherited;
      quoteVoices.push(v);
      if (v) previousQuote = v;
    }
    const bullet = line.startsWith('\u2022 ');
    // A lead-in ("Among the inspectors' findings were:") speaks for its list, and for itself.
    const lead = !bullet && line.endsWith(':') ? (attributions[0]?.voice ?? leftmostVoice(tokenize(text, lineStart, lineEnd), cues)) : null;
    let qi = 0;
    let ai = 0;
    for (; s < sentences.length && sentences[s]!.start < lineEnd + 1; s++) {
      const span = sentences[s]!;
      if (span.start < lineStart) continue;
      while (qi < lineQuotes.length && lineQuotes[qi]!.end <= span.start) qi++;
      while (ai < attributions.length && attributions[ai]!.at < span.start) ai++;
      const quote = speechOf(span, lineQuotes, qi);
      const own = ai < attributions.length && attributions[ai]!.at < span.end ? attributions[ai] : undefined;
      // A list item reports what its lead-in attributes ("Inspectors found:"), whoever it names.
      const v = bullet && leadIn ? leadIn : quote >= 0 ? (quoteVoices[quote] ?? own?.voice) : (own?.voice ?? lead);
      out.set(span.start, v ?? fallback);
    }
    if (!bullet) leadIn = lead;
    previousWasQuote = lineQuotes.length > 0 && lineQuotes[0]!.start === lineStart && lineQuotes.at(-1)!.end >= lineEnd - 1;
    previousLine = line;
    lineStart = lineEnd + 1;
  }
  return out;
}

/**
 * The index of the quotation a sentence is spoken in (one holding its start, or covering at least half of it), or
 * -1; quotations before `from` end before the sentence.
 */
function speechOf(span: Span, quotes: Quote[], from: number): number {
  for (let i = from; i < quotes.length && quotes[i]!.start < span.end; i++) {
    const q = quotes[i]!;
    const covered = Math.min(q.end, span.end) - Math.max(q.start, span.start);
    if ((q.start <= span.start && span.start < q.end) || covered >= (span.end - span.start) / 2) return i;
  }
  return -1;
}

/** The attribution nearest a quotation: the last before it or the first after it (none stands inside it). */
function nearestTo(attributions: Attribution[], q: Quote): Attribution | undefined {
  let lo = 0;
  let hi = attributions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (attributions[mid]!.at < q.start) lo = mid + 1;
    else hi = mid;
  }
  const before = attributions[lo - 1];
  const after = attributions[lo];
  if (!before || !after) return before ?? after;
  return q.start - before.at <= after.at - q.end ? before : after;
}

interface Clauses {
  /** The tokens outside quotation marks. */
  tokens: Token[];
  /** Each token's clause: clauses break at punctuation and where a quotation was left out. */
  clause: number[];
  /** The clauses that open right after a quotation. */
  afterQuote: Set<number>;
}

function outsideQuotes(text: string, from: number, to: number, quotes: Quote[]): Clauses {
  const out: Clauses = { tokens: [], clause: [], afterQuote: new Set() };
  let n = 0;
  let gap = false;
  let q = 0;
  for (const t of tokenize(text, from, to)) {
    while (q < quotes.length && quotes[q]!.end <= t.start) q++;
    if (q < quotes.length && quotes[q]!.start <= t.start) {
      gap = true;
      continue;
    }
    if (t.punct) {
      n++;
      continue;
    }
    if (gap) out.afterQuote.add(++n);
    gap = false;
    out.tokens.push(t);
    out.clause.push(n);
  }
  return out;
}

/** The most words a speaker takes, before or after the verb ("leader of the county council and local MP Sam Doe"). */
const SPEAKER_WORDS = 16;
/** How many clauses back from its verb a speaker is looked for ("Cllr X, cabinet member, following the report, said"). */
const CLAUSES_BACK = 3;

/** The attributions of one line, in order, resolved against what the reading carries (and updating it). */
function attribute(text: string, from: number, to: number, quotes: Quote[], cues: VoiceCues, reading: Reading): Attribution[] {
  const { tokens, clause, afterQuote } = outsideQuotes(text, from, to, quotes);
  const marks = (phrases: PhraseSet<true>) => new Set(phrases.find(tokens).map((m) => m.from));
  const openers = marks(cues.openers);
  const adverbial = marks(cues.adverbial);
  const out: Attribution[] = [];
  const verbs = [
    ...cues.reporting.find(tokens).map((m) => ({ ...m, after: false })),
    ...cues.according.find(tokens).map((m) => ({ ...m, after: true })),
  ].sort((a, b) => a.from - b.from);
  for (const verb of verbs) {
    const own = clause[verb.from]!;
    // The speaker after the verb: '"...," said a council spokesperson', "according to the report".
    let end = verb.to;
    while (end < tokens.length && end < verb.to + SPEAKER_WORDS && clause[end] === clause[verb.to - 1]) end++;
    const following = tokens.slice(verb.to, end);
    // The subject: back from the verb to its clause's start or the last opener in it.
    let start = verb.from;
    while (start > 0 && start > verb.from - SPEAKER_WORDS && clause[start - 1] === own && !openers.has(start - 1)) start--;
    let subject = verb.after ? following : tokens.slice(start, verb.from);
    if (!verb.after && (subject.length === 0 || adverbial.has(start))) {
      subject = subject.length === 0 && afterQuote.has(own) ? following : speakerBefore(tokens, clause, start, adverbial);
    }
    const passive = subject.length > 0 && !verb.after && cues.passive.find(subject.slice(-1)).length > 0;
    const v = (passive ? null : resolve(subject, text, cues, reading)) ?? byAgent(following, cues);
    if (v) out.push({ at: tokens[verb.from]!.start, voice: v });
  }
  return out;
}

/**
 * The clauses before the token at `start` that are not adverbial, together: a name and its office ("Cllr X, cabinet
 * member, following the report, said").
 */
function speakerBefore(tokens: Token[], clause: number[], start: number, adverbial: Set<number>): Token[] {
  const kept: Token[][] = [];
  let i = start - 1;
  for (let n = 0; n < CLAUSES_BACK && i >= 0 && start - i <= SPEAKER_WORDS * CLAUSES_BACK; n++) {
    const c = clause[i]!;
    let first = i;
    while (first > 0 && first > i - SPEAKER_WORDS && clause[first - 1] === c) first--;
    if (!adverbial.has(first)) kept.unshift(tokens.slice(first, i + 1));
    i = first - 1;
  }
  return kept.flat();
}

/**
 * The voice a subject names, pointing back through pronouns and known names; null when it names no one ("The
 * failings were uncovered").
 */
function resolve(subject: Token[], text: string, cues: VoiceCues, reading: Reading): Voice | null {
  if (subject.length === 0) return null;
  if (subject.length <= 2 && cues.pronouns.find(subject.slice(0, 1)).length > 0) return reading.last;
  const cue = leftmostVoice(subject, cues);
  const name = nameIn(subject, text);
  // A named person the text gives no office: someone other than the inspectors and the council.
  const v = cue ?? (name ? (reading.names.get(name) ?? 'others') : null);
  if (v) {
    reading.last = v;
    if (name && !reading.names.has(name)) reading.names.set(name, v);
  }
  return v;
}

/** The voice of the leftmost voice cue that is not told what to do ("the council must:"), or null. */
function leftmostVoice(tokens: Token[], cues: VoiceCues): Voice | null {
  const addressed = new Set(cues.addressed.find(tokens).map((m) => m.from));
  return cues.voices.find(tokens).find((m) => !addressed.has(m.to))?.phrase.payload ?? null;
}

/** "uncovered by Ofsted": the voice of the agent after "by". */
function byAgent(following: Token[], cues: VoiceCues): Voice | null {
  const by = following.findIndex((t) => t.word === 'by');
  return by < 0 ? null : leftmostVoice(following.slice(by + 1), cues);
}

/** A person's surname: the last of two or more capitalised words in a row ("Cllr Tracey Taylor" → "Taylor"). */
function nameIn(subject: Token[], text: string): string | null {
  let run = 0;
  let name: string | null = null;
  for (const t of subject) {
    const capital = /^\p{Lu}/u.test(text[t.start]!);
    run = capital ? run + 1 : 0;
    if (run >= 2) name = t.word;
  }
  return name;
}
