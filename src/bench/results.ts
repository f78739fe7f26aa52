// The benchmark's figures, its targets (set for 1000 reports on a 2-core machine) and the table it prints.
export interface Figures {
  reports: number;
  pages: number;
  mutool_pages_per_s: number;
  ingest_pages_per_s: number;
  ingest_ratio: number;
  /** pdf.js alone over the same pages on the same threads: the floor under any pdf.js-based pipeline. */
  pdfjs_s: number;
  pdfjs_pages_per_s: number;
  full_run_s: number;
  /** full_run_s / pdfjs_s: what our own code (layout, facts, tagging, store, dataset) adds to pdf.js's time. */
  overhead: number;
  rerun_s: number;
  peak_rss_mb: number;
  /** The tag stage's seconds over the full run's CPU seconds: tagging must stay a small part of a run. */
  tag_cpu_share: number;
}

/** CPU seconds behind each timed figure (all threads or processes); null where they cannot be read. */
export interface CpuSeconds {
  mutool: number | null;
  pdfjs: number | null;
  ingest: number | null;
  full_run: number;
  rerun: number;
  /** The full run's per-document stages (ingest, facts, tag), summed over every document and thread. */
  stages: Record<string, number>;
}

export interface Machine {
  cores: number;
  node: string;
  mutool: string;
  /** 1-minute load averages when the benchmark started and ended: above the core count, others shared the CPU. */
  loadavg: [start: number, end: number];
}

type Target = { figure: keyof Figures; min?: number; max?: number };

const TARGETS: Target[] = [
  { figure: 'ingest_ratio', min: 0.25 },
  { figure: 'full_run_s', max: 75 },
  { figure: 'overhead', max: 1.3 },
  { figure: 'rerun_s', max: 2 },
  { figure: 'peak_rss_mb', max: 400 },
  { figure: 'tag_cpu_share', max: 0.15 },
];

export interface BenchResult extends Figures {
  targets: Record<string, string>;
  pass: Record<string, boolean>;
  cpu_s: CpuSeconds;
  machine: Machine;
}

const targetText = (t: Target) => (t.min !== undefined ? `>= ${t.min}` : `<= ${t.max}`);
const meets = (t: Target, value: number) => (t.min === undefined || value >= t.min) && (t.max === undefined || value <= t.max);

export function judge(figures: Figures, cpu: CpuSeconds, machine: Machine): BenchResult {
  return {
    ...figures,
    targets: Object.fromEntries(TARGETS.map((t) => [t.figure, targetText(t)])),
    pass: Object.fromEntries(TARGETS.map((t) => [t.figure, meets(t, figures[t.figure])])),
    cpu_s: cpu,
    machine,
  };
}

export function table(r: BenchResult): string {
  const rows: string[][] = [
    ['reports', String(r.reports), '', ''],
    ['pages', String(r.pages), '', ''],
    ['mutool pages/s', r.mutool_pages_per_s.toFixed(1), '', ''],
    ['ingest pages/s', r.ingest_pages_per_s.toFixed(1), '', ''],
    ['pdf.js alone pages/s', r.pdfjs_pages_per_s.toFixed(1), '', ''],
    ['pdf.js alone s', r.pdfjs_s.toFixed(1), '', ''],
  ];
  for (const t of TARGETS) {
    const value = r[t.figure].toFixed(t.figure === 'ingest_ratio' || t.figure === 'tag_cpu_share' ? 3 : t.figure === 'overhead' ? 2 : 1);
    rows.push([t.figure.replaceAll('_', ' '), value, targetText(t), r.pass[t.figure] ? 'pass' : 'FAIL']);
  }
  const header = ['figure', 'value', 'target', ''];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((row) => row[c]!.length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 1 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd();
  const cpu = (s: number | null) => (s === null ? '?' : s.toFixed(1));
  return [
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `CPU seconds: mutool ${cpu(r.cpu_s.mutool)}, pdf.js alone ${cpu(r.cpu_s.pdfjs)}, ingest ${cpu(r.cpu_s.ingest)}, full run ${cpu(r.cpu_s.full_run)}, ` +
      `re-run ${cpu(r.cpu_s.rerun)} (stages of the full run: ${Object.entries(r.cpu_s.stages).map(([stage, s]) => `${stage} ${s.toFixed(1)}`).join(', ')}); load average ${r.machine.loadavg[0].toFixed(1)} at the start, ` +
      `${r.machine.loadavg[1].toFixed(1)} at the end, on ${r.machine.cores} cores`,
  ].join('\n');
}
