// What the nightly tests share: fixture publications (real reports from ../shared behind our own provider pages), the
// built CLI run as a child process, and readers for what it leaves in out/.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';
import { pdf, type Provider } from '../fetch/site.js';

export interface Fixture {
  urn: string;
  name: string;
  fileId: string;
  /** As the provider page prints it. */
  published: string;
  /** The report in ../shared/corpus/reports. */
  file: string;
}

export const REPORTS = {
  derbyshire: { urn: '80460', name: 'Derbyshire County Council', fileId: '50000001', published: '14 November 2024', file: 'area_send_80460_derbyshire_14_november_2024.pdf' },
  blackpool: { urn: '80431', name: 'Blackpool Council', fileId: '50000002', published: '25 July 2024', file: 'area_send_80431_blackpool_25_july_2024.pdf' },
  bolton: { urn: '80432', name: 'Bolton Council', fileId: '50000003', published: '30 August 2024', file: 'area_send_80432_bolton_30_august_2024.pdf' },
  darlington: { urn: '80458', name: 'Darlington Borough Council', fileId: '50000004', published: '4 February 2025', file: 'area_send_80458_darlington_04_february_2025.pdf' },
  halton: { urn: '80471', name: 'Halton Borough Council', fileId: '50000005', published: '26 January 2024', file: 'area_send_80471_halton_26_january_2024.pdf' },
  worcestershire: { urn: '80584', name: 'Worcestershire County Council', fileId: '50000006', published: '15 July 2024', file: 'area_send_80584_worcestershire_15_july_2024.pdf' },
} satisfies Record<string, Fixture>;

/** Provider pages for these reports, each with one other publication the fetch must skip. */
export function providers(reports: Fixture[]): Provider[] {
  return reports.map((r) => ({
    urn: r.urn,
    name: r.name,
    publications: [
      { fileId: r.fileId, type: 'Area SEND full inspection', published: r.published },
      { fileId: `9${r.fileId}`, type: "Children's services focused visit", published: '1 March 2023' },
    ],
  }));
}

export const pdfReplies = (reports: Fixture[]) => Object.fromEntries(reports.map((r) => [r.fileId, { body: pdf(r.file) }]));

/** The document id a fetched report gets: the fetcher's file name without `.pdf`. */
export const fetchedDoc = (r: Fixture) => `${r.file.replace(/\.pdf$/, '')}_${r.fileId}`;

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `findings <args>` from the build without blocking this process (the fake site answers from here). `tz` sets the
 * child's time zone: Etc/GMT+12 and Etc/GMT-12 are 24 hours apart, so two runs a second apart fall on different days.
 */
export function runCli(args: string[], opts: { tz?: string; onStderr?: (stderr: string, child: ChildProcess) => void } = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli', 'main.js'), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...(opts.tz && { TZ: opts.tz }) },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    opts.onStderr?.(stderr, child);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export const DAY_BEFORE = 'Etc/GMT+12';
export const DAY_AFTER = 'Etc/GMT-12';

/** The day the run filed its changes under, from its closing line. */
export function changesDay(run: CliRun): string {
  const match = /changes so far on (\d{4}-\d{2}-\d{2})/.exec(run.stderr);
  if (!match) throw new Error(`no changes line in:\n${run.stderr}`);
  return match[1]!;
}

export { readJsonl } from '../helpers.js';

export interface ChangesJson {
  date: string;
  published_at: string | null;
  fetch: { downloaded: string[]; failed: { url: string; reason: string }[]; note: string | null } | null;
  changes: {
    new_documents: { doc: string; kind: string; area: string | null; outcome: string | null }[];
    updated_documents: string[];
    removed_documents: string[];
    new_findings: { area: string | null; la_code: string | null; category: string; polarity: string; findings: { doc: string; quote: string; page: number | null }[] }[];
    failed: { doc: string; error: string }[];
  };
}

export const readChanges = (out: string, day: string) => JSON.parse(readFileSync(join(out, 'changes', `${day}.json`), 'utf8')) as ChangesJson;

/** The dataset a person or program reads: every file in out/ except the run's own state. */
export const DATASET = ['documents.jsonl', 'findings.jsonl', 'errors.jsonl', 'findings.db', 'areas.csv', 'findings.csv', 'summary.json', 'report.html'];

export function snapshot(out: string): Map<string, Buffer | null> {
  return new Map(DATASET.map((f) => [f, existsSync(join(out, f)) ? readFileSync(join(out, f)) : null]));
}

/** Files a killed run could leave behind in out/. */
export const leftovers = (out: string) => readdirSync(out).filter((f) => /\.tmp/.test(f));
