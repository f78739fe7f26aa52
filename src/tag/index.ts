// The tagging stage: rule files in, findings out. See rules.ts for the rule format and polarity.ts for how a
// sentence's polarity is read.
import { join } from 'node:path';
import { packageRoot } from '../pipeline/root.js';
import { loadRuleDir, type RuleSet } from './rules.js';

export { RuleError, type Rule, type RuleSet } from './rules.js';
export { tag } from './tag.js';
export { splitSentences, type Span } from './sentences.js';
export { findMeasures } from './measures.js';

/** Loads and validates a rules folder (default: the package's rules/). Throws RuleError naming file, rule, field. */
export function loadRules(dir: string = join(packageRoot, 'rules')): RuleSet {
  return loadRuleDir(dir);
}

/** A stable hash of the rule files' content, for incremental runs. */
export function rulesVersion(rules: RuleSet): string {
  return rules.version;
}
