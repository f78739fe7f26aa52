// `findings explain <file> [--grep words]`: for each sentence, what the tagger made of it: the findings, which rules
// matched and where, the cues that set each polarity, what vetoed a rule, what a rule's polarity was dropped for, and
// why a sentence was skipped. Everything shown is the engine's own trace (traceTag), never a second reading.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { extractFacts } from '../facts/index.js';
import { ingestFile } from '../ingest/index.js';
import type { Document, Finding } from '../records.js';
import { loadRules, traceTag } from '../tag/index.js';
import { pageAt, sectionAt } from '../tag/context.js';
import type { SentenceTrace } from '../tag/trace.js';
import { parseOptions, SOME_FAILED, usageError } from './exit.js';

/** Sentences no rule matched in full: left out unless asked for (--all, or --grep for a sentence in question). */
const UNMATCHED = new Set(['no topic term', 'no rule has all its terms']);

const OptionsSchema = z.object({
  grep: z.string().optional(),
  all: z.boolean().optional(),
  json: z.boolean().optional(),
  rules: z.string().optional(),
});

export function register(program: Command): void {
  program
    .command('explain')
    .description('show, sentence by sentence, which rules matched, which cues set the polarity, what vetoed a rule and why a sentence was skipped')
    .argument('<file>', 'a report (.pdf) or a web page or article (.html, .txt)')
    .option('--grep <words>', 'only sentences holding every one of these words (any case), whether or not a rule matched')
    .option('--all', 'every sentence, also those no rule matched in full')
    .option('--json', 'one JSON trace per sentence')
    .option('--rules <dir>', 'a rules folder other than the package’s own')
    .addHelpText('after', "\nExamples:\n  findings explain report.pdf --grep 'wheelchair'\n  findings explain article.txt --all")
    .action(async (file: string, raw: unknown) => {
      const options = parseOptions(OptionsSchema, raw);
      const words = options.grep?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
      if (options.grep !== undefined && words.length === 0) usageError('--grep needs at least one word');
      if (!existsSync(file)) usageError(`${file}: no such file`);
      const rules = loadRules(options.rules);
      let doc: Document;
      try {
        doc = await ingestFile(file);
      } catch (e) {
        process.stderr.write(`findings: ${file}: ${(e as Error).message}\n`);
        process.exitCode = SOME_FAILED;
        return;
      }
      const traces = traceTag(doc, extractFacts(doc), rules).filter((t) =>
        words.length > 0 ? words.every((w) => t.span.text.toLowerCase().includes(w)) : options.all || !UNMATCHED.has(t.skipped ?? ''),
      );
      for (const t of traces) process.stdout.write(options.json ? JSON.stringify(t) + '\n' : formatTrace(t, doc));
      if (!options.json) {
        const found = traces.reduce((n, t) => n + t.findings.length, 0);
        process.stderr.write(`${traces.length} sentence${traces.length === 1 ? '' : 's'} shown, ${found} finding${found === 1 ? '' : 's'}\n`);
      }
    });
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
const reasons = (why: string[]) => (why.length > 0 ? `: ${why.join('; ')}` : ': no cue (the rule’s default or a mention)');

function describeFinding(f: Finding): string {
  const measures = f.measures.map((m) => `${m.of} ${m.qualifier === 'exactly' ? '' : `${m.qualifier} `}'${m.text}'`).join(', ');
  return `  finding: ${f.polarity} ${f.category} (${f.rule})${f.context ? ` under '${oneLine(f.context.text)}'` : ''}${measures ? `; measures: ${measures}` : ''}`;
}

/** One sentence's trace for a person: where it stands, then what each rule made of it. */
export function formatTrace(t: SentenceTrace, doc: Document): string {
  const page = pageAt(doc.pages, t.span.start);
  const section = t.section ?? sectionAt(doc.sections, t.span.start)?.title;
  const where = [page !== null && `p. ${page}`, section && `§ ${oneLine(section)}`, `[${t.span.start}–${t.span.end}]`].filter(Boolean).join(' ');
  const lines = [where, `“${oneLine(t.span.text)}”`];
  if (t.skipped) lines.push(`  skipped: ${t.skipped}`);
  for (const v of t.vetoed) lines.push(`  rule ${v.rule}: vetoed by '${oneLine(v.by.text)}'`);
  // One line per rule and reading: a rule whose topic stands twice with the same reasons is said once, at both.
  const readings = new Map<string, { head: string; tail: string; at: Set<string> }>();
  for (const r of t.rules) {
    const tail = `→ ${r.polarity}${reasons(r.why)}${r.dropped ? ` — dropped: ${r.dropped}` : ''}`;
    const key = `${r.rule}\0${tail}`;
    const reading = readings.get(key) ?? { head: `  rule ${r.rule} (${r.category})`, tail, at: new Set<string>() };
    for (const a of r.anchors) reading.at.add(`'${oneLine(a.text)}'`);
    readings.set(key, reading);
  }
  for (const { head, tail, at } of readings.values()) lines.push(`${head} at ${[...at].join(', ')} ${tail}`);
  for (const f of t.findings) lines.push(describeFinding(f));
  if (!t.skipped && t.findings.length === 0 && t.rules.length === 0) lines.push('  no finding');
  return lines.join('\n') + '\n\n';
}
