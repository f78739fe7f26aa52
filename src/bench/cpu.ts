// CPU seconds, to read the wall-clock figures against: on a shared machine, wall time also counts other programs.
import { readFileSync } from 'node:fs';

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
