// A polite HTTP client for someone else's website: a few requests at a time, spaced out, named, timed out, and retried
// with backoff when the server (or the line) has a bad moment.
import pLimit, { type LimitFunction } from 'p-limit';
import { HttpStatusError, NetworkError, networkErrorCode } from './errors.js';
import { backoffDelay, isRetryableNetworkCode, isRetryableStatus, parseRetryAfter } from './retry.js';

export interface HttpOptions {
  userAgent: string;
  /** Requests in flight at once. */
  concurrency: number;
  /** Minimum gap between the starts of two requests. */
  delayMs: number;
  /** Per attempt, covering the whole body. */
  timeoutMs: number;
  /** Further attempts after the first. */
  retries: number;
  /** First backoff step; doubles each retry. */
  backoffMs: number;
  /** A Retry-After longer than this is not waited for: the request fails and is tried again next run. */
  maxRetryAfterMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class PoliteHttp {
  private readonly limit: LimitFunction;
  private nextStart = 0;
  /** True once any request got an HTTP answer, whatever its status: the site is reachable. */
  reached = false;

  constructor(private readonly options: HttpOptions) {
    this.limit = pLimit(options.concurrency);
  }

  /**
   * GET `url` and hand the response to `consume`, inside the concurrency slot and the retry loop: a body that breaks
   * mid-read is fetched again, so `consume` must leave nothing behind when it throws.
   */
  request<T>(url: string, consume: (response: Response) => Promise<T>, accept = '*/*'): Promise<T> {
    return this.limit(() => this.withRetries(url, consume, accept));
  }

  text(url: string): Promise<string> {
    return this.request(url, (response) => response.text(), 'text/html');
  }

  private async withRetries<T>(url: string, consume: (response: Response) => Promise<T>, accept: string): Promise<T> {
    const { retries, backoffMs, maxRetryAfterMs } = this.options;
    for (let attempt = 0; ; attempt++) {
      await this.spaceOut();
      let response: Response;
      try {
        response = await fetch(url, {
          headers: { 'user-agent': this.options.userAgent, accept },
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
        this.reached = true;
        if (response.ok) return await consume(response);
      } catch (error) {
        const code = networkErrorCode(error);
        if (code === null) throw error;
        if (!isRetryableNetworkCode(code) || attempt >= retries) throw new NetworkError(url, code, attempt + 1);
        await sleep(backoffDelay(attempt, backoffMs));
        continue;
      }
      await response.body?.cancel();
      if (!isRetryableStatus(response.status) || attempt >= retries) {
        throw new HttpStatusError(url, response.status, attempt + 1);
      }
      const asked = parseRetryAfter(response.headers.get('retry-after'));
      if (asked !== null && asked > maxRetryAfterMs) {
        const detail = `server asked to retry after ${Math.ceil(asked / 1000)}s`;
        throw new HttpStatusError(url, response.status, attempt + 1, detail);
      }
      // Honour Retry-After, but never come back sooner than our own backoff would.
      await sleep(Math.max(asked ?? 0, backoffDelay(attempt, backoffMs)));
    }
  }

  /** Space request starts `delayMs` apart across all slots, so concurrency never turns into a burst. */
  private async spaceOut(): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.nextStart);
    this.nextStart = at + this.options.delayMs;
    if (at > now) await sleep(at - now);
  }
}
