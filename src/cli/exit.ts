// Exit codes shared by every command.
export const SOME_FAILED = 1;
export const USAGE_ERROR = 2;

/** Reports bad usage the way commander does (message on stderr, exit 2), for checks commander cannot make itself. */
export function usageError(message: string): never {
  process.stderr.write(`findings: ${message}\n`);
  process.exit(USAGE_ERROR);
}
