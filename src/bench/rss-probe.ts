// Preloaded (node --import) into a timed `findings run`: on exit, writes the process's peak resident set size in
// kilobytes to $FINDINGS_BENCH_RSS_FILE. Worker threads share the process, so this covers them too.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const target = process.env.FINDINGS_BENCH_RSS_FILE;
if (isMainThread && target) {
  process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
}
