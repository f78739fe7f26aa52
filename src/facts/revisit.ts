// Revisits and improvement notices (2016 framework). Ofsted and the CQC revisit an area that had to write a written
// statement of action (WSOA) and judge, for each significant weakness it named, whether the area has made sufficient
// progress. A revisit letter sums this up ("The area has made sufficient progress in addressing two of the four
// significant weaknesses") and closes each weakness under "Main findings" with a verdict ("The area has not made
// sufficient progress in addressing this significant weakness."). News and minutes give the sum in looser words
// ("sufficient progress in 3 of 5 areas", "re-visit"). Where progress is not sufficient, the DfE or NHS England may
// issue an improvement notice; a document that says one was issued has that fact too.
import type { Revisit } from '../records.js';
import { BULLET, ENUMERATOR } from './items.js';
import { COUNT_PATTERN, flatten, normaliseChars, parseCount, type Sentence } from './text.js';

type Progress = Revisit['results'][number]['progress'];

// A document that is itself about a revisit: a letter's opening ("revisited the area", "SEND revisit in X") or a
// story about one ("the re-visit of X's SEND local area", "a revisit found").
const ABOUT_REVISIT =
  /\bre-?visited the (?:local )?area\b|\bSEND\)?\s+(?:inspection\s+)?re-?visit\b|\bre-?visit (?:of|to|in)\b[^.]{0,80}\b(?:SEND|local area)\b|\bre-?visit (?:found|concluded|judged|showed|said)\b/i;

const N = `(${COUNT_PATTERN})`;
// "(not made | in)sufficient progress in addressing two of the four (significant weaknesses | areas)", "... in all
// five areas", "... in three areas". Groups: negation, count, total.
const PROGRESS_COUNT = new RegExp(
  `\\b(not (?:yet )?(?:made|make|making|achieved|shown) |in)?(?:sufficient|enough|adequate) progress (?:in|on|against|with|towards) ` +
    `(?:(?:addressing|tackling|resolving|improving) )?(?:(?:${N}|all|each) (?:(?:out )?of )?(?:the )?(?:${N}|all)?)` +
    // what is counted: areas or weaknesses, not "three subjects"
    `(?=\\s*(?:(?:significant|key|identified|priority|main)\\s+)*(?:areas?|weakness(?:es)?|concerns?|actions?)\\b)`,
  'gi',
);
// A verdict on one weakness: "The area has (not) made sufficient progress in addressing this significant weakness."
const VERDICT =
  /\b(?:has|had|have)\s+(not\s+)?made\s+(in)?(?:sufficient|enough|adequate)\s+progress\s+(?:in\s+(?:addressing|tackling|improving|resolving)|to\s+address)\s+(?:this|the)\s+(?:area\s+of\s+)?(?:significant\s+)?weakness\b[^.]*\./gi;
const MAIN_FINDINGS = /^\s*Main findings\s*$/im;

interface CountStatement {
  insufficient: boolean;
  count: number | null;
  total: number | null;
}

function countStatements(flat: string): CountStatement[] {
  const out: CountStatement[] = [];
  for (const m of flat.matchAll(PROGRESS_COUNT)) {
    const [whole, neg, count, total] = m;
    const all = /\b(?:all|each)\b/i.test(whole);
    const n = count ? parseCount(count) : null;
    const t = total ? parseCount(total) : null;
    if (n === null && !all) continue;
    out.push({ insufficient: neg !== undefined, count: all ? t : n, total: t });
  }
  return out;
}

/** Each weakness's verdict, named by the first line after the previous verdict (or after "Main findings"). */
function verdicts(text: string): Revisit['results'] {
  const clean = normaliseChars(text);
  const heading = MAIN_FINDINGS.exec(clean);
  let boundary = heading ? heading.index + heading[0].length : 0;
  const results: Revisit['results'] = [];
  for (const m of clean.matchAll(VERDICT)) {
    if (m.index < boundary) continue;
    const lines = clean
      .slice(boundary, m.index)
      .split('\n')
      .map((l) => l.trim().replace(BULLET, '').trim().replace(ENUMERATOR, ''))
      .filter(Boolean);
    const progress: Progress = m[1] || m[2] ? 'insufficient' : 'sufficient';
    const weakness = lines[0] ? flatten(lines[0]) : null;
    if (weakness) results.push({ weakness, progress });
    // The next weakness opens on a later line: the rest of the verdict's line goes with it.
    const lineEnd = clean.indexOf('\n', m.index + m[0].length);
    boundary = lineEnd < 0 ? clean.length : lineEnd;
  }
  return results;
}

/** Totals from the count statements, else from the verdicts. */
function totals(statements: CountStatement[], results: Revisit['results']): Pick<Revisit, 'weaknesses' | 'sufficient'> {
  const positive = statements.find((s) => !s.insufficient && s.count !== null);
  const negative = statements.find((s) => s.insufficient && s.count !== null);
  const total = statements.find((s) => s.total !== null)?.total ?? null;
  if (positive || negative) {
    const weaknesses = total ?? (positive && negative ? positive.count! + negative.count! : null);
    const sufficient = positive?.count ?? (negative && weaknesses !== null ? weaknesses - negative.count! : null);
    if (weaknesses === null || sufficient === null || sufficient <= weaknesses) return { weaknesses, sufficient };
  }
  if (results.length) return { weaknesses: results.length, sufficient: results.filter((r) => r.progress === 'sufficient').length };
  return { weaknesses: total, sufficient: null };
}

/** What a document says about a revisit; null when it is not about one. */
export function revisitFacts(text: string): Revisit | null {
  const flat = flatten(text);
  const statements = countStatements(flat);
  const results = verdicts(text);
  if (!statements.length && !results.length && !ABOUT_REVISIT.test(flat)) return null;
  return { ...totals(statements, results), results };
}

const NOTICE = /\bimprovement notices?\b/i;
const NOTICE_GIVEN =
  /\b(?:issued|given|served|handed|received|imposed|placed under|put under|(?:is|was|been|remains|remained) under|subject to|lifted|removed)\b/i;
const NOTICE_DOUBT = /\b(?:not|no|never|without|could|may|might|would|if|unless|threat|risk|faces?|facing|consider(?:s|ing|ed)?|possible|avoid(?:ed)?)\b/i;

/** Whether the text says the area was given an improvement notice (not that one might be, or was not). */
export function improvementNotice(sentences: Sentence[]): boolean {
  return sentences.some(({ flat }) => NOTICE.test(flat) && NOTICE_GIVEN.test(flat) && !NOTICE_DOUBT.test(flat));
}
