// Preloaded (node --import) into a timed `findings run`: on exit, writes the process's peak resident set size and
// CPU time to $FINDINGS_BENCH_USAGE_FILE. Worker threads share the process, so both cover them too.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

export interface Usage {
  /** Kilobytes. */
  maxRSS: number;
  /** Microseconds, all threads. */
  userCPUTime: number;
  systemCPUTime: number;
}

const target = process.env.FINDINGS_BENCH_USAGE_FILE;
if (isMainThread && target) {
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ maxRSS, userCPUTime, systemCPUTime } satisfies Usage));
  });
}
