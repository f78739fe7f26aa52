// The benchmark's corpus: N reports made by copying the shared reports round-robin under distinct names. Each copy
// gets a distinct comment after %%EOF (PDF readers ignore bytes there), so every file hashes differently and the
// pipeline treats them as N distinct documents rather than N copies of 15.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function buildCorpus(sourceDir: string, reports: number, dir: string): string[] {
  if (!existsSync(sourceDir)) throw new Error(`${sourceDir} not found: give a folder of PDF reports with --source`);
  const sources = readdirSync(sourceDir)
    .filter((f) => f.toLowerCase().endsWith('.pdf'))
    .sort()
    .map((f) => ({ name: f.slice(0, -'.pdf'.length), bytes: readFileSync(join(sourceDir, f)) }));
  if (sources.length === 0) throw new Error(`${sourceDir} holds no .pdf reports to build the benchmark corpus from`);
  const width = String(reports).length;
  return Array.from({ length: reports }, (_, i) => {
    const { name, bytes } = sources[i % sources.length]!;
    const copy = String(i + 1).padStart(width, '0');
    const path = join(dir, `${name}_copy${copy}.pdf`);
    writeFileSync(path, Buffer.concat([bytes, Buffer.from(`\n% findings benchmark copy ${copy}\n`)]));
    return path;
  });
}
