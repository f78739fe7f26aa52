// The pipeline version: a hash of the package version, the rule files, the code of the per-document stages (STAGES)
// and of the folders they share (SHARED), and the installed versions of the packages that code imports (pdf.js, the
// HTML parser, the stemmer...). A change to
// any of them makes every document stale, so an incremental run never mixes outputs of two pipelines; a change to
// code after those stages (aggregate, report, CLI) does not, since outputs are rebuilt from the store anyway.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rulesVersion } from '../tag/index.js';
import { SHARED, STAGES } from './process.js';
import { packageRoot } from './root.js';

/** The compiled (or, under vitest, source) tree this module runs from: dist/ or src/. */
const codeDir = dirname(dirname(fileURLToPath(import.meta.url)));

// A bare module specifier in a static or dynamic import ('pdfjs-dist/legacy/...', '@mozilla/readability'); the
// package name is captured. node: built-ins change with Node, which the package's engines field pins.
const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*)'((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)(?:\/[^']*)?'/gi;

/** Packages imported by `code`, by name. */
export function importedPackages(code: string): string[] {
  return [...code.matchAll(SPECIFIER)].map((m) => m[1]!);
}

/** The code (and data) files of the stages and of the folders they share, by path under src/. */
export function stageFiles(): { path: string; code: string }[] {
  return [...SHARED, ...STAGES].flatMap((stage) =>
    readdirSync(join(codeDir, stage), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(js|ts|json)$/.test(f))
      .sort()
      .map((f) => ({ path: join(stage, f), code: readFileSync(join(codeDir, stage, f), 'utf8') })),
  );
}

/** name → installed version of every package the stages import, read from its own package.json. */
export function stagePackageVersions(nodeModules: string, files = stageFiles()): Map<string, string> {
  const names = [...new Set(files.flatMap((f) => (/\.(js|ts)$/.test(f.path) ? importedPackages(f.code) : [])))].sort();
  return new Map(
    names.map((name) => {
      const manifest = join(nodeModules, name, 'package.json');
      try {
        return [name, String(JSON.parse(readFileSync(manifest, 'utf8')).version)];
      } catch {
        throw new Error(`cannot read the version of ${name}, which the pipeline imports, from ${manifest}: run npm ci`);
      }
    }),
  );
}

export function pipelineVersion(nodeModules = join(packageRoot, 'node_modules')): string {
  const hash = createHash('sha256');
  hash.update(JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version);
  hash.update(rulesVersion());
  const files = stageFiles();
  for (const f of files) hash.update(f.path).update(f.code);
  for (const [name, version] of stagePackageVersions(nodeModules, files)) hash.update(`${name}@${version}`);
  return hash.digest('hex').slice(0, 16);
}
