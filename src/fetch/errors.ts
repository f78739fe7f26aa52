// The ways a request can fail, told apart so the caller can retry, record, or give up on the whole run.

/** Options that cannot work (a bad URL, an unknown area code): the caller's to fix, before anything is fetched. */
export class FetchOptionsError extends Error {
  override readonly name = 'FetchOptionsError';
}

/** The site could not be reached at all (no DNS, connection refused, no route): nightly says so once and goes on offline. */
export class NetworkUnavailableError extends Error {
  override readonly name = 'NetworkUnavailableError';
  constructor(
    readonly url: string,
    readonly code: string,
  ) {
    super(`no network: cannot reach ${new URL(url).host} (${code}); nothing was fetched`);
  }
}

/** A request to `url` that failed for `reason`; the message reads "<url>: <reason>". */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${url}: ${reason}`);
  }
}

export const after = (attempts: number) => (attempts > 1 ? ` after ${attempts} attempts` : '');

/** A request that never got an HTTP answer (or lost it mid-body), after any retries. */
export class NetworkError extends FetchError {
  override readonly name = 'NetworkError';
  constructor(
    url: string,
    readonly code: string,
    readonly attempts: number,
  ) {
    super(url, `network error: ${NETWORK_CODES.get(code) ?? 'failed'} (${code})${after(attempts)}`);
  }
}

/** The server answered with a status we do not accept (after retries, for 429 and 5xx). */
export class HttpStatusError extends FetchError {
  override readonly name = 'HttpStatusError';
  constructor(
    url: string,
    readonly status: number,
    readonly attempts: number,
    detail = '',
  ) {
    super(url, `HTTP ${status}${after(attempts)}${detail ? ` (${detail})` : ''}`);
  }
}

/** The body arrived but is not what we asked for (an HTML error page instead of a PDF, a body over the size limit). */
export class ContentError extends FetchError {
  override readonly name: string = 'ContentError';
}

/**
 * The body ended before it was whole: fewer bytes than its Content-Length, or a PDF without its %%EOF (a connection
 * dropped without a Content-Length looks like a normal end). Retried like a 5xx; `attempts` is set by the last try.
 */
export class ShortBodyError extends ContentError {
  override readonly name = 'ShortBodyError';
  constructor(
    url: string,
    readonly what: string,
    readonly attempts = 1,
  ) {
    super(url, `${what}${after(attempts)}`);
  }
}

/** A redirect we do not follow: off Ofsted's hosts, not http(s), a loop, or too many hops. Not retried. */
export class RedirectError extends FetchError {
  override readonly name = 'RedirectError';
}

/** fetch() failed before any answer for a reason that is not a socket error code (a blocked port, a bad URL). */
export class RequestError extends FetchError {
  override readonly name = 'RequestError';
  constructor(url: string, error: unknown) {
    super(url, `request failed: ${innermostMessage(error)}`);
  }
}

/** The message at the end of the `cause` chain: fetch's own is only "fetch failed". */
function innermostMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) message = e.message;
  return message;
}

// Socket-level failures worth naming, in words; anything else thrown while reading (disk full, a bug) is not a
// network error and is not retried.
const NETWORK_CODES = new Map([
  ['ECONNRESET', 'connection reset'],
  ['ECONNREFUSED', 'connection refused'],
  ['ECONNABORTED', 'connection aborted'],
  ['ENOTFOUND', 'host name not found'],
  ['EAI_AGAIN', 'host name lookup failed'],
  ['ENETUNREACH', 'network unreachable'],
  ['ENETDOWN', 'network down'],
  ['EHOSTUNREACH', 'host unreachable'],
  ['EHOSTDOWN', 'host down'],
  ['ETIMEDOUT', 'timed out'],
  ['EPIPE', 'connection broken'],
  ['UND_ERR_SOCKET', 'connection dropped'],
  ['UND_ERR_CLOSED', 'connection closed'],
  ['UND_ERR_CONNECT_TIMEOUT', 'connect timed out'],
  ['UND_ERR_HEADERS_TIMEOUT', 'no response in time'],
  ['UND_ERR_BODY_TIMEOUT', 'body stalled'],
]);

/** These mean "this host cannot be reached from here", as opposed to a connection that broke once it was made. */
const UNREACHABLE_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The network error code behind `error` (fetch wraps it in `cause`), or null if it is not a network error. */
export function networkErrorCode(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    // AbortSignal.timeout() rejects with a DOMException named TimeoutError, on the request or mid-body.
    if (e.name === 'TimeoutError') return 'ETIMEDOUT';
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
  }
  return null;
}

export function isUnreachable(error: unknown): error is NetworkError {
  return error instanceof NetworkError && UNREACHABLE_CODES.has(error.code);
}
