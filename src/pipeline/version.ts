// The pipeline version: a hash of the package version, the rule files and the code of the per-document stages. A change
// to any of them makes every document stale, so an incremental run never mixes outputs of two pipelines; a change to
// code after those stages (aggregate, report, CLI) does not, since outputs are rebuilt from the store anyway.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rulesVersion } from '../tag/index.js';
import { packageRoot } from './root.js';

const DOCUMENT_STAGES = ['ingest', 'facts', 'tag'];

/** The compiled (or, under vitest, source) tree this module runs from: dist/ or src/. */
const codeDir = dirname(dirname(fileURLToPath(import.meta.url)));

export function pipelineVersion(): string {
  const hash = createHash('sha256');
  hash.update(JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version);
  hash.update(rulesVersion());
  for (const stage of DOCUMENT_STAGES) {
    const files = readdirSync(join(codeDir, stage), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(js|ts|json)$/.test(f))
      .sort();
    for (const f of files) hash.update(f).update(readFileSync(join(codeDir, stage, f)));
  }
  return hash.digest('hex').slice(0, 16);
}
