// What the tagger did with each sentence, for `findings explain` and for people who extend the rules: which rules
// matched and where, what vetoed a rule, which cues set the polarity, what a sentence inherited, or why it was
// skipped. The trace is recorded by the one tagging computation (tag.ts), never recomputed beside it.
import type { Document, DocumentFacts, Finding, Polarity, TextSpan } from '../records.js';
import type { RuleSet } from './rules.js';
import { tagWith } from './tag.js';

/** One rule's reading of a sentence: where its topic stands, the polarity it gave and why. */
export interface RuleTrace {
  rule: string;
  category: string;
  /** The topic's matches (the rule's first term group) that had every other group in reach. */
  anchors: TextSpan[];
  polarity: Polarity;
  why: string[];
  /** Why no finding came of it (a polarity the rule does not report, a contrast settled the other way), or null. */
  dropped: string | null;
}

export interface SentenceTrace {
  span: TextSpan;
  section: string | null;
  /** Why the sentence gave no finding before any rule was read (no topic term, a heading, a stock phrase ...), or null. */
  skipped: string | null;
  /** Rules whose terms all matched but a veto phrase stopped, with the phrase. */
  vetoed: { rule: string; by: TextSpan }[];
  rules: RuleTrace[];
  findings: Finding[];
}

/** Receives each sentence's trace as the tagger goes. */
export type TraceSink = (trace: SentenceTrace) => void;

/** The tagger's reading of every sentence of a document, in order. */
export function traceTag(doc: Document, facts: DocumentFacts, rules: RuleSet): SentenceTrace[] {
  const out: SentenceTrace[] = [];
  tagWith(doc, facts, rules, (t) => out.push(t));
  return out;
}
