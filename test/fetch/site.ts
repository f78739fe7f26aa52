// A stand-in for Ofsted's two hosts on 127.0.0.1: the reports site (search listing, provider pages) and the file
// server (PDFs). Pages are our own fixtures in the site's markup; PDFs are the real reports from ../shared.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FetchOptions } from '../../src/fetch/index.js';
import { reportsDir } from '../helpers.js';

export type Reply =
  | { status?: number; body: string | Buffer; headers?: Record<string, string> }
  /**
   * Send the headers and `bytes` of the body, then cut the connection. With the full Content-Length unless `length` is
   * false: then the body is delimited by the connection's end (no chunks), so a cut looks like a normal end.
   */
  | { drop: Buffer; bytes: number; length?: boolean }
  /** Send the headers and `bytes` of the body, then stall with the connection open. */
  | { stall: Buffer; bytes: number }
  /** Accept the request and never answer. */
  | { hang: true };

export interface Publication {
  fileId: string;
  /** e.g. "Area SEND full inspection" or "Children's services focused visit". */
  type: string;
  /** As the site prints it, e.g. "14 November 2024". */
  published: string;
}

export interface Provider {
  urn: string;
  name: string;
  publications: Publication[];
}

export const pdf = (name: string): Buffer => readFileSync(join(reportsDir, name));

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&#39;');

/** A search results page, marked up like the site's (results list of h3 links, pagination, site chrome). */
export function listingPage(providers: Provider[]): string {
  const results = providers
    .map(
      (p) => `
      <li class="search-result">
        <h3 class="search-result__title"><a href="/provider/44/${p.urn}">${escape(p.name)}</a></h3>
        <ul class="search-result__provider-info">
          <li>Local authority children's services</li>
          <li><address class="search-result__address">County Hall, Somewhere</address></li>
        </ul>
      </li>`,
    )
    .join('');
  return `<!DOCTYPE html><html lang="en"><head><title>Search results - Ofsted</title></head><body>
    <header><a href="/">Find an inspection report</a> <a href="/about-our-inspection-reports">About our reports</a></header>
    <main id="main-content"><h1>Search results</h1>
      <p class="search-results__count">${providers.length} results</p>
      <ul class="results-list">${results}</ul>
      <nav class="pagination"><a class="pagination__next" href="/search?q=&amp;start=100&amp;rows=100">Next</a></nav>
    </main></body></html>`;
}

/** A provider page: heading, then the timeline of events, each with a publication link to the file server. */
export function providerPage(provider: Provider): string {
  const events = provider.publications
    .map(
      (p) => `
      <li class="timeline__day"><div class="event">
        <p class="timeline__date"><time>${p.published}</time></p>
        <a class="publication-link" href="https://files.ofsted.gov.uk/v1/file/${p.fileId}" target="_blank">
          ${escape(p.type)} <span class="nonvisual">${escape(p.type)}, PDF - ${p.published}</span>
        </a>
        <div>Published <time>${p.published}</time></div>
      </div></li>`,
    )
    .join('');
  return `<!DOCTYPE html><html lang="en"><head><title>${escape(provider.name)} - Ofsted</title></head><body>
    <header><a href="/">Find an inspection report</a></header>
    <main id="main-content">
      <h1 class="heading--title">${escape(provider.name)}</h1>
      <p>URN: ${provider.urn}</p><p>Local authority children's services</p>
      <div class="timeline-container"><ol class="timeline">${events}</ol></div>
    </main></body></html>`;
}

interface Seen {
  path: string;
  userAgent: string | undefined;
}

/** One local server playing both hosts. Routes reply in order; the last reply repeats. Unknown paths are 404. */
export class FakeOfsted {
  readonly requests: Seen[] = [];
  /** Most requests in flight at once, to check the client's concurrency limit. */
  maxInFlight = 0;
  private inFlight = 0;
  private readonly routes = new Map<string, Reply[]>();

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeOfsted> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const site = new FakeOfsted(server, `http://127.0.0.1:${port}`);
    server.on('request', (req, res) => site.handle(req, res));
    return site;
  }

  on(path: string, ...replies: Reply[]): this {
    this.routes.set(path, replies);
    return this;
  }

  /** The listing (first page `providers`, second page empty) and every provider page, plus PDFs by file id. */
  serve(providers: Provider[], files: Record<string, Reply> = {}): this {
    this.on(listingPath(0), { body: listingPage(providers) });
    this.on(listingPath(100), { body: listingPage([]) });
    for (const provider of providers) this.on(`/provider/44/${provider.urn}`, { body: providerPage(provider) });
    for (const [fileId, reply] of Object.entries(files)) this.on(`/v1/file/${fileId}`, reply);
    return this;
  }

  hits(path: string): number {
    return this.requests.filter((r) => r.path === path).length;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? '/';
    this.requests.push({ path, userAgent: req.headers['user-agent'] });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    res.on('close', () => this.inFlight--);
    const replies = this.routes.get(path);
    const reply = replies && (replies.length > 1 ? replies.shift()! : replies[0]!);
    // A little latency, so that requests from a client that ignored its limit would overlap here.
    setTimeout(() => this.send(res, reply), 5);
  }

  private send(res: ServerResponse, reply: Reply | undefined): void {
    if (!reply) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Page not found</h1>');
    } else if ('hang' in reply) {
      return;
    } else if ('drop' in reply && reply.length === false) {
      const socket = res.socket!;
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/pdf\r\nconnection: close\r\n\r\n');
      socket.write(reply.drop.subarray(0, reply.bytes), () => socket.destroy());
    } else if ('drop' in reply) {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(reply.drop.length) });
      res.write(reply.drop.subarray(0, reply.bytes), () => res.destroy());
    } else if ('stall' in reply) {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(reply.stall.length) });
      res.write(reply.stall.subarray(0, reply.bytes));
    } else {
      const type = Buffer.isBuffer(reply.body) ? 'application/pdf' : 'text/html; charset=utf-8';
      res.writeHead(reply.status ?? 200, { 'content-type': type, ...reply.headers }).end(reply.body);
    }
  }
}

export const listingPath = (start: number) => `/search?q=&level_1_types=3&level_2_types%5B%5D=12&start=${start}&rows=100`;

/** A 127.0.0.1 URL nothing listens on: the port was just free, so connecting is refused. */
export async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Fetch options for a test folder and site, with tiny delays and backoff: the politeness is the same code, just faster. */
export function testFetchOptions(dir: string, site: FakeOfsted, extra: Partial<FetchOptions> = {}): FetchOptions {
  return {
    corpus: join(dir, 'corpus'),
    state: join(dir, 'out', 'state.db'),
    baseUrl: site.url,
    filesBaseUrl: site.url,
    delayMs: 0,
    backoffMs: 1,
    retries: 2,
    timeoutMs: 10_000,
    ...extra,
  };
}
