// Exit codes and option checking shared by every command.
import type { z } from 'zod';
import { printable } from '../printable.js';
export const SOME_FAILED = 1;
export const USAGE_ERROR = 2;

/** Reports bad usage the way commander does (message on stderr, exit 2), for checks commander cannot make itself. */
export function usageError(message: string): never {
  process.stderr.write(`findings: ${printable(message)}\n`);
  process.exit(USAGE_ERROR);
}

/** ["delayMs"] → "--delay-ms", as the user typed it. */
const flag = (path: PropertyKey[]) => `--${path.map(String).join('.').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Checks a command's options against its schema; bad ones are a usage error naming each flag and what is wrong. */
export function parseOptions<T>(schema: z.ZodType<T>, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) usageError(parsed.error.issues.map((i) => `${flag(i.path)}: ${i.message}`).join('; '));
  return parsed.data;
}
