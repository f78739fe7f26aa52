// Measuring rules against labels: the shared scorer's definitions, with the quotes behind every error.
export { score, prf, CORE, FACTS, type EvalResult, type CategoryError, type FactError, type Prf } from './score.js';
export { formatReport } from './format.js';
export { GoldSchema, PredSchema, LabelError, parseJsonl, readJsonl, type Gold, type Pred } from './labels.js';
