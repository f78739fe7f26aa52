import { describe, expect, it } from 'vitest';
import { isUnreachable, NetworkError, networkErrorCode } from '../../src/fetch/errors.js';
import { backoffDelay, isRetryableNetworkCode, isRetryableStatus, parseRetryAfter } from '../../src/fetch/retry.js';

describe('retry policy', () => {
  it('retries 429 and 5xx, never other statuses', () => {
    expect([429, 500, 502, 503, 504, 599].every(isRetryableStatus)).toBe(true);
    expect([200, 301, 400, 401, 403, 404, 410].some(isRetryableStatus)).toBe(false);
  });

  it('does not retry a name that does not resolve or a port nobody listens on', () => {
    expect(isRetryableNetworkCode('ENOTFOUND')).toBe(false);
    expect(isRetryableNetworkCode('ECONNREFUSED')).toBe(false);
    expect(isRetryableNetworkCode('EAI_AGAIN')).toBe(true);
    expect(isRetryableNetworkCode('ECONNRESET')).toBe(true);
  });

  it('doubles the backoff each retry, with jitter in the upper half of each step', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, 1000, () => 0))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, 1000, () => 1))).toEqual([1000, 2000, 4000, 8000]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-01-01T12:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(null, now)).toBeNull();
  });
});

describe('network errors', () => {
  it('finds the code fetch wraps in its cause, and nothing in other errors', () => {
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    expect(networkErrorCode(refused)).toBe('ECONNREFUSED');
    expect(networkErrorCode(new DOMException('The operation timed out.', 'TimeoutError'))).toBe('ETIMEDOUT');
    expect(networkErrorCode(Object.assign(new Error('disk full'), { code: 'ENOSPC' }))).toBeNull();
    expect(networkErrorCode('not an error')).toBeNull();
  });

  it('tells an unreachable host from a connection that broke', () => {
    expect(isUnreachable(new NetworkError('http://x/', 'ENOTFOUND', 1))).toBe(true);
    expect(isUnreachable(new NetworkError('http://x/', 'ECONNREFUSED', 3))).toBe(true);
    expect(isUnreachable(new NetworkError('http://x/', 'ECONNRESET', 3))).toBe(false);
    expect(new NetworkError('http://x/', 'ECONNRESET', 3).message).toBe('http://x/: network error: connection reset (ECONNRESET) after 3 attempts');
  });
});
