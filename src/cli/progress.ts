// Progress for long runs: a bar on a terminal, plain log lines otherwise (cron, CI, pipes).
import cliProgress from 'cli-progress';
import { printable } from '../printable.js';

export type ProgressFn = (done: number, total: number, doc: string | null) => void;

export function progressReporter(label: string, stream: NodeJS.WriteStream = process.stderr): { update: ProgressFn; stop: () => void } {
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: `${label} [{bar}] {value}/{total} {percentage}% | eta {eta_formatted} | {doc}`, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total, doc) {
        if (!started && total > 0) {
          bar.start(total, 0, { doc: '' });
          started = true;
        }
        if (started) bar.update(done, { doc: printable(doc ?? '') });
      },
      stop: () => started && bar.stop(),
    };
  }
  return {
    update(done, total, doc) {
      stream.write(doc === null ? `${label}: ${total} document(s) to process\n` : `${label}: [${done}/${total}] ${printable(doc)}\n`);
    },
    stop: () => undefined,
  };
}
