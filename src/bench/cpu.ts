// Timings with the CPU seconds behind them: on a shared machine wall time also counts other programs, so the CPU
// time is what to read a slow figure against.
import { readFileSync } from 'node:fs';

export interface Timing {
  seconds: number;
  /** null where it cannot be read. */
  cpuSeconds: number | null;
}

/** The two timings added, CPU unknown if either's is. */
export const addTimings = (a: Timing, b: Timing): Timing => ({
  seconds: a.seconds + b.seconds,
  cpuSeconds: a.cpuSeconds === null || b.cpuSeconds === null ? null : a.cpuSeconds + b.cpuSeconds,
});

/** This process's CPU time so far, every thread included. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * CPU time of this process's finished child processes and their descendants (Linux /proc; fields cutime and
 * cstime, in clock ticks of 1/100 s), or null where /proc is not there.
 */
export function childrenCpuSeconds(): number | null {
  try {
    // The command name (field 2) may hold spaces; the fields after its closing bracket are space-separated.
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}
