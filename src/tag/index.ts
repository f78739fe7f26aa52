// The tagging stage: rule files in, findings out. See rules.ts for the rule format and polarity.ts for how a
// sentence's polarity is read.
import { join } from 'node:path';
import { packageRoot } from '../pipeline/root.js';
import { loadRuleDir, ruleDirFingerprint, type RuleSet } from './rules.js';

export { RuleError, type Rule, type RuleSet } from './rules.js';
export { tag } from './tag.js';
export { traceTag, type RuleTrace, type SentenceTrace } from './trace.js';

const defaultRulesDir = join(packageRoot, 'rules');

/** Loads and validates a rules folder (default: the package's rules/). Throws RuleError naming file, rule, field. */
export function loadRules(dir: string = defaultRulesDir): RuleSet {
  return loadRuleDir(dir);
}

/** A stable hash of the rule files' content, for incremental runs; reads the files without compiling them. */
export function rulesVersion(dir: string = defaultRulesDir): string {
  return ruleDirFingerprint(dir);
}
