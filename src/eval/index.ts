// Measuring rules against labels: the shared scorers' definitions (document level and finding level), with the
// quotes behind every error.
export { score, prf, CORE, FACTS, type EvalResult, type CategoryError, type FactError, type Prf } from './score.js';
export { formatReport } from './format.js';
export {
  scoreSentences, sameSentence, citedFindings, SentenceGoldSchema,
  type SentenceGold, type SentenceResult, type SentencePrf, type CitedFinding, type Extra, type Miss,
} from './sentences.js';
export { formatSentenceReport } from './sentence-format.js';
export { GoldSchema, PredSchema, LabelError, parseJsonl, readJsonl, type Gold, type Pred } from './labels.js';
