// A polite HTTP client for someone else's website: a few requests at a time, spaced out, named, timed out, and retried
// with backoff when the server (or the line) has a bad moment.
import pLimit, { type LimitFunction } from 'p-limit';
import { HttpStatusError, NetworkError, networkErrorCode, RedirectError, RequestError, ShortBodyError } from './errors.js';
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
  /** Hosts (host[:port]) a redirect may lead to; any other is a failure naming the target. */
  allowedHosts: string[];
  /** Redirects followed per request. */
  maxRedirects: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

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
        response = await this.follow(url, accept, AbortSignal.timeout(this.options.timeoutMs));
        this.reached = true;
        if (response.ok) return await consume(response);
      } catch (error) {
        if (error instanceof ShortBodyError) {
          if (attempt >= retries) throw new ShortBodyError(url, error.what, attempt + 1);
          await sleep(backoffDelay(attempt, backoffMs));
          continue;
        }
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

  /**
   * GET `url`, following redirects ourselves: only to http(s) URLs on the allowed hosts, never in a loop, at most
   * `maxRedirects` of them. fetch's own following would go anywhere and say only "fetch failed" when it gives up.
   */
  private async follow(url: string, accept: string, signal: AbortSignal): Promise<Response> {
    const visited = new Set<string>();
    let current = url;
    for (let hops = 0; ; hops++) {
      visited.add(current);
      const response = await this.get(current, accept, signal);
      const location = REDIRECTS.has(response.status) ? response.headers.get('location') : null;
      if (location === null) return response;
      await response.body?.cancel();
      const target = URL.parse(location, current);
      const refuse = (why: string) => new RedirectError(url, `redirect from ${current} to ${target?.href ?? JSON.stringify(location)} refused: ${why}`);
      if (target === null) throw refuse('not a URL');
      if (target.protocol !== 'http:' && target.protocol !== 'https:') throw refuse(`${target.protocol} is not http(s)`);
      if (!this.options.allowedHosts.includes(target.host)) {
        throw refuse(`${target.host} is not one of Ofsted's hosts (${this.options.allowedHosts.join(', ')})`);
      }
      if (visited.has(target.href)) throw refuse('redirect loop');
      if (hops >= this.options.maxRedirects) throw refuse(`more than ${this.options.maxRedirects} redirects`);
      current = target.href;
    }
  }

  private async get(url: string, accept: string, signal: AbortSignal): Promise<Response> {
    try {
      return await fetch(url, { headers: { 'user-agent': this.options.userAgent, accept }, signal, redirect: 'manual' });
    } catch (error) {
      // Socket failures are told apart by code (and retried) by the caller; anything else fetch rejects with is only
      // "fetch failed" until its cause is named.
      if (networkErrorCode(error) !== null) throw error;
      throw new RequestError(url, error);
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
