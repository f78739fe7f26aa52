// Test helper: a Document from a raw pdf-parse dump (/tmp/raw/*.txt, pages marked "=====PAGE n=====") or a scraped
// article, with running page headers and footers dropped, standing in for ingest until src/ingest lands.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Document, Kind } from '../../src/records.js';

/** Lines that open or close two or more pages (digits ignored) are running headers, footers or page numbers. */
function dropRunningLines(pages: string[][]): string[][] {
  const key = (line: string) => line.trim().replace(/\d+/g, '#');
  const edges = (lines: string[]) => [...lines.slice(0, 2), ...lines.slice(-1)];
  const seen = new Map<string, number>();
  for (const lines of pages) for (const k of new Set(edges(lines).map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  return pages.map((lines) =>
    lines.filter((line, i) => !((i < 2 || i === lines.length - 1) && (seen.get(key(line)) ?? 0) >= 2)),
  );
}

export function rawDocument(path: string, kind: Kind): Document {
  const raw = readFileSync(path, 'utf8');
  const pages = raw.includes('=====PAGE ')
    ? dropRunningLines(raw.split(/^=====PAGE \d+=====$/m).slice(1).map((p) => p.split('\n').filter((l) => l.trim())))
    : [raw.split('\n')];
  const text = pages.map((p) => p.join('\n')).join('\n');
  return { id: basename(path).replace(/\.[^.]+$/, ''), source: path, sha256: '0'.repeat(64), kind, text, pages: [], sections: [] };
}
