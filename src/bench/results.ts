// The benchmark's figures, its targets (set for 1000 reports on a 2-core machine) and the table it prints.
export interface Figures {
  reports: number;
  pages: number;
  mutool_pages_per_s: number;
  ingest_pages_per_s: number;
  ingest_ratio: number;
  full_run_s: number;
  rerun_s: number;
  peak_rss_mb: number;
}

type Target = { figure: keyof Figures; min?: number; max?: number };

export const TARGETS: Target[] = [
  { figure: 'ingest_ratio', min: 0.25 },
  { figure: 'full_run_s', max: 75 },
  { figure: 'rerun_s', max: 2 },
  { figure: 'peak_rss_mb', max: 400 },
];

export interface BenchResult extends Figures {
  targets: Record<string, string>;
  pass: Record<string, boolean>;
  machine: { cores: number; node: string; mutool: string };
}

const targetText = (t: Target) => (t.min !== undefined ? `>= ${t.min}` : `<= ${t.max}`);
const meets = (t: Target, value: number) => (t.min === undefined || value >= t.min) && (t.max === undefined || value <= t.max);

export function judge(figures: Figures, machine: BenchResult['machine']): BenchResult {
  return {
    ...figures,
    targets: Object.fromEntries(TARGETS.map((t) => [t.figure, targetText(t)])),
    pass: Object.fromEntries(TARGETS.map((t) => [t.figure, meets(t, figures[t.figure])])),
    machine,
  };
}

export function table(r: BenchResult): string {
  const rows: [string, string, string, string][] = [
    ['reports', String(r.reports), '', ''],
    ['pages', String(r.pages), '', ''],
    ['mutool pages/s', r.mutool_pages_per_s.toFixed(1), '', ''],
    ['ingest pages/s', r.ingest_pages_per_s.toFixed(1), '', ''],
  ];
  for (const t of TARGETS) {
    const v = r[t.figure];
    rows.push([t.figure.replaceAll('_', ' '), v.toFixed(t.figure === 'ingest_ratio' ? 3 : 1), targetText(t), r.pass[t.figure] ? 'pass' : 'FAIL']);
  }
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((row) => row[c]!.length), ['figure', 'value', 'target', ''][c]!.length));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  return [line(['figure', 'value', 'target', '']), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
