// When to try a request again, and how long to wait first.

/** 429 (slow down) and any 5xx are the server's trouble, not ours: worth another go. Other statuses are final. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * A name that does not resolve, or a host with nothing listening, will say the same in a second (offline, the first
 * request says so at once); every other network failure may be passing.
 */
export function isRetryableNetworkCode(code: string): boolean {
  return code !== 'ENOTFOUND' && code !== 'ECONNREFUSED';
}

/**
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so many clients that failed together
 * do not all come back together. attempt is 0 for the first retry.
 */
export function backoffDelay(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const step = baseMs * 2 ** attempt;
  return Math.round(step / 2 + random() * (step / 2));
}

/** Retry-After as milliseconds from `now`: either delta-seconds or an HTTP date. Null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
