// The pipeline version moves with everything that changes results, installed packages included: upgrading pdf.js
// must make every stored result stale.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importedPackages, pipelineVersion, stageFiles, stagePackageVersions } from '../../src/pipeline/version.js';
import { repoRoot, tempDir } from '../helpers.js';

const installed = join(repoRoot, 'node_modules');
const versionOf = (name: string) => JSON.parse(readFileSync(join(installed, name, 'package.json'), 'utf8')).version as string;

/** A node_modules holding only the manifests of the packages the stages import, pdfjs-dist's at `pdfjsVersion`. */
function fakeModules(pdfjsVersion: string): string {
  const dir = tempDir('findings-modules-');
  for (const name of stagePackageVersions(installed).keys()) {
    mkdirSync(join(dir, name), { recursive: true });
    cpSync(join(installed, name, 'package.json'), join(dir, name, 'package.json'));
  }
  const manifest = join(dir, 'pdfjs-dist', 'package.json');
  writeFileSync(manifest, JSON.stringify({ ...JSON.parse(readFileSync(manifest, 'utf8')), version: pdfjsVersion }));
  return dir;
}

describe('pipelineVersion', () => {
  it('reads the installed versions of the packages the stages import, pdf.js among them', () => {
    const versions = stagePackageVersions(installed);
    expect(versions.get('pdfjs-dist')).toBe(versionOf('pdfjs-dist'));
    expect(versions.get('linkedom')).toBe(versionOf('linkedom'));
    expect(versions.get('natural')).toBe(versionOf('natural'));
  });

  it('changes when another version of pdf.js is installed, and only then', () => {
    const current = versionOf('pdfjs-dist');
    expect(pipelineVersion(fakeModules(current))).toBe(pipelineVersion(installed));
    expect(pipelineVersion(fakeModules(`${current}-next`))).not.toBe(pipelineVersion(installed));
  });

  it('finds package names in static and dynamic imports, scoped or not, and skips built-ins and relative paths', () => {
    const code = [
      "import { a } from 'pdfjs-dist/legacy/build/pdf.mjs';",
      "import type { B } from '@mozilla/readability';",
      "const c = await import('linkedom');",
      "import { d } from 'node:fs';",
      "import { e } from './local.js';",
    ].join('\n');
    expect(importedPackages(code)).toEqual(['pdfjs-dist', '@mozilla/readability', 'linkedom']);
  });

  it('hashes the code the stages share as well as their own: the sentence splitter and the gazetteer with its data', () => {
    const paths = stageFiles().map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining([join('document', 'sentences.ts'), join('gazetteer', 'areas.json'), join('facts', 'index.ts')]));
  });

});
