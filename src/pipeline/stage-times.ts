// Per-stage time of each document, for the benchmark only. With $FINDINGS_BENCH_STAGES_FILE set, the thread that
// processes a document appends one line to that file: the milliseconds each stage took on it. A stage's work is
// synchronous on its thread (pdf.js runs in-thread too), so its wall time there is its CPU time bar preemption.
// Unset (every ordinary run), nothing is timed or written.
import { appendFileSync } from 'node:fs';

const target = process.env.FINDINGS_BENCH_STAGES_FILE;

export type StageTimes = Record<string, number>;

/** Runs `work`, adding its milliseconds to `times[stage]` when stage times are being recorded. */
export function timed<T>(times: StageTimes | null, stage: string, work: () => T): T {
  if (!times) return work();
  const started = performance.now();
  const result = work();
  times[stage] = (times[stage] ?? 0) + performance.now() - started;
  return result;
}

/** A record of one document's stage times, or null when none are recorded. */
export const stageTimes = (): StageTimes | null => (target ? {} : null);

export function saveStageTimes(times: StageTimes | null): void {
  if (target && times) appendFileSync(target, `${JSON.stringify(times)}\n`);
}
